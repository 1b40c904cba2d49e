package org.planledger.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans that {@code axon.eventhandling.processors.*} in application.yml refer to by name. */
@Configuration(proxyBeanMethods = false)
public class EventProcessingConfiguration {

    @Bean
    public SamePlanSequencingPolicy samePlanSequencingPolicy() {
        return new SamePlanSequencingPolicy();
    }
}
