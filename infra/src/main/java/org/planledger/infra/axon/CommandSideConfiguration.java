package org.planledger.infra.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.command.ActionLeads;
import org.planledger.command.CommandSideModel;
import org.springframework.beans.factory.ObjectProvider;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the command side into Axon's configuration.
 * <p>
 * The aggregates are plain, package-private Axon classes without Spring's {@code @Aggregate}
 * stereotype, so classpath scanning does not see them; they are registered from
 * {@link CommandSideModel#aggregateTypes()} instead. Axon's Spring Boot support applies every
 * {@link ConfigurerModule} bean to its {@code SpringConfigurer}, which gives each type an
 * event-sourcing repository on the auto-configured event store and subscribes its command handlers.
 * <p>
 * A query-only process ({@code planledger.command-side.enabled=false}) registers no aggregate.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnCommandSide
public class CommandSideConfiguration {

    /**
     * The leads of an action, for the Referral's command handlers (Axon resolves the parameter from
     * this bean): read from the event store, which is looked up on first use rather than at wiring.
     */
    @Bean
    public ActionLeads actionLeads(ObjectProvider<EventStore> eventStore) {
        return actionId -> ActionLeads.readFrom(eventStore.getObject()).userIdsOf(actionId);
    }

    @Bean
    public ConfigurerModule commandSideAggregates() {
        return configurer -> CommandSideModel.aggregateTypes().forEach(configurer::configureAggregate);
    }
}
