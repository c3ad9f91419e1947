package com.starcert.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in service: answers every request with its own name and records what reached it. A path containing
 * {@code /slow} is answered only after five seconds (longer than the tests' gateway timeout), one containing
 * {@code /pause} after one second; one containing {@code /cacheable} carries an {@code ETag} and a public max-age.
 */
final class Backend {

    /** One request as the service saw it; header names are case-insensitive. */
    record Seen(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    final String name;
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "backend");
        t.setDaemon(true);
        return t;
    });

    Backend(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, new ArrayList<>(v)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/actuator/health")) {
                // the gateway's load balancer asking whether this instance is up
                byte[] up = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, up.length);
                exchange.getResponseBody().write(up);
                exchange.close();
                return;
            }
            seen.add(new Seen(exchange.getRequestMethod(), path, headers, body));
            if (path.contains("/slow") || path.contains("/pause")) {
                try {
                    Thread.sleep(path.contains("/slow") ? 5_000 : 1_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (path.endsWith("/redrive")) {
                redrive(exchange, path);
                return;
            }
            if (path.equals("/api/operations/outbox/parked/resend")) {
                answerJson(exchange, 200, "{\"resent\":" + (name.length() - 3) + ",\"byCollection\":{\"" + name
                        + "s\":" + (name.length() - 3) + "}}");
                return;
            }
            byte[] answer = name.getBytes(StandardCharsets.UTF_8);
            if (path.contains("/cacheable")) {
                // like certificate-service's public answers
                exchange.getResponseHeaders().add("ETag", "\"" + name + "-" + path.hashCode() + "\"");
                exchange.getResponseHeaders().add("Cache-Control", "max-age=10, public");
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
            }
            if (!path.contains("/cacheable")) {
                exchange.getResponseHeaders().add("Set-Cookie", name + "-session=s1; Path=/; HttpOnly");
            }
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /**
     * A service's dead-letter re-drive: re-drives as many records as its name has letters; {@code unknown.topic} is
     * every service's 400 problem, and on {@code flaky.topic} the scoring stand-in fails.
     */
    private void redrive(com.sun.net.httpserver.HttpExchange exchange, String path) throws IOException {
        int status = 200;
        String body = "{\"service\":\"" + name + "\",\"redriven\":" + name.length()
                + ",\"byConsumerGroup\":{\"" + name + "-service\":" + name.length() + "}}";
        if (path.contains("unknown.topic")) {
            status = 400;
            body = "{\"title\":\"Invalid request\",\"status\":400,\"detail\":\"topic: not a StarCert event topic\"}";
        } else if (path.contains("flaky.topic") && name.equals("scoring")) {
            status = 500;
            body = "{\"title\":\"Internal error\",\"status\":500,\"detail\":\"the broker did not take it\"}";
        }
        answerJson(exchange, status, body);
    }

    private static void answerJson(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    /** Stops answering at all, as a crashed instance would. */
    void stop() {
        server.stop(0);
    }

    String uri() {
        return "http://127.0.0.1:" + port();
    }

    int port() {
        return server.getAddress().getPort();
    }

    Seen last() {
        return seen.get(seen.size() - 1);
    }

    /** The last request that reached this service on {@code path}. */
    Seen last(String path) {
        for (int i = seen.size() - 1; i >= 0; i--) {
            if (seen.get(i).path().equals(path)) {
                return seen.get(i);
            }
        }
        throw new AssertionError(name + " saw no request for " + path + "; it saw " + seen.stream().map(Seen::path).toList());
    }

    List<String> paths() {
        return seen.stream().map(Seen::path).toList();
    }
}
