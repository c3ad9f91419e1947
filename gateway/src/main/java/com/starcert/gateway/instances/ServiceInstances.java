package com.starcert.gateway.instances;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Where the instances of each service answer, from the gateway's settings: {@code starcert.gateway.audit-uri} and
 * its siblings take one address or several, comma-separated ({@code STARCERT_GATEWAY_AUDITURI=http://a:8082,
 * http://b:8082}). Routes name a service as {@code lb://audit-service}, and Spring Cloud LoadBalancer picks one of
 * the instances this client offers, round-robin.
 *
 * <p>A host name that resolves to several IP addresses (compose's {@code deploy.replicas}, a headless Kubernetes
 * Service) counts as one instance per address, looked up again at every check. Where a service has several
 * instances, each one's {@code /actuator/health} is asked every
 * {@code starcert.gateway.instance-check-interval} (default 2 s); one that does not answer UP is left out until it
 * does again, so a stopped or crashed instance stops receiving requests within that interval. If none answers, all
 * are offered (the request then fails with the service's own 503 problem rather than "no instance"). On Kubernetes
 * or behind another balancer, give one address (the Service) and nothing is checked here.
 */
@Component
public class ServiceInstances implements ReactiveDiscoveryClient, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ServiceInstances.class);

    /** Service id in {@code lb://…} → the setting that lists its instances. */
    static final Map<String, String> SETTINGS = Map.of(
            "outlet-service", "starcert.gateway.outlet-uri",
            "audit-service", "starcert.gateway.audit-uri",
            "scoring-service", "starcert.gateway.scoring-uri",
            "certificate-service", "starcert.gateway.certificate-uri");

    private final Map<String, List<URI>> addresses = new ConcurrentHashMap<>();
    private final Map<String, List<ServiceInstance>> configured = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "instance-checks");
        thread.setDaemon(true);
        return thread;
    });

    public ServiceInstances(Environment environment) {
        SETTINGS.forEach((service, setting) -> addresses.put(service, uris(environment.getProperty(setting, ""))));
        resolve();
        Duration interval = environment.getProperty("starcert.gateway.instance-check-interval", Duration.class,
                Duration.ofSeconds(2));
        checks.scheduleWithFixedDelay(() -> {
            resolve();
            checkAll();
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String description() {
        return "StarCert service instances from starcert.gateway.*-uri";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        List<ServiceInstance> all = configured.getOrDefault(serviceId, List.of());
        List<ServiceInstance> up = all.stream().filter(i -> !down.contains(i.getInstanceId())).toList();
        return Flux.fromIterable(up.isEmpty() ? all : up);
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(SETTINGS.keySet());
    }

    static List<URI> uris(String addresses) {
        return Arrays.stream(addresses.split(",")).map(String::trim).filter(a -> !a.isEmpty()).map(URI::create)
                .toList();
    }

    /** Each configured address, one instance per IP address its host name has (a literal or localhost: itself). */
    private void resolve() {
        addresses.forEach((service, uris) -> {
            List<ServiceInstance> instances = new ArrayList<>();
            for (URI uri : uris) {
                for (String host : hosts(uri.getHost())) {
                    instances.add(instance(service, uri, host));
                }
            }
            configured.put(service, List.copyOf(instances));
        });
    }

    static List<String> hosts(String host) {
        if (host == null || host.equalsIgnoreCase("localhost") || host.matches("[0-9.]+") || host.contains(":")) {
            return host == null ? List.of() : List.of(host);
        }
        try {
            List<String> ips = Arrays.stream(InetAddress.getAllByName(host)).filter(a -> a instanceof Inet4Address)
                    .map(InetAddress::getHostAddress).distinct().toList();
            return ips.size() > 1 ? ips : List.of(host);
        } catch (UnknownHostException e) {
            return List.of(host);
        }
    }

    private static ServiceInstance instance(String service, URI uri, String host) {
        boolean secure = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : (secure ? 443 : 80);
        return new DefaultServiceInstance(service + "@" + host + ":" + port, service, host, port, secure);
    }

    private void checkAll() {
        configured.values().stream().filter(list -> list.size() > 1).flatMap(List::stream).forEach(instance -> {
            HttpRequest request = HttpRequest.newBuilder(instance.getUri().resolve("/actuator/health"))
                    // a busy instance may take a moment; a stopped one refuses the connection at once
                    .timeout(Duration.ofSeconds(3)).GET().build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                boolean up = failure == null && response.statusCode() == 200 && response.body().contains("\"UP\"");
                if (up ? down.remove(instance.getInstanceId()) : down.add(instance.getInstanceId())) {
                    log.info("{} is {}", instance.getInstanceId(), up ? "UP again" : "not answering: left out");
                }
            });
        });
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
