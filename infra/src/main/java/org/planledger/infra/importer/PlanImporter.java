package org.planledger.infra.importer;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;
import org.planledger.events.AuditMetadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Brings a plan file in through the same commands the API sends, marked {@code source=import}.
 * The whole file is checked before the first command, so a refused file imports nothing.
 * <p>
 * <b>Sync.</b> Before sending, the importer reads what the store holds of the plan (its stream and its
 * actions' streams) and {@link ImportPlanner} sends only what differs: creates for new records, revision
 * commands (reason "re-imported from FILE") for changed ones, nothing for unchanged ones. Records no
 * command revises are sent as creates with ids derived from the file; the aggregate treats a repeat as
 * a no-op and refuses other content (DUPLICATE_ID), which the report lists as not applied.
 * <p>
 * <b>Batches.</b> Commands are sent inside an outer unit of work with one database transaction, committed
 * once {@value #BATCH_EVENTS} events are staged (by default) and at the end: each command runs for real against the
 * aggregates, which see the earlier commands' effects (Axon's repository keeps the aggregates of the outer
 * unit), its events are staged in the outer unit, and a commit appends the batch's events and their chain
 * rows in one insert each and one commit. One commit per command made an import cost what 1,885 single-row
 * commits cost (docs/benchmarks.md). ({@code planledger.import.batch-events}; 1 commits each command on its own.) A batch is all or nothing: a command that fails (other than a
 * refused revision, below) rolls back its batch and ends the import, as it ended it before, and
 * re-importing the file sends what is missing. The batch bound keeps a batch's events within the
 * event processors' gap window ({@code max-gap-offset}) and its staged events in memory small. A refused
 * revision is listed and the import goes on; Axon forgets the aggregates a rolled-back command touched,
 * so the batch is committed there and the next command loads them again from the store.
 * <p>
 * <b>Counting.</b> An aggregate's events are staged in the command's own unit of work while its handler
 * runs, so a handler interceptor counts them there as the handler returns (the event bus keeps them under
 * the resource "&lt;event bus&gt;_EVENTS", Axon 4's AbstractEventBus), before they move to the outer unit.
 * <p>
 * <b>Dry run.</b> The same outer unit of work, rolled back at the end and without a transaction: each
 * command runs for real and its events are counted, and nothing is committed, so the preview is exactly
 * what the import would do. Both need the command to be handled on the sending thread (the local command
 * bus, as in every profile but Axon Server).
 */
public class PlanImporter {

    private static final int PROGRESS_EVERY = 50;

    /** Events after which a batch is committed, by default: far below the processors' gap window (10,000 events). */
    public static final int BATCH_EVENTS = 1_000;

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final TransactionManager transactionManager;
    private final int batchEvents;
    private final PlanDocumentReader reader = new PlanDocumentReader();

    /** Events staged by an import command still being sent, by its message id (see {@link #countStagedEvents}). */
    private final Map<String, AtomicInteger> stagedByCommand = new ConcurrentHashMap<>();

    /** @param batchEvents events staged before a batch is committed (at least 1) */
    public PlanImporter(CommandGateway commandGateway, EventStore eventStore, CommandBus commandBus,
                        TransactionManager transactionManager, int batchEvents) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        this.transactionManager = transactionManager;
        this.batchEvents = Math.max(1, batchEvents);
        commandBus.registerHandlerInterceptor(this::countStagedEvents);
    }

    /**
     * A command's events are staged in its own unit of work until it commits, and then move to the
     * outer unit (the batch, or the dry run), so they are counted here, as the handler returns.
     */
    private Object countStagedEvents(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                                     InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        AtomicInteger count = stagedByCommand.isEmpty() ? null
                : stagedByCommand.get(unitOfWork.getMessage().getIdentifier());
        if (count != null) {
            Object staged = unitOfWork.getResource(eventStore + "_EVENTS");
            count.set(staged instanceof List<?> events ? events.size() : 0);
        }
        return result;
    }

    public PlanDocument read(byte[] content) {
        return reader.read(content);
    }

    public ImportReport importFile(byte[] content, String sourceName, String actor, Consumer<String> progress) {
        return importFile(content, sourceName, actor, false, progress);
    }

    public ImportReport importFile(byte[] content, String sourceName, String actor, boolean dryRun,
                                   Consumer<String> progress) {
        return importDocument(read(content), ImportPlanner.LeadUserIds.FROM_FILE, sourceName, actor, dryRun, progress);
    }

    public ImportReport importDocument(PlanDocument document, ImportPlanner.LeadUserIds leadUserIds, String sourceName,
                                       String actor, Consumer<String> progress) {
        return importDocument(document, leadUserIds, sourceName, actor, false, progress);
    }

    public ImportReport importDocument(PlanDocument document, ImportPlanner.LeadUserIds leadUserIds, String sourceName,
                                       String actor, boolean dryRun, Consumer<String> progress) {
        StoredPlan stored = storedPlan(document.plan().id());
        String reason = (stored.isEmpty() ? "imported from " : "re-imported from ") + sourceName;
        ImportPlan plan = ImportPlanner.plan(document, leadUserIds, stored, "re-imported from " + sourceName);
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR, actor)
                .and(AuditMetadata.ACTOR_ROLES, "PLAN_MANAGER")
                .and(AuditMetadata.SOURCE, "import")
                .and(AuditMetadata.REASON, reason);
        progress.accept((dryRun ? "dry run of plan '" : "importing plan '") + document.plan().id() + "' from "
                + sourceName + ": " + plan.steps().size() + " commands");
        Outcome outcome = new Outcome(plan);
        if (dryRun) {
            UnitOfWork<?> preview = DefaultUnitOfWork.startAndGet(null);
            try {
                sendAll(plan, metaData.and("dryRun", "true"), outcome, progress, null);
            } finally {
                preview.rollback();
            }
        } else {
            Batches batches = new Batches();
            try {
                sendAll(plan, metaData, outcome, progress, batches);
                batches.commit();
            } catch (RuntimeException | Error e) {
                batches.rollback(e);
                throw e;
            }
        }
        ImportReport report = outcome.report(document, dryRun);
        progress.accept((dryRun ? "would import" : "imported") + " plan '" + report.planId() + "': "
                + report.priorities() + " priorities, " + report.objectives() + " objectives, " + report.indicators()
                + " indicators, " + report.actions() + " actions, " + report.progressNotes() + " progress notes ("
                + report.sent() + " commands recorded, " + report.skippedAsAlreadyRecorded() + " already recorded)");
        progress.accept(report.summary());
        return report;
    }

    /** @param batches where a real import's commands go; null in a dry run (the caller's outer unit) */
    private void sendAll(ImportPlan plan, MetaData metaData, Outcome outcome, Consumer<String> progress, Batches batches) {
        List<ImportPlan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            ImportPlan.Step step = steps.get(i);
            if (batches != null) {
                batches.beginIfNone();
            }
            try {
                int events = send(step.command(), metaData);
                outcome.sent(step, events);
                if (batches != null) {
                    batches.staged(events);
                }
            } catch (CommandRejectedException e) {
                if (step.change() == ImportPlan.Change.CREATE) {
                    throw e;
                }
                outcome.refused(step, e);
                if (batches != null) {
                    // The refused command's rollback made Axon forget the aggregates it loaded: commit what
                    // the batch holds, so the next command loads them from the store with these events.
                    batches.commit();
                }
            }
            if (i == 0 && batches != null) {
                // The plan's own first command (DraftPlan) is committed on its own, so the plan is known to
                // readers (and found by the pages and the API) while the rest is imported, as it was when
                // every command committed alone, not only after the first batch of 1,000 events.
                batches.commit();
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept("  " + (i + 1) + " of " + steps.size() + " commands");
            }
        }
    }

    /** What the store holds of the plan: its stream, and the streams of the actions it registered. */
    StoredPlan storedPlan(String planId) {
        StoredPlan stored = new StoredPlan();
        readStream(planId, stored::applyPlanEvent);
        for (String actionId : stored.registeredActions) {
            readStream(actionId, payload -> stored.applyActionEvent(actionId, payload));
        }
        return stored;
    }

    private void readStream(String aggregateId, Consumer<Object> fold) {
        // From sequence 0, so a snapshot (none is configured today) could not hide the events folded here.
        DomainEventStream stream = eventStore.readEvents(aggregateId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            fold.accept(event.getPayload());
        }
    }

    /** Sends the command and returns how many events it applied: 0 when the store already held it. */
    private int send(Object command, MetaData metaData) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        AtomicInteger staged = new AtomicInteger();
        stagedByCommand.put(message.getIdentifier(), staged);
        try {
            commandGateway.sendAndWait(message);
        } finally {
            stagedByCommand.remove(message.getIdentifier());
        }
        return staged.get();
    }

    /**
     * The outer units of work of a real import, one at a time on the importing thread, each with one
     * transaction: the commands' units of work are nested in it, join its transaction, and leave their
     * events staged in it until {@link #commit()}.
     */
    private final class Batches {
        private UnitOfWork<?> current;
        private int events;

        void beginIfNone() {
            if (current == null) {
                current = DefaultUnitOfWork.startAndGet(null);
                current.attachTransaction(transactionManager);
                events = 0;
            }
        }

        void staged(int count) {
            events += count;
            if (events >= batchEvents) {
                commit();
            }
        }

        /** Appends and commits the batch's events (nothing when none is open); Axon rolls it back if that fails. */
        void commit() {
            UnitOfWork<?> batch = current;
            current = null;
            if (batch != null) {
                batch.commit();
            }
        }

        void rollback(Throwable cause) {
            UnitOfWork<?> batch = current;
            current = null;
            if (batch != null && batch.isActive()) {
                batch.rollback(cause);
            }
        }
    }

    /** Tallies records as their commands come back. */
    private static final class Outcome {
        private final ImportPlan plan;
        private int commands;
        private int recorded;
        private int alreadyRecorded;
        private final Set<String> created = new LinkedHashSet<>();
        private final Map<String, Set<String>> revised = new LinkedHashMap<>();
        private final Set<String> unchanged = new LinkedHashSet<>();
        private final List<String> notApplied = new ArrayList<>();

        Outcome(ImportPlan plan) {
            this.plan = plan;
            this.unchanged.addAll(plan.unchanged());
            this.notApplied.addAll(plan.notApplied());
        }

        void sent(ImportPlan.Step step, int events) {
            commands++;
            if (events > 0) {
                recorded++;
            } else {
                alreadyRecorded++;
            }
            switch (step.change()) {
                case CREATE -> created.add(step.record());
                case REVISE -> revised.computeIfAbsent(step.record(), r -> new LinkedHashSet<>()).addAll(step.fields());
                case ENSURE -> (events > 0 ? created : unchanged).add(step.record());
            }
        }

        void refused(ImportPlan.Step step, CommandRejectedException e) {
            commands++;
            alreadyRecorded++;
            notApplied.add(step.record() + ": " + (e.code() == RejectionCode.DUPLICATE_ID
                    ? "the store holds it with other content, and no command revises it"
                    : "refused (" + e.code() + "): " + e.getMessage()));
        }

        ImportReport report(PlanDocument document, boolean dryRun) {
            int objectives = (int) document.allObjectives().count();
            int notes = document.allActions().stream().mapToInt(action -> action.progress().size()).sum();
            revised.keySet().forEach(created::remove);
            unchanged.removeAll(created);
            unchanged.removeAll(revised.keySet());
            List<String> revisedRecords = revised.entrySet().stream()
                    .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue())).toList();
            return new ImportReport(document.plan().id(), document.priorities().size(), objectives,
                    document.allIndicators().size(), document.allActions().size(), notes, commands, recorded,
                    alreadyRecorded, dryRun, created.size(), revised.size(), unchanged.size(), revisedRecords,
                    List.copyOf(notApplied), new LinkedHashMap<>(plan.notYetImported()));
        }
    }
}
