package com.starcert.audit.correction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.starcert.contracts.AuditSubmitted.SpecialDeduction;

/**
 * The corrective-action rules of docs/domain.md §3 and §5 in one place: each special deduction of a submitted revision opens
 * one action; on a resubmission an action whose deduction is still there is carried over with its state (the
 * enterprise need not correct twice), the others are superseded; the revision's actions are settled when there is
 * at least one and every one is verified.
 */
public final class CorrectiveActions {

    private CorrectiveActions() {
    }

    /** The actions after submitting {@code revision} with these deductions; earlier actions are kept for the record. */
    public static List<CorrectiveAction> onSubmit(List<CorrectiveAction> existing, List<SpecialDeduction> deductions,
                                                  int revision, LocalDate dueDate, Instant at) {
        List<CorrectiveAction> result = new ArrayList<>();
        List<CorrectiveAction> unused = new ArrayList<>();
        for (CorrectiveAction a : existing) {
            if (a.revision() == revision - 1 && a.status() != CorrectiveActionStatus.SUPERSEDED) {
                unused.add(a);
            } else {
                result.add(a);
            }
        }
        int next = existing.size() + 1;
        for (SpecialDeduction d : deductions) {
            CorrectiveAction carried = null;
            for (CorrectiveAction a : unused) {
                if (a.answers(d)) {
                    carried = a;
                    break;
                }
            }
            if (carried != null) {
                unused.remove(carried);
                result.add(carried.carriedTo(revision));
            } else {
                result.add(CorrectiveAction.open("CA" + next++, revision, d, dueDate, at));
            }
        }
        unused.forEach(a -> result.add(a.superseded()));
        result.sort((x, y) -> Integer.compare(number(x.id()), number(y.id())));
        return result;
    }

    public static List<CorrectiveAction> ofRevision(List<CorrectiveAction> actions, int revision) {
        return actions.stream().filter(a -> a.revision() == revision && a.status() != CorrectiveActionStatus.SUPERSEDED)
                .toList();
    }

    /** At least one action for the revision, and all verified. */
    public static boolean settled(List<CorrectiveAction> actions, int revision) {
        List<CorrectiveAction> current = ofRevision(actions, revision);
        return !current.isEmpty() && current.stream().allMatch(a -> a.status() == CorrectiveActionStatus.VERIFIED);
    }

    private static int number(String id) {
        try {
            return Integer.parseInt(id.substring(2));
        } catch (RuntimeException e) {
            return Integer.MAX_VALUE;
        }
    }
}
