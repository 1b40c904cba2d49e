package org.planledger.query.replay;

import com.mongodb.client.MongoDatabase;
import org.axonframework.queryhandling.QueryHandler;
import org.planledger.events.BoardPackIssued;
import org.planledger.query.api.BoardPackContent;
import org.planledger.query.api.BoardPacks;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.DiffPlan;
import org.planledger.query.api.FindBoardPack;
import org.planledger.query.api.FindBoardPacks;
import org.planledger.query.api.IssuedBoardPack;
import org.planledger.query.api.PlanDiff;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.journal.JournalReader;
import org.planledger.query.plan.BoardMeetingView;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordedEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Board packs from the plan's journal through the same fold as the board, replay and diff
 * ({@link PlanReplayQueries}): one list of events, cut to what had been recorded by the pack's
 * knownAt, gives the board as at the meeting and the changes since the meeting before, so an issued
 * pack made again from the same cut says the same.
 */
public class BoardPackQueries {

    private final JournalReader journal;

    public BoardPackQueries(MongoDatabase database) {
        this.journal = new JournalReader(database);
    }

    @QueryHandler
    public Optional<BoardPackContent> handle(FindBoardPack query) {
        return journal.planEvents(query.planId()).flatMap(events -> content(query, events));
    }

    @QueryHandler
    public Optional<BoardPacks> handle(FindBoardPacks query) {
        return journal.planEvents(query.planId()).map(events -> packs(query.planId(), events))
                .filter(packs -> packs.title() != null);
    }

    static Optional<BoardPackContent> content(FindBoardPack query, List<RecordedEvent> allEvents) {
        List<RecordedEvent> events = query.knownAt() == null ? allEvents
                : allEvents.stream().filter(event -> !event.recordedAt().isAfter(query.knownAt())).toList();
        PlanView plan = PlanReplayQueries.foldAsAt(query.planId(), events, query.asAt(), null);
        if (!plan.drafted()) {
            return Optional.empty();
        }
        BoardView board = BoardRenderer.render(plan, query.asAt(), query.knownAt());
        BoardMeetingView previous = plan.boardMeetings().stream()
                .filter(meeting -> meeting.heldOn().isBefore(query.asAt()))
                .max(Comparator.comparing(BoardMeetingView::heldOn))
                .orElse(null);
        LocalDate since = previous != null ? previous.heldOn()
                : plan.periodStart() != null && plan.periodStart().isBefore(query.asAt()) ? plan.periodStart().minusDays(1)
                : query.asAt();
        PlanDiff changes = PlanReplayQueries.diff(new DiffPlan(query.planId(), since, query.asAt()), events);
        Instant knownThrough = events.stream()
                .filter(event -> event.event().effectiveOn() == null || !event.event().effectiveOn().isAfter(query.asAt()))
                .map(RecordedEvent::recordedAt).max(Comparator.naturalOrder()).orElse(null);
        return Optional.of(new BoardPackContent(board, previous, since, changes, knownThrough,
                PlanReplayQueries.indicatorSeries(plan)));
    }

    static BoardPacks packs(String planId, List<RecordedEvent> events) {
        PlanView whole = PlanReducer.fold(planId, events);
        List<BoardMeetingView> meetings = whole.boardMeetings().stream()
                .sorted(Comparator.comparing(BoardMeetingView::heldOn).thenComparing(BoardMeetingView::meetingId))
                .toList();
        List<IssuedBoardPack> issued = events.stream()
                .filter(event -> event.event() instanceof BoardPackIssued)
                .map(event -> (BoardPackIssued) event.event())
                .map(pack -> new IssuedBoardPack(pack.packId(), pack.meetingId(), pack.asAt(), pack.knownAt(),
                        pack.issuedAt(), pack.issuedBy(), pack.pdfSha256(), pack.checkpointId(), pack.checkpointRoot(),
                        pack.layout()))
                .toList();
        return new BoardPacks(planId, whole.title(), meetings, issued);
    }
}
