package org.planledger.infra.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;

import java.util.OptionalLong;

/**
 * One gauge per streaming processor (processing group): {@code planledger.eventprocessor.lag}
 * in events, tagged {@code processorName} like Axon's own processor meters. Axon's
 * {@code eventProcessor.latency} says how old the last handled event was; this says how many
 * events are still to come, which is what a replay or a slow projection shows first. NaN when
 * this process holds none of the processor's segments.
 */
public class ProcessorLagMeters {

    static final String METER = "planledger.eventprocessor.lag";

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final StorePosition storePosition;

    public ProcessorLagMeters(MeterRegistry registry, EventProcessingConfiguration processing, StorePosition storePosition) {
        this.registry = registry;
        this.processing = processing;
        this.storePosition = storePosition;
    }

    /** Processors exist once Axon's configuration has started, which is before this event. */
    @EventListener(ApplicationStartedEvent.class)
    public void registerGauges() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder(METER, streaming, this::lag)
                        .description("events between the head of the event store and the processor's position")
                        .baseUnit("events")
                        .tag("processorName", name)
                        .register(registry);
            }
        });
    }

    private double lag(StreamingEventProcessor processor) {
        OptionalLong lag = ProcessorLag.of(processor, storePosition.head());
        return lag.isPresent() ? lag.getAsLong() : Double.NaN;
    }
}
