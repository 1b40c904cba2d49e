package org.planledger.infra.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Enum values in request bodies must be exactly one of the names: Jackson trims the text before it
 * looks a name up, and trimming removes every character up to the space, so {@code "AMBER\u0000"}
 * was read as AMBER. And dates are written as text ({@code "2016-03-31"}): Jackson's java.time
 * readers also take arrays, and read an empty one ({@code "startDate": []}) as no date at all, which
 * for an optional date (an ongoing action) was silently accepted. Both found by
 * HostileInputProperties. Spring Boot installs every {@link Module} bean into the HTTP layer's mapper.
 */
@Configuration(proxyBeanMethods = false)
public class ExactEnums {

    @Bean
    public Module exactEnumNames() {
        return new SimpleModule("exact-enum-names").setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                              BeanDescription description, JsonDeserializer<?> deserializer) {
                List<String> names = Arrays.stream(type.getRawClass().getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).toList();
                return new Guarded(type.getRawClass(), deserializer, (parser, context, handled) ->
                        parser.hasToken(JsonToken.VALUE_STRING) && !names.contains(parser.getText())
                                ? context.handleWeirdStringValue(handled, parser.getText(),
                                        "not one of the values accepted: %s", names)
                                : null);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                if (!type.getPackageName().equals("java.time")) {
                    return deserializer;
                }
                return new Guarded(type, deserializer, (parser, context, handled) ->
                        parser.hasToken(JsonToken.VALUE_STRING) ? null
                                : context.handleUnexpectedToken(handled, parser.currentToken(), parser,
                                        "a date is written as text, such as \"2016-03-31\""));
            }
        });
    }

    /** What a guard says about the current token: null to let the wrapped reader read it, else the refusal's result. */
    @FunctionalInterface
    interface Guard {
        Object refuse(JsonParser parser, DeserializationContext context, Class<?> handled) throws IOException;
    }

    /** Jackson's own reader for a type, behind a guard that refuses what that reader would wrongly accept. */
    static final class Guarded extends StdDeserializer<Object> implements ContextualDeserializer {

        private final JsonDeserializer<?> delegate;
        private final Guard guard;

        Guarded(Class<?> type, JsonDeserializer<?> delegate, Guard guard) {
            super(type);
            this.delegate = delegate;
            this.guard = guard;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer withContext
                    ? withContext.createContextual(context, property) : delegate;
            return new Guarded(handledType(), contextual, guard);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            Object refused = guard.refuse(parser, context, handledType());
            return refused != null ? refused : delegate.deserialize(parser, context);
        }
    }
}
