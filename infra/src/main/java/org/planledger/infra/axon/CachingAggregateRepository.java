package org.planledger.infra.axon;

import com.github.benmanes.caffeine.cache.Cache;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An event-sourcing repository that keeps each aggregate it has loaded or saved in memory, and on
 * the next command reads from the store only the events appended since: the cost of a command no
 * longer grows with the length of its aggregate's stream (issue 18).
 *
 * <h2>Why a cache, and why not Axon's own {@code CachingEventSourcingRepository} or snapshots</h2>
 * Snapshots ({@code EventCountSnapshotTriggerDefinition}) bound the events read per load, but every
 * load still reads and deserialises the snapshot, which is the whole aggregate state: a plan's
 * state (its priorities, objectives, indicators, meetings and one registration per action) grows
 * with its history, so a load would still grow, only more slowly, and writing snapshots adds work
 * to the write path. Caching the live aggregate makes a load one query that normally returns no
 * row. Axon's {@code CachingEventSourcingRepository} trusts its cache: an entry is used as it is,
 * without looking at the store. That is right for one process, but with the {@code command}
 * profile split or two nodes on one PostgreSQL, another process may have appended to the stream
 * since, and the cached aggregate would decide on stale state: a client that has seen the newer
 * version is refused as if it were ahead of the store, a repeat is not recognised, a rule is
 * checked against an outdated status. The unique key would still refuse a colliding append, but
 * only after the decision. So this repository does what Axon's does (entries live only between committed units of
 * work, and a unit of work that rolls back evicts the aggregate it touched, whatever state the
 * handler left it in) and one thing more: after taking an aggregate from the cache it reads the
 * stream from the cached version + 1 and applies whatever another process appended, before
 * the handler or the expected-version check sees it. What remains is the same race a cold load
 * has: an append between that read and the insert is refused by the store's unique
 * (aggregate, sequence) key, the command fails with a conflict (409), the rollback evicts, and
 * the next attempt loads afresh. Nothing is overwritten or lost.
 *
 * <h2>Bounds</h2>
 * One Caffeine cache for all three aggregate types ({@link CommandSideConfiguration}), weighed
 * by the number of events each cached aggregate has absorbed (its version + 1), since an
 * aggregate's memory grows with its events; least recently used aggregates go first. As events
 * differ in size (a progress note may hold 20,000 characters), entries are also held softly: the
 * garbage collector may drop any of them before the heap runs out, and a dropped aggregate is
 * simply loaded from its stream again. Within one process, Axon's per-aggregate lock (held from
 * load until the unit of work is cleaned up) keeps two commands from sharing a cached instance.
 *
 * @param <T> the aggregate type
 */
class CachingAggregateRepository<T> extends EventSourcingRepository<T> {

    /** Cache key: plans, actions and referrals share one id space, but a key never crosses types. */
    record Key(Class<?> type, String id) {
    }

    /** Unit-of-work resource (on the root): the keys of aggregates a rolled-back unit within it had loaded. */
    private static final String ROLLED_BACK = CachingAggregateRepository.class.getName() + ".rolledBack";

    private final Class<T> type;
    private final EventStore eventStore;
    private final Cache<Key, EventSourcedAggregate<?>> cache;

    CachingAggregateRepository(Builder<T> builder, Class<T> type, EventStore eventStore,
                               Cache<Key, EventSourcedAggregate<?>> cache) {
        super(builder);
        this.type = type;
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        Key key = new Key(type, aggregateIdentifier);
        evictOnRollback(key);
        EventSourcedAggregate<T> cached = (EventSourcedAggregate<T>) cache.getIfPresent(key);
        if (cached == null || cached.version() == null) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        // Events another process appended since this one cached the aggregate: usually none, one indexed query.
        DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, cached.version() + 1);
        if (newer.hasNext()) {
            cached.initializeState(newer);
        }
        return cached;
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        Key key = new Key(type, aggregate.identifierAsString());
        evictOnRollback(key);
        // Only a committed state is cached; the lock is held until cleanup, after this runs.
        CurrentUnitOfWork.get().afterCommit(unitOfWork -> {
            Set<Key> rolledBack = unitOfWork.root().getResource(ROLLED_BACK);
            if (aggregate.version() != null && !aggregate.isDeleted() && (rolledBack == null || !rolledBack.contains(key))) {
                cache.put(key, aggregate);
            }
        });
    }

    /**
     * Whatever the handler did to the instance, a unit of work that rolls back leaves nothing cached. A
     * command's unit of work may be nested in an outer one that still commits (the importer's batches):
     * the outer one then must not cache the instance either, as the handler that failed may have changed it.
     */
    private void evictOnRollback(Key key) {
        CurrentUnitOfWork.get().onRollback(unitOfWork -> {
            cache.invalidate(key);
            unitOfWork.root().getOrComputeResource(ROLLED_BACK, name -> ConcurrentHashMap.<Key>newKeySet()).add(key);
        });
    }
}
