package org.planledger.infra.importer;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.planledger.events.AuditMetadata;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Brings a plan file in through the same commands the API sends, marked {@code source=import}.
 * The whole file is checked before the first command, so a refused file imports nothing.
 * <p>
 * Every command carries an id derived from the file, so every command is sent every time and the
 * aggregate decides: a repeat with the same content applies no event. The report counts a command
 * as already recorded when it applied none. To learn that, the importer watches the event store's
 * dispatch: an aggregate's events are published, within the command's unit of work, while its
 * handler runs and before anything is committed, so a dispatch interceptor can count them against
 * the command message that unit of work handles (the same hook {@code AppliedVersions} uses for
 * the API's ETags). A command that fails throws from {@code sendAndWait} and stops the import, so
 * a count is only read for a command that committed. Counting at the store sees every kind of
 * command without the aggregates having to return anything, and sees the Action a Plan starts.
 */
public class PlanImporter {

    private static final int PROGRESS_EVERY = 50;

    private final CommandGateway commandGateway;
    private final PlanDocumentReader reader = new PlanDocumentReader();
    /** Events applied so far, by the message id of an import command still being sent. */
    private final Map<String, AtomicInteger> eventsByCommand = new ConcurrentHashMap<>();

    public PlanImporter(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        eventStore.registerDispatchInterceptor(this::countEvents);
    }

    public PlanDocument read(byte[] content) {
        return reader.read(content);
    }

    public ImportReport importFile(byte[] content, String sourceName, String actor, Consumer<String> progress) {
        return importDocument(read(content), ImportPlanner.LeadUserIds.FROM_FILE, sourceName, actor, progress);
    }

    public ImportReport importDocument(PlanDocument document, ImportPlanner.LeadUserIds leadUserIds, String sourceName,
                                       String actor, Consumer<String> progress) {
        List<Object> commands = ImportPlanner.plan(document, leadUserIds);
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR, actor)
                .and(AuditMetadata.ACTOR_ROLES, "PLAN_MANAGER")
                .and(AuditMetadata.SOURCE, "import")
                .and(AuditMetadata.REASON, "imported from " + sourceName);
        progress.accept("importing plan '" + document.plan().id() + "' from " + sourceName + ": "
                + commands.size() + " commands");
        int recorded = 0;
        int alreadyRecorded = 0;
        for (int i = 0; i < commands.size(); i++) {
            if (send(commands.get(i), metaData) > 0) {
                recorded++;
            } else {
                alreadyRecorded++;
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept("  " + (i + 1) + " of " + commands.size() + " commands");
            }
        }
        ImportReport report = summarise(document, commands.size(), recorded, alreadyRecorded);
        progress.accept("imported plan '" + report.planId() + "': " + report.priorities() + " priorities, "
                + report.objectives() + " objectives, " + report.indicators() + " indicators, " + report.actions()
                + " actions, " + report.progressNotes() + " progress notes (" + recorded + " commands recorded, "
                + alreadyRecorded + " already recorded)");
        return report;
    }

    /** Sends the command and returns how many events it applied: 0 when the store already held it. */
    private int send(Object command, MetaData metaData) {
        CommandMessage<Object> message = GenericCommandMessage.asCommandMessage(command).andMetaData(metaData);
        AtomicInteger events = new AtomicInteger();
        eventsByCommand.put(message.getIdentifier(), events);
        try {
            commandGateway.sendAndWait(message);
        } finally {
            eventsByCommand.remove(message.getIdentifier());
        }
        return events.get();
    }

    /**
     * Counts the events published in the unit of work of an import command. The command's unit of
     * work may be nested in another (a caller already inside one), hence the walk up its parents.
     * Other traffic (the API, other imports) finds no entry and passes untouched.
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

    private static ImportReport summarise(PlanDocument document, int commands, int recorded, int alreadyRecorded) {
        int objectives = 0;
        int indicators = 0;
        int actions = 0;
        int notes = 0;
        for (PlanDocument.Priority priority : document.priorities()) {
            objectives += priority.objectives().size();
            for (PlanDocument.Objective objective : priority.objectives()) {
                indicators += objective.indicators().size();
                actions += objective.actions().size();
                for (PlanDocument.Action action : objective.actions()) {
                    notes += action.progress().size();
                }
            }
        }
        return new ImportReport(document.plan().id(), document.priorities().size(), objectives, indicators, actions,
                notes, commands, recorded, alreadyRecorded);
    }
}
