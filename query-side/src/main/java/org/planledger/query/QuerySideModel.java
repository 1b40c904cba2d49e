package org.planledger.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.planledger.query.board.BoardProjection;
import org.planledger.query.history.ActionHistoryProjection;
import org.planledger.query.journal.EventPositions;
import org.planledger.query.journal.JournalProjection;
import org.planledger.query.myactions.MyActionsQueries;
import org.planledger.query.referrals.ReferralStatisticsQueries;
import org.planledger.query.replay.AuditTrailQueries;
import org.planledger.query.replay.BoardPackQueries;
import org.planledger.query.reminders.UpdatesDueQueries;
import org.planledger.query.replay.PlanReplayQueries;
import org.planledger.query.replay.TimeTravelCaches;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.RecordDocuments;

import java.time.Clock;
import java.util.List;

/**
 * What the query side contributes to a runtime, without Spring: the runtime registers every object
 * of {@link #components()} (as beans, or with Axon's Configurer) so that their {@code @EventHandler}s
 * join the processing groups named on them and their {@code @QueryHandler}s join the query bus.
 *
 * <p>Run every processing group as a tracking (or pooled streaming) processor with ONE segment:
 * the journal records global order as delivered, and the other read models keep one document per
 * plan or action that events from several aggregates update. A batch size of a few hundred
 * makes replays fast; handlers write once per batch, and each document records the highest
 * version it has applied of every aggregate whose events it absorbed (see
 * {@link org.planledger.query.support.AppliedEvents}) and skips an event at or below it, so
 * redelivery is harmless and an event the store committed late is still applied.
 *
 * <p>Query handlers answer unknown plans and actions with {@code Optional.empty()}: dispatch with
 * {@code ResponseTypes.optionalInstanceOf(BoardView.class)} and the like (see {@link #QUERY_RESULTS}).
 */
public final class QuerySideModel {

    /** Every processing group the query side's event handlers use. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            JournalProjection.PROCESSING_GROUP,
            BoardProjection.PROCESSING_GROUP,
            ActionHistoryProjection.PROCESSING_GROUP);

    /** Query message and how it is answered; "Optional" means dispatch with ResponseTypes.optionalInstanceOf. */
    public static final List<String> QUERY_RESULTS = List.of(
            "FindBoardView -> Optional<BoardView>",
            "FindPlanAsAt -> Optional<BoardView>",
            "DiffPlan -> Optional<PlanDiff>",
            "FindPlanTimeline -> Optional<PlanTimeline>",
            "FindActionHistory -> Optional<ActionHistory>",
            "FindReferralStatistics -> Optional<ReferralStatistics>",
            "FindMyActions -> MyActions",
            "ListPlans -> PlanList",
            "FindAuditTrail -> AuditTrailPage",
            "FindBoardPack -> Optional<BoardPackContent>",
            "FindBoardPacks -> Optional<BoardPacks>",
            "FindUpdatesDue -> Optional<UpdatesDue>",
            "FindPendingUpdates -> PendingUpdates");

    private final JournalProjection journal;
    private final BoardProjection board;
    private final ActionHistoryProjection actionHistory;
    private final ReferralStatisticsQueries referralStatistics;
    private final MyActionsQueries myActions;
    private final PlanReplayQueries planReplay;
    private final AuditTrailQueries auditTrail;
    private final BoardPackQueries boardPacks;
    private final UpdatesDueQueries updatesDue;

    private QuerySideModel(MongoDatabase database, Clock clock, EventPositions positions, TimeTravelCaches caches) {
        this.journal = new JournalProjection(database, positions);
        this.board = new BoardProjection(database, clock);
        this.actionHistory = new ActionHistoryProjection(database);
        this.referralStatistics = new ReferralStatisticsQueries(database);
        this.myActions = new MyActionsQueries(database, clock);
        this.planReplay = new PlanReplayQueries(database, caches);
        this.auditTrail = new AuditTrailQueries(database);
        this.boardPacks = new BoardPackQueries(database);
        this.updatesDue = new UpdatesDueQueries(database);
    }

    /** @param clock "today" for the board's and my-actions' date-dependent flags */
    public static QuerySideModel create(MongoDatabase database, Clock clock) {
        return new QuerySideModel(database, clock, EventPositions.UNKNOWN, TimeTravelCaches.DEFAULT);
    }

    /** @param positions the event store's global index of an event, for the journal's late-committed events */
    public static QuerySideModel create(MongoDatabase database, Clock clock, EventPositions positions) {
        return new QuerySideModel(database, clock, positions, TimeTravelCaches.DEFAULT);
    }

    /** @param caches what time-travel queries keep between calls ({@link TimeTravelCaches#NONE}: nothing) */
    public static QuerySideModel create(MongoDatabase database, Clock clock, EventPositions positions,
                                        TimeTravelCaches caches) {
        return new QuerySideModel(database, clock, positions, caches);
    }

    /** Every projection and query handler, to be registered with Axon. */
    public List<Object> components() {
        return List.of(journal, board, actionHistory, referralStatistics, myActions, planReplay, auditTrail, boardPacks,
                updatesDue);
    }

    /** The objects holding @EventHandler methods (one per processing group, in PROCESSING_GROUPS order). */
    public List<Object> eventHandlers() {
        return List.of(journal, board, actionHistory);
    }

    public JournalProjection journal() { return journal; }
    public BoardProjection board() { return board; }
    public ActionHistoryProjection actionHistory() { return actionHistory; }
    public ReferralStatisticsQueries referralStatistics() { return referralStatistics; }
    public MyActionsQueries myActions() { return myActions; }
    public PlanReplayQueries planReplay() { return planReplay; }
    public AuditTrailQueries auditTrail() { return auditTrail; }

    public static List<String> processingGroups() {
        return PROCESSING_GROUPS;
    }

    /**
     * Secondary indexes real MongoDB uses for the audit trail's scans and for operators' ad hoc
     * queries; every read path of the application itself is by _id. The embedded server ignores
     * them (it logs a warning), which is harmless. Idempotent: safe to call on every start.
     */
    public static void createIndexes(MongoDatabase database) {
        var buckets = database.getCollection(JournalProjection.BUCKETS);
        buckets.createIndex(Indexes.ascending("planId", "number"), new IndexOptions().name("plan_bucket"));
        buckets.createIndex(Indexes.ascending("events.actor"), new IndexOptions().name("entry_actor"));
        buckets.createIndex(Indexes.ascending("events.type"), new IndexOptions().name("entry_type"));
        buckets.createIndex(Indexes.ascending("events.aggregateId"), new IndexOptions().name("entry_aggregate"));
        buckets.createIndex(Indexes.ascending("events.recordedAt"), new IndexOptions().name("entry_recorded"));
        buckets.createIndex(Indexes.ascending("events.sequence"), new IndexOptions().name("entry_sequence"));
        database.getCollection(ActionHistoryProjection.COLLECTION)
                .createIndex(Indexes.ascending("history.planId"), new IndexOptions().name("history_plan"));
        var board = database.getCollection(BoardProjection.COLLECTION);
        board.createIndex(Indexes.ascending(BoardProjection.LEAD_USER_IDS), new IndexOptions().name("board_leads"));
        addLeadUserIds(board);
    }

    /**
     * Board documents written before they carried {@link BoardProjection#LEAD_USER_IDS} get it from
     * their own view, so "my actions" finds every plan after an upgrade without a replay. Only such
     * documents are read; the board projection writes the same value whenever it next writes one.
     */
    static void addLeadUserIds(MongoCollection<Document> board) {
        for (Document stored : board.find(Filters.exists(BoardProjection.LEAD_USER_IDS, false))) {
            PlanView view = RecordDocuments.decode(stored.get("view", Document.class), PlanView.class);
            board.updateOne(Filters.eq("_id", stored.get("_id")),
                    Updates.set(BoardProjection.LEAD_USER_IDS, view.leadUserIds()));
        }
    }
}
