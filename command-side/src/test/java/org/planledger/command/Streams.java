package org.planledger.command;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Matcher;

import java.util.List;

import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;

/** Matchers for where an event was appended: which aggregate's stream, and at which position. */
final class Streams {

    private Streams() {
    }

    /** Exactly these events, in this order. */
    @SafeVarargs
    static Matcher<List<EventMessage<?>>> appended(Matcher<EventMessage<?>>... inOrder) {
        return exactSequenceOf(inOrder);
    }

    /** An event appended to the stream of the aggregate that handled the command. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Matcher<EventMessage<?>> appendedTo(Class<?> aggregateType, String aggregateId, long sequenceNumber, Object payload) {
        return (Matcher) allOf(instanceOf(DomainEventMessage.class),
                hasProperty("type", equalTo(aggregateType.getSimpleName())),
                hasProperty("aggregateIdentifier", equalTo(aggregateId)),
                hasProperty("sequenceNumber", equalTo(sequenceNumber)),
                hasProperty("payload", equalTo(payload)));
    }

    /**
     * An event of an aggregate started with AggregateLifecycle.createNew, so not of the handling aggregate's
     * stream. The fixture publishes such events without stream details (it builds the new aggregate outside
     * an event-sourcing repository), so this proves only that the event was not appended to the handler's
     * own stream; the runtime test sees it in the new aggregate's stream.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Matcher<EventMessage<?>> notAppendedTo(Class<?> handlingType, Object payload) {
        return (Matcher) allOf(hasProperty("payload", equalTo(payload)),
                not(allOf(instanceOf(DomainEventMessage.class),
                        hasProperty("type", equalTo(handlingType.getSimpleName())))));
    }
}
