package org.planledger.events;

import java.time.LocalDate;

/**
 * Every event names the plan it belongs to, so the journal can file it under its plan without a
 * lookup, and the business date it speaks for ({@link #effectiveOn()}), which replays fold on.
 * The recorded time is the Axon event timestamp and is not repeated here.
 */
public interface PlanLedgerEvent {
    String planId();

    LocalDate effectiveOn();
}
