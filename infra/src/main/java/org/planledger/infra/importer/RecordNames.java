package org.planledger.infra.importer;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the record a JSON path points into by its ids, e.g. {@code $.priorities[0].objectives[1].indicators[2].target.value}
 * becomes record {@code priority 'asb' → objective 'asb-1' → indicator 'x'}, field {@code target.value}.
 */
final class RecordNames {

    private static final Pattern SEGMENT = Pattern.compile("\\.([^.\\[]+)|\\[(\\d+)]|\\['([^']*)']");

    /** Lists whose entries are records, and what one entry is called. */
    private static final Map<String, String> RECORDS = Map.ofEntries(
            Map.entry("priorities", "priority"), Map.entry("objectives", "objective"),
            Map.entry("indicators", "indicator"), Map.entry("measures", "measure"), Map.entry("actions", "action"),
            Map.entry("boardMeetings", "board meeting"), Map.entry("refreshes", "refresh"),
            Map.entry("members", "member"), Map.entry("readings", "reading"), Map.entry("progress", "progress note"),
            Map.entry("referralTallies", "referral tally"), Map.entry("funding", "funding"),
            Map.entry("spend", "spend"), Map.entry("rag", "rating"), Map.entry("seriesBreaks", "series break"),
            Map.entry("formerTitles", "former title"), Map.entry("leads", "lead"));

    /** Paths in the order their records appear in the file ([10] after [9]). */
    static final Comparator<String> DOCUMENT_ORDER = RecordNames::compareNatural;

    private RecordNames() {
    }

    static PlanDocumentProblem problem(JsonNode root, String path, String message) {
        List<String> names = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        JsonNode node = root;
        String lastProperty = null;
        Matcher m = SEGMENT.matcher(path.startsWith("$") ? path.substring(1) : path);
        while (m.find()) {
            String property = m.group(1) != null ? m.group(1) : m.group(3);
            if (property != null) {
                if ("plan".equals(property) && node == root) {
                    names.add("plan");
                } else {
                    appendField(field, property);
                }
                node = node == null ? null : node.get(property);
                lastProperty = property;
                continue;
            }
            int index = Integer.parseInt(m.group(2));
            JsonNode element = node == null ? null : node.get(index);
            String kind = lastProperty == null ? null : RECORDS.get(lastProperty);
            boolean recordList = kind != null && field.toString().equals(lastProperty)
                    && !("leads".equals(lastProperty) && element != null && element.isTextual());
            if (recordList) {
                names.add(kind + " " + label(element, index));
                field.setLength(0);
            } else {
                field.append('[').append(index).append(']');
            }
            node = element;
        }
        String record = names.isEmpty() ? "the file" : String.join(" → ", names);
        return new PlanDocumentProblem(path, record, field.toString(), message);
    }

    /** An entry's id where it has one, else what identifies it in its list. */
    private static String label(JsonNode element, int index) {
        if (element != null && element.isObject()) {
            for (String key : List.of("id", "period", "name", "title", "on", "effectiveOn")) {
                JsonNode value = element.get(key);
                if (value != null && value.isTextual() && !value.asText().isBlank() && value.asText().length() <= 100) {
                    return "'" + value.asText() + "'";
                }
            }
        }
        if (element != null && element.isTextual() && element.asText().length() <= 100) {
            return "'" + element.asText() + "'";
        }
        return "#" + (index + 1);
    }

    private static void appendField(StringBuilder field, String property) {
        if (!field.isEmpty()) {
            field.append('.');
        }
        field.append(property);
    }

    private static int compareNatural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                String na = a.substring(si, i).replaceFirst("^0+(?=.)", "");
                String nb = b.substring(sj, j).replaceFirst("^0+(?=.)", "");
                int byLength = Integer.compare(na.length(), nb.length());
                int c = byLength != 0 ? byLength : na.compareTo(nb);
                if (c != 0) {
                    return c;
                }
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
