package org.planledger.events;

import java.time.LocalDate;

/**
 * Every event names the plan it belongs to, so the journal can file it under its plan without a
 * lookup, and the business date it speaks for ({@link #effectiveOn()}), which replays fold on.
 * The recorded time is the Axon event timestamp and is not repeated here.
 *
 * <p>Sealed, and split by the stream an event is applied in, so that every fold is an exhaustive
 * {@code switch}: a new event that a fold does not handle fails compilation instead of being
 * silently ignored. Lists of event types are derived from this hierarchy ({@link EventTypes}).
 */
public sealed interface PlanLedgerEvent permits PlanEvent, ActionEvent {
    String planId();

    LocalDate effectiveOn();
}
