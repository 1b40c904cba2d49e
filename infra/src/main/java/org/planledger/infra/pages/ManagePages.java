package org.planledger.infra.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.AuditMetadata;
import org.planledger.infra.forms.ApiForms;
import org.planledger.infra.forms.FormField;
import org.planledger.infra.query.LiveBoards;
import org.planledger.infra.query.Queries;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.KnownUsers;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.ActionHistory;
import org.planledger.query.api.NoteHistory;
import org.planledger.query.api.ReferralCaseEntry;
import org.planledger.query.api.RiskEntry;
import org.planledger.query.plan.ActionView;
import org.planledger.query.replay.EventDescriptions;
import org.planledger.query.plan.IndicatorView;
import org.planledger.query.plan.MemberView;
import org.planledger.query.plan.ObjectiveView;
import org.planledger.query.plan.PlanView;
import org.planledger.query.plan.PriorityView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plan manager's pages (draft a plan, shape its tree, record meetings, refreshes and
 * closure, run an action's schedule, leads and status) and the delivery lead's corrections and
 * withdrawals of notes. Every form is a {@link ManageForm}: one generic page shows it and one
 * handler sends it through the API's own endpoint ({@link ApiForms}).
 */
@Controller
class ManagePages {

    private static final String FORM_PAGE = "manage-form";
    private static final String PATH_PREFIX = "path.";
    /**
     * The hidden field carrying the version of the record the form was shown at: sent as the API's
     * {@code If-Match}, so a form sent after someone else changed the record is refused, not applied
     * over their change.
     */
    static final String VERSION_FIELD = "version";

    private final ApiForms forms;
    private final Queries queries;
    private final ObjectProvider<LiveBoards> liveBoardsIfQuerySide;
    private final KnownUsers knownUsers;
    private final ObjectMapper json;
    private final ObjectProvider<EventStore> eventStore;
    private final PageText pageText;
    private final EventDescriptions eventWording = new EventDescriptions();
    private final PartnershipBoundary partnerships;

    ManagePages(ApiForms forms, Queries queries, ObjectProvider<LiveBoards> liveBoards, KnownUsers knownUsers,
                ObjectMapper json, ObjectProvider<EventStore> eventStore, PageText pageText,
                PartnershipBoundary partnerships) {
        this.partnerships = partnerships;
        this.forms = forms;
        this.queries = queries;
        this.liveBoardsIfQuerySide = liveBoards;
        this.knownUsers = knownUsers;
        this.json = json;
        this.eventStore = eventStore;
        this.pageText = pageText;
    }

    /** What a form page is about: the plan, and the action when it is an action's form. */
    private record Target(PlanView plan, ActionHistory action, Map<String, String> pathVariables) {
    }

    // ---- the plan's manage page --------------------------------------------------------------

    @GetMapping("/plans/{planId}/manage")
    @RolesAllowed(Roles.PLAN_MANAGER)
    public String manage(@PathVariable String planId, Model model) {
        PlanView plan = plan(planId);
        model.addAttribute("plan", liveBoards().current(planId).orElseThrow().board());
        model.addAttribute("view", plan);
        Map<String, List<IndicatorView>> byObjective = new HashMap<>();
        Map<String, List<IndicatorView>> byPriority = new HashMap<>();
        List<IndicatorView> planMeasures = new ArrayList<>();
        for (IndicatorView indicator : plan.indicators()) {
            if (indicator.objectiveId() != null) {
                byObjective.computeIfAbsent(indicator.objectiveId(), k -> new ArrayList<>()).add(indicator);
            } else if (indicator.priorityId() != null) {
                byPriority.computeIfAbsent(indicator.priorityId(), k -> new ArrayList<>()).add(indicator);
            } else {
                planMeasures.add(indicator);
            }
        }
        model.addAttribute("byObjective", byObjective);
        model.addAttribute("byPriority", byPriority);
        model.addAttribute("planMeasures", planMeasures);
        model.addAttribute("meetings", plan.boardMeetings().stream()
                .sorted(java.util.Comparator.comparing(m -> m.heldOn())).toList());
        return "manage";
    }

    // ---- forms with no target yet: drafting a plan ---------------------------------------------

    @GetMapping("/manage/{form}")
    @RolesAllowed(Roles.PLAN_MANAGER)
    @PartnershipScope(PartnershipScope.Scope.NAMED_IN_REQUEST)
    public String newForm(@PathVariable("form") String formPath, @RequestParam Map<String, String> request,
                          @ModelAttribute("viewer") Viewer viewer, Model model) {
        ManageForm form = ManageForm.byPath(formPath, ManageForm.Scope.NONE);
        return show(form, new Target(null, null, Map.of()), request, Map.of(), viewer, model);
    }

    @PostMapping("/manage/{form}")
    @RolesAllowed(Roles.PLAN_MANAGER)
    @PartnershipScope(PartnershipScope.Scope.NAMED_IN_REQUEST)
    public String sendNew(@PathVariable("form") String formPath, @RequestParam Map<String, String> request,
                          @ModelAttribute("viewer") Viewer viewer, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        ManageForm form = ManageForm.byPath(formPath, ManageForm.Scope.NONE);
        return send(form, new Target(null, null, Map.of()), request, viewer, model, redirect, response);
    }

    // ---- a plan's forms -------------------------------------------------------------------------

    @GetMapping("/plans/{planId}/manage/{form}")
    @RolesAllowed(Roles.PLAN_MANAGER)
    public String planForm(@PathVariable String planId, @PathVariable("form") String formPath,
                           @RequestParam Map<String, String> request, @ModelAttribute("viewer") Viewer viewer,
                           Model model) {
        ManageForm form = ManageForm.byPath(formPath, ManageForm.Scope.PLAN);
        Target target = planTarget(form, planId, request, false);
        return show(form, target, request, prefill(form, target), viewer, model);
    }

    @PostMapping("/plans/{planId}/manage/{form}")
    @RolesAllowed(Roles.PLAN_MANAGER)
    public String sendPlanForm(@PathVariable String planId, @PathVariable("form") String formPath,
                               @RequestParam Map<String, String> request, @ModelAttribute("viewer") Viewer viewer,
                               Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ManageForm form = ManageForm.byPath(formPath, ManageForm.Scope.PLAN);
        return send(form, planTarget(form, planId, request, true), request, viewer, model, redirect, response);
    }

    // ---- an action's forms ----------------------------------------------------------------------

    @GetMapping("/actions/{actionId}/manage/{form}")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD})
    public String actionForm(@PathVariable String actionId, @PathVariable("form") String formPath,
                             @RequestParam Map<String, String> request, @ModelAttribute("viewer") Viewer viewer,
                             Model model) {
        ManageForm form = ManageForm.byPath(formPath, ManageForm.Scope.ACTION);
        Target target = actionTarget(form, actionId, request, false, viewer);
        return show(form, target, request, prefill(form, target), viewer, model);
    }

    @PostMapping("/actions/{actionId}/manage/{form}")
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD})
    public String sendActionForm(@PathVariable String actionId, @PathVariable("form") String formPath,
                                 @RequestParam Map<String, String> request, @ModelAttribute("viewer") Viewer viewer,
                                 Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ManageForm form = ManageForm.byPath(formPath, ManageForm.Scope.ACTION);
        return send(form, actionTarget(form, actionId, request, true, viewer), request, viewer, model, redirect, response);
    }

    // ---- showing and sending ----------------------------------------------------------------------

    private String show(ManageForm form, Target target, Map<String, String> request, Map<String, String> prefill,
                        Viewer viewer, Model model) {
        ApiForms.Resolved resolved = allowed(form, viewer);
        List<FormField> fields = fields(form, resolved, target, prefill);
        Map<String, String> values = new LinkedHashMap<>(prefill);
        // A link may choose a field's value ("add an objective under this priority"); path variables are not fields.
        request.forEach((name, value) -> {
            if (fields.stream().anyMatch(f -> f.name().equals(name))) {
                values.put(name, value);
            }
        });
        return view(model, form, target, fields, values, Map.of(), shownVersion(form, target), Map.of());
    }

    private String send(ManageForm form, Target target, Map<String, String> request, Viewer viewer, Model model,
                        RedirectAttributes redirect, HttpServletResponse response) {
        ApiForms.Resolved resolved = allowed(form, viewer);
        List<FormField> fields = fields(form, resolved, target, Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach(field -> values.put(field.name(), request.getOrDefault(field.name(), "")));
        Map<String, String> pathVariables = new HashMap<>(target.pathVariables());
        String planId = target.plan() == null ? null : target.plan().planId();
        Optional<Long> boardBefore = planId == null ? Optional.empty() : liveBoards().version(planId);
        ActionHistory historyBefore = target.action();
        Long expected = expectedVersion(request.get(VERSION_FIELD));

        ApiForms.Outcome outcome = forms.send(resolved, fields, pathVariables, values, leadNames(target.plan()), expected);
        if (outcome.stale()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return stale(form, target, request, fields, values, expected, outcome.currentVersion(), viewer, model);
        }
        if (outcome.refused()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return view(model, form, target, fields, values, outcome.errors(), expected, Map.of());
        }
        // Read models follow the event store by a moment: wait (briefly) so the next page already shows the change.
        if (outcome.version() != null) {
            if (form.scope() == ManageForm.Scope.NONE) {
                String created = outcome.id();
                PageReads.awaitChange(() -> liveBoards().current(created).isPresent(), false);
            } else {
                PageReads.awaitChange(() -> liveBoards().version(planId), boardBefore);
                if (historyBefore != null) {
                    PageReads.awaitChange(() -> history(historyBefore.actionId()), historyBefore);
                }
            }
        }
        redirect.addFlashAttribute("done", form.done);
        return switch (form.scope()) {
            case NONE -> "redirect:/plans/" + outcome.id() + "/manage";
            case PLAN -> "redirect:/plans/" + planId + "/manage";
            case ACTION -> "redirect:/actions/" + target.action().actionId();
        };
    }

    /**
     * A form refused because the record moved on since it was shown: who changed it, when and how,
     * beside the form; what was typed kept, with the record's current value beside each field that
     * now differs; and the current version in the form, so sending it again (having looked) applies it.
     */
    private String stale(ManageForm form, Target shown, Map<String, String> request, List<FormField> fields,
                         Map<String, String> values, Long expected, long current, Viewer viewer, Model model) {
        String aggregate = versioned(form, shown);
        if (shown.plan() == null) {
            return view(model, form, shown, fields, values, Map.of("", changedSince(aggregate, expected)), expected, Map.of());
        }
        String planId = shown.plan().planId();
        // The read models follow the event store by a moment: wait until the page can show the change.
        PageReads.awaitTrue(() -> liveBoards().aggregateVersion(planId, aggregate).orElse(-1L) >= current);
        Target fresh = form.scope() == ManageForm.Scope.PLAN ? planTarget(form, planId, request, true)
                : actionTarget(form, shown.action().actionId(), request, true, viewer);
        Map<String, String> now = new LinkedHashMap<>(prefill(form, fresh));
        values.forEach((name, typed) -> now.remove(name, typed.strip().replace("\r\n", "\n")));
        return view(model, form, fresh, fields, values, Map.of("", changedSince(aggregate, expected)),
                shownVersion(form, fresh), now);
    }

    /** "Changed by lead1 at 3 Dec 2026 14:03 (Progress note recorded) since you opened this page…". */
    private String changedSince(String aggregate, Long expected) {
        EventStore events = eventStore.getIfAvailable();
        List<? extends DomainEventMessage<?>> since = events == null || expected == null ? List.of()
                : events.readEvents(aggregate, expected + 1).asStream().toList();
        String after = " since you opened this page, so nothing was stored. The form shows the current values beside "
                + "what you typed: check them, and send the form again if your change still applies.";
        if (since.isEmpty()) {
            return "Someone else changed this" + after;
        }
        DomainEventMessage<?> last = since.get(since.size() - 1);
        Object actor = last.getMetaData().get(AuditMetadata.ACTOR);
        String others = since.size() == 1 ? "" : since.size() == 2 ? " and 1 other change" : " and " + (since.size() - 1) + " other changes";
        return "Changed by " + (actor == null ? "someone else" : actor) + " at " + pageText.instant(last.getTimestamp())
                + " (" + eventWording.label(last.getPayloadType().getSimpleName()) + others + ")" + after;
    }

    /** The aggregate whose version the form's endpoint checks: the plan, the action, or a referral case. */
    private static String versioned(ManageForm form, Target target) {
        return switch (form.scope()) {
            case NONE -> null;
            case PLAN -> target.plan().planId();
            case ACTION -> target.pathVariables().getOrDefault("referralId", target.action().actionId());
        };
    }

    /** The version of what the form shows, as the board has it; null when there is none to check (a new plan). */
    private Long shownVersion(ManageForm form, Target target) {
        String aggregate = versioned(form, target);
        if (aggregate == null || target.plan() == null) {
            return null;
        }
        return liveBoards().aggregateVersion(target.plan().planId(), aggregate).orElse(null);
    }

    /** The version the form was shown at; none (like an API call without If-Match) checks nothing. */
    private static Long expectedVersion(String sent) {
        if (sent == null || sent.isBlank()) {
            return null;
        }
        try {
            long version = Long.parseLong(sent.strip());
            if (version >= 0) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(VERSION_FIELD, "the form's version must be the number it was shown with; open the form again");
    }

    private String view(Model model, ManageForm form, Target target, List<FormField> fields, Map<String, String> values,
                        Map<String, String> errors, Long version, Map<String, String> current) {
        model.addAttribute("form", form);
        model.addAttribute("plan", target.plan());
        model.addAttribute("action", target.action());
        model.addAttribute("subject", subject(form, target));
        model.addAttribute("note", note(target));
        model.addAttribute("groups", groups(fields));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("current", current);
        Map<String, String> hidden = new LinkedHashMap<>();
        target.pathVariables().forEach((name, value) -> {
            if (!name.equals("planId") && !name.equals("actionId")) {
                hidden.put(PATH_PREFIX + name, value);
            }
        });
        if (version != null) {
            hidden.put(VERSION_FIELD, version.toString());
        }
        model.addAttribute("hidden", hidden);
        model.addAttribute("formAction", switch (form.scope()) {
            case NONE -> "/manage/" + form.path;
            case PLAN -> "/plans/" + target.plan().planId() + "/manage/" + form.path;
            case ACTION -> "/actions/" + target.action().actionId() + "/manage/" + form.path;
        });
        return FORM_PAGE;
    }

    /** The form's endpoint, if the viewer holds one of the roles it declares (the API says the same). */
    private ApiForms.Resolved allowed(ManageForm form, Viewer viewer) {
        ApiForms.Resolved resolved = forms.resolve(form.api);
        if (viewer.roles().stream().noneMatch(resolved.roles()::contains)) {
            throw new AccessDeniedException("Only a plan manager may " + form.title.toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return resolved;
    }

    private Target planTarget(ManageForm form, String planId, Map<String, String> request, boolean posted) {
        PlanView plan = plan(planId);
        ApiForms.Resolved resolved = forms.resolve(form.api);
        Map<String, String> pathVariables = new LinkedHashMap<>();
        pathVariables.put("planId", planId);
        for (String name : resolved.pathVariables()) {
            if (!name.equals("planId")) {
                String value = request.get(posted ? PATH_PREFIX + name : name);
                if ((value == null || value.isBlank()) && form == ManageForm.MEMBER_JOINS && !posted) {
                    // a new member's record: its id is made up once, when the form is shown, so sending twice records once
                    value = "member-" + java.util.UUID.randomUUID().toString().substring(0, 8);
                }
                if (value == null || value.isBlank()) {
                    throw new ResourceNotFoundException(words(name), "");
                }
                pathVariables.put(name, QueryParameters.id(name, value));
            }
        }
        String memberId = pathVariables.get("memberId");
        if (form == ManageForm.MEMBER_LEAVES && member(plan, memberId).isEmpty()) {
            throw new ResourceNotFoundException("member", memberId);
        }
        return new Target(plan, null, pathVariables);
    }

    private Target actionTarget(ManageForm form, String actionId, Map<String, String> request, boolean posted, Viewer viewer) {
        ActionHistory action = history(actionId);
        ApiForms.Resolved resolved = forms.resolve(form.api);
        boolean leadsMayUse = resolved.roles().contains(Roles.DELIVERY_LEAD);
        if (leadsMayUse && !viewer.mayRecordOn(action.leads())) {
            throw new AccessDeniedException("You do not lead the action '" + action.title() + "', so you cannot change it.");
        }
        Map<String, String> pathVariables = new LinkedHashMap<>();
        pathVariables.put("actionId", actionId);
        for (String name : resolved.pathVariables()) {
            if (!name.equals("actionId")) {
                String value = request.get(posted ? PATH_PREFIX + name : name);
                if (value == null || value.isBlank()) {
                    throw new ResourceNotFoundException(words(name), "");
                }
                pathVariables.put(name, QueryParameters.id(name, value));
            }
        }
        String noteId = pathVariables.get("noteId");
        if (noteId != null && action.notes().stream().noneMatch(n -> n.noteId().equals(noteId))) {
            throw new ResourceNotFoundException("progress note", noteId);
        }
        String riskId = pathVariables.get("riskId");
        if (riskId != null && risk(action, riskId).isEmpty()) {
            throw new ResourceNotFoundException("risk", riskId);
        }
        String referralId = pathVariables.get("referralId");
        if (referralId != null && referral(action, referralId).isEmpty()) {
            // a case of another action is answered like an unknown one, as the API answers it
            throw new ResourceNotFoundException("referral", referralId);
        }
        PlanView plan = action.planId() == null ? null : liveBoards().view(action.planId()).orElse(null);
        return new Target(plan, action, pathVariables);
    }

    /** The fields, with choices for the ids a person should pick rather than type. */
    private List<FormField> fields(ManageForm form, ApiForms.Resolved resolved, Target target, Map<String, String> prefill) {
        int leadRows = (int) prefill.keySet().stream().filter(k -> k.startsWith("leads["))
                .map(k -> k.substring(0, k.indexOf(']'))).distinct().count()
                + ApiForms.SPARE_LEAD_ROWS + (form == ManageForm.ADD_ACTION ? 1 : 0);
        List<FormField> fields = new ArrayList<>();
        for (FormField field : forms.fields(resolved, form.labels, leadRows)) {
            if (field.name().equals("priorityId") && target.plan() != null) {
                field = field.withChoices(choices(field, target.plan().priorities().stream().filter(p -> !p.retired())
                        .map(p -> new FormField.Choice(p.priorityId(), p.title())).toList()));
            } else if (field.name().equals("objectiveId") && target.plan() != null) {
                Map<String, String> priorities = new HashMap<>();
                target.plan().priorities().forEach(p -> priorities.put(p.priorityId(), p.title()));
                field = field.withChoices(choices(field, target.plan().objectives().stream().filter(o -> !o.retired())
                        .map(o -> new FormField.Choice(o.objectiveId(),
                                priorities.getOrDefault(o.priorityId(), "") + " › " + o.title())).toList()));
            } else if (field.name().endsWith(".userId")) {
                field = field.withChoices(leadChoices(target.plan()));
            } else if (field.name().equals("series")) {
                field = field.withChoices(List.of(new FormField.Choice("", "Our own figures"),
                        new FormField.Choice("OWN", "Our own figures (OWN)"),
                        new FormField.Choice("PEER", "The peer group's figure (PEER)")));
            }
            fields.add(field);
        }
        return fields;
    }

    private static List<FormField.Choice> choices(FormField field, List<FormField.Choice> options) {
        List<FormField.Choice> choices = new ArrayList<>();
        choices.add(new FormField.Choice("", field.required() ? "Choose…" : "None"));
        choices.addAll(options);
        return choices;
    }

    /**
     * The people who may lead: the service's own users who may record (demo users, users file), the
     * people who signed in through the identity provider since the start with a role that may lead,
     * and anyone already leading an action of this plan by sign-in. Each is shown with the name the
     * plan knows them by and their user id.
     */
    private List<FormField.Choice> leadChoices(PlanView plan) {
        Map<String, String> names = leadNames(plan);
        Map<String, String> options = new LinkedHashMap<>();
        // only those who may lead in the plan's partnership: another partnership's people are not offered
        Optional<String> partnership = plan == null ? Optional.empty() : partnerships.partnershipOf(plan.planId());
        (partnership.isPresent() ? knownUsers.mayLead(partnership.get()) : knownUsers.mayLead())
                .forEach(user -> options.put(user.userId(), user.userId()));
        names.keySet().forEach(userId -> options.putIfAbsent(userId, userId));
        List<FormField.Choice> choices = new ArrayList<>();
        choices.add(new FormField.Choice("", "No sign-in (an organisation, or a person without one)"));
        options.keySet().stream().sorted().forEach(userId -> choices.add(new FormField.Choice(userId,
                names.containsKey(userId) ? names.get(userId) + " (" + userId + ")" : userId)));
        return choices;
    }

    /** Names the plan's actions give their leads, by user id. */
    private static Map<String, String> leadNames(PlanView plan) {
        Map<String, String> names = new LinkedHashMap<>();
        if (plan != null) {
            plan.actions().forEach(action -> action.leads().forEach(lead -> {
                if (lead.userId() != null && lead.name() != null) {
                    names.putIfAbsent(lead.userId(), lead.name());
                }
            }));
        }
        return names;
    }

    /** What a change form starts from: the record as it stands, for the forms that revise one. */
    private Map<String, String> prefill(ManageForm form, Target target) {
        Map<String, String> ids = target.pathVariables();
        Object current = switch (form) {
            case REVISE_PRIORITY -> priority(target.plan(), ids.get("priorityId"))
                    .map(p -> Map.of("title", p.title(), "leads", p.leads())).orElse(null);
            case REVISE_OBJECTIVE -> objective(target.plan(), ids.get("objectiveId"))
                    .map(o -> Map.of("title", o.title(), "outcomes", o.outcomes())).orElse(null);
            case REBASELINE -> indicator(target.plan(), ids.get("indicatorId")).map(i -> {
                Map<String, Object> values = new HashMap<>();
                values.put("baseline", i.baseline());
                values.put("target", i.target());
                values.put("changeRequired", i.changeRequired());
                return values;
            }).orElse(null);
            case RESCHEDULE -> schedule(target.action());
            case CHANGE_LEADS -> Map.of("leads", target.action().leads());
            case REVISE_DETAILS -> actionView(target).map(a -> {
                Map<String, Object> values = new HashMap<>();
                values.put("title", a.title());
                values.put("outputs", a.outputs());
                values.put("monitoringIndicators", a.monitoringIndicators());
                values.put("resources", a.resources());
                values.put("partners", a.partners());
                values.put("risks", a.riskNotes());
                return values;
            }).orElse(null);
            case CORRECT_NOTE -> note(target) == null ? null : Map.of("text", note(target).text());
            case CORRECT_READING -> indicator(target.plan(), ids.get("indicatorId")).flatMap(i -> i.readings().stream()
                    .filter(r -> ids.get("readingId") != null && ids.get("readingId").equals(r.readingId())).findFirst())
                    .map(r -> {
                        Map<String, Object> values = new HashMap<>();
                        values.put("value", r.value());
                        // the form takes money in pounds, as the reading form does
                        values.put("costPence", r.costPence() == null ? null : java.math.BigDecimal.valueOf(r.costPence(), 2));
                        values.put("note", r.note());
                        return values;
                    }).orElse(null);
            case MEMBER_LEAVES -> member(target.plan(), ids.get("memberId")).orElse(null);
            case REASSESS_RISK -> risk(target.action(), ids.get("riskId")).map(r -> {
                Map<String, Object> values = new HashMap<>();
                values.put("likelihood", r.likelihood());
                values.put("impact", r.impact());
                values.put("owner", r.owner());
                values.put("mitigation", r.mitigation());
                return values;
            }).orElse(null);
            default -> null;
        };
        Map<String, String> values = current == null ? new LinkedHashMap<>() : flatten(json.valueToTree(current));
        values.remove("memberId");
        return values;
    }

    private static Map<String, Object> schedule(ActionHistory action) {
        Map<String, Object> values = new HashMap<>();
        values.put("startDate", action.startDate());
        values.put("endDate", action.endDate());
        return values;
    }

    /** A JSON tree as form values: {@code target.kind}, {@code leads[0].name}; lists of text as lines. */
    static Map<String, String> flatten(JsonNode tree) {
        Map<String, String> values = new LinkedHashMap<>();
        flatten(tree, "", values);
        return values;
    }

    private static void flatten(JsonNode node, String path, Map<String, String> values) {
        if (node == null || node.isNull()) {
            return;
        }
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), values));
        } else if (node.isArray() && node.size() > 0 && node.get(0).isObject()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), path + "[" + i + "]", values);
            }
        } else if (node.isArray()) {
            List<String> lines = new ArrayList<>();
            node.forEach(element -> lines.add(element.asText()));
            values.put(path, String.join("\n", lines));
        } else {
            values.put(path, node.isBigDecimal() || node.isNumber() ? node.decimalValue().stripTrailingZeros().toPlainString()
                    : node.asText());
        }
    }

    /** What the form is about, in a line: "Priority: Anti-social behaviour". */
    private static String subject(ManageForm form, Target target) {
        Map<String, String> ids = target.pathVariables();
        if (ids.containsKey("priorityId")) {
            return priority(target.plan(), ids.get("priorityId")).map(p -> "Priority: " + p.title()).orElse(null);
        }
        if (ids.containsKey("objectiveId")) {
            return objective(target.plan(), ids.get("objectiveId")).map(o -> "Objective: " + o.title()).orElse(null);
        }
        if (ids.containsKey("indicatorId")) {
            return indicator(target.plan(), ids.get("indicatorId")).map(i -> "Indicator: " + i.name()).orElse(null);
        }
        if (ids.containsKey("memberId")) {
            return member(target.plan(), ids.get("memberId")).map(m -> "Member: " + memberName(m)).orElse(null);
        }
        if (ids.containsKey("riskId")) {
            return risk(target.action(), ids.get("riskId"))
                    .map(r -> "Risk: " + r.description() + " (action: " + target.action().title() + ")").orElse(null);
        }
        if (ids.containsKey("referralId")) {
            return referral(target.action(), ids.get("referralId")).map(r -> "Referral from " + r.referringAgency()
                    + ", received " + r.receivedOn() + " (action: " + target.action().title() + ")").orElse(null);
        }
        if (target.action() != null) {
            return "Action: " + target.action().title();
        }
        return null;
    }

    private static NoteHistory note(Target target) {
        String noteId = target.pathVariables().get("noteId");
        return noteId == null || target.action() == null ? null
                : target.action().notes().stream().filter(n -> n.noteId().equals(noteId)).findFirst().orElse(null);
    }

    private static Optional<MemberView> member(PlanView plan, String id) {
        return plan == null || id == null ? Optional.empty() : plan.members().stream().filter(m -> m.memberId().equals(id)).findFirst();
    }

    private static String memberName(MemberView member) {
        return member.name() != null ? member.name() : member.organisation() != null ? member.organisation() : member.memberId();
    }

    private static Optional<RiskEntry> risk(ActionHistory action, String id) {
        return action == null || id == null ? Optional.empty() : action.risks().stream().filter(r -> r.riskId().equals(id)).findFirst();
    }

    private static Optional<ReferralCaseEntry> referral(ActionHistory action, String id) {
        return action == null || id == null ? Optional.empty()
                : action.referrals().stream().filter(r -> r.referralId().equals(id)).findFirst();
    }

    private static Optional<PriorityView> priority(PlanView plan, String id) {
        return plan == null ? Optional.empty() : plan.priorities().stream().filter(p -> p.priorityId().equals(id)).findFirst();
    }

    private static Optional<ObjectiveView> objective(PlanView plan, String id) {
        return plan == null ? Optional.empty() : plan.objectives().stream().filter(o -> o.objectiveId().equals(id)).findFirst();
    }

    private static Optional<IndicatorView> indicator(PlanView plan, String id) {
        return plan == null ? Optional.empty() : plan.indicators().stream().filter(i -> i.indicatorId().equals(id)).findFirst();
    }

    private static Optional<ActionView> actionView(Target target) {
        return target.plan() == null ? Optional.empty() : target.plan().actions().stream()
                .filter(a -> a.actionId().equals(target.action().actionId())).findFirst();
    }

    /** The fields in their fieldsets, in order: top-level fields alone, a nested record or lead row together. */
    record Group(String legend, List<FormField> fields) {
    }

    static List<Group> groups(List<FormField> fields) {
        List<Group> groups = new ArrayList<>();
        for (FormField field : fields) {
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (field.group() != null && last != null && Objects.equals(last.legend(), field.group())) {
                last.fields().add(field);
            } else {
                List<FormField> members = new ArrayList<>();
                members.add(field);
                groups.add(new Group(field.group(), members));
            }
        }
        return groups;
    }

    private PlanView plan(String planId) {
        QueryParameters.id("planId", planId);
        return liveBoards().view(planId).orElseThrow(() -> new ResourceNotFoundException("plan", planId));
    }

    private ActionHistory history(String actionId) {
        return PageReads.history(queries, actionId);
    }

    private LiveBoards liveBoards() {
        LiveBoards liveBoards = liveBoardsIfQuerySide.getIfAvailable();
        if (liveBoards == null) {
            throw new IllegalStateException("this process serves no read models (planledger.query-side.enabled=false)");
        }
        return liveBoards;
    }

    private static String words(String name) {
        return name.replace("Id", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

}
