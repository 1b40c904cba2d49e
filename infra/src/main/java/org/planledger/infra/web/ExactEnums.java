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
                return new ExactEnumDeserializer(type.getRawClass(), deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                                                          JsonDeserializer<?> deserializer) {
                Class<?> type = description.getBeanClass();
                return type.getPackageName().equals("java.time") ? new TextOnlyDeserializer(type, deserializer) : deserializer;
            }
        });
    }

    /** A java.time value only from a JSON string (or null), never from an array or a number. */
    static final class TextOnlyDeserializer extends StdDeserializer<Object> implements ContextualDeserializer {

        private final JsonDeserializer<?> delegate;

        TextOnlyDeserializer(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer withContext
                    ? withContext.createContextual(context, property) : delegate;
            return new TextOnlyDeserializer(handledType(), contextual);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(handledType(), parser.currentToken(), parser,
                        "a date is written as text, such as \"2016-03-31\"");
            }
            return delegate.deserialize(parser, context);
        }
    }

    static final class ExactEnumDeserializer extends StdDeserializer<Object> implements ContextualDeserializer {

        private final JsonDeserializer<?> delegate;
        private final List<String> names;

        ExactEnumDeserializer(Class<?> type, JsonDeserializer<?> delegate) {
            super(type);
            this.delegate = delegate;
            this.names = Arrays.stream(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
                throws JsonMappingException {
            JsonDeserializer<?> contextual = delegate instanceof ContextualDeserializer withContext
                    ? withContext.createContextual(context, property) : delegate;
            return new ExactEnumDeserializer(handledType(), contextual);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING) && !names.contains(parser.getText())) {
                return context.handleWeirdStringValue(handledType(), parser.getText(),
                        "not one of the values accepted: %s", names);
            }
            return delegate.deserialize(parser, context);
        }
    }
}
