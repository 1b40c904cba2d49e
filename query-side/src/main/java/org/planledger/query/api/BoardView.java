package org.planledger.query.api;

import org.planledger.events.Cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The board: priorities, objectives, actions with their flags, indicators against target, and
 * counts by RAG. asAt is the date the flags are worked out for (today for the live board); knownAt
 * is set only for a replay limited to what had been recorded by then.
 */
public record BoardView(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                        Cadence cadence, boolean closed, LocalDate asAt, Instant knownAt, RagCounts rag,
                        List<BoardPriority> priorities) {
}
