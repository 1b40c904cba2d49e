package org.planledger.query.myactions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.query.api.FindMyActions;
import org.planledger.query.api.MyAction;
import org.planledger.query.api.MyActions;
import org.planledger.query.board.BoardProjection;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.plan.ActionView;
import org.planledger.query.plan.NoteView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordDocuments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * "My actions" for a delivery lead, read from the board's documents (the {@link PlanView} the one
 * plan fold keeps) rather than folded from events a second time: the plans whose
 * {@link BoardProjection#LEAD_USER_IDS} name the user, and in each the actions the user leads. A
 * new event therefore needs no place here; whatever the plan fold makes of it is what a lead sees.
 *
 * <p>The next update is due one reporting cycle after the latest (not withdrawn) note's period, or
 * after the start date before any note; whether it is overdue is decided at query time with the
 * injected clock. Real MongoDB answers the lead query from the {@code board_leads} multikey index
 * ({@code QuerySideModel.createIndexes}); the embedded server scans the board collection's documents,
 * one per plan, as listing the plans does.
 */
public class MyActionsQueries {

    private final MongoCollection<Document> board;
    private final Clock clock;

    public MyActionsQueries(MongoDatabase database, Clock clock) {
        this.board = database.getCollection(BoardProjection.COLLECTION);
        this.clock = clock;
    }

    @QueryHandler
    public MyActions handle(FindMyActions query) {
        LocalDate today = LocalDate.now(clock);
        List<MyAction> result = new ArrayList<>();
        for (Document stored : board.find(Filters.eq(BoardProjection.LEAD_USER_IDS, query.userId()))) {
            PlanView plan = RecordDocuments.decode(stored.get("view", Document.class), PlanView.class);
            for (ActionView action : plan.actions()) {
                if (action.leadUserIds().contains(query.userId())) {
                    result.add(mine(plan, action, today));
                }
            }
        }
        result.sort(Comparator.comparing(MyAction::nextUpdateDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MyAction::actionId));
        return new MyActions(query.userId(), result);
    }

    private static MyAction mine(PlanView plan, ActionView action, LocalDate today) {
        LocalDate lastNoteOn = action.notes().stream().filter(n -> !n.withdrawn()).map(NoteView::effectiveOn)
                .max(Comparator.naturalOrder()).orElse(null);
        LocalDate due = action.status().isOpen()
                ? BoardRenderer.nextUpdateDue(lastNoteOn, action.startDate(), plan.cadence()) : null;
        return new MyAction(action.actionId(), plan.planId(), plan.title(), action.title(), action.status(),
                action.startDate(), action.endDate(), lastNoteOn, due, due != null && due.isBefore(today));
    }
}
