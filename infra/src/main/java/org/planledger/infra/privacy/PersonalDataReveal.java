package org.planledger.infra.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import org.planledger.events.ReferralSubjectErased;
import org.planledger.infra.security.Roles;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;

/**
 * Where personal fields become readable again: as an answer is written. Read models, the journal
 * and the audit trail hold the stored envelopes ({@link SubjectCipher}); every JSON answer (API, and
 * the pages' answers, which go through the same mapper in {@code PageRedaction}) writes its strings
 * through {@link #module()}, which replaces each envelope by the clear text, or by
 * {@link ReferralSubjectErased#ERASED} once the subject's key is deleted. One place, so no read
 * model or endpoint added later can forget it, and an erasure shows everywhere at once without
 * rebuilding any read model.
 * <p>
 * A subject reference is not even decrypted for a caller who may not see it (BOARD, SCRUTINY); the
 * redaction removes the property anyway. Each case whose personal data was revealed is noted for
 * the request's view log ({@link SubjectViews}).
 */
public class PersonalDataReveal {

    /** Read when a stored envelope does not decrypt with its key: damaged or moved, never shown as clear text. */
    public static final String UNREADABLE = "[unreadable]";
    static final String HIDDEN = "[hidden]";

    private final Supplier<Optional<SubjectKeys>> keys;

    /** @param keys the key table, absent where events are not in the JDBC store (Axon Server): then nothing is encrypted */
    public PersonalDataReveal(Supplier<Optional<SubjectKeys>> keys) {
        this.keys = keys;
    }

    public String reveal(String text) {
        if (!SubjectCipher.mayHoldEnvelope(text)) {
            return text;
        }
        Matcher match = SubjectCipher.ENVELOPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (match.find()) {
            match.appendReplacement(out, Matcher.quoteReplacement(open(SubjectCipher.Envelope.of(match))));
        }
        match.appendTail(out);
        return out.toString();
    }

    public List<String> reveal(List<String> texts) {
        return texts.stream().map(this::reveal).toList();
    }

    private String open(SubjectCipher.Envelope envelope) {
        if (PersonalFieldEncryption.SUBJECT_REF.equals(envelope.field()) && !callerMaySeeSubjectReferences()) {
            return HIDDEN;
        }
        Optional<javax.crypto.SecretKey> key = keys.get().flatMap(k -> k.key(envelope.keyId()));
        if (key.isEmpty()) {
            return ReferralSubjectErased.ERASED;
        }
        try {
            String clear = SubjectCipher.decrypt(key.get(), envelope);
            SubjectViews.revealed(envelope.referralId());
            return clear;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return UNREADABLE;
        }
    }

    private static boolean callerMaySeeSubjectReferences() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller == null || Roles.maySeeSubjectReferences(caller);
    }

    /** Jackson: every string written passes through {@link #reveal(String)}. */
    public SimpleModule module() {
        SimpleModule module = new SimpleModule("planledger-personal-data-reveal");
        module.addSerializer(String.class, new StdScalarSerializer<>(String.class) {
            @Override
            public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
                generator.writeString(reveal(value));
            }
        });
        return module;
    }
}
