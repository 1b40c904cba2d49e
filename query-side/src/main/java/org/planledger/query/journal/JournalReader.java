package org.planledger.query.journal;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.planledger.query.api.AuditFilter;
import org.planledger.query.support.RecordedEvent;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the journal the {@link JournalProjection} writes. */
public final class JournalReader {

    private final MongoCollection<Document> plans;
    private final MongoCollection<Document> buckets;

    public JournalReader(MongoDatabase database) {
        this.plans = database.getCollection(JournalProjection.PLANS);
        this.buckets = database.getCollection(JournalProjection.BUCKETS);
    }

    /** A plan's events in global order, or empty when the journal has never heard of the plan. */
    public Optional<List<RecordedEvent>> planEvents(String planId) {
        return planEntries(planId).map(entries -> entries.stream().map(JournalDocuments::fromDocument).toList());
    }

    /** Two reads by _id: the plan's index, then its buckets with one $in. */
    public Optional<List<Document>> planEntries(String planId) {
        Document index = plans.find(Filters.eq("_id", planId)).first();
        if (index == null) {
            return Optional.empty();
        }
        List<String> bucketIds = index.getList("buckets", Document.class).stream()
                .map(b -> b.getString("bucketId")).toList();
        List<Document> entries = new ArrayList<>();
        for (Document bucket : buckets.find(Filters.in("_id", bucketIds))) {
            entries.addAll(bucket.getList("events", Document.class));
        }
        // global order (a late-committed event at its own index), arrival order where positions repeat
        entries.sort(ORDER);
        return Optional.of(entries);
    }

    /**
     * One bucket as the plan's index describes it: how many entries it holds and the lowest and
     * highest global index among them (null while the index has not recorded them).
     */
    public record BucketMeta(String bucketId, int count, Long firstSequence, Long lastSequence) {
    }

    /** The plan's buckets as its index lists them (one read by _id), or empty when the journal has never heard of the plan. */
    public Optional<List<BucketMeta>> planBuckets(String planId) {
        Document index = plans.find(Filters.eq("_id", planId)).first();
        if (index == null) {
            return Optional.empty();
        }
        return Optional.of(index.getList("buckets", Document.class).stream()
                .map(b -> new BucketMeta(b.getString("bucketId"), b.getInteger("count", 0), b.getLong("firstSequence"),
                        b.getLong("lastSequence")))
                .toList());
    }

    /** The stored entries of these buckets, by bucket id, in the order stored; a bucket not found is absent. */
    public Map<String, List<Document>> bucketEntries(Collection<String> bucketIds) {
        Map<String, List<Document>> entries = new HashMap<>();
        if (bucketIds.isEmpty()) {
            return entries;
        }
        for (Document bucket : buckets.find(Filters.in("_id", List.copyOf(bucketIds)))) {
            entries.put(bucket.getString("_id"), bucket.getList("events", Document.class));
        }
        return entries;
    }

    /**
     * A bucket's stored entries from position {@code skip} on (one read by _id, the array sliced by the
     * server): what was appended to it since {@code skip} entries were read. Empty when the bucket is not found.
     */
    /** More than a bucket ever holds; not Integer.MAX_VALUE, which the embedded server adds to the skip and overflows. */
    private static final int MAX_BUCKET_ENTRIES = 1_000_000;

    public List<Document> bucketEntriesFrom(String bucketId, int skip) {
        Document bucket = buckets.find(Filters.eq("_id", bucketId))
                .projection(Projections.slice("events", skip, MAX_BUCKET_ENTRIES)).first();
        return bucket == null ? List.of() : bucket.getList("events", Document.class, List.of());
    }

    /** Journal order: global index, then arrival order where a late-committed event repeats a position. */
    public static final Comparator<Document> ORDER =
            Comparator.comparingLong((Document e) -> e.getLong("sequence")).thenComparingLong(JournalReader::ordinal);

    /**
     * Entries matching the filter, newest first. With a plan this is the plan's buckets by _id;
     * without one it scans the buckets. The coarse filter lets real MongoDB use its multikey
     * indexes to pick buckets; the exact per-entry filter is applied here.
     */
    public List<Document> matching(AuditFilter filter) {
        List<Document> candidates = new ArrayList<>();
        if (filter.planId() != null) {
            planEntries(filter.planId()).ifPresent(candidates::addAll);
        } else {
            List<Bson> coarse = new ArrayList<>();
            if (filter.aggregateId() != null) coarse.add(Filters.eq("events.aggregateId", filter.aggregateId()));
            if (filter.actor() != null) coarse.add(Filters.eq("events.actor", filter.actor()));
            if (filter.eventType() != null) coarse.add(Filters.eq("events.type", filter.eventType()));
            if (filter.actorIn() != null) coarse.add(Filters.in("events.actor", filter.actorIn()));
            if (filter.eventTypeIn() != null) coarse.add(Filters.in("events.type", filter.eventTypeIn()));
            if (filter.planIdIn() != null) coarse.add(Filters.in("planId", filter.planIdIn()));
            Bson query = coarse.isEmpty() ? new Document() : Filters.and(coarse);
            for (Document bucket : buckets.find(query)) {
                candidates.addAll(bucket.getList("events", Document.class));
            }
        }
        List<Document> result = new ArrayList<>();
        for (Document entry : candidates) {
            if (matches(entry, filter)) {
                result.add(entry);
            }
        }
        // Newest first. Positions repeat for events committed late; within a plan the ordinal decides.
        result.sort(Comparator.comparingLong((Document e) -> e.getLong("sequence"))
                .thenComparingLong(JournalReader::ordinal).reversed());
        return result;
    }

    public static long ordinal(Document entry) {
        return ((Number) entry.get("ordinal")).longValue();
    }

    private static boolean matches(Document entry, AuditFilter filter) {
        Date recordedAt = entry.getDate("recordedAt");
        return (filter.planId() == null || filter.planId().equals(entry.getString("planId")))
                && (filter.planIdIn() == null || filter.planIdIn().contains(entry.getString("planId")))
                && (filter.aggregateId() == null || filter.aggregateId().equals(entry.getString("aggregateId")))
                && (filter.actor() == null || filter.actor().equals(entry.getString("actor")))
                && (filter.eventType() == null || filter.eventType().equals(entry.getString("type")))
                && (filter.actorIn() == null || filter.actorIn().contains(entry.getString("actor")))
                && (filter.eventTypeIn() == null || filter.eventTypeIn().contains(entry.getString("type")))
                && (filter.recordedFrom() == null || !recordedAt.toInstant().isBefore(filter.recordedFrom()))
                && (filter.recordedTo() == null || recordedAt.toInstant().isBefore(filter.recordedTo()));
    }
}
