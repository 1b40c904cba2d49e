package org.planledger.query.api;

import java.time.LocalDate;

public record LatestNote(String noteId, String period, String text, LocalDate effectiveOn) {
}
