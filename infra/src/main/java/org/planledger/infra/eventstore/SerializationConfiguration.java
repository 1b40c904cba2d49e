package org.planledger.infra.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * One Jackson serializer for everything Axon writes: events, messages, snapshots and tracking
 * tokens ({@code axon.serializer.*=jackson}).
 * <p>
 * It has its own ObjectMapper rather than Spring's: stored events must keep one JSON shape for
 * ever, so a change to {@code spring.jackson.*} made for the HTTP API must not change how events
 * are written or read. Records need no extra module; {@code java.time} values are written as ISO
 * strings ("2013-06-01"). Unknown properties are ignored so that an event class may drop a field
 * without breaking old events. A record component that old events lack is read as null, so adding a
 * nullable one keeps the revision (ClientIdEventsSerializationTest); renaming one, or adding one that
 * old events need a value for, still takes an upcaster.
 * <p>
 * Axon's messageSerializer and eventSerializer fall back to this general serializer when their
 * type equals the general one, which {@code application.yml} ensures.
 */
@Configuration(proxyBeanMethods = false)
public class SerializationConfiguration {

    public static ObjectMapper eventObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    @Bean
    @Primary
    public Serializer planLedgerSerializer(RevisionResolver revisionResolver) {
        return JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .objectMapper(eventObjectMapper())
                .build();
    }
}
