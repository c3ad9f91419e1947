package com.starcert.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** A closed-loop load: {@code clients} threads, each sending the next request as soon as its last one answered. */
final class Load {

    /** What one load run saw; latencies in milliseconds. */
    record Result(int requests, long twoHundreds, Map<Integer, Long> statuses, double seconds, double p50, double p99) {
        double throughput() {
            return requests / seconds;
        }

        long not2xx() {
            return requests - twoHundreds;
        }

        String describe() {
            return String.format("%.0f req/s, p50 %.1f ms, p99 %.1f ms%s", throughput(), p50, p99,
                    not2xx() == 0 ? "" : ", not 2xx: " + statuses);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Load() {
    }

    static Result run(Supplier<HttpRequest> request, int clients, int total) {
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        LongAdder ok = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.execute(() -> {
                int i;
                while ((i = next.getAndIncrement()) < total) {
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = HTTP.send(request.get(), HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (Exception e) {
                        status = -1;
                    }
                    nanos[i] = System.nanoTime() - sent;
                    statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    if (status >= 200 && status < 300) {
                        ok.increment();
                    }
                }
            });
        }
        threads.shutdown();
        try {
            threads.awaitTermination(30, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<Integer, Long> counted = new TreeMap<>();
        statuses.forEach((s, n) -> counted.put(s, n.sum()));
        return new Result(total, ok.sum(), counted, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    static double percentile(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        return sortedNanos[Math.min(sortedNanos.length - 1, (int) (sortedNanos.length * p))] / 1e6;
    }
}
