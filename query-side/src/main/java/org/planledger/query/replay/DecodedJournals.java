package org.planledger.query.replay;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.planledger.query.journal.JournalDocuments;
import org.planledger.query.journal.JournalReader;
import org.planledger.query.journal.JournalReader.BucketMeta;
import org.planledger.query.support.RecordedEvent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan's journal, decoded, kept between time-travel queries. Reading and decoding a 3,000-event
 * journal from the wire server was most of an "as at" query's cost (the plain read alone was p99
 * 52 ms in the benchmark); the fold on top of it was the smaller part.
 *
 * <p>Every call still reads the plan's journal index (one small document by {@code _id}) and
 * compares each bucket's count and range of global indexes with the decoded copy; only buckets that
 * differ (in practice the newest, as events are appended) are read and decoded again. A bucket's
 * entries are only ever appended (a late-committed event too is appended, at the end of the newest
 * bucket), so the same count and range mean the same entries. A plan the index no longer knows (a
 * reset of the journal) is forgotten. The result is therefore exactly what {@link JournalReader#planEvents}
 * would return from the same reads.
 *
 * <p>What is kept is the journal itself, the same for every caller: filtering for a caller (roles,
 * partnerships, personal data) happens on the answer, after this, as it did before the cache.
 * Something that rewrites journal entries in place rather than appending must call {@link #forget}.
 *
 * <p>Bounded by the number of events kept (about 1 KB of heap each, decoded).
 */
public final class DecodedJournals {

    /** Default bound: events kept over all plans (ten 3,000-event plans; about 30 MB). */
    public static final long DEFAULT_MAX_EVENTS = 30_000;

    private record Entry(long ordinal, RecordedEvent event) {
    }

    private record DecodedBucket(int count, Long firstSequence, Long lastSequence, List<Entry> entries) {
        boolean describedBy(BucketMeta meta) {
            return count == meta.count() && Objects.equals(firstSequence, meta.firstSequence())
                    && Objects.equals(lastSequence, meta.lastSequence());
        }

        /** This bucket with entries read after its own appended. */
        DecodedBucket plus(DecodedBucket after) {
            if (after.count() == 0) {
                return this;
            }
            List<Entry> all = new ArrayList<>(count + after.count());
            all.addAll(entries);
            all.addAll(after.entries());
            return new DecodedBucket(all.size(), min(firstSequence, after.firstSequence()),
                    max(lastSequence, after.lastSequence()), List.copyOf(all));
        }

        private static Long min(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.min(a, b));
        }

        private static Long max(Long a, Long b) {
            return a == null ? b : b == null ? a : Long.valueOf(Math.max(a, b));
        }
    }

    /** @param last the last entry in journal order, null for an empty journal */
    private record Journal(Map<String, DecodedBucket> buckets, List<RecordedEvent> events, Entry last) {
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong((Entry e) -> e.event().sequence())
            .thenComparingLong(Entry::ordinal);

    private final JournalReader reader;
    private final Cache<String, Journal> journals;
    private final boolean caching;

    /** @param maxEvents how many decoded events to keep over all plans; 0 reads and decodes on every call */
    public DecodedJournals(JournalReader reader, long maxEvents) {
        this.reader = reader;
        this.caching = maxEvents > 0;
        this.journals = Caffeine.newBuilder().maximumWeight(Math.max(maxEvents, 1))
                .weigher((String planId, Journal journal) -> Math.max(1, journal.events().size()))
                .build();
    }

    /** The plan's events in journal order (unmodifiable), or empty when the journal has never heard of the plan. */
    public Optional<List<RecordedEvent>> planEvents(String planId) {
        if (!caching) {
            return reader.planEvents(planId);
        }
        Optional<List<BucketMeta>> index = reader.planBuckets(planId);
        if (index.isEmpty()) {
            journals.invalidate(planId);
            return Optional.empty();
        }
        List<BucketMeta> metas = index.get();
        Journal cached = journals.getIfPresent(planId);
        java.util.Set<String> changed = new java.util.LinkedHashSet<>();
        for (BucketMeta meta : metas) {
            DecodedBucket bucket = cached == null ? null : cached.buckets().get(meta.bucketId());
            if (bucket == null || !bucket.describedBy(meta)) {
                changed.add(meta.bucketId());
            }
        }
        if (cached != null && changed.isEmpty() && cached.buckets().size() == metas.size()) {
            return Optional.of(cached.events());
        }
        Map<String, DecodedBucket> buckets = new HashMap<>();
        List<Entry> added = new ArrayList<>();
        boolean rebuilt = cached == null || !cached.buckets().keySet().stream().allMatch(id -> metas.stream()
                .anyMatch(meta -> meta.bucketId().equals(id)));
        List<String> wholly = new ArrayList<>();
        Map<String, BucketMeta> byId = new HashMap<>();
        metas.forEach(meta -> byId.put(meta.bucketId(), meta));
        for (String bucketId : changed) {
            DecodedBucket before = cached == null ? null : cached.buckets().get(bucketId);
            BucketMeta meta = byId.get(bucketId);
            if (before == null || meta.count() <= before.count()
                    || !Objects.equals(meta.firstSequence(), before.firstSequence())) {
                wholly.add(bucketId); // new, or not simply grown (rebuilt, a late event with a lower index)
                rebuilt |= before != null; // its old entries are in the kept journal: order everything again
                continue;
            }
            // entries are only appended to a bucket: read those after the ones already decoded, and
            // trust the result only if it is what the index describes (else read the bucket again)
            DecodedBucket grown = before.plus(decode(reader.bucketEntriesFrom(bucketId, before.count())));
            if (!grown.describedBy(meta)) {
                wholly.add(bucketId);
                rebuilt = true;
                continue;
            }
            buckets.put(bucketId, grown);
            added.addAll(grown.entries().subList(before.count(), grown.count()));
        }
        Map<String, List<Document>> read = reader.bucketEntries(wholly);
        for (String bucketId : wholly) {
            DecodedBucket bucket = decode(read.getOrDefault(bucketId, List.of()));
            buckets.put(bucketId, bucket);
            added.addAll(bucket.entries());
        }
        for (BucketMeta meta : metas) {
            buckets.computeIfAbsent(meta.bucketId(), id -> cached.buckets().get(id));
        }
        Journal fresh;
        added.sort(ORDER);
        if (!rebuilt && (added.isEmpty() || cached.last() == null || ORDER.compare(cached.last(), added.get(0)) < 0)) {
            // the usual case: everything new comes after everything kept
            List<RecordedEvent> events = new ArrayList<>(cached.events().size() + added.size());
            events.addAll(cached.events());
            added.forEach(entry -> events.add(entry.event()));
            fresh = new Journal(buckets, Collections.unmodifiableList(events), added.isEmpty() ? cached.last() : added.get(added.size() - 1));
        } else {
            // a late-committed event lands in the middle (or buckets were dropped): the whole order again
            List<Entry> entries = new ArrayList<>();
            for (BucketMeta meta : metas) {
                entries.addAll(buckets.get(meta.bucketId()).entries());
            }
            entries.sort(ORDER);
            fresh = new Journal(buckets, entries.stream().map(Entry::event).toList(),
                    entries.isEmpty() ? null : entries.get(entries.size() - 1));
        }
        journals.put(planId, fresh);
        return Optional.of(fresh.events());
    }

    /** Drops a plan's decoded journal (for anything that changes stored entries other than by appending). */
    public void forget(String planId) {
        journals.invalidate(planId);
    }

    private static DecodedBucket decode(List<Document> stored) {
        List<Entry> entries = new ArrayList<>(stored.size());
        Long first = null;
        Long last = null;
        for (Document document : stored) {
            RecordedEvent event = JournalDocuments.fromDocument(document);
            entries.add(new Entry(JournalReader.ordinal(document), event));
            long sequence = event.sequence();
            first = first == null ? sequence : Math.min(first, sequence);
            last = last == null ? sequence : Math.max(last, sequence);
        }
        return new DecodedBucket(entries.size(), first, last, List.copyOf(entries));
    }
}
