package org.planledger.infra.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedCredentialsTest {

    /** Counts the bcrypt checks actually made. */
    private static final class Counting implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return bcrypt.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return bcrypt.matches(rawPassword, encodedPassword);
        }
    }

    @Test
    void aPairThatPassedIsNotCheckedAgainButFailuresAlwaysAre() {
        Counting bcrypt = new Counting();
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        String hash = bcrypt.encode("s3cret");

        assertThat(cache.matches("s3cret", hash, bcrypt)).isTrue();
        assertThat(cache.matches("s3cret", hash, bcrypt)).isTrue();
        assertThat(bcrypt.checks).as("one bcrypt check for two successes").hasValue(1);

        assertThat(cache.matches("wrong", hash, bcrypt)).isFalse();
        assertThat(cache.matches("wrong", hash, bcrypt)).isFalse();
        assertThat(bcrypt.checks).as("every failure is checked with bcrypt").hasValue(3);
        assertThat(cache.size()).as("failures are not remembered").isEqualTo(1);
    }

    @Test
    void thePasswordIsBoundToTheStoredHashNotReusableForAnotherUserOrANewHash() {
        Counting bcrypt = new Counting();
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        String alice = bcrypt.encode("same");
        String bob = bcrypt.encode("other");
        assertThat(cache.matches("same", alice, bcrypt)).isTrue();
        assertThat(cache.matches("same", bob, bcrypt)).as("alice's password against bob's hash").isFalse();
        String alicesNewHash = bcrypt.encode("changed");
        assertThat(cache.matches("same", alicesNewHash, bcrypt)).as("the old password after a change").isFalse();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void entriesExpire() throws InterruptedException {
        Counting bcrypt = new Counting();
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMillis(50), 100);
        String hash = bcrypt.encode("s3cret");
        cache.matches("s3cret", hash, bcrypt);
        Thread.sleep(120);
        cache.matches("s3cret", hash, bcrypt);
        assertThat(bcrypt.checks).hasValue(2);
    }

    /** Counts checks and lets each take a while, as bcrypt at a real cost does. */
    private static final class Slow implements PasswordEncoder {
        final Counting counting = new Counting();

        @Override
        public String encode(CharSequence rawPassword) {
            return counting.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counting.matches(rawPassword, encodedPassword);
        }
    }

    @Test
    void readersPresentingTheSamePairAtOnceShareOneCheck() throws Exception {
        Slow bcrypt = new Slow();
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMinutes(5), 100);
        String hash = bcrypt.encode("s3cret");
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(readers.submit(() -> cache.matches("s3cret", hash, bcrypt)));
            }
            for (java.util.concurrent.Future<Boolean> answer : answers) {
                assertThat(answer.get()).isTrue();
            }
            assertThat(bcrypt.counting.checks).as("eight readers at once, one bcrypt check").hasValue(1);
            // a wrong password is still checked each time it is presented on its own
            assertThat(cache.matches("wrong", hash, bcrypt)).isFalse();
            assertThat(cache.matches("wrong", hash, bcrypt)).isFalse();
            assertThat(bcrypt.counting.checks).hasValue(3);
        } finally {
            readers.shutdownNow();
        }
    }

    @Test
    void aPairInUseIsCheckedAgainInTheBackgroundBeforeItExpires() throws InterruptedException {
        Counting bcrypt = new Counting();
        VerifiedCredentials cache = new VerifiedCredentials(Duration.ofMillis(2000), 100);
        String hash = bcrypt.encode("s3cret");
        assertThat(cache.matches("s3cret", hash, bcrypt)).isTrue();
        Thread.sleep(1700); // in the last fifth of its lifetime: answered at once, and checked again meanwhile
        assertThat(cache.matches("s3cret", hash, bcrypt)).isTrue();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (bcrypt.checks.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bcrypt.checks).as("checked again in the background").hasValue(2);
        Thread.sleep(600); // past the first check's expiry, within the renewed one's
        assertThat(cache.matches("s3cret", hash, bcrypt)).isTrue();
        assertThat(bcrypt.checks).as("the renewed pair needs no check of its own").hasValue(2);
    }

    @Test
    void theEncoderSpringUsesRemembersSuccessesOnly() {
        PasswordEncoder encoder = new SecurityConfiguration().passwordEncoder();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("demo");
        assertThat(encoder.matches("demo", hash)).isTrue();
        assertThat(encoder.matches("demo", hash)).isTrue();
        assertThat(encoder.matches("nope", hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }
}
