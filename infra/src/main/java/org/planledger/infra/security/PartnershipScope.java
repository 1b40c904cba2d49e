package org.planledger.infra.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How an endpoint whose path names no plan, action or referral stays inside the caller's
 * partnerships (docs/partnerships.md). An endpoint with such a path is placed by
 * {@link PartnershipBoundary} and needs no declaration; every other API endpoint and role-limited page
 * must declare one, or the service refuses to start (and the role matrix test fails).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PartnershipScope {

    Scope value();

    enum Scope {
        /** Answers only about the plans of the partnerships where the caller holds an allowed role (lists, audit, search). */
        FILTERED,
        /** The request names the partnership (drafting or importing a plan): the handler checks the caller holds an allowed role there (403 otherwise). */
        NAMED_IN_REQUEST,
        /** About the whole ledger (its export, its sign-in refusals): only for a caller who holds an allowed role in every partnership (403 otherwise). */
        WHOLE_LEDGER,
        /** Tells nothing about any partnership's plans (the ledger's public key). */
        NO_PARTNERSHIP_DATA,
        /** Aggregate figures across partnerships for the county analyst, with no case's subject or notes. */
        COUNTY
    }
}
