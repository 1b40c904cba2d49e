package org.planledger.infra.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict reading of request bodies, so a mistake is a 400 naming the field rather than a value
 * silently changed: an unknown field ("titel") is refused, a number is never read from a string or
 * truncated from a fraction (1.5 pence), an enum never from its ordinal, and a missing primitive
 * is not taken as zero. This is the HTTP layer's mapper only; events are written by the event
 * store's own mapper (SerializationConfiguration).
 */
@Configuration(proxyBeanMethods = false)
public class ApiJson {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictApiJson() {
        return builder -> builder
                // "periodStart": 12 is a mistake, not the 12th day after 1970-01-01.
                .postConfigurer(mapper -> mapper.setDefaultLeniency(false))
                .featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .featuresToDisable(DeserializationFeature.ACCEPT_FLOAT_AS_INT, MapperFeature.ALLOW_COERCION_OF_SCALARS);
    }
}
