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
