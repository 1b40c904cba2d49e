package org.planledger.infra.privacy;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.planledger.events.AuditMetadata;
import org.planledger.events.ReferralAccepted;
import org.planledger.events.ReferralClosed;
import org.planledger.events.ReferralDeclined;
import org.planledger.events.ReferralEvent;
import org.planledger.events.ReferralRecorded;
import org.planledger.events.ReferralRegistered;
import org.planledger.events.ReferralSubjectErased;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Encrypts the personal fields of referral events on their way into the store, and nowhere else:
 * the event in memory (the aggregate, the command's result) keeps its fields; the stored payload
 * holds envelopes ({@link SubjectCipher}), so the ledger's chain, which hashes the stored bytes,
 * stays valid when a key is later deleted. Called by the storage engine inside the append's
 * transaction, so the key and case rows commit with the event.
 * <p>
 * Personal: a case's subject reference, its reason, decline reason and outcome note, and the
 * {@code reason} in the metadata of every event of the case and of the action's registration of it
 * (a free-text "why" can name a person as easily; recording a referral copies its reason there). An erasure event's own rule is not personal: it is what the audit trail must keep.
 * A field of a case whose key is already erased is stored as the erased marker: it has nowhere to go.
 */
public class PersonalFieldEncryption implements UnaryOperator<List<EventMessage<?>>> {

    static final String SUBJECT_REF = "subjectRef";
    static final String REASON = "reason";
    static final String DECLINE_REASON = "declineReason";
    static final String OUTCOME = "outcome";
    static final String META_REASON = "metaReason";

    private final SubjectKeys keys;

    public PersonalFieldEncryption(SubjectKeys keys) {
        this.keys = keys;
    }

    /**
     * A batch at a time: a case's first batch holds the action's {@link ReferralRegistered} before
     * the case's {@link ReferralRecorded}, and the registration's metadata (the request's reason)
     * must be sealed with the subject's key, so every new case is keyed first.
     */
    @Override
    public List<EventMessage<?>> apply(List<EventMessage<?>> batch) {
        Map<String, SubjectKeys.CaseKey> newCases = new HashMap<>();
        for (EventMessage<?> message : batch) {
            if (message.getPayload() instanceof ReferralRecorded e) {
                newCases.put(e.referralId(), keys.keyForNewCase(e.subjectRef() == null ? keys.caseOnlyHash(e.referralId())
                        : keys.subjectHash(e.subjectRef()), e.referralId(), e.planId(), e.actionId()));
            }
        }
        return batch.stream().<EventMessage<?>>map(message -> stored(message, newCases)).toList();
    }

    private EventMessage<?> stored(EventMessage<?> message, Map<String, SubjectKeys.CaseKey> newCases) {
        if (!(message instanceof DomainEventMessage<?> domain)) {
            return message;
        }
        if (message.getPayload() instanceof ReferralRegistered registered) {
            // The action's own event: no personal field, but the request's reason in its metadata.
            SubjectKeys.CaseKey key = newCases.containsKey(registered.referralId()) ? newCases.get(registered.referralId())
                    : keys.keyOfCase(registered.referralId(), registered.planId(), registered.actionId());
            return copy(domain, registered, sealedReason(domain.getMetaData(), key, registered.referralId()));
        }
        if (!(message.getPayload() instanceof ReferralEvent event) || event instanceof ReferralSubjectErased) {
            return message;
        }
        SubjectKeys.CaseKey key = newCases.containsKey(event.referralId()) ? newCases.get(event.referralId())
                : keys.keyOfCase(event.referralId(), event.planId(), event.actionId());
        Object payload = switch (event) {
            case ReferralRecorded e -> new ReferralRecorded(e.planId(), e.actionId(), e.referralId(), e.receivedOn(),
                    e.referringAgency(), seal(key, e.referralId(), SUBJECT_REF, e.subjectRef()),
                    seal(key, e.referralId(), REASON, e.reason()), e.effectiveOn());
            case ReferralDeclined e -> {
                keys.caseEnded(e.referralId(), e.effectiveOn());
                yield new ReferralDeclined(e.planId(), e.actionId(), e.referralId(),
                        seal(key, e.referralId(), DECLINE_REASON, e.reason()), e.effectiveOn());
            }
            case ReferralClosed e -> {
                keys.caseEnded(e.referralId(), e.effectiveOn());
                yield new ReferralClosed(e.planId(), e.actionId(), e.referralId(),
                        seal(key, e.referralId(), OUTCOME, e.outcome()), e.costPence(), e.effectiveOn());
            }
            case ReferralAccepted e -> e;
            case ReferralSubjectErased e -> e;
        };
        return copy(domain, payload, sealedReason(domain.getMetaData(), key, event.referralId()));
    }

    private static MetaData sealedReason(MetaData metaData, SubjectKeys.CaseKey key, String referralId) {
        if (metaData.get(AuditMetadata.REASON) instanceof String text) {
            return metaData.and(AuditMetadata.REASON, seal(key, referralId, META_REASON, text));
        }
        return metaData;
    }

    /** The same event (identifier, stream position, time) with what is to be stored. */
    private static EventMessage<?> copy(DomainEventMessage<?> domain, Object payload, MetaData metaData) {
        return new GenericDomainEventMessage<>(domain.getType(), domain.getAggregateIdentifier(),
                domain.getSequenceNumber(), payload, metaData, domain.getIdentifier(), domain.getTimestamp());
    }

    private static String seal(SubjectKeys.CaseKey key, String referralId, String field, String clear) {
        if (clear == null) {
            return null;
        }
        return key.key().map(secret -> SubjectCipher.encrypt(secret, key.keyId(), referralId, field, clear))
                .orElse(ReferralSubjectErased.ERASED);
    }
}
