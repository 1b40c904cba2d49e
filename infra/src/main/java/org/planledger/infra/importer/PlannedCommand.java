package org.planledger.infra.importer;

/**
 * One command of an import. Most commands carry their own id and are no-ops when repeated; the
 * few that do not (RAG ratings, refreshes, closures) name the event they would produce in
 * {@code alreadyRecordedAs}, so a repeated import can skip them when the stream already holds it.
 */
public record PlannedCommand(Object command, String aggregateId, Object alreadyRecordedAs) {

    static PlannedCommand idempotent(Object command) {
        return new PlannedCommand(command, null, null);
    }

    static PlannedCommand unlessRecorded(Object command, String aggregateId, Object event) {
        return new PlannedCommand(command, aggregateId, event);
    }
}
