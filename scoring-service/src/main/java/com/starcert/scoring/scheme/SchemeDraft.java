package com.starcert.scoring.scheme;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.starcert.contracts.Scheme;
import com.starcert.support.problem.FieldProblem;

/**
 * A scheme version as a CB administrator submits it, before it is accepted. Fields are loosely typed on purpose
 * ({@code scope} a string, {@code sampled} a nullable Boolean) so that one pass can report every problem at once
 * instead of failing on the first value Jackson cannot bind. {@code id} and {@code version} may be left out: the
 * id comes from the path, the version is the next free one.
 */
public record SchemeDraft(String id, Integer version, String title, List<IndicatorDraft> indicators) {

    /** Scheme ids appear in paths and event subjects. */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Indicator codes appear in findings, exclusions and score cards. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,32}");
    static final int MAX_INDICATORS = 500;
    static final int MAX_TEXT = 300;
    /** Points may have decimals (the engine is exact) but not more than this many. */
    static final int MAX_POINTS_SCALE = 2;
    static final BigDecimal MAX_POINTS = new BigDecimal("10000");

    public record IndicatorDraft(String code, String group, String nameZh, String nameEn, BigDecimal points,
                                 String scope, Boolean sampled) {
    }

    public static SchemeDraft of(Scheme scheme) {
        return new SchemeDraft(scheme.id(), scheme.version(), scheme.title(), scheme.indicators() == null ? null
                : scheme.indicators().stream().map(i -> i == null ? null : new IndicatorDraft(i.code(), i.group(),
                        i.nameZh(), i.nameEn(), i.points(), i.scope() == null ? null : i.scope().name(),
                        i.sampled())).toList());
    }

    /**
     * Every problem of the draft published as scheme {@code schemeId}, each with the JSON path of its field;
     * empty when the draft can be accepted. The version number is checked against the store elsewhere.
     */
    public List<FieldProblem> problems(String schemeId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (schemeId == null || !ID.matcher(schemeId).matches()) {
            problems.add(new FieldProblem("id", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
        } else if (id != null && !id.equals(schemeId)) {
            problems.add(new FieldProblem("id", "must be '" + schemeId + "' (the scheme in the path) or left out"));
        }
        if (version != null && version < 1) {
            problems.add(new FieldProblem("version", "must be at least 1"));
        }
        text(title, "title", problems);
        if (indicators == null || indicators.isEmpty()) {
            problems.add(new FieldProblem("indicators", "must list at least one indicator"));
            return problems;
        }
        if (indicators.size() > MAX_INDICATORS) {
            problems.add(new FieldProblem("indicators", "must list at most " + MAX_INDICATORS + " indicators"));
        }
        Map<String, Integer> firstIndexOfCode = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            String at = "indicators[" + i + "]";
            IndicatorDraft indicator = indicators.get(i);
            if (indicator == null) {
                problems.add(new FieldProblem(at, "must be an indicator, not null"));
                continue;
            }
            if (indicator.code() == null || indicator.code().isBlank()) {
                problems.add(new FieldProblem(at + ".code", "must not be blank"));
            } else if (!CODE.matcher(indicator.code()).matches()) {
                problems.add(new FieldProblem(at + ".code", "must be 1 to 32 letters, digits, '.', '_' or '-'"));
            } else {
                Integer first = firstIndexOfCode.putIfAbsent(indicator.code().toUpperCase(Locale.ROOT), i);
                if (first != null) {
                    problems.add(new FieldProblem(at + ".code", "duplicate code '" + indicator.code()
                            + "' (already used by indicators[" + first + "])"));
                }
            }
            text(indicator.group(), at + ".group", problems);
            text(indicator.nameZh(), at + ".nameZh", problems);
            text(indicator.nameEn(), at + ".nameEn", problems);
            points(indicator.points(), at + ".points", problems);
            if (indicator.scope() == null || indicator.scope().isBlank()) {
                problems.add(new FieldProblem(at + ".scope", "must be one of " + scopes()));
            } else if (scope(indicator.scope()) == null) {
                problems.add(new FieldProblem(at + ".scope", "unknown scope '" + indicator.scope()
                        + "'; must be one of " + scopes()));
            }
            if (indicator.sampled() == null) {
                problems.add(new FieldProblem(at + ".sampled", "must be true or false"));
            }
        }
        return problems;
    }

    /** The accepted scheme; only call when {@link #problems(String)} found none. */
    public Scheme toScheme(String schemeId, int schemeVersion) {
        return new Scheme(schemeId, schemeVersion, title.strip(), indicators.stream()
                .map(i -> new Scheme.Indicator(i.code(), i.group().strip(), i.nameZh().strip(), i.nameEn().strip(),
                        i.points(), scope(i.scope()), i.sampled()))
                .toList());
    }

    private static void points(BigDecimal points, String field, List<FieldProblem> problems) {
        if (points == null) {
            problems.add(new FieldProblem(field, "must be given"));
        } else if (points.signum() <= 0) {
            problems.add(new FieldProblem(field, "must be positive"));
        } else if (points.stripTrailingZeros().scale() > MAX_POINTS_SCALE) {
            problems.add(new FieldProblem(field, "must have at most " + MAX_POINTS_SCALE + " decimals"));
        } else if (points.compareTo(MAX_POINTS) > 0) {
            problems.add(new FieldProblem(field, "must not exceed " + MAX_POINTS.toPlainString()));
        }
    }

    private static void text(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank"));
        } else if (value.length() > MAX_TEXT) {
            problems.add(new FieldProblem(field, "must be at most " + MAX_TEXT + " characters"));
        }
    }

    private static Scheme.Scope scope(String name) {
        return Arrays.stream(Scheme.Scope.values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }

    private static String scopes() {
        return Arrays.stream(Scheme.Scope.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
