package com.starcert.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.starcert.infra.TestIssuer;

/**
 * The role × endpoint matrix every service keeps (issue 7): one row per endpoint the application exposes, one
 * expected status per kind of caller. The endpoints are read from the running application's handler mapping, so
 * an endpoint added without a row (or a row left for an endpoint that is gone) fails the build, and so does an
 * {@code /api} handler method that names no roles.
 */
public final class AccessMatrix {

    /** The columns, the same in every service; the team columns matter only where audit teams do. */
    public enum Principal {
        NO_TOKEN, CB_ADMIN, AUDITOR_ON_TEAM, AUDITOR_NOT_ON_TEAM, REVIEWER, REVIEWER_ON_TEAM, OPERATOR,
        ENTERPRISE_OWN, ENTERPRISE_OTHER, INTEGRATOR
    }

    /** Subjects of the team columns, for fixtures that put them on an audit team. */
    public static final String AUDITOR_ON_TEAM = "auditor-on-team";
    public static final String AUDITOR_NOT_ON_TEAM = "auditor-elsewhere";
    public static final String REVIEWER_ON_TEAM = "reviewer-on-team";
    public static final String REVIEWER = "reviewer-1";

    /**
     * One endpoint: {@code "GET /api/x/{id}"}, with {@code " (type, …)"} appended when the handler narrows what it
     * consumes; {@code request} builds a fresh request each time (a success may use up its fixture).
     */
    public record Row(String endpoint, Supplier<MockHttpServletRequestBuilder> request, int[] expected) {
        public Row {
            if (expected.length != Principal.values().length) {
                throw new IllegalArgumentException(endpoint + ": " + expected.length + " statuses for "
                        + Principal.values().length + " columns");
            }
        }
    }

    public static Row row(String endpoint, Supplier<MockHttpServletRequestBuilder> request, int... expected) {
        return new Row(endpoint, request, expected);
    }

    private final TestIssuer issuer;
    private final String ownEnterprise;
    private final String otherEnterprise;

    public AccessMatrix(TestIssuer issuer, String ownEnterprise, String otherEnterprise) {
        this.issuer = issuer;
        this.ownEnterprise = ownEnterprise;
        this.otherEnterprise = otherEnterprise;
    }

    /** A fresh token of the column's principal; null for {@link Principal#NO_TOKEN}. */
    public String token(Principal principal) {
        return switch (principal) {
            case NO_TOKEN -> null;
            case CB_ADMIN -> issuer.cbAdmin();
            case AUDITOR_ON_TEAM -> issuer.auditor(AUDITOR_ON_TEAM);
            case AUDITOR_NOT_ON_TEAM -> issuer.auditor(AUDITOR_NOT_ON_TEAM);
            case REVIEWER -> issuer.reviewer(REVIEWER);
            case REVIEWER_ON_TEAM -> issuer.reviewer(REVIEWER_ON_TEAM);
            case OPERATOR -> issuer.operator();
            case ENTERPRISE_OWN -> issuer.enterprise(ownEnterprise);
            case ENTERPRISE_OTHER -> issuer.enterprise(otherEnterprise);
            case INTEGRATOR -> issuer.integrator();
        };
    }

    /** Every {@code /api} endpoint the application exposes, by name, with its handler method. */
    public static Map<String, HandlerMethod> endpoints(RequestMappingHandlerMapping mapping) {
        Map<String, HandlerMethod> endpoints = new TreeMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Set<String> consumes = new TreeSet<>();
            info.getConsumesCondition().getConsumableMediaTypes().forEach(t -> consumes.add(t.toString()));
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") && !pattern.equals("/api")) {
                    continue;
                }
                for (String method : methods.isEmpty() ? List.of("ANY")
                        : methods.stream().map(Enum::name).sorted().toList()) {
                    String name = method + " " + pattern
                            + (consumes.isEmpty() ? "" : " (" + String.join(", ", consumes) + ")");
                    HandlerMethod previous = endpoints.put(name, e.getValue());
                    assertThat(previous).as("two handler methods answer " + name).isNull();
                }
            }
        }
        return endpoints;
    }

    /** Fails unless the rows name exactly the exposed endpoints. */
    public static void assertRowsCoverExactly(RequestMappingHandlerMapping mapping, List<Row> rows) {
        Set<String> exposed = endpoints(mapping).keySet();
        List<String> named = rows.stream().map(Row::endpoint).toList();
        assertThat(named).as("rows named twice").doesNotHaveDuplicates();
        List<String> problems = new ArrayList<>();
        exposed.stream().filter(e -> !named.contains(e))
                .forEach(e -> problems.add("no row for " + e + " (add one: who may call it?)"));
        named.stream().filter(e -> !exposed.contains(e))
                .forEach(e -> problems.add("a row names " + e + ", which the application does not expose"));
        assertThat(problems).as("access matrix rows against the exposed endpoints").isEmpty();
    }

    /** Fails unless every {@code /api} handler method names its roles ({@code @RolesAllowed} or {@code @PermitAll}). */
    public static void assertEveryHandlerNamesItsRoles(RequestMappingHandlerMapping mapping) {
        List<String> unannotated = new ArrayList<>();
        endpoints(mapping).forEach((name, handler) -> {
            Method method = handler.getMethod();
            Class<?> type = handler.getBeanType();
            boolean named = AnnotatedElementUtils.hasAnnotation(method, RolesAllowed.class)
                    || AnnotatedElementUtils.hasAnnotation(method, PermitAll.class)
                    || AnnotatedElementUtils.hasAnnotation(type, RolesAllowed.class)
                    || AnnotatedElementUtils.hasAnnotation(type, PermitAll.class);
            if (!named) {
                unannotated.add(name + " → " + type.getSimpleName() + "." + method.getName());
            }
        });
        assertThat(unannotated).as("/api handler methods without @RolesAllowed or @PermitAll").isEmpty();
    }

    /**
     * Calls every row as every principal and compares the status; every refusal must be a problem+json. All
     * mismatches are reported together.
     */
    public void assertStatuses(MockMvc mvc, List<Row> rows) throws Exception {
        List<String> mismatches = new ArrayList<>();
        for (Row row : rows) {
            for (Principal principal : Principal.values()) {
                int expected = row.expected()[principal.ordinal()];
                MockHttpServletRequestBuilder request = row.request().get();
                String token = token(principal);
                if (token != null) {
                    request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
                }
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                int actual = response.getStatus();
                if (actual != expected) {
                    mismatches.add(row.endpoint() + " as " + principal + ": expected " + expected + ", got " + actual
                            + " " + abbreviate(response.getContentAsString()));
                } else if (actual >= 400 && (response.getContentType() == null
                        || !MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(
                                MediaType.parseMediaType(response.getContentType())))) {
                    mismatches.add(row.endpoint() + " as " + principal + ": " + actual + " is not problem+json but "
                            + response.getContentType());
                }
            }
        }
        assertThat(mismatches).as("access matrix mismatches").isEmpty();
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
