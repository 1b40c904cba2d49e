package org.planledger.infra.axon;

import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.planledger.command.CommandSideModel;
import org.springframework.beans.factory.annotation.Autowired;
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
 */
@Configuration(proxyBeanMethods = false)
public class CommandSideConfiguration {

    @Bean
    public ConfigurerModule commandSideAggregates() {
        return configurer -> CommandSideModel.aggregateTypes().forEach(configurer::configureAggregate);
    }

    /**
     * Structural checks (non-blank, lengths, ranges) are Bean Validation annotations on the command
     * records. Checking them as a dispatch interceptor on the bus refuses a bad command on the
     * sender's thread, before any handler or unit of work runs, so bad input stores nothing. Not
     * exposed as a bean on purpose: Axon would then also register it on the gateway and as a
     * handler interceptor, validating every command three times.
     */
    @Autowired
    public void validateCommandsOnDispatch(CommandBus commandBus, ValidatorFactory validatorFactory) {
        commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>(validatorFactory));
    }
}
