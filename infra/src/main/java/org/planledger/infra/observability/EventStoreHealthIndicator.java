package org.planledger.infra.observability;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * {@code eventStore}: UP when Axon's event store answers "where is your head?" (on the JDBC
 * runtimes one indexed query); the detail is the newest event's global position. On the
 * axonserver profile Axon's own {@code axonServer} indicator reports the connection instead.
 */
public class EventStoreHealthIndicator extends AbstractHealthIndicator {

    private final EventStore eventStore;

    public EventStoreHealthIndicator(EventStore eventStore) {
        super("event store health check failed");
        this.eventStore = eventStore;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetail("head", StorePosition.position(eventStore.createHeadToken()).orElse(-1));
    }
}
