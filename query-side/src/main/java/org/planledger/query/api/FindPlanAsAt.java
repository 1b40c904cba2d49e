package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The board as it stood on {@code effectiveDate}; with {@code knownAt}, only from what had been
 * recorded by then ("what did the board believe on 21 November 2012 about September 2012").
 * Answered with Optional&lt;BoardView&gt;: empty when the plan is unknown or not yet drafted as at that date.
 */
public record FindPlanAsAt(String planId, LocalDate effectiveDate, Instant knownAt) {
    public FindPlanAsAt {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
    }
}
