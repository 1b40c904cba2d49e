package org.planledger.infra.importer;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * In demo mode, the first start on an empty store imports the Kettering Borough CSP plan
 * 2013-2016, so the one start command shows a real plan. The demo lead logins are attached to
 * real actions: lead1 leads the actions of the odd-numbered priorities, lead2 those of the even
 * ones, so each sees a different set of "my actions".
 */
@Component
@ConditionalOnCommandSide
@ConditionalOnProperty(name = "planledger.demo.enabled", havingValue = "true", matchIfMissing = false)
class DemoPlanLoader implements ApplicationRunner {

    static final String KETTERING_PLAN = "plans/kettering-2013-2016.json";
    private static final Logger log = LoggerFactory.getLogger(DemoPlanLoader.class);

    private final PlanImporter importer;
    private final EventStore eventStore;

    DemoPlanLoader(PlanImporter importer, EventStore eventStore) {
        this.importer = importer;
        this.eventStore = eventStore;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!storeIsEmpty()) {
            log.info("The event store already holds events; the demo plan is not imported again.");
            return;
        }
        PlanDocument document = importer.read(readKetteringPlan());
        importer.importDocument(document, demoLeads(document), KETTERING_PLAN, "demo-loader", log::info);
    }

    private boolean storeIsEmpty() {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            return !stream.hasNextAvailable();
        }
    }

    private static ImportPlanner.LeadUserIds demoLeads(PlanDocument document) {
        return (action, lead) -> {
            if (lead.userId() != null) {
                return lead.userId();
            }
            for (int p = 0; p < document.priorities().size(); p++) {
                boolean ledHere = document.priorities().get(p).objectives().stream()
                        .anyMatch(objective -> objective.actions().contains(action));
                if (ledHere && action.leads().indexOf(lead) == 0) {
                    return p % 2 == 0 ? "lead1" : "lead2";
                }
            }
            return null;
        };
    }

    private static byte[] readKetteringPlan() {
        try (InputStream in = new ClassPathResource(KETTERING_PLAN).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the demo plan " + KETTERING_PLAN + " is missing from the build", e);
        }
    }
}
