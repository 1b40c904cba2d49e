package org.planledger.infra.importer;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.infra.command.CommandSender;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * In demo mode, the first start on an empty store imports three real plans: the Kettering Borough
 * CSP plan 2013-2016, the Charnwood CSP plan 2008-2011 and the Safer Peterborough Partnership's
 * 2013/14 priorities, so the one start command shows real plans. The demo lead logins are attached
 * to Kettering's actions: lead1 leads the actions of the odd-numbered priorities, lead2 those of the
 * even ones, so each sees a different set of "my actions". Beside them it writes the fictional showcase
 * partnership, Example Borough ({@link ShowcasePlan}), unless {@code planledger.demo.showcase} is false.
 */
@Component
@ConditionalOnCommandSide
@ConditionalOnProperty(name = "planledger.demo.enabled", havingValue = "true", matchIfMissing = false)
class DemoPlanLoader implements ApplicationRunner {

    static final String KETTERING_PLAN = "plans/kettering-2013-2016.json";
    static final String CHARNWOOD_PLAN = "plans/charnwood-2008-2011.json";
    static final String PETERBOROUGH_PLAN = "plans/peterborough-2013-2014.json";
    static final List<String> DEMO_PLANS = List.of(KETTERING_PLAN, CHARNWOOD_PLAN, PETERBOROUGH_PLAN);
    private static final Logger log = LoggerFactory.getLogger(DemoPlanLoader.class);

    private final PlanImporter importer;
    private final EventStore eventStore;
    private final CommandSender commandSender;
    private final boolean showcase;

    DemoPlanLoader(PlanImporter importer, EventStore eventStore, CommandSender commandSender,
                   @Value("${planledger.demo.showcase:true}") boolean showcase) {
        this.importer = importer;
        this.eventStore = eventStore;
        this.commandSender = commandSender;
        this.showcase = showcase;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!storeIsEmpty()) {
            log.info("The event store already holds events; the demo plans are not imported again.");
            return;
        }
        long started = System.nanoTime();
        // Measured (docs/demo-data.md): 9.7 s to ready with the demo plans on two quiet cores (8.1 s without the
        // showcase), over a minute when the cores are busy.
        log.info("First start on an empty store: loading the demo plans (three real plans and the fictional showcase)"
                + " makes this start take longer, about 10 s on two quiet cores and up to a minute or more on busy ones;"
                + " later starts skip it.");
        for (String resource : DEMO_PLANS) {
            PlanDocument document = importer.read(readPlan(resource));
            ImportPlanner.LeadUserIds leads = KETTERING_PLAN.equals(resource)
                    ? demoLeads(document) : ImportPlanner.LeadUserIds.FROM_FILE;
            importer.importDocument(document, leads, resource, "demo-loader", log::info);
        }
        if (showcase) {
            long showcaseStarted = System.nanoTime();
            int commands = ShowcasePlan.write(commandSender, log::info);
            log.info("wrote the fictional showcase plan '{}' ({}): {} commands in {} ms", ShowcasePlan.PLAN_ID,
                    ShowcasePlan.PARTNERSHIP, commands, (System.nanoTime() - showcaseStarted) / 1_000_000);
        }
        log.info("The demo plans are loaded ({} ms).", (System.nanoTime() - started) / 1_000_000);
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
                PlanDocument.Priority priority = document.priorities().get(p);
                boolean ledHere = priority.actions().contains(action) || priority.objectives().stream()
                        .anyMatch(objective -> objective.actions().contains(action));
                if (ledHere && action.leads().indexOf(lead) == 0) {
                    return p % 2 == 0 ? "lead1" : "lead2";
                }
            }
            return null;
        };
    }

    private static byte[] readPlan(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the demo plan " + resource + " is missing from the build", e);
        }
    }
}
