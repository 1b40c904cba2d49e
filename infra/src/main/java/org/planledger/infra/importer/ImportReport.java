package org.planledger.infra.importer;

/**
 * What an import did: the plan, how many commands the file became, how many were sent, and how
 * many were skipped because the store already held their event. Commands that carry their own id
 * are sent every time; the aggregates treat an identical repeat as a no-op.
 */
public record ImportReport(String planId, int priorities, int objectives, int indicators, int actions,
                           int progressNotes, int commands, int sent, int skippedAsAlreadyRecorded) {
}
