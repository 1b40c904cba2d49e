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
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
import org.planledger.query.support.ReadModelCollections;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The live board: one document per plan ({@code _id} = planId) holding the folded {@link PlanView}
 * and, per aggregate, the version of the last event folded into it (see {@link org.planledger.query.support.AppliedEvents}:
 * a redelivered event is skipped, one the store committed late is folded in). Date-dependent flags are not
 * stored; they are rendered at query time for today's date from the injected clock.
 *
 * <p>Document: {@code {_id, appliedVersions: [], leadUserIds: [], view: {planId, drafted, partnership, title, ..., priorities:[],
 * objectives:[], actions:[{actionId, ..., notes:[], years:[]}], indicators:[], boardMeetings:[], refreshes:[]}}}.
 */
@ProcessingGroup(BoardProjection.PROCESSING_GROUP)
public class BoardProjection {

    public static final String PROCESSING_GROUP = "board";
    public static final String COLLECTION = "board";
    /**
     * Top-level field of a board document: the user ids leading any of the plan's actions
     * ({@link PlanView#leadUserIds()}), written with the view it is taken from, so "my actions" finds
     * a lead's plans with one query instead of a fold of its own.
     */
    public static final String LEAD_USER_IDS = "leadUserIds";

    private final MongoCollection<Document> board;
    private final Clock clock;
    private final WriteBehind writes = new WriteBehind();
    private final String announcedKey = BoardProjection.class.getName() + "#announced#" + java.util.UUID.randomUUID();
    /** Told the id of each plan whose board an event batch changed; see {@link #whenChanged}. */
    private volatile Consumer<String> changed = planId -> { };

    /** Plans whose decoded fold is kept from one batch to the next. */
    static final int KEPT_PLANS = 16;

    /**
     * The fold each plan's document held when the last batch that wrote it committed. A batch
     * normally starts from it instead of reading and decoding the whole document again (with live
     * traffic a batch holds a few events, and decoding a large plan's document was most of its cost);
     * it is used only when the stored document's {@code appliedVersions} are exactly the kept ones,
     * so a document written meanwhile by anyone else (another process that held the segment, a
     * reset, a batch whose commit failed after its writes) is read and decoded as before.
     */
    private final Cache<String, KeptFold> kept = Caffeine.newBuilder().maximumSize(KEPT_PLANS)
            // held softly: a dropped fold costs one read and decode of the document, never a wrong board
            .softValues().build();

    private record KeptFold(Map<String, Long> applied, PlanView view) {
    }

    public BoardProjection(MongoDatabase database, Clock clock) {
        this.board = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    @EventHandler
    public void on(PlanLedgerEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        WriteBehind.Batch batch = writes.current();
        String planId = event.planId();
        Fold fold = batch.decoded(board, planId, () -> keptFold(planId), stored -> Fold.of(planId, stored));
        if (!AppliedEvents.contains(fold.applied, recorded)) {
            fold.view = PlanReducer.apply(fold.view, recorded);
            AppliedEvents.record(fold.applied, recorded);
            batch.saveEncoded(board, planId, fold::toDocument);
            keepAfterCommit(fold);
            announce(planId);
        }
        batch.endOfMessage();
    }

    /** The kept fold of the plan when the stored document has absorbed exactly the same events; else null. */
    private Fold keptFold(String planId) {
        KeptFold fold = kept.getIfPresent(planId);
        if (fold == null) {
            return null;
        }
        Document stored = board.find(Filters.eq("_id", planId)).projection(Projections.include(AppliedEvents.FIELD)).first();
        if (stored == null || !AppliedEvents.read(stored).equals(fold.applied())) {
            kept.invalidate(planId);
            return null;
        }
        return new Fold(planId, new TreeMap<>(fold.applied()), fold.view());
    }

    /** Once the batch has committed (its documents written, its token stored), its folds are the ones to start from. */
    private void keepAfterCommit(Fold fold) {
        if (fold.keepScheduled || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        fold.keepScheduled = true;
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> kept.put(fold.planId, new KeptFold(new TreeMap<>(fold.applied), fold.view)));
    }

    /**
     * Who to tell that a plan's board changed (the live pages' subscription queries): once per plan
     * per event batch, from the handler, so a listener that defers to the unit of work's commit (as
     * Axon's query update emitter does) speaks after the batch's board documents were written.
     */
    public void whenChanged(Consumer<String> listener) {
        this.changed = listener;
    }

    private void announce(String planId) {
        if (!CurrentUnitOfWork.isStarted()) {
            changed.accept(planId);
            return;
        }
        Set<String> announced = CurrentUnitOfWork.get().getOrComputeResource(announcedKey, key -> new HashSet<>());
        if (announced.add(planId)) {
            changed.accept(planId);
        }
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
        private boolean keepScheduled;

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
                    .append(LEAD_USER_IDS, view.leadUserIds())
                    .append("view", RecordDocuments.encode(view));
        }
    }

    @ResetHandler
    public void reset() {
        kept.invalidateAll();
        ReadModelCollections.clear(board);
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
