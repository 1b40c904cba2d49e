package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.security.Roles;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.events.FinancialYear;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.query.LiveBoards;
import org.planledger.infra.query.Queries;
import org.springframework.beans.factory.ObjectProvider;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.query.api.ActionHistory;
import org.planledger.query.api.ActionReferralStatistics;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.planledger.query.api.FindReferralStatistics;
import org.planledger.query.api.MoneyEntry;
import org.planledger.query.api.ReferralCaseEntry;
import org.planledger.query.api.ReferralCounts;
import org.planledger.query.api.ReferralStatistics;
import org.planledger.query.api.TallyEntry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The action page (its whole history) and the delivery lead's record forms. */
@Controller
class ActionPages {

    private static final String ACTION = "action";

    private final Queries queries;
    private final CallerCommands commands;
    private final PageRedaction redaction;
    /** The read models' versions, where this process serves them (the live feed's refreshes wait on them). */
    private final ObjectProvider<LiveBoards> liveBoards;

    ActionPages(Queries queries, CallerCommands commands, PageRedaction redaction, ObjectProvider<LiveBoards> liveBoards) {
        this.queries = queries;
        this.commands = commands;
        this.redaction = redaction;
        this.liveBoards = liveBoards;
    }

    /** Referral figures of one financial year, for the action page's table. */
    record YearFigures(FinancialYear year, ReferralCounts counts, long fundingPence, long spendPence) {
    }

    /** The action page; asked by htmx (its live feed said the plan changed), only the part that changes. */
    @GetMapping("/actions/{actionId}")
    String action(@PathVariable String actionId, @ModelAttribute("viewer") Viewer viewer, Model model,
                  @RequestHeader(value = "HX-Request", required = false) String htmx) {
        ActionHistory read = history(actionId);
        LiveBoards boards = liveBoards.getIfAvailable();
        String planId = read.planId();
        if (htmx != null && boards != null && planId != null && !boards.historyCaughtUp(planId, actionId)) {
            // asked by the live feed, which follows the board: wait (briefly) for the action's own history
            PageReads.awaitTrue(() -> boards.historyCaughtUp(planId, actionId));
            read = history(actionId);
        }
        ActionHistory history = redaction.visibleTo(viewer, read, ActionHistory.class);
        model.addAttribute("action", history);
        model.addAttribute("plan", plan(history.planId()).orElse(null));
        model.addAttribute("mayRecord", viewer.mayRecordOn(history.leads()) && history.status().isOpen());
        // Corrections and withdrawals fix the record, so the Action allows them after it has closed too.
        model.addAttribute("mayFix", viewer.mayRecordOn(history.leads()));
        // a lead of the action's priority may sign off its updates (ActionLeadership.mayDecide)
        List<String> priorityLeads = priorityLeads((BoardView) model.getAttribute("plan"), history.objectiveId());
        model.addAttribute("priorityLeads", priorityLeads);
        model.addAttribute("mayDecideAny", history.pendingSubmissions().stream()
                .anyMatch(p -> viewer.mayDecide(priorityLeads, p.submittedBy())));
        model.addAttribute("years", yearFigures(history));
        return htmx != null ? "action :: results" : ACTION;
    }

    @GetMapping("/actions/{actionId}/record")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD})
    public String recordPage(@PathVariable String actionId, @ModelAttribute("viewer") Viewer viewer, Model model) {
        ActionHistory history = mayRecord(viewer, actionId);
        return recordView(model, history, null, Map.of(), Map.of());
    }

    @PostMapping("/actions/{actionId}/record/{form}")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD})
    public String record(@PathVariable String actionId, @PathVariable("form") String formPath,
                  @RequestParam Map<String, String> request, @ModelAttribute("viewer") Viewer viewer,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        RecordForm form = RecordForm.byPath(formPath);
        ActionHistory before = mayRecord(viewer, actionId);
        Map<String, String> values = form.values(request);
        Map<String, String> errors = new LinkedHashMap<>();
        Object command = form.command(actionId, values, errors);
        if (command != null) {
            BoardView boardBefore = board(before.planId());
            try {
                commands.send(command, actionId, ACTION, form.reason(values), CommandOrigin.SOURCE_UI);
            } catch (RuntimeException failure) {
                errors.putAll(form.refusal(failure));
            }
            if (errors.isEmpty()) {
                // Read models follow the event store by a moment: wait (briefly) so the pages the lead
                // goes to next already show what they recorded.
                ActionHistory after = PageReads.awaitChange(() -> history(actionId), before);
                // on a plan that requires approval a lead's note or rating is submitted: it is not on the board yet
                boolean submitted = after != null && after.pendingSubmissions().size() > before.pendingSubmissions().size();
                if (!submitted && (form == RecordForm.PROGRESS || form == RecordForm.RAG)) {
                    PageReads.awaitChange(() -> board(before.planId()), boardBefore);
                }
                redirect.addFlashAttribute("done", submitted
                        ? "Submitted for approval: it reaches the board once a plan manager approves it." : form.done);
                return "redirect:/actions/" + actionId;
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return recordView(model, before, form, values, errors);
    }

    /**
     * A plan manager approves or returns a submitted update from the action's page (the API's commands,
     * marked {@code source=ui}); the page then says what happened, or why not, once the history shows it.
     */
    @PostMapping("/actions/{actionId}/submissions/{submissionId}/{decision}")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD})
    public String decide(@PathVariable String actionId, @PathVariable String submissionId, @PathVariable String decision,
                         @RequestParam(required = false) String reason, @RequestParam(required = false) String back,
                         @ModelAttribute("viewer") Viewer viewer, RedirectAttributes redirect) {
        boolean approve = decision.equals("approval");
        if (!approve && !decision.equals("return")) {
            redirect.addFlashAttribute("message", "Nothing done: unknown decision '" + decision + "'.");
            return "redirect:/actions/" + actionId;
        }
        ActionHistory before = history(actionId);
        // the same rule the Action applies, asked first so that someone who may not decide is refused (403), not redirected
        String submittedBy = before.submissions().stream().filter(s -> s.submissionId().equals(submissionId))
                .map(org.planledger.query.api.SubmissionEntry::submittedBy).findFirst().orElse(null);
        if (!viewer.mayDecide(priorityLeads(plan(before.planId()).orElse(null), before.objectiveId()), submittedBy)) {
            throw new AccessDeniedException("Only a plan manager or a lead of this action's priority (other than the one who "
                    + "submitted it) can approve or return this update.");
        }
        // the plan's queue of pending updates sends its forms here and is shown again afterwards; nothing else is a target
        String page = "pending".equals(back) && before.planId() != null
                ? "redirect:/plans/" + before.planId() + "/pending-updates" : "redirect:/actions/" + actionId;
        try {
            commands.send(approve ? new org.planledger.command.api.ApproveProgress(actionId, submissionId, null)
                            : new org.planledger.command.api.ReturnProgress(actionId, submissionId, reason, null),
                    actionId, ACTION, approve ? null : reason, CommandOrigin.SOURCE_UI);
        } catch (RuntimeException refused) {
            // refused by the action (already decided, no reason) or by the command's own checks: nothing stored
            redirect.addFlashAttribute("message", (approve ? "Not approved: " : "Not returned: ") + refused.getMessage());
            return page;
        }
        PageReads.awaitChange(() -> history(actionId), before);
        redirect.addFlashAttribute("message", approve ? "Update approved: it is now on the board."
                : "Update returned to its lead.");
        return page;
    }

    private String recordView(Model model, ActionHistory history, RecordForm form, Map<String, String> values,
                              Map<String, String> errors) {
        model.addAttribute("action", history);
        model.addAttribute("plan", plan(history.planId()).orElse(null));
        model.addAttribute("form", form == null ? "" : form.path);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        // Where the action stands, beside the forms: the rating in force and the latest notes.
        model.addAttribute("currentRag", history.ragHistory().isEmpty() ? null
                : history.ragHistory().get(history.ragHistory().size() - 1));
        List<org.planledger.query.api.NoteHistory> active = history.notes().stream()
                .filter(n -> !"WITHDRAWN".equals(n.status())).toList();
        List<org.planledger.query.api.NoteHistory> recent = new java.util.ArrayList<>(
                active.subList(Math.max(0, active.size() - 3), active.size()));
        java.util.Collections.reverse(recent);
        model.addAttribute("recentNotes", recent);
        model.addAttribute("today", QueryParameters.today().toString());
        model.addAttribute("currentYear", FinancialYear.containing(QueryParameters.today()).toString());
        model.addAttribute("thisMonth", QueryParameters.today().toString().substring(0, 7));
        return "record";
    }

    /** The history, if the viewer may record on it; the Action aggregate enforces the same rule on every command. */
    private ActionHistory mayRecord(Viewer viewer, String actionId) {
        ActionHistory history = history(actionId);
        if (!viewer.mayRecordOn(history.leads())) {
            throw new AccessDeniedException("You do not lead the action '" + history.title()
                    + "', so you cannot record against it.");
        }
        if (!history.status().isOpen()) {
            throw new AccessDeniedException("This action is " + history.status().name().toLowerCase()
                    + "; nothing more can be recorded against it.");
        }
        return history;
    }

    private ActionHistory history(String actionId) {
        return PageReads.history(queries, actionId);
    }

    private BoardView board(String planId) {
        return planId == null ? null
                : queries.ask(new FindBoardView(planId), ResponseTypes.optionalInstanceOf(BoardView.class)).orElse(null);
    }

    private static List<String> priorityLeads(BoardView plan, String objectiveId) {
        if (plan == null || objectiveId == null) {
            return List.of();
        }
        return plan.priorities().stream()
                .filter(priority -> priority.objectives().stream().anyMatch(o -> objectiveId.equals(o.objectiveId())))
                .findFirst().map(org.planledger.query.api.BoardPriority::leads).orElse(List.of());
    }

    private Optional<BoardView> plan(String planId) {
        return Optional.ofNullable(board(planId));
    }

    /** Each financial year the action has figures for: referrals from the query side's statistics, money from its history. */
    private List<YearFigures> yearFigures(ActionHistory history) {
        TreeSet<FinancialYear> years = new TreeSet<>();
        history.referralTallies().stream().map(TallyEntry::financialYear).filter(Objects::nonNull).forEach(years::add);
        history.referrals().stream().map(ReferralCaseEntry::financialYear).filter(Objects::nonNull).forEach(years::add);
        history.funding().stream().map(MoneyEntry::financialYear).filter(Objects::nonNull).forEach(years::add);
        history.spend().stream().map(MoneyEntry::financialYear).filter(Objects::nonNull).forEach(years::add);
        Map<FinancialYear, YearFigures> figures = new TreeMap<>();
        for (FinancialYear year : years) {
            ReferralCounts counts = history.planId() == null ? ReferralCounts.NONE
                    : queries.ask(new FindReferralStatistics(history.planId(), year),
                            ResponseTypes.optionalInstanceOf(ReferralStatistics.class))
                    .flatMap(statistics -> statistics.actions().stream()
                            .filter(a -> a.actionId().equals(history.actionId())).findFirst())
                    .map(ActionReferralStatistics::counts).orElse(ReferralCounts.NONE);
            long funding = history.funding().stream().filter(m -> year.equals(m.financialYear())).mapToLong(MoneyEntry::amountPence).sum();
            long spend = history.spend().stream().filter(m -> year.equals(m.financialYear())).mapToLong(MoneyEntry::amountPence).sum();
            figures.put(year, new YearFigures(year, counts, funding, spend));
        }
        return List.copyOf(figures.values());
    }
}
