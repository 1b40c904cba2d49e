package org.planledger.query.api;

import java.util.Objects;

/** Answered with MyActions; a user who leads nothing gets an empty list. */
public record FindMyActions(String userId) {
    public FindMyActions {
        Objects.requireNonNull(userId, "userId");
    }
}
