package org.planledger.query.api;

import java.util.Objects;

/** Answered with PendingUpdates: every update of the plan's actions still waiting for approval (none for an unknown plan). */
public record FindPendingUpdates(String planId) {
    public FindPendingUpdates {
        Objects.requireNonNull(planId, "planId");
    }
}
