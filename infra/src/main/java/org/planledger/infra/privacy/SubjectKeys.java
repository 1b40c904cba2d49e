package org.planledger.infra.privacy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.SecretKey;
import javax.sql.DataSource;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The key table beside the events ({@code subject_key}, {@code subject_case}; V3_17__subject_keys.sql).
 * Plain JDBC through Spring, so a call made while an event is appended joins that append's
 * transaction: a key and the case it covers commit with the event or not at all.
 * <p>
 * Keys are cached for {@link #CACHE_FOR} to keep answers cheap; an erasure evicts at once in this
 * process, another process of a split deployment stops revealing within that time.
 */
public class SubjectKeys {

    static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final String SECRET_NAME = "subject-hash";

    private final JdbcTemplate jdbc;
    private final String configuredSecret;
    private volatile byte[] hashSecret;
    private final Cache<String, Optional<SecretKey>> keys = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(CACHE_FOR).build();

    /** @param configuredSecret base64 secret for the keyed hash, or null to use (or make) the one kept in the database */
    public SubjectKeys(DataSource dataSource, String configuredSecret) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.configuredSecret = configuredSecret;
    }

    /** Read on first use, not at construction: Flyway may not have made the table yet when this bean is built. */
    private byte[] hashSecret() {
        byte[] secret = hashSecret;
        if (secret == null) {
            secret = configuredSecret != null && !configuredSecret.isBlank()
                    ? Base64.getDecoder().decode(configuredSecret.strip()) : storedSecret();
            hashSecret = secret;
        }
        return secret;
    }

    private byte[] storedSecret() {
        List<byte[]> found = jdbc.query("SELECT secret FROM privacy_secret WHERE name = ?", (rs, i) -> rs.getBytes(1), SECRET_NAME);
        if (!found.isEmpty()) {
            return found.get(0);
        }
        try {
            jdbc.update("INSERT INTO privacy_secret (name, secret) VALUES (?, ?)", SECRET_NAME, SubjectCipher.randomSecret());
        } catch (DuplicateKeyException anotherProcessWasFirst) {
            // read theirs below
        }
        return jdbc.queryForObject("SELECT secret FROM privacy_secret WHERE name = ?", byte[].class, SECRET_NAME);
    }

    public String subjectHash(String subjectRef) {
        return SubjectCipher.subjectHash(hashSecret(), subjectRef);
    }

    /** The hash of a case recorded without a subject reference: its free text still gets a key of its own. */
    String caseOnlyHash(String referralId) {
        return SubjectCipher.subjectHash(hashSecret(), "case-without-subject:" + referralId);
    }

    /** A case's key and, unless erased, its material. */
    public record CaseKey(String keyId, Optional<SecretKey> key) {
    }

    /** The key a newly recorded case is encrypted under: the subject's live key, or a new one. */
    CaseKey keyForNewCase(String subjectHash, String referralId, String planId, String actionId) {
        Optional<String> existing = caseKeyId(referralId);
        if (existing.isPresent()) {
            return new CaseKey(existing.get(), key(existing.get()));
        }
        String keyId = jdbc.query("SELECT key_id FROM subject_key WHERE subject_hash = ? AND erased_at IS NULL ORDER BY created_at",
                (rs, i) -> rs.getString(1), subjectHash).stream().findFirst().orElseGet(() -> newKey(subjectHash));
        jdbc.update("INSERT INTO subject_case (referral_id, key_id, plan_id, action_id) VALUES (?, ?, ?, ?)",
                referralId, keyId, planId, actionId);
        return new CaseKey(keyId, key(keyId));
    }

    /**
     * The key of a case's later events. A case recorded in clear before encryption existed has no
     * key yet: it gets one of its own now, so its later personal fields are encrypted all the same.
     */
    CaseKey keyOfCase(String referralId, String planId, String actionId) {
        Optional<String> keyId = caseKeyId(referralId);
        if (keyId.isPresent()) {
            return new CaseKey(keyId.get(), key(keyId.get()));
        }
        return keyForNewCase(caseOnlyHash(referralId), referralId, planId, actionId);
    }

    void caseEnded(String referralId, LocalDate endedOn) {
        jdbc.update("UPDATE subject_case SET ended_on = ? WHERE referral_id = ?", Date.valueOf(endedOn), referralId);
    }

    private Optional<String> caseKeyId(String referralId) {
        return jdbc.query("SELECT key_id FROM subject_case WHERE referral_id = ?", (rs, i) -> rs.getString(1), referralId)
                .stream().findFirst();
    }

    private String newKey(String subjectHash) {
        String keyId = UUID.randomUUID().toString();
        SecretKey key = SubjectCipher.newKey();
        jdbc.update("INSERT INTO subject_key (key_id, subject_hash, secret_key, created_at) VALUES (?, ?, ?, ?)",
                keyId, subjectHash, key.getEncoded(), Timestamp.from(Instant.now()));
        return keyId;
    }

    /** The key's material, or empty when it was erased (or never existed). */
    public Optional<SecretKey> key(String keyId) {
        return keys.get(keyId, id -> jdbc.query("SELECT secret_key FROM subject_key WHERE key_id = ?",
                        (rs, i) -> Optional.ofNullable(rs.getBytes(1)), id).stream().findFirst()
                .flatMap(material -> material.map(SubjectCipher::key)));
    }

    /** A case under one of a subject's keys. */
    public record SubjectCase(String referralId, String planId, String actionId, String keyId, LocalDate endedOn,
                              Instant keyErasedAt, String erasureRule) {
        public boolean erased() {
            return keyErasedAt != null;
        }
    }

    public List<SubjectCase> casesOf(String subjectHash) {
        return jdbc.query("""
                        SELECT c.referral_id, c.plan_id, c.action_id, c.key_id, c.ended_on, k.erased_at, k.erasure_rule
                          FROM subject_key k JOIN subject_case c ON c.key_id = k.key_id
                         WHERE k.subject_hash = ? ORDER BY k.created_at, c.referral_id""",
                (rs, i) -> new SubjectCase(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                        rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant(), rs.getString(7)),
                subjectHash);
    }

    /** Deletes the key material of every live key of the subject; the rows stay as the record. */
    int eraseKeys(String subjectHash, String rule, Instant at) {
        List<String> erased = jdbc.query("SELECT key_id FROM subject_key WHERE subject_hash = ? AND erased_at IS NULL",
                (rs, i) -> rs.getString(1), subjectHash);
        int count = jdbc.update("UPDATE subject_key SET secret_key = NULL, erased_at = ?, erasure_rule = ? "
                + "WHERE subject_hash = ? AND erased_at IS NULL", Timestamp.from(at), rule, subjectHash);
        erased.forEach(keys::invalidate);
        return count;
    }

    /** Forgets cached keys after an erasure commits (or rolls back, which does no harm). */
    void evict(List<String> keyIds) {
        keyIds.forEach(keys::invalidate);
    }

    /** Subjects with a live key whose every case ended on or before the date. */
    List<String> subjectsEndedBy(LocalDate endedBy) {
        return jdbc.query("""
                        SELECT k.subject_hash FROM subject_key k JOIN subject_case c ON c.key_id = k.key_id
                         WHERE k.erased_at IS NULL
                         GROUP BY k.subject_hash
                        HAVING COUNT(c.ended_on) = COUNT(*) AND MAX(c.ended_on) <= ?""",
                (rs, i) -> rs.getString(1), Date.valueOf(endedBy));
    }
}
