package org.planledger.infra.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.query.api.BoardView;
import org.planledger.query.board.BoardProjection;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.history.ActionHistoryProjection;
import org.planledger.query.plan.PlanView;
import org.planledger.query.support.AppliedEvents;
import org.planledger.query.support.RecordDocuments;
import org.springframework.stereotype.Component;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The live board as {@code FindBoardView} answers it, without decoding the stored document on
 * every request: the decoded {@link PlanView} is kept per plan together with the read-model
 * version it was decoded at, and a request first reads only the document's {@code appliedVersions}
 * (a few hundred bytes) to learn whether the board moved on. Decoding the whole plan view per
 * request was most of a board request's cost in the benchmark.
 *
 * <p>The read-model version is the number of events the board document has absorbed: the sum over
 * its aggregates of (highest sequence number applied + 1) — Axon numbers each aggregate's events
 * from 0, and {@link AppliedEvents} records, per aggregate, the highest one folded in. Every event
 * the projection absorbs raises it, and the projection writes the view and {@code appliedVersions}
 * in one document, so a cached view is served only for the very version it was decoded from: a
 * decode reads the whole document once and takes the version from that same read.
 *
 * <p>Nothing here depends on the caller: the plan view is the same for every role, as the query
 * handler's answer was. What does depend on the caller is done per request after this, exactly as
 * before (the API's {@code SubjectReferenceRedaction}, the pages' viewer); the board carries no
 * referral subject references today in any case.
 */
@Component
@ConditionalOnQuerySide
public class LiveBoards {


    /** A plan's board at one read-model version, rendered for one date. */
    public record Current(String planId, long version, LocalDate today, BoardView board) {
    }

    private record Decoded(long version, PlanView view, Rendered rendered) {
    }

    private record Rendered(LocalDate today, BoardView board) {
    }

    private final MongoCollection<Document> boards;
    private final MongoCollection<Document> histories;
    private final Clock clock;
    private final Cache<String, Decoded> decoded;
    private final boolean caching;
    private final BoardVersions versions;
    private final Cache<String, Body> bodies;
    private final boolean keepsBodies;
    /** Set once the in-process board projection tells this of every plan it changes ({@link #hearsEveryChange}). */
    private volatile boolean listening;
    private final BooleanSupplier boardProcessorHoldsItsSegment;

    /**
     * A response body made from a board (the API's JSON, a board page's HTML) with its content type,
     * kept under the entity tag that names everything that shaped it ({@link #tag}).
     */
    public record Body(byte[] bytes, String contentType) {
    }

    /**
     * {@code planledger.query-side.board-cache-plans} (default 64; a generated 60-action plan's view is
     * about 1 MB decoded): how many plans' views are kept; 0 decodes the stored document on every
     * request, as before the cache (the benchmark's "before").
     * {@code board-body-cache-bytes} (default 8,000,000; 0 keeps none): the JSON and board pages kept under
     * their entity tags, weighed by their bytes. {@code board-versions-in-memory} (default true) and
     * {@code board-version-lease} (default 1 s): see {@link BoardVersions}; false reads each request's
     * version from the store, as before.
     */
    @org.springframework.beans.factory.annotation.Autowired
    public LiveBoards(MongoDatabase planLedgerMongoDatabase,
                      @org.springframework.beans.factory.annotation.Value("${planledger.query-side.board-cache-plans:64}") int plans,
                      @org.springframework.beans.factory.annotation.Value("${planledger.query-side.board-body-cache-bytes:8000000}") long bodyBytes,
                      @org.springframework.beans.factory.annotation.Value("${planledger.query-side.board-version-lease:1s}") Duration lease,
                      @org.springframework.beans.factory.annotation.Value("${planledger.query-side.board-versions-in-memory:true}") boolean versionsInMemory,
                      ObjectProvider<EventProcessingConfiguration> processing) {
        this(planLedgerMongoDatabase, Clock.system(QuerySideConfiguration.PARTNERSHIP_ZONE), plans, bodyBytes, lease,
                versionsInMemory ? new BoardProcessor(processing)::holdsItsSegment : () -> false);
    }

    LiveBoards(MongoDatabase database, Clock clock, int plans) {
        this(database, clock, plans, 0, Duration.ofSeconds(1), () -> false);
    }

    LiveBoards(MongoDatabase database, Clock clock, int plans, long bodyBytes, Duration lease, BooleanSupplier boardProcessorHoldsItsSegment) {
        this.boards = database.getCollection(BoardProjection.COLLECTION);
        this.histories = database.getCollection(ActionHistoryProjection.COLLECTION);
        this.clock = clock;
        this.caching = plans > 0;
        // held softly as well: 64 large plans' views (about 1 MB decoded each, plus the rendering) would
        // be half of a 256 MB heap; under pressure the collector drops views, which are decoded again
        this.decoded = Caffeine.newBuilder().maximumSize(Math.max(plans, 1)).softValues().build();
        this.boardProcessorHoldsItsSegment = boardProcessorHoldsItsSegment;
        this.versions = new BoardVersions(this::storedVersion, () -> caching && listening
                && this.boardProcessorHoldsItsSegment.getAsBoolean(), lease, 10_000);
        // weighed by bytes (a 360-action board is 560 KB of JSON); the key is an entity tag, about 80 characters
        this.keepsBodies = bodyBytes > 0;
        this.bodies = Caffeine.newBuilder().maximumWeight(Math.max(bodyBytes, 0))
                .weigher((String tag, Body body) -> body.bytes().length + 2 * tag.length() + 64).build();
    }

    /**
     * Whether this process's board processor is running and holds its segment (the query side runs it with
     * one): then it alone writes the board documents, and announces each plan it changed.
     */
    private static final class BoardProcessor {
        private final ObjectProvider<EventProcessingConfiguration> processing;
        /** Found once: looking the processor up through the bean factory on every request cost more than the rest of it. */
        private volatile StreamingEventProcessor found;

        BoardProcessor(ObjectProvider<EventProcessingConfiguration> processing) {
            this.processing = processing;
        }

        boolean holdsItsSegment() {
            StreamingEventProcessor processor = found;
            if (processor == null) {
                try {
                    EventProcessingConfiguration configuration = processing.getIfAvailable();
                    processor = configuration == null ? null : configuration
                            .eventProcessor(BoardProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElse(null);
                } catch (RuntimeException notConfiguredYet) {
                    processor = null;
                }
                if (processor == null) {
                    return false;
                }
                found = processor;
            }
            if (!processor.isRunning() || processor.isError()) {
                return false;
            }
            Map<Integer, EventTrackerStatus> segments = processor.processingStatus();
            return !segments.isEmpty() && segments.values().stream().noneMatch(EventTrackerStatus::isErrorState);
        }
    }

    /**
     * Called by whoever receives the board projection's announcements ({@link LiveBoardUpdates}): from now on
     * each changed plan is told to {@link #changed}, so versions may be kept in memory ({@link BoardVersions}).
     */
    void hearsEveryChange() {
        this.listening = true;
    }

    /**
     * The projection changed the plan's board in the event batch being handled. The kept version is
     * dropped once that batch has committed (its documents are written before it commits), or rolled
     * back (perhaps after its writes). Without a unit of work, at once.
     */
    void changed(String planId) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> versions.announced(planId));
            CurrentUnitOfWork.get().onRollback(unitOfWork -> versions.announced(planId));
        } else {
            versions.announced(planId);
        }
    }

    /** The body kept under this tag, or null. */
    public Body keptBody(String tag) {
        return keepsBodies ? bodies.getIfPresent(tag) : null;
    }

    /** Keeps a body under the tag that names everything that shaped it. */
    public void keepBody(String tag, Body body) {
        if (keepsBodies) {
            bodies.put(tag, body);
        }
    }

    /**
     * The body kept under this tag, made and kept when there is none; readers asking for the same tag
     * meanwhile wait for that one making (16 readers after a change would otherwise each serialise it).
     */
    public Body body(String tag, java.util.function.Supplier<Body> make) {
        return keepsBodies ? bodies.get(tag, key -> make.get()) : make.get();
    }

    /** Today in the partnership's zone: the date the live board is rendered for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The read-model version of the plan's board, or empty when there is no board document: from memory
     * while this process's board projection announces every change ({@link BoardVersions} says when),
     * else read from the store.
     */
    public Optional<Long> version(String planId) {
        return versions.version(planId);
    }

    private Optional<Long> storedVersion(String planId) {
        Document stored = boards.find(Filters.eq("_id", planId))
                .projection(Projections.include(AppliedEvents.FIELD)).first();
        return stored == null ? Optional.empty() : Optional.of(versionOf(stored));
    }

    /**
     * The version of one of the plan's aggregates (the plan, an action, a referral case) as the board
     * has absorbed it: the sequence number of its last event folded in, the version an {@code If-Match}
     * names. The board folds every event of the plan's aggregates, so this is the version of what a page
     * made from it shows. Empty when the board has none of that aggregate's events.
     */
    public Optional<Long> aggregateVersion(String planId, String aggregateId) {
        Document stored = boards.find(Filters.eq("_id", planId))
                .projection(Projections.include(AppliedEvents.FIELD)).first();
        return stored == null ? Optional.empty() : Optional.ofNullable(AppliedEvents.read(stored).get(aggregateId));
    }

    /**
     * Whether the action's history (the action page's own read model) has absorbed every event of the
     * action the board has: the board's live feed says the plan changed when the board has folded an
     * event, and the action page asking then must not be answered from a history a moment behind.
     */
    public boolean historyCaughtUp(String planId, String actionId) {
        Document history = histories.find(Filters.eq("_id", actionId))
                .projection(Projections.include(AppliedEvents.FIELD)).first();
        long board = aggregateVersion(planId, actionId).orElse(-1L);
        return AppliedEvents.read(history).getOrDefault(actionId, -1L) >= board;
    }

    /** The live board for today, as {@code FindBoardView} renders it; empty for an unknown or undrafted plan. */
    public Optional<Current> current(String planId) {
        LocalDate today = today();
        Decoded cached = decoded.getIfPresent(planId);
        if (cached != null) {
            Optional<Long> version = version(planId);
            if (version.isEmpty()) {
                decoded.invalidate(planId);
                return Optional.empty();
            }
            if (version.get() == cached.version()) {
                return Optional.of(rendered(planId, cached, today));
            }
        }
        Document stored = boards.find(Filters.eq("_id", planId)).first();
        if (stored == null) {
            decoded.invalidate(planId);
            return Optional.empty();
        }
        PlanView view = RecordDocuments.decode(stored.get("view", Document.class), PlanView.class);
        Decoded fresh = new Decoded(versionOf(stored), view, null);
        if (!view.drafted()) {
            return Optional.empty();
        }
        if (!caching) {
            return Optional.of(rendered(planId, fresh, today));
        }
        decoded.asMap().merge(planId, fresh, (old, next) -> old.version() > next.version() ? old : next);
        return Optional.of(rendered(planId, fresh, today));
    }

    /**
     * The folded plan behind the live board: its whole tree, with what the board leaves out (an
     * action's outputs and partners, an indicator's baseline and target), for the pages' change forms
     * to start from. Empty for an unknown or undrafted plan.
     */
    public Optional<PlanView> view(String planId) {
        if (current(planId).isEmpty()) {
            return Optional.empty();
        }
        Decoded cached = decoded.getIfPresent(planId);
        if (cached != null) {
            return Optional.of(cached.view());
        }
        Document stored = boards.find(Filters.eq("_id", planId)).first();
        return stored == null ? Optional.empty()
                : Optional.of(RecordDocuments.decode(stored.get("view", Document.class), PlanView.class));
    }

    private Current rendered(String planId, Decoded entry, LocalDate today) {
        Rendered rendered = entry.rendered();
        if (rendered == null || !rendered.today().equals(today)) {
            rendered = new Rendered(today, BoardRenderer.render(entry.view(), today, null));
            // replace only the entry this was rendered from, so a newer version is never overwritten
            decoded.asMap().replace(planId, entry, new Decoded(entry.version(), entry.view(), rendered));
        }
        return new Current(planId, entry.version(), today, rendered.board());
    }

    /**
     * A strong entity tag for a body built from this plan's board at {@code version} for {@code today}:
     * the version and date in clear, then a digest of whatever else shapes the body for this caller
     * ({@code variant}: the caller's visibility, query parameters, the page's viewer...) and of a
     * random value drawn when this process started, so a tag from before a restart (perhaps another
     * build, rendering differently) never matches.
     */
    public static String tag(String planId, long version, LocalDate today, String... variant) {
        java.security.MessageDigest sha256;
        try {
            sha256 = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha256.update(PROCESS_EPOCH);
        for (String part : prepend(planId, variant)) {
            byte[] bytes = String.valueOf(part).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            sha256.update(java.nio.ByteBuffer.allocate(4).putInt(part == null ? -1 : bytes.length).array());
            sha256.update(bytes);
        }
        String digest = java.util.HexFormat.of().formatHex(sha256.digest(), 0, 12);
        return "\"" + version + "-" + today + "-" + digest + "\"";
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static final byte[] PROCESS_EPOCH = new byte[16];

    static {
        new java.security.SecureRandom().nextBytes(PROCESS_EPOCH);
    }

    static long versionOf(Document stored) {
        List<Document> applied = stored.getList(AppliedEvents.FIELD, Document.class);
        long events = 0;
        if (applied != null) {
            for (Document entry : applied) {
                events += ((Number) entry.get("version")).longValue() + 1;
            }
        }
        return events;
    }
}
