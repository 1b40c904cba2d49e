package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;

/** A pack as its BoardPackIssued event recorded it; layout is the layout version it was laid out with. */
public record IssuedBoardPack(String packId, String meetingId, LocalDate asAt, Instant knownAt, Instant issuedAt,
                             String issuedBy, String pdfSha256, Long checkpointId, String checkpointRoot, int layout) {
}
