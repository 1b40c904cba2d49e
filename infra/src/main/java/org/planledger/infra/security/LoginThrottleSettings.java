package org.planledger.infra.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code planledger.security.login-throttle.*}.
 *
 * @param accountFailures failed sign-ins an account may have before it must wait (the bucket's size)
 * @param addressFailures failed sign-ins a client address may make before it must wait
 * @param refillPeriod    how long an empty bucket takes to refill completely; it refills steadily,
 *                        so one more try is allowed every {@code refillPeriod / failures}
 * @param trackedKeys     at most this many accounts and addresses are tracked (least recently used go first)
 */
@ConfigurationProperties("planledger.security.login-throttle")
public record LoginThrottleSettings(
        @DefaultValue("10") int accountFailures,
        @DefaultValue("50") int addressFailures,
        @DefaultValue("5m") Duration refillPeriod,
        @DefaultValue("100000") long trackedKeys) {
}
