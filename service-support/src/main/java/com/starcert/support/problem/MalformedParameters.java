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
 * argument, a filter), which would otherwise surface as a 500.
 */
public class MalformedParameters extends OncePerRequestFilter {

    private static final Pattern PARAMETER = Pattern.compile("Parameter \\[([\\p{L}\\p{N}_.\\-\\[\\]]{1,100})\\]");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (RuntimeException e) {
            if (!malformed(e)) {
                throw e;
            }
            write(request, response, field(e));
            return;
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

    private static void write(HttpServletRequest request, HttpServletResponse response, String field)
            throws IOException {
        String reason = "is not valid percent-encoded UTF-8 (e.g. %E5%8D%8E for 华)";
        FilterProblems.write(response, FilterProblems.body(HttpStatus.BAD_REQUEST, "Invalid request",
                field + ": " + reason, request.getRequestURI(), List.of(new FieldProblem(field, reason))));
    }
}
