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
 * head while an earlier, later-committed event is still a gap in its token. Each committed event's
 * own tracking token must therefore be covered by the processor's token.
 */
public final class ReadModels {

    private ReadModels() {
    }

    public static void awaitCaughtUp(ApplicationContext application, Duration timeout) throws InterruptedException {
        List<TrackingToken> committed = committedEvents(application.getBean(EventStore.class));
        EventProcessingConfiguration processing = application.getBean(EventProcessingConfiguration.class);
        Instant deadline = Instant.now().plus(timeout);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            while (!coversAll(processor.processingStatus().values(), committed)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(processor.getName() + " did not handle all " + committed.size()
                            + " committed events within " + timeout + ": " + processor.processingStatus());
                }
                Thread.sleep(50);
            }
        }
    }

    private static List<TrackingToken> committedEvents(EventStore eventStore) {
        List<TrackingToken> tokens = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                tokens.add(stream.nextAvailable().trackingToken());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while reading the event store", e);
        }
        return tokens;
    }

    private static boolean coversAll(Collection<EventTrackerStatus> statuses, List<TrackingToken> committed) {
        if (statuses.isEmpty()) {
            return false;
        }
        for (EventTrackerStatus status : statuses) {
            TrackingToken position = status.getTrackingToken();
            if (position == null) {
                return committed.isEmpty();
            }
            for (TrackingToken event : committed) {
                if (!position.covers(event)) {
                    return false;
                }
            }
        }
        return true;
    }
}
