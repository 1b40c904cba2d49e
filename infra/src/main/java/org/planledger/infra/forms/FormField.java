package org.planledger.infra.forms;

import java.util.List;

/**
 * One input of a change form, made from a component of the API's request record.
 *
 * @param name     the JSON path it fills: {@code title}, {@code target.kind}, {@code leads[0].userId}
 * @param group    the fieldset it sits in ("Target", "Lead 1"), or null at the top level
 * @param kind     how it is typed and read back
 * @param required whether the request record requires it (for the label only; the record decides)
 * @param choices  the options of a {@link Kind#SELECT}; a blank value first when nothing is required
 */
public record FormField(String name, String label, String hint, Kind kind, boolean required, String group,
                 List<Choice> choices) {

    public enum Kind { TEXT, TEXTAREA, LINES, DATE, NUMBER, WHOLE_NUMBER, MONEY, SELECT, CHECKBOX }

    public record Choice(String value, String label) {
    }

    /** The element id: the path with its brackets and dots as dashes. */
    public String id() {
        return "f-" + name.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
    }

    public FormField withChoices(List<Choice> options) {
        return new FormField(name, label, hint, Kind.SELECT, required, group, options);
    }
}
