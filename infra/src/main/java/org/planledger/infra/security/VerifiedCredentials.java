package org.planledger.infra.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a short while, that a (stored hash, password) pair has already passed its bcrypt
 * check, so that HTTP Basic (which presents the password on every request) pays bcrypt once per
 * {@link #DEFAULT_EXPIRY} rather than per request: with a users file at cost 10–12 that is 80 ms or
 * more of CPU a request, which no read cache behind it could make up for.
 *
 * <p>What is cached: only successes, under an HMAC-SHA-256, with a key drawn at random when the
 * process starts and never stored, of the stored hash and the presented password. The password
 * itself (or anything a stolen heap dump could be checked against offline without the process's
 * key) is never kept. The stored hash stands for the user: it is unique per user (bcrypt's salt),
 * and when a user's hash changes (a new users file) their old entries can no longer match. A
 * wrong password is checked with bcrypt every time, exactly as before, so the sign-in throttle
 * ({@link LoginThrottle}, failures only) and the equal-time check for an unknown user (a bcrypt
 * check against the dummy hash, which never succeeds, so is never cached) are unchanged: only
 * someone who already knows a password sees the fast answer.
 *
 * <p>Two things keep a burst of readers from paying bcrypt together (the benchmark's 16 readers at
 * cost 12: a second or more of CPU each time, which no read cache behind this could make up for):
 * callers presenting the very same pair while its check runs wait for that check instead of running
 * their own (a failure is then shared with them too, and stays uncached); and a success used again
 * in the last fifth of its lifetime is checked once more with bcrypt in the background (with the
 * password the caller presented, held only for that check), so a password in steady use is never
 * forgotten all at once with every reader waiting on it. A pair not used in that window expires as before.
 */
final class VerifiedCredentials {

    static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);
    static final int DEFAULT_MAXIMUM = 10_000;

    /** When each remembered pair last passed bcrypt (System.nanoTime()). */
    private final Cache<String, Long> verified;
    /** Checks running now, by pair: whoever presents the same pair meanwhile waits for its result. */
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();
    private final long renewAfterNanos;
    private final boolean enabled;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    VerifiedCredentials(Duration expiry, int maximum) {
        this.enabled = maximum > 0;
        this.verified = Caffeine.newBuilder().expireAfterWrite(expiry).maximumSize(Math.max(maximum, 1)).build();
        this.renewAfterNanos = expiry.toNanos() / 5 * 4;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** {@code check.matches(raw, encoded)}, or true straight away if that very pair passed it lately. */
    boolean matches(CharSequence rawPassword, String encodedPassword, PasswordEncoder check) {
        if (!enabled || rawPassword == null || encodedPassword == null) {
            return check.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        Long verifiedAt = verified.getIfPresent(fingerprint);
        if (verifiedAt != null) {
            if (System.nanoTime() - verifiedAt > renewAfterNanos && !checking.containsKey(fingerprint)) {
                String password = rawPassword.toString();
                CompletableFuture.runAsync(() -> check(fingerprint, password, encodedPassword, check));
            }
            return true;
        }
        return check(fingerprint, rawPassword, encodedPassword, check);
    }

    /** One bcrypt check of the pair, shared with whoever presents the same pair while it runs; remembers a success. */
    private boolean check(String fingerprint, CharSequence rawPassword, String encodedPassword, PasswordEncoder check) {
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(fingerprint, mine);
        if (running != null) {
            return running.join();
        }
        try {
            boolean matches = check.matches(rawPassword, encodedPassword);
            if (matches) {
                verified.put(fingerprint, System.nanoTime());
            }
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(fingerprint, mine);
        }
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        Mac mac = macs.get();
        byte[] hash = encodedPassword.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(hash.length).array());
        mac.update(hash);
        ByteBuffer raw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(rawPassword));
        byte[] password = new byte[raw.remaining()];
        raw.get(password);
        mac.update(password);
        Arrays.fill(password, (byte) 0);
        if (raw.hasArray()) {
            Arrays.fill(raw.array(), (byte) 0);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
