package org.planledger.query.api;

import org.planledger.events.RagStatus;

import java.time.Instant;
import java.time.LocalDate;

public record RagChange(RagStatus rag, RagStatus previous, String reason, String actor, LocalDate effectiveOn,
                        Instant recordedAt) {
}
