package com.starcert.audit.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import com.starcert.audit.network.CentralFunction;
import com.starcert.audit.network.Outlet;
import com.starcert.audit.network.Province;

/**
 * Chooses the outlets an audit visits (brief §4). The central function is always in the plan. At least a quarter
 * of the sample (rounded up) is drawn at random from the candidates sorted by outlet id with
 * {@code java.util.Random(seed)}, so the same seed and network reproduce the same draw. The rest is chosen on
 * risk: first outlets in provinces the plan does not cover yet, then outlets registered since the last audit,
 * then outlets not visited last time, then the most recently registered; every pick records why.
 */
public final class SitePlanner {

    private SitePlanner() {
    }

    /**
     * @param candidates the sample base (active outlets other than the headquarters)
     * @param sampleSize outlets to visit, the CB's enlargement included; at most {@code candidates.size()}
     * @param enlargedBy how many of those the CB added above the formula, with {@code enlargementReason}
     */
    public static List<PlannedSite> plan(CentralFunction central, List<Outlet> candidates, int sampleSize, long seed,
                                         AuditHistory history, int enlargedBy, String enlargementReason) {
        if (sampleSize < 0 || sampleSize > candidates.size()) {
            throw new IllegalArgumentException("sample size " + sampleSize + " outside 0.." + candidates.size());
        }
        List<Outlet> sorted = candidates.stream().sorted(Comparator.comparing(Outlet::outletId)).toList();
        List<Pick> picks = new ArrayList<>(sampleSize);
        boolean[] taken = new boolean[sorted.size()];

        int randomCount = SampleSize.randomShare(sampleSize);
        drawAtRandom(sorted, taken, randomCount, seed, picks);
        chooseOnRisk(sorted, taken, sampleSize - randomCount, central, history, picks);

        List<PlannedSite> sites = new ArrayList<>(sampleSize + 1);
        sites.add(new PlannedSite(PlannedSite.CENTRAL_SITE_ID, central.outletId(), true, Selection.CENTRAL,
                "central function (总部) is audited every time", central.name(), central.regionCode(),
                central.addressLine()));
        int enlargedFrom = sampleSize - Math.max(0, Math.min(enlargedBy, sampleSize));
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            String reason = pick.reason();
            if (i >= enlargedFrom) {
                reason += "; sample enlarged by the CB: " + enlargementReason;
            }
            Outlet o = pick.outlet();
            sites.add(new PlannedSite(siteId(i + 1), o.outletId(), false, pick.selection(), reason, o.name(),
                    o.regionCode(), o.addressLine()));
        }
        return List.copyOf(sites);
    }

    public static String siteId(int ordinal) {
        return String.format("S%02d", ordinal);
    }

    private record Pick(Outlet outlet, Selection selection, String reason) {
    }

    /** Partial Fisher–Yates shuffle over the sorted candidates: reproducible from the seed alone. */
    private static void drawAtRandom(List<Outlet> sorted, boolean[] taken, int count, long seed, List<Pick> picks) {
        Random random = new Random(seed);
        int[] order = new int[sorted.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            taken[order[i]] = true;
            picks.add(new Pick(sorted.get(order[i]), Selection.RANDOM,
                    "drawn at random with seed " + seed + " (draw " + (i + 1) + " of " + count + ")"));
        }
    }

    private static void chooseOnRisk(List<Outlet> sorted, boolean[] taken, int count, CentralFunction central,
                                     AuditHistory history, List<Pick> picks) {
        Comparator<Outlet> riskOrder = Comparator
                .comparing((Outlet o) -> !history.newSinceLastAudit(o.registeredAt()))
                .thenComparing(o -> history.visitedLastTime(o.outletId()))
                .thenComparing((Outlet o) -> Objects.requireNonNullElse(o.registeredAt(), Instant.MIN),
                        Comparator.reverseOrder())
                .thenComparing(Outlet::outletId);

        Set<String> covered = new HashSet<>();
        addProvince(covered, central.regionCode());
        picks.forEach(p -> addProvince(covered, p.outlet().regionCode()));

        // spread first: at most one pass per province, so this stays linear in the network size
        int left = count;
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < sorted.size(); i++) {
                String province = Province.of(sorted.get(i).regionCode());
                if (!taken[i] && province != null && !covered.contains(province)
                        && (best < 0 || riskOrder.compare(sorted.get(i), sorted.get(best)) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            Outlet outlet = sorted.get(best);
            taken[best] = true;
            covered.add(Province.of(outlet.regionCode()));
            picks.add(new Pick(outlet, Selection.RISK, "province " + Province.of(outlet.regionCode())
                    + " not yet covered by the plan" + detail(outlet, history)));
            left--;
        }
        if (left == 0) {
            return;
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (!taken[i]) {
                rest.add(i);
            }
        }
        rest.sort((a, b) -> riskOrder.compare(sorted.get(a), sorted.get(b)));
        for (int k = 0; k < left; k++) {
            int i = rest.get(k);
            taken[i] = true;
            Outlet outlet = sorted.get(i);
            String reason;
            if (history.newSinceLastAudit(outlet.registeredAt())) {
                reason = "new since the last audit (registered " + outlet.registeredAt() + ")";
            } else if (history.lastAuditAt() != null && !history.visitedLastTime(outlet.outletId())) {
                reason = "not visited at the last audit" + registered(outlet);
            } else {
                reason = "most recently registered of the remaining outlets" + registered(outlet);
            }
            picks.add(new Pick(outlet, Selection.RISK, reason));
        }
    }

    private static String detail(Outlet outlet, AuditHistory history) {
        if (history.newSinceLastAudit(outlet.registeredAt())) {
            return "; new since the last audit (registered " + outlet.registeredAt() + ")";
        }
        return registered(outlet);
    }

    private static String registered(Outlet outlet) {
        return outlet.registeredAt() == null ? "" : " (registered " + outlet.registeredAt() + ")";
    }

    private static void addProvince(Set<String> covered, String regionCode) {
        String province = Province.of(regionCode);
        if (province != null) {
            covered.add(province);
        }
    }
}
