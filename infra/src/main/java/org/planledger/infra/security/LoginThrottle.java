package org.planledger.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Slows password guessing: each failed sign-in takes a token from its account's bucket and from
 * its client address's bucket (Bucket4j token buckets, refilled steadily); while either bucket is
 * empty, sign-ins for that account or from that address are refused with 429 and a
 * {@code Retry-After}, before any password is checked. Nothing is ever locked for good: the buckets
 * refill by themselves. A success costs nothing. The buckets live in bounded caches (Caffeine), so
 * a flood of invented user names cannot exhaust memory.
 * <p>
 * Refusals are logged, counted ({@code planledger.login.throttled}) and kept (the latest
 * {@value #KEPT_REFUSALS}) for auditors at {@code GET /api/audit/sign-in-refusals}.
 */
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final int KEPT_REFUSALS = 500;

    /** One refused sign-in, as auditors see it. */
    public record Refusal(Instant at, String account, String address, long retryAfterSeconds, String reason) {
    }

    private final LoginThrottleSettings settings;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;
    private final Deque<Refusal> refusals = new ArrayDeque<>();
    private final Clock clock;
    private final Counter throttled;

    public LoginThrottle(LoginThrottleSettings settings, MeterRegistry meters, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Duration idle = settings.refillPeriod().multipliedBy(4);
        this.accounts = Caffeine.newBuilder().maximumSize(settings.trackedKeys()).expireAfterAccess(idle).build();
        this.addresses = Caffeine.newBuilder().maximumSize(settings.trackedKeys()).expireAfterAccess(idle).build();
        this.throttled = Counter.builder("planledger.login.throttled")
                .description("Sign-ins refused with 429 because of earlier failures").register(meters);
    }

    /** @return the seconds to wait before this sign-in may be tried, or 0 when it may go ahead */
    public long secondsToWait(String account, String address) {
        long nanos = Math.max(wait(accounts.getIfPresent(key(account))), wait(addresses.getIfPresent(address)));
        return nanos == 0 ? 0 : Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }

    public void failed(String account, String address) {
        accounts.get(key(account), k -> newBucket(settings.accountFailures())).tryConsume(1);
        if (address != null) {
            addresses.get(address, k -> newBucket(settings.addressFailures())).tryConsume(1);
        }
    }

    public void refused(String account, String address, long retryAfterSeconds) {
        boolean accountEmpty = wait(accounts.getIfPresent(key(account))) > 0;
        Refusal refusal = new Refusal(clock.instant(), account, address, retryAfterSeconds,
                accountEmpty ? "too many failed sign-ins for this account" : "too many failed sign-ins from this address");
        throttled.increment();
        log.warn("Sign-in refused for '{}' from {}: {}; retry after {} s", account, address, refusal.reason(),
                retryAfterSeconds);
        synchronized (refusals) {
            refusals.addFirst(refusal);
            while (refusals.size() > KEPT_REFUSALS) {
                refusals.removeLast();
            }
        }
    }

    /** The latest refusals, newest first. */
    public List<Refusal> recentRefusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    private Bucket newBucket(int failures) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(failures).refillGreedy(failures, settings.refillPeriod()).build())
                .build();
    }

    private static long wait(Bucket bucket) {
        if (bucket == null) {
            return 0;
        }
        EstimationProbe estimate = bucket.estimateAbilityToConsume(1);
        return estimate.canBeConsumed() ? 0 : estimate.getNanosToWaitForRefill();
    }

    /** User names are matched case-insensitively by people, so throttled that way too. */
    private static String key(String account) {
        return account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
    }
}
