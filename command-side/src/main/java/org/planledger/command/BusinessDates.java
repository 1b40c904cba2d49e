package org.planledger.command;

import org.axonframework.eventhandling.GenericEventMessage;
import org.planledger.events.PlanLedgerEvent;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business dates default to "today" in the partnership's time zone. Today is read from Axon's event
 * clock rather than the system clock so that test fixtures can fix it.
 */
final class BusinessDates {

    static final ZoneId PARTNERSHIP_ZONE = ZoneId.of("Europe/London");

    private BusinessDates() {
    }

    static LocalDate today() {
        return LocalDate.ofInstant(GenericEventMessage.clock.instant(), PARTNERSHIP_ZONE);
    }

    static LocalDate orToday(LocalDate effectiveOn) {
        return effectiveOn != null ? effectiveOn : today();
    }

    /**
     * The date for a create command. An undated retry means the date the first attempt was given, not a
     * new "today": otherwise a retry after midnight would differ in content and be refused as a conflict.
     */
    static LocalDate orFirst(LocalDate effectiveOn, PlanLedgerEvent existing) {
        if (effectiveOn != null) {
            return effectiveOn;
        }
        return existing != null ? existing.effectiveOn() : today();
    }
}
