package org.planledger.query.journal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.planledger.events.PlanLedgerEvent;
import org.planledger.query.support.ReadModelCollections;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every event of every plan, in global order, for the audit trail, "as at" replays, diffs and the
 * timeline. Stored with the bucket pattern because the embedded wire
 * server answers only {@code _id} lookups without a scan:
 * <ul>
 *   <li>{@code journal_plans}: {@code {_id: planId, lastSequence, eventCount,
 *       buckets: [{bucketId, number, firstSequence, lastSequence, count}]}}</li>
 *   <li>{@code journal_buckets}: {@code {_id: "planId:000003", planId, number, events: [entry...]}}
 *       with at most {@value #BUCKET_SIZE} entries (see {@link JournalDocuments} for an entry)</li>
 * </ul>
 * so a plan's whole history is two reads by {@code _id}. Must run as one segment.
 *
 * <p>Each entry has {@code sequence}, the event's global index, and {@code ordinal}, its place in
 * the plan's journal in the order received. An event the JDBC store committed late arrives after
 * events with higher indexes, carrying the token's highest index; its own index is recovered from
 * the gap it filled ({@link #globalIndex}), so the journal reads in global order as a replay would
 * build it. Identity is the event id: a redelivery after a crash (at most the last batch, so in
 * the newest buckets) is recognised by it and skipped. The next ordinal is taken from the newest
 * bucket itself rather than only from the plan's index, because a crash can land between writing
 * a bucket and writing the index.
 */
@ProcessingGroup(JournalProjection.PROCESSING_GROUP)
public class JournalProjection {

    public static final String PROCESSING_GROUP = "journal";
    public static final String PLANS = "journal_plans";
    public static final String BUCKETS = "journal_buckets";
    /** Assigns positions to events delivered without a tracking token (a subscribing processor). */
    public static final String SEQUENCE = "journal_sequence";
    public static final int BUCKET_SIZE = 100;

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> buckets;
    private final MongoCollection<Document> sequence;
    private final WriteBehind writes = new WriteBehind();
    private final EventPositions positions;

    public JournalProjection(MongoDatabase database) {
        this(database, EventPositions.UNKNOWN);
    }

    public JournalProjection(MongoDatabase database, EventPositions positions) {
        this.positions = positions;
        this.plans = database.getCollection(PLANS);
        this.buckets = database.getCollection(BUCKETS);
        this.sequence = database.getCollection(SEQUENCE);
    }

    /** The gap-aware token of the last event handled (one segment: one thread at a time). */
    private volatile GapAwareTrackingToken previousToken;

    @EventHandler
    public void on(PlanLedgerEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        if (recorded.sequence() == null) {
            recorded = recorded.withSequence(nextFallbackSequence());
        } else {
            recorded = recorded.withSequence(globalIndex(message, recorded.sequence()));
        }
        WriteBehind.Batch batch = writes.current();
        prefetch(batch);
        record(batch, recorded);
        batch.endOfMessage();
    }

    /**
     * The event's own global index. A late-committed event arrives with a token whose index is the
     * highest seen so far (see {@link RecordedEvent#sequence()}). When the token moved forward, the
     * event is at the new index; when it stayed put and exactly one gap of the previous token is
     * filled, the event is at that gap. Otherwise the token cannot tell (the first event after a
     * start or after a batch retried from further back, which after a crash can well be a late one):
     * then the store is asked by event id. Recording the true index keeps the journal, and the audit
     * trail's order and sequence numbers, identical whether an event arrived late or in a replay
     * (the crash test compares the two).
     */
    private long globalIndex(EventMessage<?> message, long position) {
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        if (token instanceof ReplayToken replay) {
            token = replay.getCurrentToken();
        }
        if (!(token instanceof GapAwareTrackingToken current)) {
            return position;
        }
        GapAwareTrackingToken previous = previousToken;
        previousToken = current;
        if (previous != null && current.getIndex() > previous.getIndex()) {
            return position;
        }
        if (previous != null && previous.getIndex() == current.getIndex()) {
            Set<Long> filled = new TreeSet<>(previous.getGaps());
            filled.removeAll(current.getGaps());
            if (filled.size() == 1) {
                return filled.iterator().next();
            }
        }
        return positions.globalIndexOf(message.getIdentifier()).orElse(position);
    }

    @ResetHandler
    public void reset() {
        previousToken = null;
        ReadModelCollections.clear(plans);
        ReadModelCollections.clear(buckets);
        sequence.deleteMany(new Document());
    }

    /**
     * Reads the batch's plan indexes, then their newest buckets and the ones the batch will start,
     * with one query each instead of two or more per plan (once per batch; a batch of one reads as
     * it goes). A bucket read and found absent is written with a replace-upsert like any other (see {@link WriteBehind}).
     */
    private void prefetch(WriteBehind.Batch batch) {
        batch.prefetch(plans, JournalProjection::planIdOf);
        batch.prefetch(buckets, () -> {
            Map<String, Integer> eventsPerPlan = new LinkedHashMap<>();
            batch.messages().stream().map(JournalProjection::planIdOf).filter(Objects::nonNull)
                    .forEach(planId -> eventsPerPlan.merge(planId, 1, Integer::sum));
            List<String> ids = new ArrayList<>();
            eventsPerPlan.forEach((planId, count) -> {
                Document index = batch.find(plans, planId);
                int existing = index == null ? 0 : index.getList("buckets", Document.class).size();
                for (int number = Math.max(0, existing - 1); number <= existing + count / BUCKET_SIZE; number++) {
                    ids.add(bucketId(planId, number));
                }
            });
            return ids;
        });
    }

    private static String planIdOf(EventMessage<?> message) {
        return PlanLedgerEvent.class.isAssignableFrom(message.getPayloadType())
                ? ((PlanLedgerEvent) message.getPayload()).planId() : null;
    }

    private void record(WriteBehind.Batch batch, RecordedEvent recorded) {
        String planId = recorded.event().planId();
        long position = recorded.sequence();
        Document index = batch.find(plans, planId);
        if (index == null) {
            index = new Document("_id", planId).append("lastSequence", null).append("eventCount", 0)
                    .append("buckets", new ArrayList<Document>());
        }
        List<Document> bucketList = new ArrayList<>(index.getList("buckets", Document.class));
        // The newest bucket as stored: after a crash between the two writes it holds more than the index says.
        Document last = bucketList.isEmpty() ? null
                : batch.find(buckets, bucketList.get(bucketList.size() - 1).getString("bucketId"));
        List<Document> lastEvents = last == null ? List.of() : last.getList("events", Document.class);
        Long lastSequence = index.getLong("lastSequence");
        if (!lastEvents.isEmpty()) {
            long newest = lastEvents.get(lastEvents.size() - 1).getLong("sequence");
            lastSequence = lastSequence == null ? newest : Math.max(lastSequence, newest);
        }
        if (lastSequence != null && position <= lastSequence && alreadyJournaled(batch, bucketList, recorded)) {
            return;
        }
        long ordinal = lastEvents.isEmpty() ? index.getInteger("eventCount", 0)
                : ((Number) lastEvents.get(lastEvents.size() - 1).get("ordinal")).longValue() + 1;
        Document entry = JournalDocuments.toDocument(recorded).append("ordinal", ordinal);

        Document bucketMeta;
        Document bucket;
        if (last == null || lastEvents.size() >= BUCKET_SIZE) {
            int number = bucketList.size();
            String bucketId = bucketId(planId, number);
            // normally absent (and then written with an insert); after a crash between writing a new
            // bucket and the index it is there, and is replaced as before
            batch.find(buckets, bucketId);
            bucketMeta = new Document("bucketId", bucketId).append("number", number);
            bucketList.add(bucketMeta);
            bucket = new Document("_id", bucketId).append("planId", planId).append("number", number)
                    .append("events", new ArrayList<Document>());
        } else {
            bucketMeta = bucketList.get(bucketList.size() - 1);
            bucket = last;
        }
        List<Document> events = new ArrayList<>(bucket.getList("events", Document.class));
        events.add(entry);
        bucket = new Document(bucket).append("events", events);
        // a late event sits at the end of the bucket with a lower index: the range is min..max
        Document updatedMeta = new Document(bucketMeta)
                .append("firstSequence", events.stream().mapToLong(e -> e.getLong("sequence")).min().orElseThrow())
                .append("lastSequence", events.stream().mapToLong(e -> e.getLong("sequence")).max().orElseThrow())
                .append("count", events.size());
        bucketList.set(bucketList.size() - 1, updatedMeta);
        batch.save(buckets, bucket);
        batch.save(plans, new Document("_id", planId)
                .append("lastSequence", lastSequence == null ? position : Math.max(lastSequence, position))
                .append("eventCount", (int) ordinal + 1).append("buckets", bucketList));
    }

    /**
     * Whether this event is in the journal already. Only called when its position is not past the
     * plan's last one: a redelivery, or an event committed late. Token positions only grow as events
     * are delivered, so a redelivered event sits in a bucket reaching at least to its position; a
     * redelivery repeats one batch, so the newest buckets are the ones to look in.
     */
    private boolean alreadyJournaled(WriteBehind.Batch batch, List<Document> bucketList, RecordedEvent recorded) {
        for (int i = bucketList.size() - 1; i >= 0; i--) {
            Document meta = bucketList.get(i);
            boolean recent = i >= bucketList.size() - 3;
            if (!recent && meta.getLong("lastSequence") < recorded.sequence()) {
                return false;
            }
            Document bucket = batch.find(buckets, meta.getString("bucketId"));
            if (bucket != null && bucket.getList("events", Document.class).stream()
                    .anyMatch(e -> recorded.eventId().equals(e.getString("eventId")))) {
                return true;
            }
        }
        return false;
    }

    static String bucketId(String planId, int number) {
        return planId + ":" + String.format("%06d", number);
    }

    private long nextFallbackSequence() {
        Document counter = sequence.findOneAndUpdate(Filters.eq("_id", "global"), Updates.inc("next", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return counter.getLong("next");
    }
}
