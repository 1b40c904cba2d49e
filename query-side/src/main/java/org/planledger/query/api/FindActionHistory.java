package org.planledger.query.api;

import java.util.Objects;

/** Answered with Optional&lt;ActionHistory&gt; (empty: unknown action). */
public record FindActionHistory(String actionId) {
    public FindActionHistory {
        Objects.requireNonNull(actionId, "actionId");
    }
}
