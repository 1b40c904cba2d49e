package org.planledger.infra.importer;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an import did (or, for a dry run, would do).
 *
 * <ul>
 *   <li>The file: its plan and how many priorities, objectives, indicators, actions and notes it holds.</li>
 *   <li>{@code commands}: how many commands were sent; {@code sent}: how many recorded something,
 *       {@code skippedAsAlreadyRecorded}: how many recorded nothing because the store already held them
 *       (names kept from earlier versions of this JSON).</li>
 *   <li>{@code created}, {@code revised}, {@code unchanged}: records, counted once each;
 *       {@code revisedRecords} names each revised record and the fields that changed
 *       ({@code "priority 'asb': title"}).</li>
 *   <li>{@code notApplied}: differences from the store that no command can apply.</li>
 *   <li>{@code notYetImported}: what the file holds that no command records yet, by kind.</li>
 * </ul>
 */
public record ImportReport(String planId, int priorities, int objectives, int indicators, int actions,
                           int progressNotes, int commands, int sent, int skippedAsAlreadyRecorded,
                           boolean dryRun, int created, int revised, int unchanged, List<String> revisedRecords,
                           List<String> notApplied, Map<String, Integer> notYetImported) {

    /** One paragraph for a person: what changed, and what the file holds that is not (yet) stored. */
    @JsonProperty("summary")
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(dryRun ? "dry run, nothing stored: plan '" + planId + "' would have " : "plan '" + planId + "': ")
                .append(created).append(" created, ").append(revised).append(" revised, ")
                .append(unchanged).append(" unchanged");
        for (String record : revisedRecords) {
            text.append("\n  revised ").append(record);
        }
        for (String difference : notApplied) {
            text.append("\n  not applied: ").append(difference);
        }
        if (!notYetImported.isEmpty()) {
            text.append("\n  not yet imported: ").append(notYetImported.entrySet().stream()
                    .map(entry -> entry.getValue() + " " + entry.getKey())
                    .collect(Collectors.joining(", ")))
                    .append(" (held in the file; no command records them yet)");
        }
        return text.toString();
    }
}
