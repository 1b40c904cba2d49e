package org.planledger.events;

public enum ReferralStatus { RECEIVED, ACCEPTED, DECLINED, CLOSED }
