package org.planledger.infra;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.time.Instant;

/** Waits, in tests, until every streaming processor has handled every event in the store. */
public final class ReadModels {

    private ReadModels() {
    }

    public static void awaitCaughtUp(ApplicationContext application, Duration timeout) throws InterruptedException {
        TrackingToken head = application.getBean(EventStore.class).createHeadToken();
        long headPosition = head == null ? -1 : head.position().orElse(-1);
        EventProcessingConfiguration processing = application.getBean(EventProcessingConfiguration.class);
        Instant deadline = Instant.now().plus(timeout);
        for (StreamingEventProcessor processor : processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList()) {
            while (!reached(processor, headPosition)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(processor.getName() + " did not reach position " + headPosition
                            + " within " + timeout + ": " + processor.processingStatus());
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean reached(StreamingEventProcessor processor, long headPosition) {
        var statuses = processor.processingStatus().values();
        return !statuses.isEmpty() && statuses.stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= headPosition);
    }
}
