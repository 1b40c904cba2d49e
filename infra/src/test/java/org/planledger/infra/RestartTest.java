package org.planledger.infra;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.AddAction;
import org.planledger.command.api.AddObjective;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.DraftPlan;
import org.planledger.command.api.RecordProgress;
import org.planledger.events.ActionAdded;
import org.planledger.events.ActionRegistered;
import org.planledger.events.AuditMetadata;
import org.planledger.events.Cadence;
import org.planledger.events.Lead;
import org.planledger.events.ObjectiveAdded;
import org.planledger.events.PlanDrafted;
import org.planledger.events.PriorityAdded;
import org.planledger.events.ProgressRecorded;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands sent through the command gateway of one running application are still there, with
 * their audit metadata, after it has stopped and a new one has started on the same directory.
 */
class RestartTest {

    private static final String PLAN = "kettering-2013";
    private static final String ACTION = "asb-diversionary-activities";

    private static final CommandOrigin MANAGER = new CommandOrigin("manager-1", Set.of("PLAN_MANAGER"),
            "drafted from the 2013-16 strategic assessment", CommandOrigin.SOURCE_API, "request-42");
    private static final CommandOrigin DELIVERY_LEAD = CommandOrigin.of("lead-7", Set.of("DELIVERY_LEAD"),
            CommandOrigin.SOURCE_UI);

    @TempDir
    Path dataDir;

    @Test
    void everyEventWithItsMetadataSurvivesARestart() {
        CommandMessage<Object> draftPlan;
        CommandMessage<Object> addAction;
        CommandMessage<Object> recordProgress;
        List<DomainEventMessage<?>> planEventsBefore;
        List<DomainEventMessage<?>> actionEventsBefore;

        try (ConfigurableApplicationContext first = EmbeddedApplication.start(dataDir)) {
            CommandGateway gateway = first.getBean(CommandGateway.class);
            draftPlan = CommandSender.message(new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership",
                    "Community Safety Partnership Plan 2013-2016", LocalDate.of(2013, 4, 1),
                    LocalDate.of(2016, 3, 31), Cadence.BI_MONTHLY, LocalDate.of(2013, 3, 20)), MANAGER);
            gateway.sendAndWait(draftPlan);
            gateway.sendAndWait(CommandSender.message(new AddPriority(PLAN, "asb", "Anti-social behaviour",
                    List.of("Kettering Borough Council"), null, null), MANAGER));
            gateway.sendAndWait(CommandSender.message(new AddObjective(PLAN, "asb-1", "asb",
                    "Reduce anti-social behaviour", List.of("Fewer repeat victims"), null, null), MANAGER));
            addAction = CommandSender.message(new AddAction(PLAN, ACTION, "asb-1",
                    "Run diversionary activities for young people", List.of("Summer programme"), List.of(),
                    List.of("£17.7k PCC grant"), List.of(new Lead("Jo Smith", "Kettering Borough Council", "lead-7")),
                    List.of("Northamptonshire Police"), LocalDate.of(2013, 4, 1), LocalDate.of(2014, 3, 31),
                    List.of(), null, null), MANAGER);
            gateway.sendAndWait(addAction);
            recordProgress = CommandSender.message(new RecordProgress(ACTION, "note-1", "2013-06",
                    "Bid successful, £17.7k awarded by the Police and Crime Commissioner", null), DELIVERY_LEAD);
            gateway.sendAndWait(recordProgress);

            EventStore eventStore = first.getBean(EventStore.class);
            planEventsBefore = stream(eventStore, PLAN);
            actionEventsBefore = stream(eventStore, ACTION);
        }

        try (ConfigurableApplicationContext second = EmbeddedApplication.start(dataDir)) {
            EventStore eventStore = second.getBean(EventStore.class);
            List<DomainEventMessage<?>> planEvents = stream(eventStore, PLAN);
            List<DomainEventMessage<?>> actionEvents = stream(eventStore, ACTION);

            assertThat(planEvents).extracting(RestartTest::payloadType).containsExactly(
                    PlanDrafted.class, PriorityAdded.class, ObjectiveAdded.class, ActionRegistered.class);
            assertThat(actionEvents).extracting(RestartTest::payloadType).containsExactly(
                    ActionAdded.class, ProgressRecorded.class);
            assertThat(planEvents).extracting(DomainEventMessage::getIdentifier)
                    .containsExactlyElementsOf(planEventsBefore.stream().map(DomainEventMessage::getIdentifier).toList());
            assertThat(actionEvents).extracting(DomainEventMessage::getIdentifier)
                    .containsExactlyElementsOf(actionEventsBefore.stream().map(DomainEventMessage::getIdentifier).toList());
            assertThat(planEvents).extracting(RestartTest::payload)
                    .containsExactlyElementsOf(planEventsBefore.stream().map(RestartTest::payload).toList());

            PlanDrafted drafted = (PlanDrafted) planEvents.get(0).getPayload();
            assertThat(drafted.periodStart()).isEqualTo(LocalDate.of(2013, 4, 1));
            assertThat(drafted.effectiveOn()).isEqualTo(LocalDate.of(2013, 3, 20));
            assertThat(planEvents.get(0).getTimestamp()).isEqualTo(planEventsBefore.get(0).getTimestamp());

            // Every event of the manager's requests: who, in which role, why, from where, one correlation.
            for (DomainEventMessage<?> event : planEvents) {
                assertThat(event.getMetaData())
                        .containsEntry(AuditMetadata.ACTOR, "manager-1")
                        .containsEntry(AuditMetadata.ACTOR_ROLES, "PLAN_MANAGER")
                        .containsEntry(AuditMetadata.REASON, "drafted from the 2013-16 strategic assessment")
                        .containsEntry(AuditMetadata.SOURCE, "api")
                        .containsEntry(AuditMetadata.CORRELATION_ID, "request-42")
                        .containsKey(AuditMetadata.CAUSATION_ID);
            }
            assertThat(planEvents.get(0).getMetaData()).containsEntry(AuditMetadata.CAUSATION_ID, draftPlan.getIdentifier());
            // The action's stream was started by the Plan while it handled AddAction: same cause.
            assertThat(actionEvents.get(0).getMetaData())
                    .containsEntry(AuditMetadata.ACTOR, "manager-1")
                    .containsEntry(AuditMetadata.CAUSATION_ID, addAction.getIdentifier())
                    .containsEntry(AuditMetadata.CORRELATION_ID, "request-42");
            // A command sent without a correlation id starts its own chain.
            assertThat(actionEvents.get(1).getMetaData())
                    .containsEntry(AuditMetadata.ACTOR, "lead-7")
                    .containsEntry(AuditMetadata.ACTOR_ROLES, "DELIVERY_LEAD")
                    .containsEntry(AuditMetadata.SOURCE, "ui")
                    .containsEntry(AuditMetadata.CAUSATION_ID, recordProgress.getIdentifier())
                    .containsEntry(AuditMetadata.CORRELATION_ID, recordProgress.getIdentifier())
                    .doesNotContainKey(AuditMetadata.REASON);

            // The aggregates load from the restored store and carry on where they stopped.
            second.getBean(CommandSender.class).sendAndWait(new RecordProgress(ACTION, "note-2", "2013-09",
                    "First summer programme delivered", null), DELIVERY_LEAD);
            assertThat(stream(eventStore, ACTION))
                    .extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
        }
    }

    private static List<DomainEventMessage<?>> stream(EventStore eventStore, String aggregateId) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        eventStore.readEvents(aggregateId).asStream().forEach(events::add);
        return events;
    }

    private static Class<?> payloadType(DomainEventMessage<?> event) {
        return event.getPayloadType();
    }

    private static Object payload(DomainEventMessage<?> event) {
        return event.getPayload();
    }
}
