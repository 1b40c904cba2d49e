package org.planledger.infra.observability;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * The position of the newest event in the store (the head), read at most once per
 * {@code maxAge}: every processor's lag gauge and the health endpoint ask for it on every
 * scrape, and one query answers them all.
 */
public class StorePosition {

    private final EventStore eventStore;
    private final Duration maxAge;
    private final Clock clock;
    private Instant readAt = Instant.MIN;
    private OptionalLong head = OptionalLong.empty();

    public StorePosition(EventStore eventStore, Duration maxAge, Clock clock) {
        this.eventStore = eventStore;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Empty while the store holds no event. */
    public synchronized OptionalLong head() {
        Instant now = clock.instant();
        if (readAt.plus(maxAge).isBefore(now) || readAt.equals(Instant.MIN)) {
            head = position(eventStore.createHeadToken());
            readAt = now;
        }
        return head;
    }

    static OptionalLong position(TrackingToken token) {
        if (token == null) {
            return OptionalLong.empty();
        }
        return token.position().isPresent() ? OptionalLong.of(token.position().getAsLong()) : OptionalLong.empty();
    }
}
