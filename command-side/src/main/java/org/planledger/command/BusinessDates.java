package org.planledger.command;

import org.axonframework.eventhandling.GenericEventMessage;

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
}
