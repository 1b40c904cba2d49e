package org.planledger.query.myactions;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.planledger.events.*;
import org.planledger.query.api.FindMyActions;
import org.planledger.query.api.MyAction;
import org.planledger.query.api.MyActions;
import org.planledger.query.board.BoardRenderer;
import org.planledger.query.support.RecordedEvent;
import org.planledger.query.support.WriteBehind;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * "My actions" for a delivery lead:
 * <ul>
 *   <li>{@code my_actions_users}: {@code {_id: userId, actionIds: [...]}}: what each user leads, ids sorted.</li>
 *   <li>{@code my_actions_actions}: {@code {_id: actionId, planId, title, status, startDate, endDate,
 *       leadUserIds: [], notes: [{noteId, effectiveOn, withdrawn}], appliedVersions}}.</li>
 *   <li>{@code my_actions_plans}: {@code {_id: planId, title, cadence, appliedVersions}}.</li>
 * </ul>
 * {@code appliedVersions} (see {@link org.planledger.query.support.AppliedEvents}) skips a
 * redelivered event but applies one the event store committed late.
 * A query is three reads by _id/$in. The next update is due one reporting cycle after the latest
 * (not withdrawn) note's period, or on the start date before any note; whether it is overdue is
 * decided at query time with the injected clock.
 */
@ProcessingGroup(MyActionsProjection.PROCESSING_GROUP)
public class MyActionsProjection {

    public static final String PROCESSING_GROUP = "my-actions";
    public static final String USERS = "my_actions_users";
    public static final String ACTIONS = "my_actions_actions";
    public static final String PLANS = "my_actions_plans";

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> actions;
    private final MongoCollection<Document> plans;
    private final Clock clock;
    private final WriteBehind writes = new WriteBehind();

    public MyActionsProjection(MongoDatabase database, Clock clock) {
        this.users = database.getCollection(USERS);
        this.actions = database.getCollection(ACTIONS);
        this.plans = database.getCollection(PLANS);
        this.clock = clock;
    }

    @EventHandler
    public void on(PlanLedgerEvent event, EventMessage<?> message) {
        RecordedEvent recorded = RecordedEvent.of(message);
        WriteBehind.Batch batch = writes.current();
        switch (event) {
            case PlanDrafted e -> planDrafted(batch, recorded, e);
            // a plan is shown by its title and cadence only, both from PlanDrafted
            case PriorityAdded e -> { }
            case PriorityRevised e -> { }
            case PriorityRetired e -> { }
            case ObjectiveAdded e -> { }
            case ObjectiveRevised e -> { }
            case ObjectiveRetired e -> { }
            case IndicatorRetired e -> { }
            case IndicatorReadingCorrected e -> { }
            case IndicatorDefined e -> { }
            case IndicatorRebaselined e -> { }
            case IndicatorReadingRecorded e -> { }
            case IndicatorSeriesBroken e -> { }
            case IndicatorLinked e -> { }
            case PlanMemberRecorded e -> { }
            case ActionRegistered e -> { }
            case BoardMeetingRecorded e -> { }
            case BoardPackIssued e -> { }
            case UpdateApprovalRequired e -> { }
            case PlanRefreshed e -> { }
            case PlanLabelledFictional e -> { }
            case PlanClosed e -> { }
            case ActionEvent e -> changeShown(e).ifPresent(change -> applyToAction(batch, recorded, e, change));
        }
        batch.endOfMessage();
    }

    private void planDrafted(WriteBehind.Batch batch, RecordedEvent recorded, PlanDrafted e) {
        Document plan = batch.find(plans, e.planId());
        if (!recorded.alreadyAppliedTo(plan)) {
            batch.save(plans, recorded.markAppliedOn(new Document("_id", e.planId()).append("title", e.title())
                    .append("cadence", e.cadence() == null ? null : e.cadence().name()), plan));
        }
    }

    private static final Optional<Consumer<Document>> NOT_SHOWN = Optional.empty();

    /** What an action event changes in the action's document, or empty when it changes nothing a lead is shown. */
    private static Optional<Consumer<Document>> changeShown(ActionEvent event) {
        return switch (event) {
            case ActionAdded e -> shown(next -> next.append("title", e.title()).append("status", ActionStatus.OPEN.name())
                    .append("startDate", text(e.startDate())).append("endDate", text(e.endDate()))
                    .append("leadUserIds", userIds(e.leads())));
            case ActionLeadsChanged e -> shown(next -> next.append("leadUserIds", userIds(e.leads())));
            case ActionRescheduled e -> shown(next -> next.append("startDate", text(e.startDate())).append("endDate", text(e.endDate())));
            case ActionDetailsRevised e -> shown(next -> next.append("title", e.title()));
            case ActionCompleted e -> shown(next -> next.append("status", ActionStatus.COMPLETED.name()));
            case ActionCeased e -> shown(next -> next.append("status", ActionStatus.CEASED.name()));
            case ActionReopened e -> shown(next -> next.append("status", ActionStatus.OPEN.name()));
            case ProgressRecorded e -> shown(next -> next.append("notes", withNote(next.getList("notes", Document.class), e)));
            case ProgressNoteWithdrawn e -> shown(next -> next.append("notes", withdrawing(next.getList("notes", Document.class), e)));
            // a correction keeps the note's date, which is all the due date needs
            case ProgressNoteCorrected e -> NOT_SHOWN;
            case RagAssessed e -> NOT_SHOWN;
            case FundingAllocated e -> NOT_SHOWN;
            case SpendRecorded e -> NOT_SHOWN;
            case RiskIdentified e -> NOT_SHOWN;
            case RiskReassessed e -> NOT_SHOWN;
            case RiskClosed e -> NOT_SHOWN;
            case ReferralsTallied e -> NOT_SHOWN;
            case ReferralRegistered e -> NOT_SHOWN;
            case UpdateReminderSent e -> NOT_SHOWN;
            case UpdateApprovalSet e -> NOT_SHOWN;
            case ProgressSubmitted e -> NOT_SHOWN; // the last note is an approved one
            case ProgressApproved e -> NOT_SHOWN;
            case ProgressReturned e -> NOT_SHOWN;
            case ReferralRecorded e -> NOT_SHOWN;
            case ReferralAccepted e -> NOT_SHOWN;
            case ReferralDeclined e -> NOT_SHOWN;
            case ReferralClosed e -> NOT_SHOWN;
            case ReferralSubjectErased e -> NOT_SHOWN;
        };
    }

    private static Optional<Consumer<Document>> shown(Consumer<Document> change) {
        return Optional.of(change);
    }

    private static List<Document> withNote(List<Document> notes, ProgressRecorded e) {
        List<Document> changed = new ArrayList<>(notes);
        if (changed.stream().noneMatch(n -> n.getString("noteId").equals(e.noteId()))) {
            changed.add(new Document("noteId", e.noteId()).append("effectiveOn", text(e.effectiveOn())).append("withdrawn", false));
        }
        return changed;
    }

    private static List<Document> withdrawing(List<Document> notes, ProgressNoteWithdrawn e) {
        List<Document> changed = new ArrayList<>();
        for (Document note : notes) {
            changed.add(note.getString("noteId").equals(e.noteId()) ? new Document(note).append("withdrawn", true) : note);
        }
        return changed;
    }

    private void applyToAction(WriteBehind.Batch batch, RecordedEvent recorded, ActionEvent event, Consumer<Document> change) {
        Document action = batch.find(actions, event.actionId());
        if (action == null && !(event instanceof ActionAdded)) {
            return;
        }
        if (recorded.alreadyAppliedTo(action)) {
            return;
        }
        Document next = action == null ? new Document("_id", event.actionId()).append("planId", event.planId())
                .append("leadUserIds", List.of()).append("notes", List.of()) : new Document(action);
        List<String> leadsBefore = next.getList("leadUserIds", String.class);
        change.accept(next);
        recorded.markAppliedOn(next, action);
        batch.save(actions, next);

        List<String> leadsAfter = next.getList("leadUserIds", String.class);
        if (!leadsAfter.equals(leadsBefore)) {
            Set<String> affected = new LinkedHashSet<>(leadsBefore);
            affected.addAll(leadsAfter);
            Map<String, Document> userDocs = batch.findAll(users, affected);
            for (String userId : affected) {
                Document user = userDocs.get(userId);
                // set semantics keep this idempotent without a sequence of its own, and sorted ids keep it
                // the same whichever order lead changes on different actions arrive in
                Set<String> actionIds = new TreeSet<>(user == null ? List.of() : user.getList("actionIds", String.class));
                if (leadsAfter.contains(userId)) {
                    actionIds.add(event.actionId());
                } else {
                    actionIds.remove(event.actionId());
                }
                batch.save(users, new Document("_id", userId).append("actionIds", new ArrayList<>(actionIds)));
            }
        }
    }

    @ResetHandler
    public void reset() {
        users.deleteMany(new Document());
        actions.deleteMany(new Document());
        plans.deleteMany(new Document());
    }

    @QueryHandler
    public MyActions handle(FindMyActions query) {
        Document user = users.find(Filters.eq("_id", query.userId())).first();
        if (user == null) {
            return new MyActions(query.userId(), List.of());
        }
        List<Document> actionDocs = new ArrayList<>();
        actions.find(Filters.in("_id", user.getList("actionIds", String.class))).into(actionDocs);
        Map<String, Document> planDocs = new HashMap<>();
        List<String> planIds = actionDocs.stream().map(a -> a.getString("planId")).distinct().toList();
        for (Document plan : plans.find(Filters.in("_id", planIds))) {
            planDocs.put(plan.getString("_id"), plan);
        }
        LocalDate today = LocalDate.now(clock);
        List<MyAction> result = new ArrayList<>();
        for (Document action : actionDocs) {
            Document plan = planDocs.get(action.getString("planId"));
            Cadence cadence = plan == null || plan.getString("cadence") == null ? null : Cadence.valueOf(plan.getString("cadence"));
            ActionStatus status = ActionStatus.valueOf(action.getString("status"));
            LocalDate lastNoteOn = action.getList("notes", Document.class).stream()
                    .filter(n -> !n.getBoolean("withdrawn", false)).map(n -> LocalDate.parse(n.getString("effectiveOn")))
                    .max(Comparator.naturalOrder()).orElse(null);
            LocalDate startDate = date(action.getString("startDate"));
            LocalDate due = status.isOpen() ? BoardRenderer.nextUpdateDue(lastNoteOn, startDate, cadence) : null;
            result.add(new MyAction(action.getString("_id"), action.getString("planId"),
                    plan == null ? null : plan.getString("title"), action.getString("title"), status, startDate,
                    date(action.getString("endDate")), lastNoteOn, due, due != null && due.isBefore(today)));
        }
        result.sort(Comparator.comparing(MyAction::nextUpdateDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MyAction::actionId));
        return new MyActions(query.userId(), result);
    }

    private static List<String> userIds(List<Lead> leads) {
        return leads == null ? List.of() : leads.stream().map(Lead::userId).filter(Objects::nonNull).distinct().toList();
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
