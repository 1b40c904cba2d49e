package org.planledger.infra.refusals;

import java.util.List;

/**
 * A request refused for a reason its sender can act on.
 *
 * @param kind           what sort of refusal, which decides the HTTP status and how a page words it
 * @param type           the stable problem type's last part ({@code invalid-request}, {@code stale-version}, ...)
 * @param code           the stable code of a command-side rejection ({@code ACTION_NOT_OPEN}), or null
 * @param detail         a sentence for a person
 * @param field          the offending field (the first, when there are several), or null
 * @param errors         every offending field and why; empty when the request as a whole is refused
 * @param currentVersion for a stale version, the version the record is at now; otherwise null
 */
public record Refusal(Kind kind, String type, String code, String detail, String field, List<FieldProblem> errors,
                      Long currentVersion) {

    public enum Kind {
        /** Bad input (400). */
        INVALID(400),
        /** The record named does not exist (404). */
        NOT_FOUND(404),
        /** A rule of the command side forbids this caller (403). */
        FORBIDDEN(403),
        /** The record's state does not allow it, or the id is taken (409). */
        CONFLICT(409),
        /** Someone else changed the record since the caller read it, or at the same moment (409). */
        CONCURRENT_CHANGE(409);

        public final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    /** The type of bad input found by {@link #invalid(List)}, which always lists its errors. */
    public static final String INVALID_REQUEST = "invalid-request";

    public Refusal {
        errors = List.copyOf(errors);
    }

    /** Bad input: the problems sorted by field, the detail naming the first. */
    public static Refusal invalid(List<FieldProblem> problems) {
        List<FieldProblem> sorted = problems.stream()
                .sorted(java.util.Comparator.comparing(p -> p.field() == null ? "" : p.field())).toList();
        FieldProblem first = sorted.isEmpty() ? new FieldProblem(null, "the request is not valid") : sorted.get(0);
        String detail = first.field() == null ? capitalise(first.message()) : first.field() + ": " + first.message();
        if (sorted.size() > 1) {
            detail += " (and " + (sorted.size() - 1) + " more; see errors)";
        }
        return new Refusal(Kind.INVALID, INVALID_REQUEST, null, detail, first.field(), sorted, null);
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
