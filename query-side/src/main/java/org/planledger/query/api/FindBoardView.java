package org.planledger.query.api;

import java.util.Objects;

/** The live board of one plan; answered with Optional&lt;BoardView&gt; (empty: unknown plan). */
public record FindBoardView(String planId) {
    public FindBoardView {
        Objects.requireNonNull(planId, "planId");
    }
}
