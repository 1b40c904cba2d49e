package org.planledger.events;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A partnership's id: the short, stable slug that role grants name ({@code PLAN_MANAGER@kettering-borough})
 * and that a plan carries from its drafting. When a plan is drafted without one, or was drafted before
 * plans carried one (PlanDrafted revision 1), it is derived from the partnership's name: the words before
 * the generic part of the name ("Community Safety Partnership", "CSP", ...), lower case, joined by hyphens.
 * "Kettering Borough Community Safety Partnership" gives {@code kettering-borough}; the showcase's
 * "Example Borough Community Safety Partnership" gives {@code example-borough}.
 */
public final class PartnershipIds {

    /** The id a grant uses for every partnership. */
    public static final String EVERY = "*";

    /** An id as grants and requests write it: lower-case words joined by hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Words that name the kind of body rather than the place; the id leaves them out. */
    private static final Set<String> GENERIC = Set.of("community", "safety", "partnership", "csp", "the", "and", "of");

    private PartnershipIds() {
    }

    public static String fromName(String name) {
        if (name == null || name.isBlank()) {
            return "unnamed";
        }
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String[] words = plain.split("[^a-z0-9]+");
        StringBuilder id = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            if (GENERIC.contains(word)) {
                // the place comes first; "Kettering Borough Community Safety Partnership" ends at "community"
                if (!id.isEmpty()) {
                    break;
                }
                continue;
            }
            if (!id.isEmpty()) {
                id.append('-');
            }
            id.append(word);
        }
        if (id.isEmpty()) {
            // a name of generic words only ("Community Safety Partnership"): all of it, so it still has an id
            id.append(String.join("-", java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toList()));
        }
        return id.isEmpty() ? "unnamed" : id.toString();
    }

    public static boolean isValid(String id) {
        return id != null && id.length() <= 60 && ID.matcher(id).matches();
    }
}
