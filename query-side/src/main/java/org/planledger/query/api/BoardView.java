package org.planledger.query.api;

import org.planledger.events.Cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The board: priorities, objectives, actions with their flags, indicators against target, and
 * counts by RAG. asAt is the date the flags are worked out for (today for the live board); knownAt
 * is set only for a replay limited to what had been recorded by then. measures are the plan-level
 * indicators, those that belong to no priority or objective; members the plan's members on the
 * board's date (one who had left by then is not shown). finished: the plan is closed or its period
 * had ended by asAt; it is then judged as at viewedAsAt, the day it closed or ended (never against a
 * later today): overdue, stale, the financial year's figures and members are worked out for that day,
 * and no update is due. While the plan runs, viewedAsAt is asAt. fictional: the plan is labelled as
 * invented (the showcase), with fictionNote the label's wording; every page shows it beside the plan.
 */
public record BoardView(String planId, String partnership, String title, LocalDate periodStart, LocalDate periodEnd,
                        Cadence cadence, boolean closed, LocalDate asAt, Instant knownAt, RagCounts rag,
                        List<BoardPriority> priorities, List<BoardIndicator> measures, List<BoardMember> members,
                        LocalDate viewedAsAt, boolean finished, boolean fictional, String fictionNote) {

    public BoardView {
        measures = measures == null ? List.of() : List.copyOf(measures);
        members = members == null ? List.of() : List.copyOf(members);
    }

    public BoardView withPriorities(List<BoardPriority> changed) {
        return new BoardView(planId, partnership, title, periodStart, periodEnd, cadence, closed, asAt, knownAt, rag,
                changed, measures, members, viewedAsAt, finished, fictional, fictionNote);
    }
}
