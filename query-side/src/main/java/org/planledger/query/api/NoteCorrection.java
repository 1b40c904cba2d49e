package org.planledger.query.api;

import java.time.Instant;
import java.time.LocalDate;

public record NoteCorrection(String text, String reason, String actor, Instant recordedAt, LocalDate effectiveOn) {
}
