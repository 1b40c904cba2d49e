package org.planledger.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.planledger.command.api.*;
import org.planledger.events.*;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.planledger.command.BusinessDates.orToday;

/**
 * One referral case, in its own stream: received, then accepted or declined, then closed with an
 * outcome. Only the leads of the case's action (and plan managers) decide it: {@link ActionLeadership}.
 */
class Referral {

    @AggregateIdentifier
    private String referralId;
    private String planId;
    private String actionId;
    private ReferralStatus status;
    private boolean subjectErased;

    Referral() {
        // for Axon: an empty case that events are applied to
    }

    /** Called by the Action once it has accepted the case. */
    Referral(ReferralRecorded recorded) {
        apply(recorded);
    }

    @CommandHandler
    void handle(AcceptReferral command, MetaData metaData, ActionLeads leads) {
        requireLeadOrManager(metaData, leads);
        requireStatus(ReferralStatus.RECEIVED, "accepted");
        apply(new ReferralAccepted(planId, actionId, referralId, orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(DeclineReferral command, MetaData metaData, ActionLeads leads) {
        requireLeadOrManager(metaData, leads);
        requireStatus(ReferralStatus.RECEIVED, "declined");
        Rules.reasonGiven(command.reason(), "to decline a referral");
        apply(new ReferralDeclined(planId, actionId, referralId, command.reason(), orToday(command.effectiveOn())));
    }

    @CommandHandler
    void handle(CloseReferral command, MetaData metaData, ActionLeads leads) {
        requireLeadOrManager(metaData, leads);
        Rules.notNegative(command.costPence(), "costPence");
        if (status == ReferralStatus.CLOSED) {
            throw new CommandRejectedException(RejectionCode.REFERRAL_ALREADY_CLOSED,
                    "the referral '" + referralId + "' is already closed");
        }
        requireStatus(ReferralStatus.ACCEPTED, "closed with an outcome");
        apply(new ReferralClosed(planId, actionId, referralId, command.outcome(), command.costPence(),
                orToday(command.effectiveOn())));
    }

    /**
     * Any status: erasure concerns the person, not the case's progress. Repeating it for a case
     * already erased records nothing, so an erasure interrupted half way can simply be run again.
     */
    @CommandHandler
    void handle(EraseReferralSubject command) {
        if (subjectErased) {
            return;
        }
        apply(new ReferralSubjectErased(planId, actionId, referralId, command.subjectHash(), command.rule(), orToday(null)));
    }

    /**
     * The case's action's lead rule, before anything about the case itself is said. Someone the
     * rule excludes is told the case does not exist, exactly as for an unknown case (the same
     * exception Axon raises for a missing stream, so the same 404), not "you do not lead action X":
     * that would confirm the case exists and name the action, and so the scheme, a person was
     * referred to.
     */
    private void requireLeadOrManager(MetaData metaData, ActionLeads leads) {
        if (!ActionLeadership.permits(metaData, () -> leads.userIdsOf(actionId))) {
            throw new AggregateNotFoundException(referralId, "The aggregate was not found in the event store");
        }
    }

    private void requireStatus(ReferralStatus required, String becoming) {
        if (status != required) {
            RejectionCode code = status == ReferralStatus.CLOSED
                    ? RejectionCode.REFERRAL_ALREADY_CLOSED : RejectionCode.REFERRAL_NOT_PENDING;
            throw new CommandRejectedException(code, "the referral '" + referralId + "' is "
                    + status.name().toLowerCase() + ", so it cannot be " + becoming);
        }
    }

    /** The case's state, from each of its events: one exhaustive switch, so a new referral event is decided here. */
    @EventSourcingHandler
    void on(ReferralEvent event) {
        switch (event) {
            case ReferralRecorded recorded -> {
                referralId = recorded.referralId();
                planId = recorded.planId();
                actionId = recorded.actionId();
                status = ReferralStatus.RECEIVED;
            }
            case ReferralAccepted accepted -> status = ReferralStatus.ACCEPTED;
            case ReferralDeclined declined -> status = ReferralStatus.DECLINED;
            case ReferralClosed closed -> status = ReferralStatus.CLOSED;
            case ReferralSubjectErased erased -> subjectErased = true;
        }
    }
}
