package org.planledger.infra.observability;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code eventProcessors}: DOWN when a processor is in error (its handlers keep failing and it is
 * backing off) or has stopped; details per processor: running, error, segments held here,
 * position and lag behind the head. A processor that is merely behind is UP: it is catching up.
 */
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;
    private final StorePosition storePosition;

    public EventProcessorsHealthIndicator(EventProcessingConfiguration processing, StorePosition storePosition) {
        super("event processor health check failed");
        this.processing = processing;
        this.storePosition = storePosition;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        OptionalLong head = storePosition.head();
        boolean healthy = true;
        Map<String, Object> processors = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry : processing.eventProcessors().entrySet()) {
            EventProcessor processor = entry.getValue();
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            detail.put("error", processor.isError());
            if (processor instanceof StreamingEventProcessor streaming) {
                detail.put("segments", streaming.processingStatus().keySet());
                streaming.processingStatus().values().stream()
                        .map(status -> status.getCurrentPosition().orElse(-1))
                        .min(Long::compare)
                        .ifPresent(position -> detail.put("position", position));
                ProcessorLag.of(streaming, head).ifPresent(lag -> detail.put("lag", lag));
            }
            healthy &= processor.isRunning() && !processor.isError();
            processors.put(entry.getKey(), detail);
        }
        head.ifPresent(position -> builder.withDetail("head", position));
        builder.withDetail("processors", processors);
        if (healthy) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
