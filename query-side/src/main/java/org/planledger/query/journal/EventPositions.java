package org.planledger.query.journal;

import java.util.OptionalLong;

/**
 * Where the event store keeps an event: its global index, looked up by event identifier. The
 * journal asks only when the tracking token cannot tell (the first event after a start or a retry,
 * when it may be a late-committed one that arrives carrying a higher index than its own). A store
 * without global indexes of this kind (Axon Server, whose tokens have no gaps) needs none.
 */
@FunctionalInterface
public interface EventPositions {

    EventPositions UNKNOWN = eventIdentifier -> OptionalLong.empty();

    OptionalLong globalIndexOf(String eventIdentifier);
}
