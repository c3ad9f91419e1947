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
 * {@code POST /api/operations/dead-letters/{topic}/redrive} (OPERATOR, see EdgeSecurityConfiguration): every
 * service re-drives the dead letters of {@code topic} its own consumers wrote (a dead-letter topic holds the
 * failures of every service reading the topic); the gateway asks each service in turn, with the operator's token,
 * and answers how many each put back:
 *
 * <pre>{"topic": "score.computed", "redriven": 3,
 *  "services": {"audit-service": {"redriven": 1, "byConsumerGroup": {...}}, "certificate-service": {...}, …}}</pre>
 *
 * A topic no service knows is the services' own 400 problem (and one that is not even a topic name the gateway's);
 * a re-drive already running is their 409. When some services re-drove and others could not be asked or failed,
 * the answer is a 502 problem that still lists, per service, what it did or why not — a re-drive can be repeated
 * safely, each service remembers how far it got.
 */
@RestController
class DeadLetterRedrive {

    static final List<String> SERVICES = List.of("outlet-service", "audit-service", "scoring-service",
            "certificate-service");
    private static final Pattern TOPIC = Pattern.compile("[a-z][a-z0-9.-]{0,99}");
    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    private final ServiceInstances instances;
    private final WebClient client = WebClient.create();
    private final Duration timeout;

    DeadLetterRedrive(ServiceInstances instances, @Value("${starcert.gateway.timeout:30s}") Duration timeout) {
        this.instances = instances;
        this.timeout = timeout;
    }

    /** One service's answer: its status and body, or why it could not be asked. */
    record Answer(String service, int status, Map<String, Object> body) {
    }

    @PostMapping("/api/operations/dead-letters/{topic}/redrive")
    Mono<ResponseEntity<Map<String, Object>>> redrive(@PathVariable String topic,
                                                     @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization) {
        if (!TOPIC.matcher(topic).matches()) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "Invalid request", "topic: not a topic name: "
                    + "lower-case letters, digits, '.' and '-', at most 100 (e.g. audit.submitted)",
                    Map.of("errors", List.of(Map.of("field", "topic", "reason", "not a topic name")))));
        }
        return Flux.fromIterable(SERVICES).concatMap(service -> ask(service, topic, authorization)).collectList()
                .map(answers -> summarise(topic, answers));
    }

    private Mono<Answer> ask(String service, String topic, String authorization) {
        return instances.getInstances(service).next()
                .map(ServiceInstance::getUri)
                .flatMap(base -> client.post()
                        .uri(URI.create(base.toString().replaceAll("/$", "")
                                + "/api/operations/dead-letters/" + topic + "/redrive"))
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

    private static ResponseEntity<Map<String, Object>> summarise(String topic, List<Answer> answers) {
        Map<String, Object> services = new LinkedHashMap<>();
        long redriven = 0;
        boolean allDone = true;
        for (Answer answer : answers) {
            if (answer.status() == 200) {
                Object count = answer.body().get("redriven");
                redriven += count instanceof Number n ? n.longValue() : 0;
                Map<String, Object> done = new LinkedHashMap<>();
                done.put("redriven", count);
                done.put("byConsumerGroup", answer.body().getOrDefault("byConsumerGroup", Map.of()));
                services.put(answer.service(), done);
            } else {
                allDone = false;
                services.put(answer.service(), Map.of("status", answer.status(),
                        "detail", String.valueOf(answer.body().getOrDefault("detail", "failed"))));
            }
        }
        if (allDone) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("topic", topic);
            body.put("redriven", redriven);
            body.put("services", services);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
        }
        // the same client error from every service (an unknown topic, a re-drive already running): theirs
        int first = answers.get(0).status();
        if (first >= 400 && first < 500 && answers.stream().allMatch(a -> a.status() == first)) {
            return ResponseEntity.status(first).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(answers.get(0).body());
        }
        long done = answers.stream().filter(a -> a.status() == 200).count();
        return problem(HttpStatus.BAD_GATEWAY, "Re-drive incomplete", done + " of " + answers.size()
                + " services re-drove their dead letters of " + topic + " (" + redriven + " records); the others "
                + "could not (see services). Re-driving again is safe: each service remembers how far it got.",
                Map.of("topic", topic, "redriven", redriven, "services", services));
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
