package org.planledger.query.api;

import java.util.Objects;

/** Answered with Optional&lt;PlanTimeline&gt;. */
public record FindPlanTimeline(String planId) {
    public FindPlanTimeline {
        Objects.requireNonNull(planId, "planId");
    }
}
