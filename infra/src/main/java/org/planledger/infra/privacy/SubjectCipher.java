package org.planledger.infra.privacy;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cryptography of personal fields, JDK only: AES-256-GCM per field and HMAC-SHA256 for the
 * subject's keyed hash. A stored field is an envelope {@code {pl-enc:1:<keyId>:<referralId>:<field>:<base64url(iv|ciphertext|tag)>}}:
 * plain text in the event's JSON, so an event keeps its shape and revision, and any reader (read
 * models, audit trail, export) carries it unchanged until an answer reveals it. The key id, case
 * and field are also the GCM associated data, so an envelope moved to another case or field does
 * not decrypt.
 */
public final class SubjectCipher {

    static final Pattern ENVELOPE = Pattern.compile(
            "\\{pl-enc:1:([0-9a-f-]{36}):([A-Za-z0-9._-]+):([A-Za-z]+):([A-Za-z0-9_-]+)}");
    static final String MARKER = "{pl-enc:";

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubjectCipher() {
    }

    public static SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256 is not available in this JDK", e);
        }
    }

    public static SecretKey key(byte[] material) {
        return new SecretKeySpec(material, "AES");
    }

    public static byte[] randomSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }

    /** The keyed hash that names a subject without its reference: lower-case hex HMAC-SHA256. */
    public static String subjectHash(byte[] secret, String subjectRef) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(subjectRef.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    public static String encrypt(SecretKey key, String keyId, String referralId, String field, String clear) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(keyId, referralId, field));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return "{pl-enc:1:" + keyId + ":" + referralId + ":" + field + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(stored) + "}";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt a personal field", e);
        }
    }

    /** @throws GeneralSecurityException when the envelope was not sealed with this key for this case and field */
    static String decrypt(SecretKey key, Envelope envelope) throws GeneralSecurityException {
        byte[] stored = Base64.getUrlDecoder().decode(envelope.data());
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, IV_BYTES));
        cipher.updateAAD(associatedData(envelope.keyId(), envelope.referralId(), envelope.field()));
        return new String(cipher.doFinal(stored, IV_BYTES, stored.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    private static byte[] associatedData(String keyId, String referralId, String field) {
        return ("planledger-subject-v1|" + keyId + "|" + referralId + "|" + field).getBytes(StandardCharsets.UTF_8);
    }

    /** One envelope found in a text. */
    record Envelope(String keyId, String referralId, String field, String data) {
        static Envelope of(Matcher match) {
            return new Envelope(match.group(1), match.group(2), match.group(3), match.group(4));
        }
    }

    public static boolean mayHoldEnvelope(String text) {
        return text != null && text.contains(MARKER);
    }
}
