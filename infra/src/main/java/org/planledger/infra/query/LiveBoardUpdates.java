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
        // the projection takes one listener: this one also tells the live boards, which keep versions in memory
        querySide.board().whenChanged(planId -> {
            boards.changed(planId);
            updates.emit(WatchBoard.class, watch -> planId.equals(watch.planId()), new BoardChanged(planId));
        });
        boards.hearsEveryChange();
    }

    @QueryHandler
    public Long handle(WatchBoard query) {
        return boards.version(query.planId()).orElse(-1L);
    }
}
