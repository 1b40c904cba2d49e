package org.planledger.query.api;

import org.planledger.query.plan.BoardMeetingView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A board pack's content, all folded from the same events (those effective by the board's asAt and,
 * when knownAt was given, recorded by then). previousMeeting is the last meeting held before asAt,
 * or null; changesSince is its day, or the day before the plan's period began when there was none, and
 * changes are the plan's changes effective after changesSince up to asAt. knownThrough is the recorded
 * instant of the latest event the pack is made from (null when there is none): a pack issued "as known
 * at" it is made from exactly these events again, whatever is recorded later. indicators are the
 * plan's indicators as at the same cut, each with every reading recorded by then, for the charts.
 */
public record BoardPackContent(BoardView board, BoardMeetingView previousMeeting, LocalDate changesSince,
                               PlanDiff changes, Instant knownThrough, List<IndicatorSeries> indicators) {
}
