package org.planledger.query.support;

import org.bson.Document;
import org.planledger.events.FinancialYear;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns records (events, read-model state, query results) into BSON documents and back, by their
 * record components. One codec for every read model keeps stored documents readable in a MongoDB
 * shell (dates as "2013-06-01", money as long pence, enums by name, a financial year as "2013/14")
 * and lets the journal give back the very event records the reducer folds.
 *
 * <p>Maps are deliberately unsupported: ids may contain dots, which MongoDB field names must not,
 * so keyed collections are stored as lists of records. BigDecimal is stored as its exact decimal
 * string because the embedded wire server's Decimal128 support is not something to lean on.
 */
public final class RecordDocuments {

    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    private RecordDocuments() {
    }

    public static Document encode(Record value) {
        RecordShape shape = shapeOf(value.getClass());
        Document document = new Document();
        for (RecordComponent component : shape.components) {
            try {
                document.append(component.getName(), encodeValue(component.getAccessor().invoke(value)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component + " of " + value.getClass(), e);
            }
        }
        return document;
    }

    public static Object encodeValue(Object value) {
        if (value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Boolean || value instanceof Double) {
            return value;
        }
        if (value instanceof FinancialYear year) {
            return year.toString();
        }
        if (value instanceof Record record) {
            return encode(record);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof List<?> list) {
            List<Object> encoded = new ArrayList<>(list.size());
            for (Object item : list) {
                encoded.add(encodeValue(item));
            }
            return encoded;
        }
        throw new IllegalArgumentException("no document form for " + value.getClass());
    }

    public static <T extends Record> T decode(Document document, Class<T> type) {
        if (document == null) {
            return null;
        }
        RecordShape shape = shapeOf(type);
        Object[] arguments = new Object[shape.components.length];
        for (int i = 0; i < arguments.length; i++) {
            RecordComponent component = shape.components[i];
            arguments[i] = decodeValue(document.get(component.getName()), component.getGenericType());
        }
        try {
            return type.cast(shape.constructor.newInstance(arguments));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + type.getSimpleName() + " from " + document.toJson(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object decodeValue(Object raw, Type type) {
        if (type instanceof ParameterizedType parameterized) {
            if (raw == null) {
                return List.of();
            }
            Type itemType = parameterized.getActualTypeArguments()[0];
            List<Object> decoded = new ArrayList<>();
            for (Object item : (List<?>) raw) {
                decoded.add(decodeValue(item, itemType));
            }
            return Collections.unmodifiableList(decoded);
        }
        Class<?> target = (Class<?>) type;
        if (raw == null) {
            if (target == int.class) return 0;
            if (target == long.class) return 0L;
            if (target == boolean.class) return false;
            if (target == double.class) return 0d;
            return null;
        }
        if (target == String.class) return raw.toString();
        if (target == int.class || target == Integer.class) return ((Number) raw).intValue();
        if (target == long.class || target == Long.class) return ((Number) raw).longValue();
        if (target == double.class || target == Double.class) return ((Number) raw).doubleValue();
        if (target == boolean.class || target == Boolean.class) return raw;
        if (target == FinancialYear.class) return FinancialYear.parse(raw.toString());
        if (target == LocalDate.class) return LocalDate.parse(raw.toString());
        if (target == Instant.class) return ((Date) raw).toInstant();
        if (target == BigDecimal.class) return new BigDecimal(raw.toString());
        if (target.isEnum()) return Enum.valueOf((Class<? extends Enum>) target, raw.toString());
        if (target.isRecord()) return decode((Document) raw, (Class<? extends Record>) target);
        throw new IllegalArgumentException("cannot decode " + target);
    }

    private static RecordShape shapeOf(Class<?> type) {
        return SHAPES.computeIfAbsent(type, RecordShape::new);
    }

    private static final class RecordShape {
        final RecordComponent[] components;
        final Constructor<?> constructor;

        RecordShape(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
            }
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("no canonical constructor on " + type, e);
            }
        }
    }
}
