package org.planledger.infra.query;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * The read-model version of each plan's board, known in memory instead of read from the store (a
 * round trip to the embedded wire server, most of a cached board request's cost) on every request.
 *
 * <p>The rule: a version kept here is served only while {@code announcesEveryWrite} holds, i.e.
 * while this process's own board projection is running and holds its (only) segment, and so is the
 * one writer of the board documents; that projection announces each plan it changed once the
 * batch's unit of work has ended (committed, or rolled back after its documents were written), and
 * an announcement makes the next request read the version from the store again. While this process
 * does not hold the board's segment (another process projects, or the processor stopped or failed)
 * every request reads the version from the store, as before. When the segment is (re)gained,
 * everything kept is forgotten. What no announcement covers (another process that held the segment
 * for a moment between two requests here, a reset deleting the documents) is seen within
 * {@code lease}: a kept version older than that is read again in the background, and meanwhile served.
 *
 * <p>A request reads the plan's announcement count before it reads the store, and keeps the version
 * with that count: an announcement that lands between the two (or after) makes the counts differ, so
 * a version read just before a commit is never kept as current.
 */
final class BoardVersions {

    private static final long NO_DOCUMENT = -1;

    private record Known(long version, long announcements) {
    }

    private final Function<String, Optional<Long>> stored;
    private final BooleanSupplier announcesEveryWrite;
    /**
     * Announcements per plan. Only plans the projection changed are added, so it holds one small entry per
     * plan of the store (about 100 bytes each), never one per id a caller asks for; it is never evicted,
     * because a count that went back to zero could match a version kept before it.
     */
    private final ConcurrentHashMap<String, Long> announcements = new ConcurrentHashMap<>();
    private final LoadingCache<String, Known> known;
    private final AtomicBoolean trusted = new AtomicBoolean();

    BoardVersions(Function<String, Optional<Long>> stored, BooleanSupplier announcesEveryWrite, Duration lease, int plans) {
        this.stored = stored;
        this.announcesEveryWrite = announcesEveryWrite;
        this.known = Caffeine.newBuilder().maximumSize(Math.max(plans, 1)).refreshAfterWrite(lease).build(this::read);
    }

    /** The board's read-model version, or empty when the plan has no board document. */
    Optional<Long> version(String planId) {
        if (!announcesEveryWrite.getAsBoolean()) {
            trusted.set(false);
            return stored.apply(planId);
        }
        if (!trusted.getAndSet(true)) {
            // whatever was kept before this process held the segment may have been overtaken meanwhile
            known.invalidateAll();
        }
        // read outside the cache's own computation, so an announcement never waits for a store read
        Known kept = known.getIfPresent(planId);
        if (kept == null || kept.announcements() != announcementsOf(planId)) {
            kept = read(planId);
            known.put(planId, kept);
        }
        return kept.version() == NO_DOCUMENT ? Optional.empty() : Optional.of(kept.version());
    }

    /** The projection changed this plan's board, and the batch that did so has ended. */
    void announced(String planId) {
        announcements.merge(planId, 1L, Long::sum);
        known.invalidate(planId);
    }

    private Known read(String planId) {
        long seen = announcementsOf(planId);
        return new Known(stored.apply(planId).orElse(NO_DOCUMENT), seen);
    }

    private long announcementsOf(String planId) {
        return announcements.getOrDefault(planId, 0L);
    }
}
