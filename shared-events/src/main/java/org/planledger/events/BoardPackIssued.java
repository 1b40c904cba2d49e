package org.planledger.events;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A board pack was issued: the plan as at {@code asAt} (a board meeting's day, or any date), made
 * only from what had been recorded by {@code knownAt}, so producing it again gives the same pack.
 * {@code pdfSha256} is the digest of the PDF as issued (hex); {@code checkpointId} and
 * {@code checkpointRoot} name the ledger checkpoint printed in it (both null where the store keeps
 * no ledger, e.g. on Axon Server). {@code packId} is "meeting-&lt;meetingId&gt;" or "as-at-&lt;date&gt;":
 * one pack per meeting or date. {@code issuedBy} repeats the audit metadata's actor because the
 * pack prints it. {@code layout} is the version of the pack's layout (template, stylesheet, fonts)
 * it was laid out with: only a pack produced again under the same layout has the same bytes
 * (docs/board-packs.md). Revision 1 had no layout; those packs were laid out under layout 1.
 */
@Revision("2")
public record BoardPackIssued(String planId, String packId, String meetingId, LocalDate asAt, Instant knownAt,
                              Instant issuedAt, String issuedBy, String pdfSha256, Long checkpointId,
                              String checkpointRoot, LocalDate effectiveOn, int layout) implements PlanEvent {
}
