package org.planledger.events;

/** An event in an action's own stream (or about one of its referral cases). */
public interface ActionEvent extends PlanLedgerEvent {
    String actionId();
}
