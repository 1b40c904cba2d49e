package org.planledger.infra.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Axon 4.12 reports anonymous usage data to its vendor at start-up. Its Spring property
 * {@code axon.update-check.disabled} reaches only the Spring-managed checker, while the checker
 * that Axon's own configurer module starts reads the JVM system property
 * {@code axoniq.update-checker.disabled}. This carries the Spring property over, so one setting
 * in application.yml switches both off. A system property given on the command line wins.
 */
public class AxonUsageReportingOptOut implements EnvironmentPostProcessor {

    static final String SPRING_PROPERTY = "axon.update-check.disabled";
    static final String AXON_SYSTEM_PROPERTY = "axoniq.update-checker.disabled";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean disabled = environment.getProperty(SPRING_PROPERTY, Boolean.class, false);
        if (disabled && System.getProperty(AXON_SYSTEM_PROPERTY) == null) {
            System.setProperty(AXON_SYSTEM_PROPERTY, "true");
        }
    }
}
