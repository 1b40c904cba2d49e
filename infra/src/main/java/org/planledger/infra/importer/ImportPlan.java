package org.planledger.infra.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What importing a file into a given store state will send, record by record.
 *
 * <ul>
 *   <li>{@code steps}: the commands in sending order, each naming the record it concerns and whether it
 *       creates it, revises it (with the fields that changed), or "ensures" it (a create carrying an id
 *       derived from the file, for records no command can revise: the store treats a repeat as a no-op,
 *       and refuses other content as DUPLICATE_ID, which the importer reports as not applied);</li>
 *   <li>{@code unchanged}: records already stored exactly as the file says;</li>
 *   <li>{@code notApplied}: differences between the file and the store that no command can apply;</li>
 *   <li>{@code notYetImported}: what the file holds that no command records yet, counted by kind.</li>
 * </ul>
 */
public record ImportPlan(List<Step> steps, Set<String> unchanged, List<String> notApplied,
                         Map<String, Integer> notYetImported) {

    public enum Change { CREATE, REVISE, ENSURE }

    /** {@code record} is how the summary names it: {@code priority 'asb'}, {@code progress note 'x.n2'}. */
    public record Step(String record, Object command, Change change, List<String> fields) {
    }

    public List<Object> commands() {
        return steps.stream().map(Step::command).toList();
    }

    static final class Builder {
        final List<Step> steps = new ArrayList<>();
        final Set<String> unchanged = new LinkedHashSet<>();
        final List<String> notApplied = new ArrayList<>();
        final Map<String, Integer> notYetImported = new LinkedHashMap<>();

        void create(String record, Object command) {
            steps.add(new Step(record, command, Change.CREATE, List.of()));
        }

        void revise(String record, Object command, List<String> fields) {
            steps.add(new Step(record, command, Change.REVISE, List.copyOf(fields)));
        }

        void ensure(String record, Object command) {
            steps.add(new Step(record, command, Change.ENSURE, List.of()));
        }

        void unchanged(String record) {
            unchanged.add(record);
        }

        void notApplied(String what) {
            notApplied.add(what);
        }

        void notYet(String what, int count) {
            if (count > 0) {
                notYetImported.merge(what, count, Integer::sum);
            }
        }

        ImportPlan build() {
            return new ImportPlan(List.copyOf(steps), new LinkedHashSet<>(unchanged), List.copyOf(notApplied),
                    new LinkedHashMap<>(notYetImported));
        }
    }
}
