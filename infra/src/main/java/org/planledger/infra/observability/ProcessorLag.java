package org.planledger.infra.observability;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * How many events a streaming processor is behind the head of the store: the head's position
 * minus the lowest position among the segments this process holds. Positions are global
 * sequence numbers, so with gaps (rolled-back numbers) the figure can overstate by the number of
 * gaps; it never understates.
 */
final class ProcessorLag {

    private ProcessorLag() {
    }

    /** Empty when this process holds no segment of the processor (another node does, or it is stopped). */
    static OptionalLong of(StreamingEventProcessor processor, OptionalLong head) {
        Collection<EventTrackerStatus> statuses = processor.processingStatus().values();
        if (statuses.isEmpty()) {
            return OptionalLong.empty();
        }
        long headPosition = head.orElse(-1);
        long lowest = Long.MAX_VALUE;
        for (EventTrackerStatus status : statuses) {
            lowest = Math.min(lowest, status.getCurrentPosition().orElse(-1));
        }
        return OptionalLong.of(Math.max(0, headPosition - lowest));
    }
}
