package org.planledger.query.api;

import java.util.Objects;

/** The plan's board meetings and the packs issued for it. Answered with Optional&lt;BoardPacks&gt;. */
public record FindBoardPacks(String planId) {
    public FindBoardPacks {
        Objects.requireNonNull(planId, "planId");
    }
}
