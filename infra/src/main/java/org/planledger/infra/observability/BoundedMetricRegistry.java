package org.planledger.infra.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.List;
import java.util.function.Function;

/**
 * Axon's Micrometer registry without its capacity monitors. Axon's {@code CapacityMonitor} keeps
 * one entry (a skip-list node holding two {@code Long}s, about 100 bytes) for EVERY message handled in
 * the last ten minutes, per processor and per command and query bus. While a processor catches up
 * or replays, that is every event it has read in ten minutes: in the bench's {@code -Xmx256m} row
 * (300,000 events, five processors) it was 1.13 million nodes and 2.3 million {@code Long}s, the
 * largest holder in the heap when the service ran out of memory (docs/benchmarks.md,
 * "2026-12-03 evening"). The capacity gauge (busy time per minute) is not one the project documents
 * or reads; Axon offers no setting for its window, so it is left out here.
 *
 * <p>Every other meter is as Axon's {@code registerComponentWithDefaultTags} makes it (names and tags
 * in docs/operations.md, checked by {@code MetricsTest}): counters and timers per payload type and
 * processor, the processor's latency gauge, and the event bus's counter and timer. Their memory does
 * not grow with the number of messages. The latency gauge is {@link ProcessorLatencyMonitor}: Axon's
 * registers it again for every message.
 */
public class BoundedMetricRegistry extends GlobalMetricRegistry {

    public BoundedMetricRegistry(MeterRegistry registry) {
        super(registry);
    }

    @Override
    public MessageMonitor<? extends Message<?>> registerComponentWithDefaultTags(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            // as Axon: meters named eventProcessor.*, tagged with the processor (and the payload type)
            return registerEventProcessor("eventProcessor",
                    message -> Tags.of("payloadType", message.getPayloadType().getSimpleName(), "processorName", componentName),
                    message -> Tags.of("processorName", componentName));
        }
        if (QueryUpdateEmitter.class.isAssignableFrom(componentType)) {
            return timerAndCounter(componentName, TagsUtil.PAYLOAD_TYPE_TAGGER_FUNCTION);
        }
        return super.registerComponentWithDefaultTags(componentType, componentName); // command, event and query bus
    }

    @Override
    public MessageMonitor<? super org.axonframework.eventhandling.EventMessage<?>> registerEventProcessor(
            String eventProcessorName, Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(eventProcessorName, getRegistry(), tagsBuilder),
                new ProcessorLatencyMonitor(eventProcessorName, getRegistry(), latencyTagsBuilder),
                MessageCountingMonitor.buildMonitor(eventProcessorName, getRegistry(), tagsBuilder)));
    }

    @Override
    public MessageMonitor<? super org.axonframework.commandhandling.CommandMessage<?>> registerCommandBus(
            String commandBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return timerAndCounter(commandBusName, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super org.axonframework.queryhandling.QueryMessage<?, ?>> registerQueryBus(
            String queryBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return timerAndCounter(queryBusName, tagsBuilder);
    }

    private MessageMonitor<Message<?>> timerAndCounter(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new MultiMessageMonitor<>(List.of(MessageTimerMonitor.buildMonitor(name, getRegistry(), tagsBuilder),
                MessageCountingMonitor.buildMonitor(name, getRegistry(), tagsBuilder)));
    }
}
