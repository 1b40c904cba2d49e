package org.planledger.infra;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Waits, in tests, until every streaming processor has handled every event committed to the store
 * when the wait began. "Its position has reached the head" is not enough: the JDBC store hands out
 * global indexes at insert and transactions commit out of order, so a processor can stand at the
 * head while an earlier, later-committed event is still a gap in its token. The processor's token
 * must therefore cover the token of a full read of the store, gaps included.
 */
public final class ReadModels {

    private ReadModels() {
    }

    public static void awaitCaughtUp(ApplicationContext application, Duration timeout) throws InterruptedException {
        TrackingToken committed = committedHead(application.getBean(EventStore.class));
        EventProcessingConfiguration processing = application.getBean(EventProcessingConfiguration.class);
        Instant deadline = Instant.now().plus(timeout);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            while (!covers(processor.processingStatus().values(), committed)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(processor.getName() + " did not handle every event committed up to "
                            + committed + " within " + timeout + ": " + processor.processingStatus());
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * The token after reading every committed event: its index is the highest committed event and its
     * gaps are the indexes below that hold no committed event. A processor token covers it exactly
     * when the processor has handled every committed event (Axon's {@code covers}: index at least as
     * high, and no gap of its own where the store has an event). One comparison per poll, where
     * checking each event's token would cost O(events) per poll on a 300,000-event store.
     */
    private static TrackingToken committedHead(EventStore eventStore) {
        TrackingToken head = null;
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                head = stream.nextAvailable().trackingToken();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the event store", e);
        }
        return head;
    }

    private static boolean covers(Collection<EventTrackerStatus> statuses, TrackingToken committed) {
        if (statuses.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            TrackingToken position = status.getTrackingToken();
            if (position == null) {
                return committed == null;
            }
            if (committed != null && !position.covers(committed)) {
                return false;
            }
        }
        return true;
    }
}
