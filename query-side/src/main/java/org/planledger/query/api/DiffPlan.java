package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What changed between the plan as at {@code from} and as at {@code to}. With {@code knownFrom} and
 * {@code knownTo}, each side holds only what had been recorded by then: "what changed between what
 * the board knew at one meeting and what it knew at the next", where a note written late about an
 * earlier month counts as news at the meeting after it was written. Answered with Optional&lt;PlanDiff&gt;.
 */
public record DiffPlan(String planId, LocalDate from, LocalDate to, Instant knownFrom, Instant knownTo) {
    public DiffPlan {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
        }
        if ((knownFrom == null) != (knownTo == null) || (knownFrom != null && knownTo.isBefore(knownFrom))) {
            throw new IllegalArgumentException("knownFrom and knownTo come together, knownTo not before knownFrom");
        }
    }

    /** Both sides from everything recorded so far. */
    public DiffPlan(String planId, LocalDate from, LocalDate to) {
        this(planId, from, to, null, null);
    }
}
