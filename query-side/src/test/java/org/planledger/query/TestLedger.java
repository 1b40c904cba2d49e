package org.planledger.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.planledger.events.*;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An embedded MongoDB wire server (memory backend, random loopback port), the query side built on
 * it, and a way to feed events the way a tracking processor does: through Axon's annotation
 * adapter, in BatchingUnitOfWorks, each message carrying a GapAwareTrackingToken as the JDBC event store gives.
 */
final class TestLedger implements AutoCloseable {

    static final Clock TODAY = Clock.fixed(Instant.parse("2014-06-30T12:00:00Z"), ZoneOffset.UTC);

    final MongoServer server;
    final MongoClient client;
    final MongoDatabase database;
    final QuerySideModel model;

    TestLedger() {
        this(TODAY);
    }

    TestLedger(Clock clock) {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("planledger-test");
        model = QuerySideModel.create(database, clock);
    }

    /** Feeds every event handler, in batches like a tracking processor with that batch size. */
    void feed(List<EventMessage<?>> messages, int batchSize) {
        for (Object handler : model.eventHandlers()) {
            feed(handler, messages, batchSize);
        }
    }

    static void feed(Object handler, List<EventMessage<?>> messages, int batchSize) {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(handler);
        for (int from = 0; from < messages.size(); from += batchSize) {
            List<EventMessage<?>> batch = messages.subList(from, Math.min(from + batchSize, messages.size()));
            BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
            unitOfWork.executeWithResult(() -> adapter.handle((EventMessage<?>) CurrentUnitOfWork.get().getMessage()));
            if (unitOfWork.getExecutionResult().isExceptionResult()) {
                throw new AssertionError("handler failed", unitOfWork.getExecutionResult().getExceptionResult());
            }
        }
    }

    void resetAll() {
        for (Object handler : model.eventHandlers()) {
            new AnnotationEventHandlerAdapter(handler).prepareReset();
        }
    }

    /** Every document of every collection, by collection then _id: to compare whole read models. */
    Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        database.listCollectionNames().into(names);
        names.sort(String::compareTo);
        for (String name : names) {
            List<Document> documents = new ArrayList<>();
            database.getCollection(name).find().sort(new Document("_id", 1)).into(documents);
            all.put(name, documents);
        }
        return all;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }

    /** Builds a stream of events as the event store would deliver them: global order, with metadata. */
    static final class Events {
        private final List<EventMessage<?>> messages = new ArrayList<>();
        private final Map<String, Long> aggregateSequences = new HashMap<>();
        private long nextGlobal = 0;
        private Instant lastRecorded = Instant.parse("2012-01-01T09:00:00Z");
        private String actor = "manager";
        private String roles = "PLAN_MANAGER";

        /** The global sequence the next event gets (0 unless set). */
        Events startingAt(long globalSequence) {
            this.nextGlobal = globalSequence;
            return this;
        }

        Events as(String actor, String roles) {
            this.actor = actor;
            this.roles = roles;
            return this;
        }

        /** Recorded one minute after the previous event. */
        Events add(PlanLedgerEvent event) {
            return add(event, lastRecorded.plusSeconds(60), null);
        }

        Events add(PlanLedgerEvent event, String recordedAt) {
            return add(event, Instant.parse(recordedAt), null);
        }

        Events add(PlanLedgerEvent event, String recordedAt, String reason) {
            return add(event, Instant.parse(recordedAt), reason);
        }

        Events add(PlanLedgerEvent event, Instant recordedAt, String reason) {
            if (recordedAt.isBefore(lastRecorded)) {
                throw new IllegalArgumentException("events are appended in recorded order: " + event);
            }
            lastRecorded = recordedAt;
            String[] aggregate = aggregateOf(event);
            long aggregateSequence = aggregateSequences.merge(aggregate[0] + "/" + aggregate[1], 1L, Long::sum) - 1;
            Map<String, Object> metaData = new HashMap<>();
            metaData.put(AuditMetadata.ACTOR, actor);
            metaData.put(AuditMetadata.ACTOR_ROLES, roles);
            metaData.put(AuditMetadata.SOURCE, "api");
            metaData.put(AuditMetadata.CORRELATION_ID, "corr-" + nextGlobal);
            metaData.put(AuditMetadata.CAUSATION_ID, "cmd-" + nextGlobal);
            if (reason != null) {
                metaData.put(AuditMetadata.REASON, reason);
            }
            GenericDomainEventMessage<PlanLedgerEvent> domain = new GenericDomainEventMessage<>(aggregate[0], aggregate[1],
                    aggregateSequence, event, metaData, UUID.randomUUID().toString(), recordedAt);
            messages.add(new GenericTrackedDomainEventMessage<>(GapAwareTrackingToken.newInstance(nextGlobal++, List.of()), domain));
            return this;
        }

        List<EventMessage<?>> messages() {
            return List.copyOf(messages);
        }

        private static String[] aggregateOf(PlanLedgerEvent event) {
            return switch (event) {
                case ReferralEvent referral -> new String[]{"Referral", referral.referralId()};
                case ActionEvent action -> new String[]{"Action", action.actionId()};
                case PlanEvent plan -> new String[]{"Plan", plan.planId()};
            };
        }
    }
}
