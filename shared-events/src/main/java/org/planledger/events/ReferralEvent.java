package org.planledger.events;

/** An event in a referral case's own stream (applied by the Referral aggregate, {@link ReferralRecorded} first). */
public sealed interface ReferralEvent extends ActionEvent permits
        ReferralRecorded, ReferralAccepted, ReferralDeclined, ReferralClosed, ReferralSubjectErased {
    String referralId();
}
