package org.planledger.events;

/** An event in a referral case's own stream. */
public interface ReferralEvent extends ActionEvent {
    String referralId();
}
