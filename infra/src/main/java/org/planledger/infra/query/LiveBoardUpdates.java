package org.planledger.infra.query;

import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.query.QuerySideModel;
import org.springframework.stereotype.Component;

/**
 * Axon subscription queries for the live board (DESIGN.md: "subscription-query emitters filtered to
 * the one document that changed"): the board projection announces each plan it changed, and this
 * emits a {@link BoardChanged} to the {@link WatchBoard} subscribers of that plan only. The query
 * update emitter holds the update until the event batch's unit of work has committed, by which time
 * the board document is written, so a page that re-reads on the update sees the change.
 */
@Component
@ConditionalOnQuerySide
public class LiveBoardUpdates {

    private final LiveBoards boards;

    public LiveBoardUpdates(QuerySideModel querySide, QueryUpdateEmitter updates, LiveBoards boards) {
        this.boards = boards;
        // The projection takes one listener: this one also tells the live boards, which keep versions in memory.
        // Both act after the batch commits; Axon runs after-commit handlers in reverse order of registration,
        // so telling the live boards second makes them drop the kept version before a watcher hears of the change
        // and asks again.
        querySide.board().whenChanged(planId -> {
            updates.emit(WatchBoard.class, watch -> planId.equals(watch.planId()), new BoardChanged(planId));
            boards.changed(planId);
        });
        boards.hearsEveryChange();
    }

    @QueryHandler
    public Long handle(WatchBoard query) {
        return boards.version(query.planId()).orElse(-1L);
    }
}
