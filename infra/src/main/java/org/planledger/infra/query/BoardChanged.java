package org.planledger.infra.query;

/** A plan's board has absorbed new events (the update of a {@link WatchBoard} subscription). */
public record BoardChanged(String planId) {
}
