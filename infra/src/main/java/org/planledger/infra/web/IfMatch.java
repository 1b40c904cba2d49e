package org.planledger.infra.web;

/**
 * Versions in {@code If-Match} and {@code ETag}: the aggregate version as a strong entity tag,
 * {@code "7"}. A bare {@code 7} and a weak {@code W/"7"} are accepted too; {@code *} or no header
 * means "whatever the current version is".
 */
public final class IfMatch {

    public static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** @return the expected version, or null when the request does not ask for one */
    public static Long expectedVersion(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        String tag = header.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            long version = Long.parseLong(tag);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidHeaderException(HEADER,
                    "If-Match must be the version from an ETag, such as \"3\", not " + header);
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
