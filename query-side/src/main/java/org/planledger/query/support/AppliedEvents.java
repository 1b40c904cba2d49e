package org.planledger.query.support;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which events a read-model document has absorbed, so that a redelivered event is skipped and a
 * late one is not: per aggregate, the highest aggregate sequence number (version) applied.
 *
 * <p>Why not the global position: Axon's JDBC event store assigns global sequence numbers at
 * insert, but transactions commit in their own order, and the gap-aware tracking token delivers an
 * event that committed late <em>after</em> events with higher numbers. Such an event carries the
 * token of the moment it was read, whose position is the highest index seen so far, not the
 * event's own: it looks exactly like the event delivered before it. Deduplicating on the position
 * dropped those events (the board's referral counts came out short under 16 concurrent writers).
 *
 * <p>Why the per-aggregate version is exact: an aggregate's next event is written only after its
 * previous one committed (the command loaded it; the (aggregate, sequence) key refuses a second
 * writer), so a processor always receives one aggregate's events in version order. "Already
 * applied" is therefore "version at or below the one recorded for that aggregate", with no window
 * or capacity to tune. A redelivery after a crash repeats the last batch, which this skips.
 *
 * <p>Document field: {@code appliedVersions: [{aggregate, version}]}, sorted by aggregate id so that
 * documents built from the same events in a different interleaving are identical. Ids may contain
 * dots, so they are values, not field names. Events without an aggregate (unit tests feeding bare
 * payloads) cannot be deduplicated and are always applied.
 */
public final class AppliedEvents {

    public static final String FIELD = "appliedVersions";

    private AppliedEvents() {
    }

    /** True iff this event (or a later one of its aggregate) was already applied to the stored document. */
    public static boolean contains(Document stored, RecordedEvent event) {
        if (stored == null || event.aggregateId() == null || event.aggregateSequence() == null) {
            return false;
        }
        List<Document> applied = stored.getList(FIELD, Document.class);
        if (applied == null) {
            return false;
        }
        for (Document entry : applied) {
            if (event.aggregateId().equals(entry.getString("aggregate"))) {
                return event.aggregateSequence() <= ((Number) entry.get("version")).longValue();
            }
        }
        return false;
    }

    /** Writes {@code appliedVersions} onto {@code next}: those of {@code stored} (may be null) plus this event. */
    public static Document record(Document next, Document stored, RecordedEvent event) {
        Map<String, Long> versions = read(stored);
        record(versions, event);
        return next.append(FIELD, write(versions));
    }

    /** The same test on versions already read with {@link #read}. */
    public static boolean contains(Map<String, Long> versions, RecordedEvent event) {
        if (event.aggregateId() == null || event.aggregateSequence() == null) {
            return false;
        }
        Long version = versions.get(event.aggregateId());
        return version != null && event.aggregateSequence() <= version;
    }

    /** Records the event on versions read with {@link #read}. */
    public static void record(Map<String, Long> versions, RecordedEvent event) {
        if (event.aggregateId() != null && event.aggregateSequence() != null) {
            versions.merge(event.aggregateId(), event.aggregateSequence(), Math::max);
        }
    }

    /** The stored versions by aggregate id (empty when there is no document or no field). */
    public static Map<String, Long> read(Document stored) {
        Map<String, Long> versions = new TreeMap<>();
        List<Document> applied = stored == null ? null : stored.getList(FIELD, Document.class);
        if (applied != null) {
            for (Document entry : applied) {
                versions.put(entry.getString("aggregate"), ((Number) entry.get("version")).longValue());
            }
        }
        return versions;
    }

    /** The field's value for these versions, in aggregate id order. */
    public static List<Document> write(Map<String, Long> versions) {
        List<Document> applied = new ArrayList<>(versions.size());
        new TreeMap<>(versions).forEach((aggregate, version) ->
                applied.add(new Document("aggregate", aggregate).append("version", version)));
        return applied;
    }
}
