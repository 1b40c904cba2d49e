package org.planledger.infra.importer;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
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
import java.util.function.BiFunction;
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
 * <b>Counting.</b> The importer watches the event store's dispatch: an aggregate's events are published,
 * within the command's unit of work, while its handler runs and before anything is committed, so a
 * dispatch interceptor can count them against the command message that unit of work handles (the same
 * hook {@code AppliedVersions} uses for the API's ETags).
 * <p>
 * <b>Dry run.</b> Every command is sent inside one outer unit of work that is rolled back at the end:
 * each command runs for real against the aggregates (which see the earlier commands' effects, as the
 * repository keeps the aggregates of the outer unit), its events are counted, and nothing is committed,
 * so the preview is exactly what the import would do. This needs the command to be handled on the
 * sending thread (the local command bus, as in every profile but Axon Server).
 */
public class PlanImporter {

    private static final int PROGRESS_EVERY = 50;

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final PlanDocumentReader reader = new PlanDocumentReader();
    /** Events applied so far, by the message id of an import command still being sent. */
    private final Map<String, AtomicInteger> eventsByCommand = new ConcurrentHashMap<>();

    /** Events staged by a dry-run command still being sent, by its message id (see {@link #countStagedEvents}). */
    private final Map<String, AtomicInteger> stagedByCommand = new ConcurrentHashMap<>();

    public PlanImporter(CommandGateway commandGateway, EventStore eventStore) {
        this(commandGateway, eventStore, null);
    }

    public PlanImporter(CommandGateway commandGateway, EventStore eventStore, CommandBus commandBus) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
        eventStore.registerDispatchInterceptor(this::countEvents);
        if (commandBus != null) {
            commandBus.registerHandlerInterceptor(this::countStagedEvents);
        }
    }

    /**
     * In a dry run a command's events are never intercepted at dispatch: the event bus hands them to
     * the outer unit of work, whose commit never comes. So a handler interceptor counts them where the
     * event bus stages them, in the command's own unit of work, as the handler returns. (The event bus
     * keeps them there under the resource "&lt;event bus&gt;_EVENTS", Axon 4's AbstractEventBus.)
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
                sendAll(plan, metaData.and("dryRun", "true"), outcome, progress);
            } finally {
                preview.rollback();
            }
        } else {
            sendAll(plan, metaData, outcome, progress);
        }
        ImportReport report = outcome.report(document, dryRun);
        progress.accept((dryRun ? "would import" : "imported") + " plan '" + report.planId() + "': "
                + report.priorities() + " priorities, " + report.objectives() + " objectives, " + report.indicators()
                + " indicators, " + report.actions() + " actions, " + report.progressNotes() + " progress notes ("
                + report.sent() + " commands recorded, " + report.skippedAsAlreadyRecorded() + " already recorded)");
        progress.accept(report.summary());
        return report;
    }

    private void sendAll(ImportPlan plan, MetaData metaData, Outcome outcome, Consumer<String> progress) {
        List<ImportPlan.Step> steps = plan.steps();
        for (int i = 0; i < steps.size(); i++) {
            ImportPlan.Step step = steps.get(i);
            try {
                outcome.sent(step, send(step.command(), metaData));
            } catch (CommandRejectedException e) {
                if (step.change() == ImportPlan.Change.CREATE) {
                    throw e;
                }
                outcome.refused(step, e);
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
        AtomicInteger events = new AtomicInteger();
        AtomicInteger staged = new AtomicInteger();
        boolean dryRun = "true".equals(metaData.get("dryRun"));
        eventsByCommand.put(message.getIdentifier(), events);
        if (dryRun) {
            stagedByCommand.put(message.getIdentifier(), staged);
        }
        try {
            commandGateway.sendAndWait(message);
        } finally {
            eventsByCommand.remove(message.getIdentifier());
            stagedByCommand.remove(message.getIdentifier());
        }
        return dryRun ? staged.get() : events.get();
    }

    /**
     * Counts the events published in the unit of work of an import command. The command's unit of
     * work may be nested in another (a dry run, or a caller already inside one), hence the walk up its
     * parents. Other traffic (the API, other imports) finds no entry and passes untouched.
     */
    private BiFunction<Integer, EventMessage<?>, EventMessage<?>> countEvents(List<? extends EventMessage<?>> events) {
        if (!eventsByCommand.isEmpty() && CurrentUnitOfWork.isStarted()) {
            for (UnitOfWork<?> unit = CurrentUnitOfWork.get(); unit != null; unit = unit.parent().orElse(null)) {
                AtomicInteger count = unit.getMessage() == null ? null : eventsByCommand.get(unit.getMessage().getIdentifier());
                if (count != null) {
                    count.addAndGet(events.size());
                    // Events of an attempt that rolls back were never recorded (matters should a retry follow).
                    unit.onRollback(rolledBack -> count.set(0));
                    break;
                }
            }
        }
        return (index, event) -> event;
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
