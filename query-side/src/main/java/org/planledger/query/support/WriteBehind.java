package org.planledger.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Batches a projection's writes over one Axon event batch: documents are read once per batch
 * (then served from memory), changed in memory, and written back in one unordered bulk write per
 * collection when the batch's last message has been handled. mongo-java-server manages about
 * 2,700 single upserts a second but ten thousand in bulk, so replays get the bulk rate while live
 * handling (a batch of one) still costs one round trip per document touched.
 *
 * <p>The flush runs inside the handler of the batch's last message rather than in a commit
 * callback, because the tracking processor stores its token in the prepare-commit phase before our
 * callbacks would run, and a failed write after a stored token would be lost. A prepare-commit
 * callback remains as a safety net for batches whose last message is not ours. Because writes and
 * token are still not one transaction, every document also records, per aggregate, the highest
 * version it absorbed ({@link AppliedEvents}), and handlers skip an event at or below its
 * aggregate's: a redelivered batch is skipped, while a late-committed event, which the event store
 * may deliver after events with higher global sequences, is still applied.
 *
 * <p>The pending state lives in the unit of work's resources, so concurrent segments never share it.
 */
public final class WriteBehind {

    private static final int MAX_BULK = 500;

    private final String resourceKey = WriteBehind.class.getName() + "#" + UUID.randomUUID();

    /** The batch for the message being handled now. */
    public Batch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(null);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Batch batch = new Batch(unitOfWork);
            unitOfWork.onPrepareCommit(u -> batch.flush());
            unitOfWork.onRollback(u -> batch.discard());
            return batch;
        });
    }

    public static final class Batch {
        private final UnitOfWork<?> unitOfWork;
        /** Per collection: every document read or written in this batch by _id; null marks "known absent". */
        private final Map<MongoCollection<Document>, Map<String, Document>> known = new LinkedHashMap<>();
        private final Map<MongoCollection<Document>, Map<String, Document>> dirty = new LinkedHashMap<>();
        /** Per collection and _id: a document's decoded form, for projections that fold many events into one document. */
        private final Map<MongoCollection<Document>, Map<String, Object>> decoded = new LinkedHashMap<>();
        /** Encoders of decoded documents that changed, run once at flush instead of once per event. */
        private final Map<MongoCollection<Document>, Map<String, Supplier<Document>>> toEncode = new LinkedHashMap<>();
        /**
         * Per collection: the ids this batch read and found absent. Writing such a document is an
         * insert, not a replace-upsert: the embedded server answers an upsert by looking the
         * document up again, deep-copying it and measuring it, which an insert skips (a replay
         * writes most of its documents for the first time). Should another writer have created it
         * meanwhile, the insert fails on the duplicate key and the batch is retried, finding it.
         */
        private final Map<MongoCollection<Document>, Set<String>> absent = new LinkedHashMap<>();
        /** Collections whose documents for the whole batch were read up front (see {@link #prefetch}). */
        private final Set<MongoCollection<Document>> prefetched = new HashSet<>();

        private Batch(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        public Document find(MongoCollection<Document> collection, String id) {
            Map<String, Document> cache = known.computeIfAbsent(collection, c -> new HashMap<>());
            if (cache.containsKey(id)) {
                return cache.get(id);
            }
            Document found = collection.find(Filters.eq("_id", id)).first();
            cache.put(id, found);
            if (found == null) {
                absent.computeIfAbsent(collection, c -> new HashSet<>()).add(id);
            }
            return found;
        }

        /**
         * Reads, once per batch and collection, every document the batch's messages will touch
         * ({@code idOf} gives a message's {@code _id} in this collection, or null), with one {@code $in}
         * query instead of one query per document: the embedded wire server answers each query in
         * about the time it takes to apply dozens of events, and during a replay or catch-up a batch
         * of 1,000 events touches every action of a plan. A batch of one message reads as before.
         */
        public void prefetch(MongoCollection<Document> collection, Function<EventMessage<?>, String> idOf) {
            prefetch(collection, () -> messages().stream().map(idOf).filter(Objects::nonNull).distinct().toList());
        }

        /** As {@link #prefetch(MongoCollection, Function)}, for ids worked out from documents already read (once per batch). */
        public void prefetch(MongoCollection<Document> collection, Supplier<? extends Collection<String>> ids) {
            if (!prefetched.add(collection)
                    || !(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.getMessages().size() < 2) {
                return;
            }
            Collection<String> wanted = ids.get();
            if (wanted.size() > 1) {
                findAll(collection, wanted);
            }
        }

        /** The messages of this batch (one, or none outside a unit of work, when the batch is not Axon's batch). */
        public List<EventMessage<?>> messages() {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching)) {
                return List.of();
            }
            List<EventMessage<?>> messages = new ArrayList<>();
            for (Message<?> message : batching.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    messages.add(event);
                }
            }
            return messages;
        }

        /** Reads the ones not yet known with one $in lookup. */
        public Map<String, Document> findAll(MongoCollection<Document> collection, Collection<String> ids) {
            Map<String, Document> cache = known.computeIfAbsent(collection, c -> new HashMap<>());
            List<String> missing = ids.stream().filter(id -> !cache.containsKey(id)).distinct().toList();
            if (!missing.isEmpty()) {
                Set<String> notFound = new HashSet<>(missing);
                missing.forEach(id -> cache.put(id, null));
                for (Document document : collection.find(Filters.in("_id", missing))) {
                    cache.put(document.getString("_id"), document);
                    notFound.remove(document.getString("_id"));
                }
                absent.computeIfAbsent(collection, c -> new HashSet<>()).addAll(notFound);
            }
            Map<String, Document> result = new LinkedHashMap<>();
            ids.forEach(id -> result.put(id, cache.get(id)));
            return result;
        }

        /**
         * The document's decoded form, decoded once per batch: a projection that rebuilds a large
         * structure (the board's plan view) from each document pays the decoding once, not per event.
         * {@code decode} receives the stored document, or null when there is none.
         */
        @SuppressWarnings("unchecked")
        public <T> T decoded(MongoCollection<Document> collection, String id, Function<Document, T> decode) {
            Map<String, Object> cache = decoded.computeIfAbsent(collection, c -> new HashMap<>());
            Object state = cache.get(id);
            if (state == null) {
                state = decode.apply(find(collection, id));
                cache.put(id, state);
            }
            return (T) state;
        }

        /**
         * As {@link #decoded(MongoCollection, String, Function)}, but first asks {@code kept} for a decoded
         * form kept from an earlier batch; only when it answers null is the document read and decoded.
         */
        @SuppressWarnings("unchecked")
        public <T> T decoded(MongoCollection<Document> collection, String id, Supplier<T> kept, Function<Document, T> decode) {
            Map<String, Object> cache = decoded.computeIfAbsent(collection, c -> new HashMap<>());
            Object state = cache.get(id);
            if (state == null) {
                state = kept.get();
                if (state == null) {
                    state = decode.apply(find(collection, id));
                }
                cache.put(id, state);
            }
            return (T) state;
        }

        /** Marks a decoded document changed: {@code encode} builds the document to write, once, at flush. */
        public void saveEncoded(MongoCollection<Document> collection, String id, Supplier<Document> encode) {
            toEncode.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, encode);
        }

        public void save(MongoCollection<Document> collection, Document document) {
            String id = document.getString("_id");
            known.computeIfAbsent(collection, c -> new HashMap<>()).put(id, document);
            dirty.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, document);
        }

        /** Call once a message has been handled: writes now unless more of the batch is to come. */
        public void endOfMessage() {
            if (unitOfWork == null
                    || !(unitOfWork instanceof BatchingUnitOfWork<?> batching)
                    || batching.isLastMessage()) {
                flush();
            }
        }

        void flush() {
            for (Map.Entry<MongoCollection<Document>, Map<String, Supplier<Document>>> entry : toEncode.entrySet()) {
                entry.getValue().values().forEach(encode -> save(entry.getKey(), encode.get()));
            }
            toEncode.clear();
            for (Map.Entry<MongoCollection<Document>, Map<String, Document>> entry : dirty.entrySet()) {
                List<WriteModel<Document>> writes = new ArrayList<>();
                Set<String> absentHere = absent.computeIfAbsent(entry.getKey(), c -> new HashSet<>());
                for (Document document : entry.getValue().values()) {
                    // Always a replace-upsert, also for a document this batch found absent: an insert that met a
                    // document written meanwhile (after a kill, a redelivered batch) failed the batch again on every
                    // retry, and the journal stopped short of the store in the crash test.
                    absentHere.remove(document.getString("_id"));
                    writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                            new ReplaceOptions().upsert(true)));
                    if (writes.size() == MAX_BULK) {
                        entry.getKey().bulkWrite(writes, new BulkWriteOptions().ordered(false));
                        writes = new ArrayList<>();
                    }
                }
                if (!writes.isEmpty()) {
                    entry.getKey().bulkWrite(writes, new BulkWriteOptions().ordered(false));
                }
            }
            dirty.clear();
        }

        void discard() {
            dirty.clear();
            absent.clear();
            known.clear();
            decoded.clear();
            toEncode.clear();
        }
    }
}
