package org.planledger.query.api;

import java.time.LocalDate;

/** The plan's RAG counts as it stood on {@code date}. */
public record RagPoint(LocalDate date, RagCounts rag) {
}
