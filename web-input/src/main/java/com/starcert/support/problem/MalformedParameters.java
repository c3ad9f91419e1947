package com.starcert.support.problem;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query string (or form body) that is not valid percent-encoded UTF-8 — {@code ?name=%ff} — is the caller's
 * mistake: a 400 problem naming the parameter, before anything else reads the parameters. The servlet container
 * only notices it when the parameters are first read, and then throws from wherever that happens (a controller's
 * argument, a filter), which would otherwise surface as a 500. A parameter name carrying a query operator or brackets
 * ({@code uscc[$ne]=x}, {@code $where=…}) is refused the same way: no StarCert parameter has such a name, and
 * Tomcat is told to let those characters through ({@code server.tomcat.relaxed-query-chars}, set by
 * {@link WebInputDefaults}) so that the caller gets this problem rather than the container's HTML error page.
 */
public class MalformedParameters extends OncePerRequestFilter {

    /** Parameter names like {@code uscc[$ne]} or {@code $where}: a query-operator injection, never an API parameter. */
    private static final Pattern OPERATOR_NAME = Pattern.compile("[$\\[\\]{}]");
    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([\\p{L}\\p{N}_.\\-\\[\\]]{1,100})\\]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        java.util.Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (RuntimeException e) {
            if (!malformed(e)) {
                throw e;
            }
            write(request, response, field(e), "is not valid percent-encoded UTF-8 (e.g. %E5%8D%8E for 华)");
            return;
        }
        for (String name : parameters.keySet()) {
            if (OPERATOR_NAME.matcher(name).find()) {
                write(request, response, name.length() > 100 ? name.substring(0, 100) : name,
                        "is not a parameter of this API: parameter names never carry query operators or brackets "
                                + "($, [, ], {, }); give the value itself, e.g. uscc=91310000...");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Tomcat's InvalidParameterException (named, so that services need not compile against Tomcat). */
    private static boolean malformed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().equals("InvalidParameterException")) {
                return true;
            }
        }
        return false;
    }

    /** The parameter's name when the container could read it, else the query as a whole. */
    static String field(Throwable e) {
        Matcher name = PARAMETER.matcher(String.valueOf(e.getMessage()));
        return name.find() ? name.group(1) : "query";
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, String field, String reason)
            throws IOException {
        FilterProblems.write(response, FilterProblems.body(HttpStatus.BAD_REQUEST, "Invalid request",
                field + ": " + reason, request.getRequestURI(), List.of(new FieldProblem(field, reason))));
    }
}
