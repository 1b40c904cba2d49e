package org.planledger.infra.importer;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Importing sends commands, so only a process that runs the command side offers it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandSide
class ImporterConfiguration {

    @Bean
    PlanImporter planImporter(CommandGateway commandGateway, EventStore eventStore, CommandBus commandBus) {
        return new PlanImporter(commandGateway, eventStore, commandBus);
    }
}
