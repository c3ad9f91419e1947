package com.starcert.gateway.operations;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import com.starcert.gateway.instances.ServiceInstances;

/**
 * The operator's remedies for events that did not get through, applied by every service (OPERATOR, see
 * EdgeSecurityConfiguration); the gateway asks each service in turn, with the operator's token, and answers what
 * each did:
 * <ul>
 *   <li>{@code POST /api/operations/dead-letters/{topic}/redrive}: every service re-drives the dead letters of
 *       {@code topic} its own consumers wrote (a dead-letter topic holds the failures of every service reading the
 *       topic):
 * <pre>{"topic": "score.computed", "redriven": 3,
 *  "services": {"audit-service": {"redriven": 1, "byConsumerGroup": {...}}, "certificate-service": {...}, …}}</pre>
 *       A topic no service knows is the services' own 400 problem (and one that is not even a topic name the
 *       gateway's); a re-drive already running is their 409.</li>
 *   <li>{@code POST /api/operations/outbox/parked/resend}: every service puts the events the broker refused for
 *       good (parked, see health's {@code outbox.parkedEvents}) back into their outboxes, for after the cause is
 *       removed:
 * <pre>{"resent": 2, "services": {"audit-service": {"resent": 2, "byCollection": {"audits": 2}}, …}}</pre></li>
 * </ul>
 * When some services did their part and others could not be asked or failed, the answer is a 502 problem that
 * still lists, per service, what it did or why not — asking again is safe.
 */
@RestController
class OperatorRemedies {

    static final List<String> SERVICES = List.of("outlet-service", "audit-service", "scoring-service",
            "certificate-service");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9.-]{0,99}");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final ServiceInstances instances;
    private final WebClient client = WebClient.create();
    private final Duration timeout;

    OperatorRemedies(ServiceInstances instances, @Value("${starcert.gateway.timeout:30s}") Duration timeout) {
        this.instances = instances;
        this.timeout = timeout;
    }

    /** One service's answer: its status and body, or why it could not be asked. */
    record Answer(String service, int status, Map<String, Object> body) {
    }

    /** What a remedy is called in answers: the count's field, the per-service breakdown's field, its title. */
    private record Remedy(String count, String breakdown, String title, String done) {
    }

    private static final Remedy REDRIVE = new Remedy("redriven", "byConsumerGroup", "Re-drive incomplete",
            "re-drove their dead letters");
    private static final Remedy RESEND = new Remedy("resent", "byCollection", "Re-send incomplete",
            "put their parked events back to be sent");

    @PostMapping("/api/operations/dead-letters/{topic}/redrive")
    Mono<ResponseEntity<Map<String, Object>>> redrive(@PathVariable String topic,
                                                     @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!TOPIC.matcher(topic).matches()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid request", "topic: not a topic name: "
                    + "lower-case letters, digits, '.' and '-', at most 100 (e.g. audit.submitted)",
                    Map.of("errors", List.of(Map.of("field", "topic", "reason", "not a topic name")))));
        }
        return askEveryService("/api/operations/dead-letters/" + topic + "/redrive", authorization)
                .map(answers -> summarise(REDRIVE, Map.of("topic", topic), " of " + topic, answers));
    }

    @PostMapping("/api/operations/outbox/parked/resend")
    Mono<ResponseEntity<Map<String, Object>>> resendParked(
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        return askEveryService("/api/operations/outbox/parked/resend", authorization)
                .map(answers -> summarise(RESEND, Map.of(), "", answers));
    }

    private Mono<List<Answer>> askEveryService(String path, String authorization) {
        return Flux.fromIterable(SERVICES).concatMap(service -> ask(service, path, authorization)).collectList();
    }

    private Mono<Answer> ask(String service, String path, String authorization) {
        return instances.getInstances(service).next()
                .map(ServiceInstance::getUri)
                .flatMap(base -> client.post()
                        .uri(URI.create(base.toString().replaceAll("/$", "") + path))
                        .header(HttpHeaders.AUTHORIZATION, authorization)
                        .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                        .exchangeToMono(response -> response.bodyToMono(JSON)
                                .defaultIfEmpty(Map.of())
                                .onErrorResume(e -> Mono.just(Map.of("detail", "an answer that is not JSON")))
                                .map(body -> new Answer(service, response.statusCode().value(), body)))
                        .timeout(timeout))
                .switchIfEmpty(Mono.fromSupplier(() -> new Answer(service, 503,
                        Map.of("detail", "no address configured for " + service))))
                .onErrorResume(e -> Mono.just(new Answer(service, 503,
                        Map.of("detail", service + " could not be asked: " + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage())))));
    }

    private static ResponseEntity<Map<String, Object>> summarise(Remedy remedy, Map<String, Object> head,
                                                                String what, List<Answer> answers) {
        Map<String, Object> services = new LinkedHashMap<>();
        long total = 0;
        boolean allDone = true;
        for (Answer answer : answers) {
            if (answer.status() == 200) {
                Object count = answer.body().get(remedy.count());
                total += count instanceof Number n ? n.longValue() : 0;
                Map<String, Object> done = new LinkedHashMap<>();
                done.put(remedy.count(), count);
                done.put(remedy.breakdown(), answer.body().getOrDefault(remedy.breakdown(), Map.of()));
                services.put(answer.service(), done);
            } else {
                allDone = false;
                services.put(answer.service(), Map.of("status", answer.status(),
                        "detail", String.valueOf(answer.body().getOrDefault("detail", "failed"))));
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>(head);
        summary.put(remedy.count(), total);
        summary.put("services", services);
        if (allDone) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(summary);
        }
        // the same client error from every service (an unknown topic, a re-drive already running): theirs
        int first = answers.get(0).status();
        if (first >= 400 && first < 500 && answers.stream().allMatch(a -> a.status() == first)) {
            return ResponseEntity.status(first).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(answers.get(0).body());
        }
        long done = answers.stream().filter(a -> a.status() == 200).count();
        return problem(HttpStatus.BAD_GATEWAY, remedy.title(), done + " of " + answers.size() + " services "
                + remedy.done() + what + " (" + total + " in all); the others could not (see services). "
                + "Asking again is safe.", summary);
    }

    private static ResponseEntity<Map<String, Object>> problem(HttpStatus status, String title, String detail,
                                                              Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        body.putAll(extra);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
