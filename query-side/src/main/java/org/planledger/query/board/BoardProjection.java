package org.planledger.query.board;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.events.PlanLedgerEvent;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.planledger.query.api.ListPlans;
import org.planledger.query.api.PlanList;
import org.planledger.query.api.PlanSummary;
import org.planledger.query.plan.PlanReducer;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.AppliedEvents;
import org.planledger.query.support.RecordDocuments;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live board: one document per plan ({@code _id} = planId) holding the folded {@link PlanView}
 * and, per aggregate, the version of the last event folded into it (see {@link org.planledger.query.support.AppliedEvents}:
 * a redelivered event is skipped, one the store committed late is folded in). Date-dependent flags are not
 * stored; they are rendered at query time for today's date from the injected clock.
 *
 * <p>Document: {@code {_id, appliedVersions: [], view: {planId, drafted, partnership, title, ..., priorities:[],
 * objectives:[], actions:[{actionId, ..., notes:[], years:[]}], indicators:[], boardMeetings:[], refreshes:[]}}}.
 */
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
public class BoardProjection {

    public static final String PROCESSING_GROUP = "board";
    public static final String COLLECTION = "board";

    private final MongoCollection<Document> board;
    private final Clock clock;
    private final WriteBehind writes = new WriteBehind();

    public BoardProjection(MongoDatabase database, Clock clock) {
        this.board = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @EventHandler
    public void on(PlanLedgerEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        WriteBehind.Batch batch = writes.current();
        String planId = event.planId();
        Fold fold = batch.decoded(board, planId, stored -> Fold.of(planId, stored));
        if (!AppliedEvents.contains(fold.applied, recorded)) {
            fold.view = PlanReducer.apply(fold.view, recorded);
            AppliedEvents.record(fold.applied, recorded);
            batch.saveEncoded(board, planId, fold::toDocument);
        }
        batch.endOfMessage();
    }

    /**
     * A plan's board document, decoded once per batch of events and encoded once when the batch is
     * written: decoding and re-encoding the whole plan view for every event took about 70% of a
     * replay in the benchmark's stack samples.
     */
    private static final class Fold {
        private final String planId;
        private final Map<String, Long> applied;
        private PlanView view;

        private Fold(String planId, Map<String, Long> applied, PlanView view) {
            this.planId = planId;
            this.applied = applied;
            this.view = view;
        }

        static Fold of(String planId, Document stored) {
            return new Fold(planId, AppliedEvents.read(stored), stored == null ? PlanView.empty(planId)
                    : RecordDocuments.decode(stored.get("view", Document.class), PlanView.class));
        }

        Document toDocument() {
            return new Document("_id", planId).append(AppliedEvents.FIELD, AppliedEvents.write(applied))
                    .append("view", RecordDocuments.encode(view));
        }
    }

    @ResetHandler
    public void reset() {
        board.deleteMany(new Document());
    }

    @QueryHandler
    public Optional<BoardView> handle(FindBoardView query) {
        return findPlan(query.planId()).filter(PlanView::drafted)
                .map(view -> BoardRenderer.render(view, LocalDate.now(clock), null));
    }

    @QueryHandler
    public PlanList handle(ListPlans query) {
        List<PlanSummary> plans = new ArrayList<>();
        // The whole collection is one document per plan: a scan is the honest way to list them.
        for (Document document : board.find().projection(Projections.include(
                "view.planId", "view.drafted", "view.partnership", "view.title", "view.periodStart",
                "view.periodEnd", "view.cadence", "view.closed", "view.fictionNote")).sort(Sorts.ascending("_id"))) {
            Document view = document.get("view", Document.class);
            if (!Boolean.TRUE.equals(view.getBoolean("drafted"))) {
                continue;
            }
            plans.add(new PlanSummary(view.getString("planId"), view.getString("partnership"), view.getString("title"),
                    date(view.getString("periodStart")), date(view.getString("periodEnd")),
                    view.getString("cadence") == null ? null : org.planledger.events.Cadence.valueOf(view.getString("cadence")),
                    Boolean.TRUE.equals(view.getBoolean("closed")), view.getString("fictionNote") != null));
        }
        return new PlanList(plans);
    }

    /** The stored fold, for tests and for components that need the state rather than the rendering. */
    public Optional<PlanView> findPlan(String planId) {
        Document stored = board.find(Filters.eq("_id", planId)).first();
        return Optional.ofNullable(stored).map(d -> RecordDocuments.decode(d.get("view", Document.class), PlanView.class));
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
