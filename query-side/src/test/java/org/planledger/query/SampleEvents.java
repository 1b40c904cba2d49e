package org.planledger.query;

import org.planledger.events.EventTypes;
import org.planledger.events.FinancialYear;
import org.planledger.events.PlanLedgerEvent;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One instance of any record, built from its components with plain sample values, so a test can
 * hold one of every event without naming them. A String is its component's name with "-1", so
 * ids agree across events (every actionId is "actionId-1"): the events refer to one plan, one
 * action, one referral case, and folds do real work on them rather than skipping unknown ids.
 */
final class SampleEvents {

    static final LocalDate DAY = LocalDate.parse("2013-06-01");

    private SampleEvents() {
    }

    /** One of every permitted event, in the order {@link EventTypes#all()} gives them. */
    static List<PlanLedgerEvent> oneOfEach() {
        return EventTypes.all().stream().<PlanLedgerEvent>map(SampleEvents::of).toList();
    }

    static <T extends PlanLedgerEvent> T of(Class<T> type) {
        return type.cast(record(type));
    }

    private static Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] parameterTypes = new Class<?>[components.length];
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            parameterTypes[i] = components[i].getType();
            arguments[i] = value(components[i].getName(), components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(parameterTypes).newInstance(arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e);
        }
    }

    private static Object value(String name, Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(value(name, list.getActualTypeArguments()[0]));
        }
        Class<?> target = (Class<?>) type;
        if (target == String.class) return name + "-1";
        if (target == LocalDate.class) return DAY;
        if (target == Instant.class) return DAY.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        if (target == int.class) return 2;
        if (target == boolean.class || target == Boolean.class) return true;
        if (target == long.class || target == Long.class) return 1_500L;
        if (target == BigDecimal.class) return new BigDecimal("9.5");
        if (target == FinancialYear.class) return FinancialYear.containing(DAY);
        if (target.isEnum()) return target.getEnumConstants()[0];
        if (target.isRecord()) return record(target);
        throw new IllegalArgumentException("no sample value for " + name + " of " + type
                + ": teach SampleEvents this component type");
    }
}
