package org.planledger.query.api;

import java.time.LocalDate;
import java.util.Objects;

/** What changed between the plan as at {@code from} and as at {@code to}. Answered with Optional&lt;PlanDiff&gt;. */
public record DiffPlan(String planId, LocalDate from, LocalDate to) {
    public DiffPlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
    }
}
