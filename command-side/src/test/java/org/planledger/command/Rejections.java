package org.planledger.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;

import java.util.Objects;

/** Hamcrest matchers for the fixture's expectException: a rejection is known by its code and field. */
final class Rejections {

    private Rejections() {
    }

    /** A rejection about a field of the request. */
    static Matcher<CommandRejectedException> rejected(RejectionCode code, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException rejection) {
                return rejection.code() == code && Objects.equals(rejection.field(), field)
                        && rejection.getMessage() != null && !rejection.getMessage().isBlank();
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a CommandRejectedException with code ").appendValue(code)
                        .appendText(", field ").appendValue(field).appendText(" and a message");
            }

            @Override
            protected void describeMismatchSafely(CommandRejectedException rejection, Description mismatch) {
                mismatch.appendText("was code ").appendValue(rejection.code()).appendText(", field ")
                        .appendValue(rejection.field()).appendText(", message ").appendValue(rejection.getMessage());
            }
        };
    }

    /** A rejection about the aggregate's state rather than one field. */
    static Matcher<CommandRejectedException> rejected(RejectionCode code) {
        return rejected(code, null);
    }
}
