package org.planledger.infra.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Present only in a process that runs the query side: the projections (event processors), their
 * MongoDB read models and tracking tokens, the query handlers and the HTTP endpoints that read
 * ({@code planledger.query-side.enabled}, default true; the {@code command} profile switches it off).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(name = "planledger.query-side.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnQuerySide {
}
