package org.planledger.infra.importer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ImporterConfiguration {

    @Bean
    PlanImporter planImporter(CommandGateway commandGateway, EventStore eventStore) {
        return new PlanImporter(commandGateway, eventStore);
    }
}
