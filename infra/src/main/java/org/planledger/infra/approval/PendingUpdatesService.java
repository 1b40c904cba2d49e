package org.planledger.infra.approval;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.command.ActionLeadership;
import org.planledger.events.Lead;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.query.LiveBoards;
import org.planledger.infra.query.Queries;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.BoardObjective;
import org.planledger.query.api.BoardPriority;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindPendingUpdates;
import org.planledger.query.api.PendingUpdates;
import org.planledger.query.api.SubmissionEntry;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan-wide queue of updates waiting for approval (docs/reminders-and-approval.md), for the
 * caller: a plan manager sees every one; a delivery lead those they may decide, i.e. on actions of a
 * priority that names them as a lead, and not their own. Who may decide is {@link ActionLeadership#mayDecide},
 * the rule the Action itself applies when the decision arrives; this only chooses what to show.
 */
@Service
@ConditionalOnQuerySide
public class PendingUpdatesService {

    /** One update waiting: its action and priority, the action's leads, the submission, and whether the caller may decide it. */
    public record Row(String actionId, String actionTitle, String priorityId, String priorityTitle, List<Lead> actionLeads,
                      SubmissionEntry submission, boolean mayDecide) {
    }

    public record Answer(String planId, String title, List<Row> updates) {
    }

    private final Queries queries;
    private final LiveBoards liveBoards;

    public PendingUpdatesService(Queries queries, LiveBoards liveBoards) {
        this.queries = queries;
        this.liveBoards = liveBoards;
    }

    public Answer pending(String planId, Authentication caller) {
        // the live board as the board page has it (kept decoded per version), for the title and who leads each priority
        BoardView plan = liveBoards.current(planId).map(LiveBoards.Current::board)
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        Map<String, BoardPriority> priorityOfObjective = new HashMap<>();
        for (BoardPriority priority : plan.priorities()) {
            for (BoardObjective objective : priority.objectives()) {
                priorityOfObjective.put(objective.objectiveId(), priority);
            }
        }
        Set<String> roles = Roles.of(caller);
        PendingUpdates pending = queries.ask(new FindPendingUpdates(planId), ResponseTypes.instanceOf(PendingUpdates.class));
        List<Row> rows = pending.updates().stream().map(update -> {
            BoardPriority priority = priorityOfObjective.get(update.objectiveId());
            Set<String> priorityLeads = priority == null ? Set.of() : Set.copyOf(priority.leads());
            boolean mayDecide = ActionLeadership.mayDecide(roles, caller.getName(), update.submission().submittedBy(),
                    () -> priorityLeads);
            return new Row(update.actionId(), update.actionTitle(), priority == null ? null : priority.priorityId(),
                    priority == null ? null : priority.title(), update.actionLeads(), update.submission(), mayDecide);
        }).filter(row -> row.mayDecide() || roles.contains(Roles.PLAN_MANAGER)).toList();
        return new Answer(planId, plan.title(), rows);
    }
}
