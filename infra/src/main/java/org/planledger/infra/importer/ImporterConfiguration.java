package org.planledger.infra.importer;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Importing sends commands, so only a process that runs the command side offers it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandSide
class ImporterConfiguration {

    @Bean
    PlanImporter planImporter(CommandGateway commandGateway, EventStore eventStore, CommandBus commandBus,
                              TransactionManager transactionManager,
                              @Value("${planledger.import.batch-events:" + PlanImporter.BATCH_EVENTS + "}") int batchEvents) {
        return new PlanImporter(commandGateway, eventStore, commandBus, transactionManager, batchEvents);
    }
}
