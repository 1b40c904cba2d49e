package org.planledger.command.api;

/** Field limits, shared by Bean Validation on commands and the documentation of the HTTP API. */
public final class Limits {
    public static final int ID = 100;
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]*";
    /** An optional text may be absent, but when given it says something: not empty, not only spaces. */
    public static final String SOME_TEXT = "(?s).*\\S.*";
    public static final int TITLE = 500;
    public static final int TEXT = 20_000;
    public static final int REASON = 2_000;
    public static final int LIST = 100;
    /** £100m in pence: far above any community-safety budget, far below overflow. */
    public static final long MAX_PENCE = 10_000_000_000L;

    private Limits() {
    }
}
