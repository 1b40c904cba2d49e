package org.planledger.query.plan;

import org.planledger.events.ActionStatus;
import org.planledger.events.FinancialYear;
import org.planledger.events.Lead;
import org.planledger.events.RagStatus;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public record ActionView(String actionId, String objectiveId, String title, List<String> outputs,
                         List<String> monitoringIndicators, List<String> resources, List<String> partners,
                         List<String> riskNotes, List<Lead> leads, LocalDate startDate, LocalDate endDate,
                         ActionStatus status, String statusReason, LocalDate statusOn,
                         RagStatus rag, String ragReason, LocalDate ragOn,
                         List<NoteView> notes, List<RiskView> risks, List<ReferralCaseView> referralCases,
                         List<YearTotals> years) {

    public ActionView {
        outputs = copy(outputs);
        monitoringIndicators = copy(monitoringIndicators);
        resources = copy(resources);
        partners = copy(partners);
        riskNotes = copy(riskNotes);
        leads = copy(leads);
        notes = copy(notes);
        risks = copy(risks);
        referralCases = copy(referralCases);
        years = copy(years);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** The position the board shows: the latest note by period that has not been withdrawn. */
    public Optional<NoteView> latestNote() {
        // By effective date (the note's period), then by global sequence: notes are held in the order
        // their ProgressRecorded events were folded, and all of an action's notes come from the
        // action's own stream, whose events are always delivered in sequence order (the next one is
        // only written after the previous one committed). Events of other aggregates that the store
        // commits late never add notes here, so on equal periods the later-sequenced note wins
        // whatever order the board received other events in, live or replayed from the journal.
        NoteView latest = null;
        for (NoteView note : notes) {
            if (!note.withdrawn() && (latest == null || !note.effectiveOn().isBefore(latest.effectiveOn()))) {
                latest = note;
            }
        }
        return Optional.ofNullable(latest);
    }

    /** The user ids among the action's leads (a lead named without one cannot sign in as it). */
    public List<String> leadUserIds() {
        return leads.stream().map(Lead::userId).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public YearTotals totalsFor(FinancialYear year) {
        return years.stream().filter(y -> y.financialYear().equals(year)).findFirst().orElse(YearTotals.none(year));
    }

    public List<NoteView> notesInPeriodOrder() {
        return notes.stream().sorted(Comparator.comparing(NoteView::effectiveOn)).toList();
    }

    ActionView with(java.util.function.Consumer<Builder> change) {
        Builder builder = new Builder(this);
        change.accept(builder);
        return builder.build();
    }

    /** Mutable copy used only inside the reducer to change a few fields at once. */
    static final class Builder {
        String title; List<String> outputs; List<String> monitoringIndicators; List<String> resources;
        List<String> partners; List<String> riskNotes; List<Lead> leads; LocalDate startDate; LocalDate endDate;
        ActionStatus status; String statusReason; LocalDate statusOn; RagStatus rag; String ragReason; LocalDate ragOn;
        List<NoteView> notes; List<RiskView> risks; List<ReferralCaseView> referralCases; List<YearTotals> years;
        private final String actionId; private final String objectiveId;

        Builder(ActionView a) {
            actionId = a.actionId; objectiveId = a.objectiveId; title = a.title; outputs = a.outputs;
            monitoringIndicators = a.monitoringIndicators; resources = a.resources; partners = a.partners;
            riskNotes = a.riskNotes; leads = a.leads; startDate = a.startDate; endDate = a.endDate; status = a.status;
            statusReason = a.statusReason; statusOn = a.statusOn; rag = a.rag; ragReason = a.ragReason; ragOn = a.ragOn;
            notes = a.notes; risks = a.risks; referralCases = a.referralCases; years = a.years;
        }

        ActionView build() {
            return new ActionView(actionId, objectiveId, title, outputs, monitoringIndicators, resources, partners,
                    riskNotes, leads, startDate, endDate, status, statusReason, statusOn, rag, ragReason, ragOn,
                    notes, risks, referralCases, years);
        }
    }
}
