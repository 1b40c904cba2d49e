package org.planledger.query.support;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.planledger.events.PlanLedgerEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;

/**
 * One event as the query side sees it: the payload plus everything the Axon message adds (global
 * position, aggregate, recorded time, audit metadata). Projections, the journal and the reducer all
 * work from this, so a live event and the same event read back from the journal look identical.
 *
 * @param sequence the position of the tracking token the event was delivered with, or null when the
 *                 message was not delivered by a streaming processor. NOT the event's own global
 *                 index: an event the JDBC store committed late (a gap being filled) arrives with
 *                 the token's highest index so far, the same as the event delivered before it. It
 *                 orders events as delivered; it identifies nothing (see {@link AppliedEvents}).
 * @param recordedAt truncated to milliseconds, the precision MongoDB keeps, so that state folded
 *                   live and state folded from the journal compare equal
 */
public record RecordedEvent(Long sequence, String eventId, String aggregateId, String aggregateType,
                            Long aggregateSequence, Instant recordedAt, AuditInfo audit, PlanLedgerEvent event) {

    public static RecordedEvent of(EventMessage<?> message) {
        if (!(message.getPayload() instanceof PlanLedgerEvent event)) {
            throw new IllegalArgumentException("not a plan ledger event: " + message.getPayloadType());
        }
        String aggregateId = null;
        String aggregateType = null;
        Long aggregateSequence = null;
        if (message instanceof DomainEventMessage<?> domain) {
            aggregateId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
            aggregateSequence = domain.getSequenceNumber();
        }
        return new RecordedEvent(globalPosition(message), message.getIdentifier(), aggregateId, aggregateType,
                aggregateSequence, message.getTimestamp().truncatedTo(ChronoUnit.MILLIS),
                AuditInfo.from(message.getMetaData()), event);
    }

    /** Tests and callers without Axon messages build events directly. */
    public static RecordedEvent of(long sequence, PlanLedgerEvent event, AuditInfo audit, Instant recordedAt) {
        return new RecordedEvent(sequence, "event-" + sequence, null, null, null,
                recordedAt.truncatedTo(ChronoUnit.MILLIS), audit, event);
    }

    private static Long globalPosition(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked) {
            TrackingToken token = tracked.trackingToken();
            if (token != null) {
                // The token's position: the event's own index, except for a gap filled late (see above).
                OptionalLong position = token.position();
                if (position.isPresent()) {
                    return position.getAsLong();
                }
            }
        }
        return null;
    }

    public RecordedEvent withSequence(long assigned) {
        return new RecordedEvent(assigned, eventId, aggregateId, aggregateType, aggregateSequence, recordedAt, audit, event);
    }

    public String type() {
        return event.getClass().getSimpleName();
    }

    /** True iff this event was already applied to the stored document (a redelivery); see {@link AppliedEvents}. */
    public boolean alreadyAppliedTo(Document stored) {
        return AppliedEvents.contains(stored, this);
    }

    /** Records this event as applied on {@code next}, the new version of {@code stored} (null if new). */
    public Document markAppliedOn(Document next, Document stored) {
        return AppliedEvents.record(next, stored, this);
    }
}
