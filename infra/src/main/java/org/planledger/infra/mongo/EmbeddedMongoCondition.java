package org.planledger.infra.mongo;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code planledger.mongo.uri} is missing or blank: the embedded wire server is wanted. */
class EmbeddedMongoCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("planledger.mongo.uri", "");
        return uri.isBlank();
    }
}
