package org.planledger.infra.axon;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.planledger.events.AuditMetadata;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every message produced while handling another inherits the audit metadata of the message that
 * caused it (DESIGN.md, "Audit metadata"). Axon collects every {@link CorrelationDataProvider}
 * bean; defining these replaces its default {@code MessageOriginProvider} (keys correlationId and
 * traceId) with one that uses this project's key names.
 */
@Configuration(proxyBeanMethods = false)
public class AuditCorrelationConfiguration {

    /** Who, in which roles, why and from where: copied unchanged from command to events. */
    @Bean
    public CorrelationDataProvider auditContextProvider() {
        return new SimpleCorrelationDataProvider(
                AuditMetadata.ACTOR, AuditMetadata.ACTOR_ROLES, AuditMetadata.REASON, AuditMetadata.SOURCE);
    }

    /**
     * causationId is the id of the message being handled; correlationId is carried over from that
     * message's metadata, or is its id when it starts a new chain. Axon's MessageOriginProvider
     * does exactly this with its "correlation" key (direct parent) and "trace" key (root), so it is
     * reused with the project's names.
     */
    @Bean
    public CorrelationDataProvider causationAndCorrelationProvider() {
        return new MessageOriginProvider(AuditMetadata.CAUSATION_ID, AuditMetadata.CORRELATION_ID);
    }
}
