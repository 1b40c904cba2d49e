package org.planledger.infra.importer;

/**
 * What an import did: the plan, how many commands the file became, how many of them recorded
 * something ({@code sent}), and how many recorded nothing because the store already held them
 * ({@code skippedAsAlreadyRecorded}); the two add up to {@code commands}. Every command carries an id
 * derived from the file and is sent every time; the aggregates treat an identical repeat as a no-op.
 * The component names are kept from when repeats were skipped before sending, as they are the JSON
 * the import endpoint answers with.
 */
public record ImportReport(String planId, int priorities, int objectives, int indicators, int actions,
                           int progressNotes, int commands, int sent, int skippedAsAlreadyRecorded) {
}
