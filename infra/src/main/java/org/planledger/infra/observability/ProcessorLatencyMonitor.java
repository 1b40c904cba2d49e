package org.planledger.infra.observability;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The {@code <prefix>.latency} gauge (milliseconds between an event's timestamp and its handling by
 * the processor), as Axon's {@code EventProcessorLatencyMonitor} reports it, but registered once per
 * tag set. Axon's registers the gauge again for every message: Micrometer keeps the first registration
 * (which reads the same counter, so the figure was right), logs "This Gauge has been already registered
 * ... the registration will be ignored" at start-up, and looks the meter up in the registry once per
 * event and processor (a replay's hundreds of thousands of lookups for nothing).
 */
final class ProcessorLatencyMonitor implements MessageMonitor<EventMessage<?>> {

    private final String meterName;
    private final MeterRegistry registry;
    private final Function<Message<?>, Iterable<Tag>> tagsBuilder;
    private final ConcurrentMap<Tags, AtomicLong> latencies = new ConcurrentHashMap<>();

    ProcessorLatencyMonitor(String meterNamePrefix, MeterRegistry registry, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        this.meterName = meterNamePrefix + ".latency";
        this.registry = registry;
        this.tagsBuilder = tagsBuilder;
    }

    @Override
    public MonitorCallback onMessageIngested(EventMessage<?> message) {
        if (message != null) {
            Tags tags = Tags.of(tagsBuilder.apply(message));
            AtomicLong latency = latencies.computeIfAbsent(tags, this::register);
            latency.set(registry.config().clock().wallTime() - message.getTimestamp().toEpochMilli());
        }
        return NoOpMessageMonitorCallback.INSTANCE;
    }

    private AtomicLong register(Tags tags) {
        AtomicLong latency = new AtomicLong();
        Gauge.builder(meterName, latency::get).tags(tags).register(registry);
        return latency;
    }
}
