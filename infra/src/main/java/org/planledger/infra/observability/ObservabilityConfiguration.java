package org.planledger.infra.observability;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/**
 * What Axon's Micrometer module (axon-micrometer, {@code axon.metrics.micrometer.dimensional=true})
 * does not give: lag in events per processing group, and health for the event store and the
 * processors. Axon's module supplies the rest:
 * <ul>
 *   <li>{@code commandBus.allTimer} (and success/failure timers) tagged {@code payloadType}: command
 *   handling time per command type;</li>
 *   <li>{@code eventStore.ingestedCounter} / {@code successCounter}: events appended;</li>
 *   <li>{@code eventProcessor.processedCounter} tagged {@code processorName} and {@code payloadType},
 *   and {@code eventProcessor.latency} (age of the last handled event): per processing group;</li>
 *   <li>{@code queryBus.allTimer} tagged {@code payloadType}: query time per query type.</li>
 * </ul>
 * Axon's capacity gauges are left out ({@link BoundedMetricRegistry}): each keeps every message of
 * the last ten minutes in memory, which ran a catching-up service out of heap.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    /** Replaces Axon's registry (its auto-configuration backs off): the same meters, without the capacity monitors. */
    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry registry) {
        return new BoundedMetricRegistry(registry);
    }

    @Bean
    public StorePosition storePosition(EventStore eventStore) {
        return new StorePosition(eventStore, Duration.ofSeconds(1), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnQuerySide
    public ProcessorLagMeters processorLagMeters(MeterRegistry registry, EventProcessingConfiguration processing,
                                                 StorePosition storePosition) {
        return new ProcessorLagMeters(registry, processing, storePosition);
    }

    @Bean
    @ConditionalOnQuerySide
    public EventProcessorsHealthIndicator eventProcessorsHealthIndicator(EventProcessingConfiguration processing,
                                                                         StorePosition storePosition) {
        return new EventProcessorsHealthIndicator(processing, storePosition);
    }

    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    public EventStoreHealthIndicator eventStoreHealthIndicator(EventStore eventStore) {
        return new EventStoreHealthIndicator(eventStore);
    }
}
