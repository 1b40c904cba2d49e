package org.planledger.infra.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.infra.query.Queries;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.query.api.ActionHistory;
import org.planledger.query.api.FindActionHistory;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the pages that change things share: reading an action's history (404 for an unknown one) and
 * waiting, briefly, for the read models to show a change just made, so the page a person goes to
 * next already shows it (the read models follow the event store by a moment).
 */
final class PageReads {

    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(5);

    private PageReads() {
    }

    static ActionHistory history(Queries queries, String actionId) {
        QueryParameters.id("actionId", actionId);
        return queries.ask(new FindActionHistory(actionId), ResponseTypes.optionalInstanceOf(ActionHistory.class))
                .orElseThrow(() -> new ResourceNotFoundException("action", actionId));
    }

    /** Waits until {@code read} answers something other than {@code before}, for at most {@link #READ_MODEL_WAIT}. */
    static <T> T awaitChange(Supplier<T> read, T before) {
        Instant deadline = Instant.now().plus(READ_MODEL_WAIT);
        T now = read.get();
        while (Instant.now().isBefore(deadline) && Objects.equals(now, before)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now;
            }
            now = read.get();
        }
        return now;
    }

    /** Waits until {@code done} holds, for at most {@link #READ_MODEL_WAIT}. */
    static void awaitTrue(BooleanSupplier done) {
        Instant deadline = Instant.now().plus(READ_MODEL_WAIT);
        while (Instant.now().isBefore(deadline) && !done.getAsBoolean()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
