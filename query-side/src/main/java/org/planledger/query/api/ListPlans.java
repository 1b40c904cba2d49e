package org.planledger.query.api;

/** Answered with PlanList. */
public record ListPlans() {
}
