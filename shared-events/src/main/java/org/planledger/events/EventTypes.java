package org.planledger.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every event type, read from the sealed {@link PlanLedgerEvent} hierarchy rather than kept by hand,
 * so a new event appears in every list (filters, checks) the moment it is permitted.
 */
public final class EventTypes {

    private static final List<Class<? extends PlanLedgerEvent>> ALL = List.copyOf(concreteTypesUnder(PlanLedgerEvent.class));
    private static final Map<String, Class<? extends PlanLedgerEvent>> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> type));

    private EventTypes() {
    }

    /** Every event record, grouped by stream as the sealed interfaces permit them (order within a group is the JVM's). */
    public static List<Class<? extends PlanLedgerEvent>> all() {
        return ALL;
    }

    /** The event type stored under this name (the class's simple name, as the journal keeps it), if any. */
    public static Optional<Class<? extends PlanLedgerEvent>> named(String simpleName) {
        return Optional.ofNullable(BY_NAME.get(simpleName));
    }

    private static List<Class<? extends PlanLedgerEvent>> concreteTypesUnder(Class<?> type) {
        List<Class<? extends PlanLedgerEvent>> found = new ArrayList<>();
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                found.addAll(concreteTypesUnder(permitted));
            }
        } else {
            found.add(type.asSubclass(PlanLedgerEvent.class));
        }
        return found;
    }
}
