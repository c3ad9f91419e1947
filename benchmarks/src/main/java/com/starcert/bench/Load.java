package com.starcert.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A closed-loop load of GET requests: {@code clients} threads, each on its own kept-alive HTTP/1.1 connection,
 * sending the next request as soon as its last one answered.
 *
 * <p>Deliberately a plain socket client (the way {@code wrk} works) rather than {@code java.net.http.HttpClient}:
 * on two cores shared with the suite, the JDK client's selector and executor took a large share of the CPU, which
 * hid what the gateway and the service cost (measured: the gateway's cached answers looked slower than the
 * service's uncached ones). A connection the server closes is opened again; a request that fails counts as
 * status -1.
 */
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

    /** One GET: the URL and an optional bearer token. */
    record Get(URI url, String token) {
        byte[] bytes() {
            String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
            StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(url.getHost()).append(':').append(url.getPort()).append("\r\n")
                    .append("Accept: application/json\r\n");
            if (token != null) {
                request.append("Authorization: Bearer ").append(token).append("\r\n");
            }
            return request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    private Load() {
    }

    static Result run(Get get, int clients, int total) {
        byte[] request = get.bytes();
        long[] nanos = new long[total];
        AtomicInteger next = new AtomicInteger();
        LongAdder ok = new LongAdder();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.execute(() -> {
                Connection connection = new Connection(get.url());
                try {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        long sent = System.nanoTime();
                        int status = connection.exchange(request);
                        nanos[i] = System.nanoTime() - sent;
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status >= 200 && status < 300) {
                            ok.increment();
                        }
                    }
                } finally {
                    connection.close();
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

    /** One kept-alive connection; reads each answer whole (Content-Length or chunked) before the next request. */
    static final class Connection {
        private final URI url;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        Connection(URI url) {
            this.url = url;
        }

        /** Sends the request and reads the whole answer; -1 when the connection failed twice. */
        int exchange(byte[] request) {
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    if (socket == null) {
                        open();
                    }
                    out.write(request);
                    out.flush();
                    return readAnswer();
                } catch (IOException e) {
                    close();
                }
            }
            return -1;
        }

        private void open() throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
            socket.setSoTimeout(60_000);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = socket.getOutputStream();
        }

        private int readAnswer() throws IOException {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closes = false;
            String header;
            while (!(header = line()).isEmpty()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                    case "connection" -> closes = value.equalsIgnoreCase("close");
                    default -> { }
                }
            }
            if (chunked) {
                long size;
                while ((size = Long.parseLong(line().split(";", 2)[0].trim(), 16)) > 0) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                closes = true;
                while (in.read() >= 0) {
                    // body until the server closes
                }
            }
            if (closes) {
                close();
            }
            return status;
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            int b;
            while ((b = in.read()) != '\n') {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }
}
