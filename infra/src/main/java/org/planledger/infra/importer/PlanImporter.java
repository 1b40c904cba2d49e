package org.planledger.infra.importer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.planledger.events.AuditMetadata;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Brings a plan file in through the same commands the API sends, marked {@code source=import}.
 * The whole file is checked before the first command, so a refused file imports nothing.
 */
public class PlanImporter {

    private static final int PROGRESS_EVERY = 50;

    private final CommandGateway commandGateway;
    private final EventStore eventStore;
    private final PlanDocumentReader reader = new PlanDocumentReader();

    public PlanImporter(CommandGateway commandGateway, EventStore eventStore) {
        this.commandGateway = commandGateway;
        this.eventStore = eventStore;
    }

    public PlanDocument read(byte[] content) {
        return reader.read(content);
    }

    public ImportReport importFile(byte[] content, String sourceName, String actor, Consumer<String> progress) {
        return importDocument(read(content), ImportPlanner.LeadUserIds.FROM_FILE, sourceName, actor, progress);
    }

    public ImportReport importDocument(PlanDocument document, ImportPlanner.LeadUserIds leadUserIds, String sourceName,
                                       String actor, Consumer<String> progress) {
        List<PlannedCommand> commands = ImportPlanner.plan(document, leadUserIds);
        MetaData metaData = MetaData.with(AuditMetadata.ACTOR, actor)
                .and(AuditMetadata.ACTOR_ROLES, "PLAN_MANAGER")
                .and(AuditMetadata.SOURCE, "import")
                .and(AuditMetadata.REASON, "imported from " + sourceName);
        progress.accept("importing plan '" + document.plan().id() + "' from " + sourceName + ": "
                + commands.size() + " commands");
        Map<String, List<Object>> recordedPayloads = new HashMap<>();
        int sent = 0;
        int skipped = 0;
        for (int i = 0; i < commands.size(); i++) {
            PlannedCommand planned = commands.get(i);
            if (planned.alreadyRecordedAs() != null && recordedPayloads
                    .computeIfAbsent(planned.aggregateId(), this::payloadsOf).contains(planned.alreadyRecordedAs())) {
                skipped++;
            } else {
                commandGateway.sendAndWait(planned.command(), metaData);
                sent++;
            }
            if ((i + 1) % PROGRESS_EVERY == 0) {
                progress.accept("  " + (i + 1) + " of " + commands.size() + " commands");
            }
        }
        ImportReport report = summarise(document, commands.size(), sent, skipped);
        progress.accept("imported plan '" + report.planId() + "': " + report.priorities() + " priorities, "
                + report.objectives() + " objectives, " + report.indicators() + " indicators, " + report.actions()
                + " actions, " + report.progressNotes() + " progress notes (" + sent + " commands sent, " + skipped
                + " already recorded)");
        return report;
    }

    private List<Object> payloadsOf(String aggregateId) {
        DomainEventStream stream = eventStore.readEvents(aggregateId);
        return stream.asStream().map(message -> (Object) message.getPayload()).toList();
    }

    private static ImportReport summarise(PlanDocument document, int commands, int sent, int skipped) {
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
                notes, commands, sent, skipped);
    }
}
