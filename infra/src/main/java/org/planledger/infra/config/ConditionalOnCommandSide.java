package org.planledger.infra.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Present only in a process that runs the command side: the aggregates, their command handlers and
 * the HTTP endpoints that write ({@code planledger.command-side.enabled}, default true; the
 * {@code query} profile switches it off). See {@link ConditionalOnQuerySide} for the other half.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@Documented
@ConditionalOnProperty(name = "planledger.command-side.enabled", havingValue = "true", matchIfMissing = true)
public @interface ConditionalOnCommandSide {
}
