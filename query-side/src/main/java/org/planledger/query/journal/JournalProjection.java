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
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.planledger.events.PlanLedgerEvent;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.util.ArrayList;
import java.util.List;

/**
 * Every event of every plan, in global order, for the audit trail, "as at" replays, diffs and the
 * timeline. Stored with the bucket pattern because the embedded wire server answers only
 * {@code _id} lookups without a scan:
 * <ul>
 *   <li>{@code journal_plans}: {@code {_id: planId, lastSequence, eventCount,
 *       buckets: [{bucketId, number, firstSequence, lastSequence, count}]}}</li>
 *   <li>{@code journal_buckets}: {@code {_id: "planId:000003", planId, number, events: [entry...]}}
 *       with at most {@value #BUCKET_SIZE} entries (see {@link JournalDocuments} for an entry) in
 *       global sequence order</li>
 * </ul>
 * so a plan's whole history is two reads by {@code _id}. Must run as one segment: the global order
 * it records is the order it is given.
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

    public JournalProjection(MongoDatabase database) {
        this.plans = database.getCollection(PLANS);
        this.buckets = database.getCollection(BUCKETS);
        this.sequence = database.getCollection(SEQUENCE);
    }

    @EventHandler
    public void on(PlanLedgerEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        if (recorded.sequence() == null) {
            recorded = recorded.withSequence(nextFallbackSequence());
        }
        WriteBehind.Batch batch = writes.current();
        record(batch, recorded);
        batch.endOfMessage();
    }

    @ResetHandler
    public void reset() {
        plans.deleteMany(new Document());
        buckets.deleteMany(new Document());
        sequence.deleteMany(new Document());
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
        Long lastSequence = index.getLong("lastSequence");
        Document entry = JournalDocuments.toDocument(recorded);

        Document bucketMeta;
        Document bucket;
        if (lastSequence != null && position <= lastSequence) {
            // Either a redelivery (skip it) or an event the store committed late, behind later ones
            // (a gap being filled): it belongs in the first bucket reaching past its position.
            bucketMeta = bucketList.stream().filter(b -> b.getLong("lastSequence") >= position).findFirst()
                    .orElse(bucketList.get(bucketList.size() - 1));
            bucket = batch.find(buckets, bucketMeta.getString("bucketId"));
            List<Document> events = new ArrayList<>(bucket.getList("events", Document.class));
            if (events.stream().anyMatch(e -> e.getLong("sequence") == position)) {
                return;
            }
            int insertAt = 0;
            while (insertAt < events.size() && events.get(insertAt).getLong("sequence") < position) {
                insertAt++;
            }
            events.add(insertAt, entry);
            bucket = new Document(bucket).append("events", events);
        } else {
            Document last = bucketList.isEmpty() ? null : bucketList.get(bucketList.size() - 1);
            if (last == null || last.getInteger("count") >= BUCKET_SIZE) {
                int number = bucketList.size();
                String bucketId = bucketId(planId, number);
                bucketMeta = new Document("bucketId", bucketId).append("number", number);
                bucketList.add(bucketMeta);
                bucket = new Document("_id", bucketId).append("planId", planId).append("number", number)
                        .append("events", new ArrayList<Document>());
            } else {
                bucketMeta = last;
                bucket = batch.find(buckets, last.getString("bucketId"));
            }
            List<Document> events = new ArrayList<>(bucket.getList("events", Document.class));
            events.add(entry);
            bucket = new Document(bucket).append("events", events);
            lastSequence = position;
        }
        List<Document> events = bucket.getList("events", Document.class);
        Document updatedMeta = new Document(bucketMeta)
                .append("firstSequence", events.get(0).getLong("sequence"))
                .append("lastSequence", events.get(events.size() - 1).getLong("sequence"))
                .append("count", events.size());
        bucketList.set(bucketList.indexOf(bucketMeta), updatedMeta);
        batch.save(buckets, bucket);
        batch.save(plans, new Document("_id", planId).append("lastSequence", lastSequence)
                .append("eventCount", index.getInteger("eventCount", 0) + 1).append("buckets", bucketList));
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
