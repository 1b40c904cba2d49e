package org.planledger.infra.privacy;

import org.planledger.command.api.EraseReferralSubject;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Crypto-shredding a subject: one {@code ReferralSubjectErased} per case (keyed hash and rule, in
 * the case's stream, so the audit trail shows it) and the subject's key material deleted, all in one
 * transaction: the events and the deletion commit together or not at all. The stored events are
 * untouched, so the ledger's chain still verifies; their envelopes simply no longer open.
 */
public class SubjectErasure {

    private final SubjectKeys keys;
    private final CommandSender commands;
    private final TransactionTemplate transaction;

    public SubjectErasure(SubjectKeys keys, CommandSender commands, PlatformTransactionManager transactionManager) {
        this.keys = keys;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** What an erasure did. */
    public record Erasure(String subjectHash, int cases, int keys, Instant erasedAt, String rule) {
    }

    /** @return null when no live key is held for the subject (never recorded, already erased, or stored in clear before encryption) */
    public Erasure erase(String subjectHash, String rule, CommandOrigin origin) {
        return transaction.execute(status -> {
            List<SubjectKeys.SubjectCase> live = keys.casesOf(subjectHash).stream().filter(c -> !c.erased()).toList();
            if (live.isEmpty()) {
                return null;
            }
            for (SubjectKeys.SubjectCase subjectCase : live) {
                commands.sendAndWait(new EraseReferralSubject(subjectCase.referralId(), subjectHash, rule), origin);
            }
            Instant at = Instant.now();
            int erasedKeys = keys.eraseKeys(subjectHash, rule, at);
            List<String> keyIds = live.stream().map(SubjectKeys.SubjectCase::keyId).distinct().toList();
            // A reader between the update and the commit may have cached the old key again.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    keys.evict(keyIds);
                }
            });
            return new Erasure(subjectHash, live.size(), erasedKeys, at, rule);
        });
    }
}
