package org.planledger.command;

import org.planledger.command.api.CommandRejectedException;
import org.planledger.command.api.RejectionCode;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Text in the ledger reads as it is stored. Control characters (NUL and the other C0 and C1
 * controls, except tab and line breaks) and the Unicode bidirectional embedding, override and
 * isolate controls are refused in every text of every command, wherever it comes from (API,
 * pages, import). They are refused rather than stored and escaped on display because the audit
 * trail's promise is that what an auditor reads is what was stored: a right-to-left override can
 * make "£1,000 paid" display as something else, and a NUL truncates text in some exports. The
 * left-to-right and right-to-left marks (U+200E, U+200F), which real right-to-left text needs, are
 * allowed.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** @throws CommandRejectedException {@link RejectionCode#UNPRINTABLE_TEXT} naming the first field at fault */
    public static void require(Object command) {
        String field = firstUnprintable(command, "");
        if (field != null) {
            throw new CommandRejectedException(RejectionCode.UNPRINTABLE_TEXT, field,
                    field + " contains a control character or an invisible direction override (such as NUL or "
                            + "U+202E); remove it and send the text again.");
        }
    }

    /** The path of the first text holding a refused character, or null. */
    static String firstUnprintable(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof CharSequence text) {
            return isPrintable(text) ? null : (path.isEmpty() ? "text" : path);
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                String found = firstUnprintable(item, path + "[" + index++ + "]");
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String found = firstUnprintable(entry.getValue(), path + "." + entry.getKey());
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                Object child;
                try {
                    child = component.getAccessor().invoke(value);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component.getName() + " of " + value.getClass(), e);
                }
                String found = firstUnprintable(child, path.isEmpty() ? component.getName() : path + "." + component.getName());
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static boolean isPrintable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
            boolean bidiControl = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            if (control || bidiControl) {
                return false;
            }
        }
        return true;
    }
}
