package com.starcert.support.problem;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every JSON request body has a size limit: {@code starcert.web.max-body-size} (1 MB), or a larger one for the paths
 * that need it ({@code starcert.web.max-body-size-by-path}, e.g. findings). Beyond it the answer is a 413 problem,
 * before the body is read when its length is announced, or as soon as the limit is passed when it is streamed. Upload
 * files (multipart, CSV) keep their own limits.
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final java.nio.ByteBuffer NO_BYTES = java.nio.ByteBuffer.allocate(0).asReadOnlyBuffer();

    private final Limits limits;

    public RequestBodyLimit(Limits limits) {
        this.limits = limits;
    }

    /**
     * @param maxBodySize       the limit of a JSON body
     * @param maxBodySizeByPath larger (or smaller) limits by Ant-style path pattern, e.g.
     *                          {@code "[/api/audits/*&#47;findings]": 8MB}
     */
    @ConfigurationProperties("starcert.web")
    public record Limits(@DefaultValue("1MB") DataSize maxBodySize, Map<String, DataSize> maxBodySizeByPath) {

        public Limits {
            maxBodySizeByPath = maxBodySizeByPath == null ? Map.of() : new LinkedHashMap<>(maxBodySizeByPath);
        }

        long limitFor(String path) {
            return maxBodySizeByPath.entrySet().stream().filter(e -> PATHS.match(e.getKey(), path))
                    .map(e -> e.getValue().toBytes()).findFirst().orElse(maxBodySize.toBytes());
        }
    }

    /** Reading the body went past the limit: an exception handler answers {@link #problem} for it. */
    public static final class BodyTooLarge extends IOException {
        final long limit;

        BodyTooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    /** A JSON body that is not UTF-8 (RFC 8259), also inside a value the request does not use. */
    public static final class BodyNotUtf8 extends IOException {
        BodyNotUtf8(long offset) {
            super("the request body is not valid UTF-8 (at about byte " + offset + ")");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!json(request.getContentType())) {
            chain.doFilter(request, response);
            return;
        }
        long limit = limits.limitFor(request.getRequestURI());
        long announced = request.getContentLengthLong();
        if (announced > limit) {
            FilterProblems.write(response, problem(request.getRequestURI(), announced, limit));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.getSubtype().endsWith("+json");
        } catch (RuntimeException unparsable) {
            return false;
        }
    }

    /** The problem for a body over the limit ({@code length} -1 when it was streamed without a length). */
    public static Map<String, Object> problem(String path, long length, long limit) {
        String reason = (length >= 0 ? "is " + length + " bytes; " : "is too large; ") + "at most " + limit
                + " bytes are accepted here";
        return FilterProblems.body(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "the request body " + reason, path, List.of(new FieldProblem("$", reason)));
    }

    /** The request whose body stream fails with {@link BodyTooLarge} once more than the limit was read. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;
                    private final java.nio.charset.CharsetDecoder utf8 = java.nio.charset.StandardCharsets.UTF_8
                            .newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                            .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
                    private java.nio.ByteBuffer pending = NO_BYTES;
                    private final java.nio.CharBuffer scratch = java.nio.CharBuffer.allocate(8192);

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                            check(new byte[] {(byte) b}, 0, 1);
                        } else {
                            finish();
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                            check(buffer, offset, n);
                        } else if (n < 0) {
                            finish();
                        }
                        return n;
                    }

                    /**
                     * Decodes what arrived in place; only the bytes of a sequence split between two reads (at most
                     * three) are kept for the next one.
                     */
                    private void check(byte[] bytes, int offset, int length) throws BodyNotUtf8 {
                        java.nio.ByteBuffer input;
                        if (pending.hasRemaining()) {
                            input = java.nio.ByteBuffer.allocate(pending.remaining() + length);
                            input.put(pending).put(bytes, offset, length).flip();
                        } else {
                            input = java.nio.ByteBuffer.wrap(bytes, offset, length);
                        }
                        decode(input, false);
                        pending = input.hasRemaining()
                                ? java.nio.ByteBuffer.allocate(input.remaining()).put(input).flip()
                                : NO_BYTES;
                    }

                    private void finish() throws BodyNotUtf8 {
                        decode(pending, true);
                        pending = NO_BYTES;
                    }

                    private void decode(java.nio.ByteBuffer input, boolean end) throws BodyNotUtf8 {
                        while (true) {
                            scratch.clear();
                            java.nio.charset.CoderResult result = utf8.decode(input, scratch, end);
                            if (result.isError()) {
                                throw new BodyNotUtf8(read);
                            }
                            if (result.isUnderflow()) {
                                return;
                            }
                        }
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
