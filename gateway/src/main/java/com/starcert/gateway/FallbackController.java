package com.starcert.gateway;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * Where a route's circuit breaker forwards when its service is down or too slow: a 503 problem that says which
 * service, instead of a bare gateway error. What it says about the request depends on why: when the request never
 * reached the service (circuit open, connection refused) nothing was changed; when the service was reached but did
 * not answer in time it may well have committed the change, so a blind retry could do it twice.
 */
@RestController
class FallbackController {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestMapping("/fallback/not-found")
    ResponseEntity<ProblemDetail> notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "there is no StarCert API at this path; see the README for the routes");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        String detail;
        if (neverSent(cause)) {
            detail = "the " + service + " service is not answering right now; nothing was changed — try again shortly";
        } else if (SAFE.contains(exchange.getRequest().getMethod())) {
            detail = "the " + service + " service did not answer in time; try again shortly";
        } else {
            detail = "the " + service + " service did not answer in time; the outcome is unknown — it may have "
                    + "completed the change — so read the resource to see whether it did before retrying";
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
        problem.setTitle("Service unavailable");
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(problem);
    }

    /** Whether the request certainly did not reach the service: the breaker was open or no connection was made. */
    static boolean neverSent(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CallNotPermittedException || t instanceof ConnectException
                    || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }
}
