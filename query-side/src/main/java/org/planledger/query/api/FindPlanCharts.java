package org.planledger.query.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the plan's charts draw: RAG counts as the plan stood on each of {@code dates}, and every
 * indicator's readings against its baseline and target. Answered with Optional&lt;PlanCharts&gt;
 * (empty: unknown plan). At most {@link #MAX_DATES} dates, sorted and without repeats.
 */
public record FindPlanCharts(String planId, List<LocalDate> dates) {

    public static final int MAX_DATES = 120;

    public FindPlanCharts {
        Objects.requireNonNull(planId, "planId");
        dates = dates == null ? List.of() : dates.stream().filter(Objects::nonNull).distinct().sorted().toList();
        if (dates.size() > MAX_DATES) {
            throw new IllegalArgumentException("at most " + MAX_DATES + " dates, not " + dates.size());
        }
    }
}
