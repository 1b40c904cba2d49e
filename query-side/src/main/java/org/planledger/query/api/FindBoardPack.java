package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a board pack shows: the plan as at {@code asAt}, only from what had been recorded by
 * {@code knownAt} when given, and what changed since the board meeting before {@code asAt}.
 * Answered with Optional&lt;BoardPackContent&gt;: empty when the plan is unknown or not yet drafted then.
 */
public record FindBoardPack(String planId, LocalDate asAt, Instant knownAt) {
    public FindBoardPack {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(asAt, "asAt");
    }
}
