package com.starcert.audit.planning;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

import com.starcert.audit.network.CentralFunction;
import com.starcert.audit.network.Outlet;
import com.starcert.audit.network.Province;

/**
 * Chooses the outlets an audit visits (docs/domain.md §4). The central function is always in the plan. At least a quarter
 * of the sample (rounded up) is drawn at random from the candidates sorted by outlet id with
 * {@code java.util.Random(seed)}, so the same seed, network and history reproduce the same draw. The rest is chosen
 * on risk: first one outlet in each province the plan does not cover yet, then by risk order — outlets registered
 * since the last audit, outlets with open complaints (most first), outlets not visited at the previous
 * surveillance, then the most recently registered. Outlets to avoid (the first surveillance's, when planning the
 * second) are taken only when the network has too few others. Every pick records why.
 * <p>
 * SPECIAL audits (特殊审核, our rules): the outlets the CB names ({@code focusOutlets}) are picked first, as RISK
 * with the reason {@value #NAMED_REASON}; then at least a quarter of the whole sample (rounded up) is drawn at
 * random from the other outlets and the rest is chosen on risk as above. {@link SampleSize#withNamed} enlarges the
 * sample when the named outlets leave no room for the random quarter; when every outlet is named none is left to
 * draw. A special audit is no programme step and never counts as "the previous surveillance" (or the last audit)
 * for rotation and novelty, see {@link AuditPlanning#history}.
 */
public final class SitePlanner {

    private SitePlanner() {
    }

    /**
     * @param candidates the sample base (active outlets other than the headquarters)
     * @param sampleSize outlets to visit, the CB's enlargement included; at most {@code candidates.size()}
     * @param enlargedBy how many of those the CB added above the formula, with {@code enlargementReason}; the last
     *                   picks say so (named outlets excepted: being named is their reason)
     */
    public static List<PlannedSite> plan(CentralFunction central, List<Outlet> candidates, int sampleSize, long seed,
                                         AuditHistory history, int enlargedBy, String enlargementReason) {
        return plan(central, candidates, sampleSize, seed, history, enlargedBy, enlargementReason, List.of());
    }

    /**
     * @param named outlets the CB names for a special audit, visited first in the order given; each must be one
     *              of {@code candidates}, and there may be at most {@code sampleSize} of them
     */
    public static List<PlannedSite> plan(CentralFunction central, List<Outlet> candidates, int sampleSize, long seed,
                                         AuditHistory history, int enlargedBy, String enlargementReason,
                                         List<String> named) {
        if (sampleSize < 0 || sampleSize > candidates.size()) {
            throw new IllegalArgumentException("sample size " + sampleSize + " outside 0.." + candidates.size());
        }
        if (named.size() > sampleSize) {
            throw new IllegalArgumentException(named.size() + " named outlets do not fit a sample of " + sampleSize);
        }
        List<Outlet> sorted = candidates.stream().sorted(Comparator.comparing(Outlet::outletId)).toList();
        List<Pick> picks = new ArrayList<>(sampleSize);
        boolean[] taken = new boolean[sorted.size()];

        pickNamed(sorted, taken, named, picks);
        int namedCount = picks.size();
        int randomCount = Math.min(SampleSize.randomShare(sampleSize), sampleSize - picks.size());
        drawAtRandom(sorted, taken, randomCount, seed, history, picks);
        chooseOnRisk(sorted, taken, sampleSize - picks.size(), central, history, picks);

        List<PlannedSite> sites = new ArrayList<>(sampleSize + 1);
        sites.add(new PlannedSite(PlannedSite.CENTRAL_SITE_ID, central.outletId(), true, Selection.CENTRAL,
                "central function (总部) is audited every time", central.name(), central.regionCode(),
                central.addressLine()));
        int enlargedFrom = sampleSize - Math.max(0, Math.min(enlargedBy, sampleSize));
        for (int i = 0; i < picks.size(); i++) {
            Pick pick = picks.get(i);
            String reason = pick.reason();
            if (i >= enlargedFrom && i >= namedCount) {
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

    /** Why a named outlet of a special audit is in the plan. */
    public static final String NAMED_REASON = "named by the CB for this special audit";

    private record Pick(Outlet outlet, Selection selection, String reason) {
    }

    private static void pickNamed(List<Outlet> sorted, boolean[] taken, List<String> named, List<Pick> picks) {
        if (named.isEmpty()) {
            return;
        }
        Map<String, Integer> index = new HashMap<>(sorted.size() * 2);
        for (int i = 0; i < sorted.size(); i++) {
            index.put(sorted.get(i).outletId(), i);
        }
        for (String outletId : named) {
            Integer i = index.get(outletId);
            if (i == null) {
                throw new IllegalArgumentException("named outlet " + outletId + " is not in the sample base");
            }
            if (!taken[i]) {
                taken[i] = true;
                picks.add(new Pick(sorted.get(i), Selection.RISK, NAMED_REASON));
            }
        }
    }

    /**
     * Partial Fisher–Yates shuffle over the sorted candidates: reproducible from the seed alone. Outlets to avoid
     * are left out of the draw unless the others cannot fill it.
     */
    private static void drawAtRandom(List<Outlet> sorted, boolean[] taken, int count, long seed,
                                     AuditHistory history, List<Pick> picks) {
        List<Integer> pool = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            if (!taken[i] && !history.avoided(sorted.get(i).outletId())) {
                pool.add(i);
            }
        }
        boolean avoiding = pool.size() >= count;
        if (!avoiding) {
            pool.clear();
            for (int i = 0; i < sorted.size(); i++) {
                if (!taken[i]) {
                    pool.add(i);
                }
            }
        }
        Random random = new Random(seed);
        int[] order = pool.stream().mapToInt(Integer::intValue).toArray();
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(order.length - i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
            taken[order[i]] = true;
            Outlet outlet = sorted.get(order[i]);
            String reason = "drawn at random with seed " + seed + " (draw " + (i + 1) + " of " + count + ")";
            if (history.avoided(outlet.outletId())) {
                reason += "; visited at the first surveillance, the network has too few other outlets";
            }
            picks.add(new Pick(outlet, Selection.RANDOM, reason));
        }
    }

    private static void chooseOnRisk(List<Outlet> sorted, boolean[] taken, int count, CentralFunction central,
                                     AuditHistory history, List<Pick> picks) {
        Comparator<Outlet> riskOrder = Comparator
                .comparing((Outlet o) -> history.avoided(o.outletId()))
                .thenComparing((Outlet o) -> !history.newSinceLastAudit(o.registeredAt()))
                .thenComparing(Outlet::openComplaints, Comparator.reverseOrder())
                .thenComparing(o -> !history.notVisitedPreviously(o.outletId()))
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
                Outlet o = sorted.get(i);
                String province = Province.of(o.regionCode());
                if (!taken[i] && province != null && !covered.contains(province) && !history.avoided(o.outletId())
                        && (best < 0 || riskOrder.compare(o, sorted.get(best)) < 0)) {
                    best = i;
                }
            }
            if (best < 0) {
                break;
            }
            Outlet outlet = sorted.get(best);
            taken[best] = true;
            covered.add(Province.of(outlet.regionCode()));
            String why = risks(outlet, history);
            picks.add(new Pick(outlet, Selection.RISK, "province " + Province.of(outlet.regionCode())
                    + " not yet covered by the plan" + (why.isEmpty() ? registered(outlet) : "; " + why)));
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
            String why = risks(outlet, history);
            String reason = why.isEmpty() ? "most recently registered of the remaining outlets" + registered(outlet)
                    : why;
            if (history.avoided(outlet.outletId())) {
                reason += "; visited at the first surveillance, the network has too few other outlets";
            }
            picks.add(new Pick(outlet, Selection.RISK, reason));
        }
    }

    /** The risk factors that apply to an outlet, most important first; empty when none does. */
    private static String risks(Outlet outlet, AuditHistory history) {
        List<String> why = new ArrayList<>(3);
        if (history.newSinceLastAudit(outlet.registeredAt())) {
            why.add("new since the last audit (registered " + outlet.registeredAt() + ")");
        }
        if (outlet.openComplaints() > 0) {
            why.add(outlet.openComplaints() + " open complaint" + (outlet.openComplaints() == 1 ? "" : "s"));
        }
        if (history.notVisitedPreviously(outlet.outletId())) {
            why.add("not visited at " + history.previous() + registered(outlet));
        }
        return String.join("; ", why);
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
