package com.starcert.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the public API behind the gateway, used by the demo and the end-to-end test. */
public final class SuiteClient {

    /** One answer: status code and JSON body (a missing node for an empty body). */
    public record Reply(int status, JsonNode body, String etag) {
        public Reply expect(int expected) {
            if (status != expected) {
                throw new IllegalStateException("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final Supplier<String> token;
    private final JsonMapper json = JsonMapper.builder().build();

    /** An anonymous client (public endpoints only). */
    public SuiteClient(String baseUrl) {
        this(baseUrl, null);
    }

    private SuiteClient(String baseUrl, Supplier<String> token) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.token = token;
    }

    /** The same API, calling with the access tokens {@code token} supplies ({@code Authorization: Bearer}). */
    public SuiteClient as(Supplier<String> token) {
        return new SuiteClient(baseUrl, token);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Reply post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).POST(bodyOf(body)).header("Content-Type", "application/json"));
    }

    public Reply put(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(bodyOf(body)).header("Content-Type", "application/json"));
    }

    /** A replacing update carrying the version read before ({@code If-Match}). */
    public Reply put(String path, Object body, String etag) {
        return send(HttpRequest.newBuilder(uri(path)).PUT(bodyOf(body)).header("Content-Type", "application/json")
                .header("If-Match", etag));
    }

    /** Polls {@code path} until the reply satisfies {@code done}, or fails after {@code timeout}. */
    public Reply await(String path, Predicate<Reply> done, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Reply last = null;
        while (Instant.now().isBefore(deadline)) {
            last = get(path);
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("gave up waiting on " + path + " after " + timeout + "; last answer: "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private HttpRequest.BodyPublisher bodyOf(Object body) {
        String text = body instanceof String s ? s : json.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
            if (token != null) {
                request.header("Authorization", "Bearer " + token.get());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? json.missingNode() : json.readTree(text);
            return new Reply(response.statusCode(), body, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException("no answer from " + baseUrl + " (is the suite running?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
