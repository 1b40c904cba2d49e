package org.planledger.query.support;

import org.bson.Document;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which events a read-model document has absorbed, so that a redelivered event is skipped and a
 * late one is not.
 *
 * <p>Axon's JDBC event store assigns global sequence numbers at insert, but transactions commit in
 * their own order, and the gap-aware tracking token delivers an event that committed late
 * <em>after</em> events with higher sequence numbers. "Already applied" therefore cannot mean "a
 * higher sequence was applied" (that silently drops the late event); it means "this exact event
 * was applied to this document". Each document keeps:
 * <ul>
 *   <li>{@code appliedSequences}: the global sequences of the events it absorbed most recently,
 *       ascending, at most {@value #CAPACITY}. Far more than a processor batch, which is what a
 *       redelivery after a crash can repeat. When full, the smallest is dropped, except never the
 *       event just applied (a very late event is kept until later ones push it out).</li>
 *   <li>{@code lastSequence}: the highest sequence applied, for information only (lag checks,
 *       people reading the document). Nothing decides on it, except on a document written before
 *       {@code appliedSequences} existed (see {@link #contains}).</li>
 * </ul>
 * Keeping the list sorted rather than in arrival order makes a document built from events
 * delivered late identical to one built from the same events delivered in order.
 *
 * <p>Events without a sequence (no tracking token: a subscribing processor, unit tests) cannot be
 * deduplicated; they are always applied and leave both fields as they were.
 */
public final class AppliedSequences {

    public static final String APPLIED = "appliedSequences";
    public static final String LAST = "lastSequence";
    public static final int CAPACITY = 1_000;

    private AppliedSequences() {
    }

    /** True iff this very event has already been applied to the stored document (null: no document yet). */
    public static boolean contains(Document stored, Long sequence) {
        if (stored == null || sequence == null) {
            return false;
        }
        List<Long> applied = read(stored);
        if (applied == null) {
            // Written before appliedSequences existed: only the old watermark is known. Treating
            // everything at or below it as applied avoids double counting a redelivery that
            // straddles the upgrade; rebuild (reset and replay) to recover any event the old rule
            // dropped. The next write replaces the watermark rule for this document.
            Long last = stored.getLong(LAST);
            return last != null && sequence <= last;
        }
        return Collections.binarySearch(applied, sequence) >= 0;
    }

    /**
     * Writes {@code lastSequence} and {@code appliedSequences} onto {@code next} (the document about
     * to be saved): those of {@code stored} (may be null) plus {@code sequence} (may be null).
     */
    public static Document record(Document next, Document stored, Long sequence) {
        List<Long> applied = stored == null ? null : read(stored);
        applied = applied == null ? new ArrayList<>() : new ArrayList<>(applied);
        Long last = stored == null ? null : stored.getLong(LAST);
        if (sequence != null) {
            int at = Collections.binarySearch(applied, sequence);
            if (at < 0) {
                at = -at - 1;
                applied.add(at, sequence);
                if (applied.size() > CAPACITY) {
                    applied.remove(at == 0 ? 1 : 0);
                }
            }
            last = last == null ? sequence : Math.max(last, sequence);
        }
        return next.append(LAST, last).append(APPLIED, applied);
    }

    /** The stored list, ascending, or null when the document has none. */
    private static List<Long> read(Document stored) {
        List<?> raw = stored.get(APPLIED, List.class);
        if (raw == null) {
            return null;
        }
        List<Long> applied = new ArrayList<>(raw.size());
        for (Object value : raw) {
            applied.add(((Number) value).longValue());
        }
        return applied;
    }
}
