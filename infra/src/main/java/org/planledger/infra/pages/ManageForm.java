package org.planledger.infra.pages;

import org.planledger.infra.refusals.ResourceNotFoundException;

import java.util.Map;

/**
 * The plan manager's and the delivery lead's change forms, each the page face of one API
 * command endpoint ({@code api}). The form takes its fields from that endpoint's request record, its
 * roles from the endpoint's route declaration, and sends through the endpoint itself
 * ({@link ApiForms}): the rules, the command and the audit reason are the API's, never restated here.
 * What a form adds is words: a title, the button, labels where the field name
 * would not do, and the note shown when it succeeded.
 */
enum ManageForm {
    DRAFT_PLAN("new-plan", "POST /api/plans", "Draft a plan", "Draft the plan", "Plan drafted.",
            Map.of("id", "Short name for the plan's address (optional)",
                    "partnership", "Partnership", "title", "Plan title",
                    "periodStart", "Plan starts on", "periodEnd", "Plan ends on", "cadence", "Board reports")),
    ADD_PRIORITY("add-priority", "POST /api/plans/{planId}/priorities", "Add a priority", "Add the priority",
            "Priority added.", Map.of("title", "Priority", "leads", "Leads (one per line)")),
    REVISE_PRIORITY("revise-priority", "PUT /api/plans/{planId}/priorities/{priorityId}", "Revise a priority",
            "Revise the priority", "Priority revised.", Map.of("title", "Priority", "leads", "Leads (one per line)")),
    RETIRE_PRIORITY("retire-priority", "POST /api/plans/{planId}/priorities/{priorityId}/retirement", "Retire a priority",
            "Retire the priority", "Priority retired.", Map.of()),
    ADD_OBJECTIVE("add-objective", "POST /api/plans/{planId}/objectives", "Add a strategic objective",
            "Add the objective", "Objective added.",
            Map.of("priorityId", "Priority", "title", "Objective", "outcomes", "Outcomes (one per line)")),
    REVISE_OBJECTIVE("revise-objective", "PUT /api/plans/{planId}/objectives/{objectiveId}", "Revise an objective",
            "Revise the objective", "Objective revised.",
            Map.of("title", "Objective", "outcomes", "Outcomes (one per line)")),
    RETIRE_OBJECTIVE("retire-objective", "POST /api/plans/{planId}/objectives/{objectiveId}/retirement",
            "Retire an objective", "Retire the objective",
            "Objective retired; from that date the board no longer shows it, its indicators or its actions.",
            Map.of("reason", "Why it is retired", "effectiveOn", "Retired from (optional, today if left blank)")),
    DEFINE_INDICATOR("define-indicator", "POST /api/plans/{planId}/indicators", "Define an indicator",
            "Define the indicator", "Indicator defined.",
            Map.of("objectiveId", "Objective it measures (optional)",
                    "priorityId", "Or the priority it measures (optional)", "name", "Indicator")),
    INDICATOR_READING("reading", "POST /api/plans/{planId}/indicators/{indicatorId}/readings",
            "Record an indicator reading", "Record the reading", "Reading recorded.",
            Map.of("value", "Value", "costPence", "Cost in pounds (optional)", "series", "Series (OWN or PEER)")),
    CORRECT_READING("correct-reading",
            "POST /api/plans/{planId}/indicators/{indicatorId}/readings/{readingId}/correction",
            "Correct a published reading", "Correct the reading",
            "Reading corrected; a replay before today still shows the figure as first published.",
            Map.of("value", "Corrected value", "costPence", "Cost in pounds (optional)", "note", "Note (optional)",
                    "reason", "Why it is corrected")),
    RETIRE_INDICATOR("retire-indicator", "POST /api/plans/{planId}/indicators/{indicatorId}/retirement",
            "Retire an indicator", "Retire the indicator",
            "Indicator retired; from that date the board no longer shows it, and its series stays.",
            Map.of("reason", "Why it is retired", "effectiveOn", "Retired from (optional, today if left blank)")),
    REBASELINE("rebaseline", "POST /api/plans/{planId}/indicators/{indicatorId}/rebaselining",
            "Rebaseline an indicator", "Rebaseline", "Indicator rebaselined.", Map.of()),
    SERIES_BREAK("series-break", "POST /api/plans/{planId}/indicators/{indicatorId}/series-breaks",
            "Record a break in an indicator's series", "Record the break", "Series break recorded.",
            Map.of("breakOn", "The counting changed on", "newBaselinePending", "A new baseline is to follow")),
    ADD_ACTION("add-action", "POST /api/plans/{planId}/actions", "Add an action", "Add the action", "Action added.",
            Map.of("objectiveId", "Objective", "title", "Action", "outputs", "Outputs (one per line)",
                    "monitoringIndicators", "Monitoring indicators (one per line)",
                    "resources", "Resources (one per line)", "partners", "Partner agencies (one per line)",
                    "risks", "Risks (one per line)")),
    MEMBER_JOINS("member-joins", "PUT /api/plans/{planId}/members/{memberId}", "Record a partnership member joining",
            "Record the member", "Member recorded.",
            Map.of("name", "Name", "organisation", "Organisation", "role", "Role on the board (such as Chair)",
                    "from", "Member from", "to", "Member until (optional, if already known)")),
    MEMBER_LEAVES("member-leaves", "PUT /api/plans/{planId}/members/{memberId}", "Record a member leaving",
            "Record the change", "Member's record changed.",
            Map.of("name", "Name", "organisation", "Organisation", "role", "Role on the board",
                    "from", "Member from", "to", "Member until")),
    LINK_INDICATOR("link-indicator", "POST /api/plans/{planId}/indicators/{indicatorId}/links",
            "Link an indicator to another objective", "Link the indicator", "Indicator linked.",
            Map.of("objectiveId", "Objective it also measures")),
    BOARD_MEETING("board-meeting", "POST /api/plans/{planId}/board-meetings", "Record a board meeting",
            "Record the meeting", "Board meeting recorded.", Map.of("heldOn", "Held on", "title", "Meeting")),
    ANNUAL_REFRESH("annual-refresh", "POST /api/plans/{planId}/refreshes", "Record the annual refresh",
            "Record the refresh", "Annual refresh recorded.",
            Map.of("note", "What the strategic assessment changed")),
    CLOSE_PLAN("close-plan", "POST /api/plans/{planId}/closure", "Close the plan", "Close the plan", "Plan closed.",
            Map.of("reason", "Reason (optional)")),
    RESCHEDULE("reschedule", "PUT /api/actions/{actionId}/schedule", "Reschedule the action", "Reschedule",
            "Action rescheduled.", Map.of("reason", "Reason (optional)")),
    CHANGE_LEADS("change-leads", "PUT /api/actions/{actionId}/leads", "Change the action's leads", "Change the leads",
            "Leads changed.", Map.of("reason", "Reason (optional)")),
    REVISE_DETAILS("revise-details", "PUT /api/actions/{actionId}/details", "Revise the action's details",
            "Revise the details", "Details revised.",
            Map.of("title", "Action", "outputs", "Outputs (one per line)",
                    "monitoringIndicators", "Monitoring indicators (one per line)",
                    "resources", "Resources (one per line)", "partners", "Partner agencies (one per line)",
                    "risks", "Risks (one per line)", "reason", "Reason (optional)")),
    FUNDING("funding", "POST /api/actions/{actionId}/funding", "Allocate funding", "Allocate the funding",
            "Funding allocated.", Map.of("amountPence", "Amount in pounds", "source", "From",
                    "financialYear", "Financial year (like 2013/14)")),
    COMPLETE("complete", "POST /api/actions/{actionId}/completion", "Complete the action", "Complete the action",
            "Action completed.", Map.of("note", "Closing note (optional)")),
    CEASE("cease", "POST /api/actions/{actionId}/cessation", "Cease the action", "Cease the action",
            "Action ceased.", Map.of()),
    REOPEN("reopen", "POST /api/actions/{actionId}/reopening", "Reopen the action", "Reopen the action",
            "Action reopened.", Map.of()),
    IDENTIFY_RISK("identify-risk", "POST /api/actions/{actionId}/risks", "Identify a risk", "Record the risk",
            "Risk recorded.", Map.of("description", "The risk", "likelihood", "Likelihood (1 to 5)",
                    "impact", "Impact (1 to 5)", "owner", "Owner (optional)", "mitigation", "Mitigation (optional)")),
    REASSESS_RISK("reassess-risk", "PUT /api/actions/{actionId}/risks/{riskId}", "Reassess a risk", "Reassess the risk",
            "Risk reassessed.", Map.of("likelihood", "Likelihood (1 to 5)", "impact", "Impact (1 to 5)",
                    "owner", "Owner (optional)", "mitigation", "Mitigation (optional)", "reason", "Why it changed (optional)")),
    CLOSE_RISK("close-risk", "POST /api/actions/{actionId}/risks/{riskId}/closure", "Close a risk", "Close the risk",
            "Risk closed.", Map.of("reason", "Why it is closed")),
    ACCEPT_REFERRAL("accept-referral", "POST /api/referrals/{referralId}/acceptance", "Accept a referral",
            "Accept the referral", "Referral accepted.", Map.of("effectiveOn", "Accepted on (optional; left empty, today)")),
    DECLINE_REFERRAL("decline-referral", "POST /api/referrals/{referralId}/decline", "Decline a referral",
            "Decline the referral", "Referral declined.", Map.of("reason", "Why it is declined")),
    CLOSE_REFERRAL("close-referral", "POST /api/referrals/{referralId}/closure", "Close a referral", "Close the referral",
            "Referral closed.", Map.of("outcome", "Outcome", "costPence", "Cost in pounds")),
    CORRECT_NOTE("correct-note", "POST /api/actions/{actionId}/progress/{noteId}/corrections",
            "Correct a progress note", "Correct the note", "Note corrected; the original wording stays in its history.",
            Map.of("text", "Corrected wording", "reason", "Why it is corrected")),
    WITHDRAW_NOTE("withdraw-note", "POST /api/actions/{actionId}/progress/{noteId}/withdrawal",
            "Withdraw a progress note", "Withdraw the note", "Note withdrawn; it stays in the history, struck through.",
            Map.of("reason", "Why it is withdrawn"));

    /** Where the form's target lives: no target yet (a new plan), a plan, or an action (its referral cases too). */
    enum Scope { NONE, PLAN, ACTION }

    final String path;
    /** The API endpoint, "METHOD pattern", whose handler the form calls. */
    final String api;
    final String title;
    final String button;
    final String done;
    /** Labels for fields whose names would not read well; the rest are made from the names. */
    final Map<String, String> labels;

    ManageForm(String path, String api, String title, String button, String done, Map<String, String> labels) {
        this.path = path;
        this.api = api;
        this.title = title;
        this.button = button;
        this.done = done;
        this.labels = labels;
    }

    /** For the templates, which read methods rather than fields. */
    public String title() {
        return title;
    }

    public String button() {
        return button;
    }

    Scope scope() {
        return api.contains("{actionId}") || api.contains("{referralId}") ? Scope.ACTION
                : api.contains("{planId}") ? Scope.PLAN : Scope.NONE;
    }

    static ManageForm byPath(String path, Scope scope) {
        for (ManageForm form : values()) {
            if (form.path.equals(path) && form.scope() == scope) {
                return form;
            }
        }
        throw new ResourceNotFoundException("form", path);
    }
}
