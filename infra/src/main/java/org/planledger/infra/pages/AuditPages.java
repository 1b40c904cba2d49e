package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.Roles;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.query.Queries;
import org.planledger.infra.query.QueryParameters;
import org.planledger.query.api.AuditEntry;
import org.planledger.query.api.AuditFilter;
import org.planledger.query.api.AuditTrailPage;
import org.planledger.query.api.FieldChange;
import org.planledger.query.api.FindAuditTrail;
import org.planledger.query.api.ListPlans;
import org.planledger.query.api.PlanList;
import org.planledger.query.replay.ChangeKind;
import org.planledger.query.replay.EventDescriptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.planledger.infra.privacy.PersonalDataReveal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.planledger.infra.query.LiveBoards;
import org.planledger.query.api.PlanSummary;
import org.springframework.beans.factory.ObjectProvider;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail for auditors (and plan managers; the security chain admits no one else): the
 * API's audit query with its filters, a page at a time, and the whole filtered trail as CSV. Entries
 * name what they changed by title (ids on hover and in the CSV), kinds of change by the plain labels
 * of {@link EventDescriptions} (kinds: {@link ChangeKind}), and "who" may be a person's name as the plans record their leads.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final int CSV_MAX_ROWS = 100_000;
    static final int WHO_MAX_LENGTH = 200;

    static final List<String> CSV_HEADER = List.of("sequence", "recorded_at", "effective_on", "actor", "actor_roles",
            "change", "event_type", "plan_id", "subject_kind", "subject_id", "subject_title", "aggregate_type",
            "aggregate_id", "changes", "reason", "source", "correlation_id");

    private final Queries queries;
    private final PageRedaction redaction;
    private final PersonalDataReveal reveal;
    private final ObjectProvider<LiveBoards> liveBoards;
    private final EventDescriptions labels = new EventDescriptions();
    private final PartnershipBoundary partnerships;

    AuditPages(Queries queries, PageRedaction redaction, PersonalDataReveal reveal, ObjectProvider<LiveBoards> liveBoards,
               PartnershipBoundary partnerships) {
        this.queries = queries;
        this.redaction = redaction;
        this.reveal = reveal;
        this.liveBoards = liveBoards;
        this.partnerships = partnerships;
    }

    /** The plans of the partnerships where the caller reads the audit trail (null: every plan). */
    private Set<String> auditablePlans() {
        return partnerships.visiblePlans(SecurityContextHolder.getContext().getAuthentication(),
                Set.of(Roles.AUDITOR, Roles.PLAN_MANAGER), false);
    }

    private List<PlanSummary> auditable(Set<String> visible) {
        return queries.ask(new ListPlans(), ResponseTypes.instanceOf(PlanList.class)).plans().stream()
                .filter(plan -> PartnershipBoundary.visible(visible, plan.planId())).toList();
    }

    /** The filter as typed, what is wrong with it by field, and the people the "who" box matched. */
    record AuditForm(Map<String, String> values, Map<String, String> errors, AuditFilter filter, Map<String, Set<String>> people) {
    }

    @GetMapping("/audit")
    @RolesAllowed({Roles.AUDITOR, Roles.PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    public String audit(@RequestParam Map<String, String> request, Model model, HttpServletResponse response) {
        Set<String> visible = auditablePlans();
        List<PlanSummary> plans = auditable(visible);
        AuditForm form = form(request, plans, visible);
        int page = 0;
        try {
            page = QueryParameters.range("page", request.get("page") == null ? null : request.get("page").strip(), 0, 0, 1_000_000);
        } catch (InvalidParameterException e) {
            form.errors().put("page", "Page must be a number from 0.");
        }
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        model.addAttribute("kinds", List.of(ChangeKind.values()));
        model.addAttribute("wording", labels);
        model.addAttribute("plans", plans);
        if (!form.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit";
        }
        AuditTrailPage trail = redaction.visibleTo(Viewer.of(SecurityContextHolder.getContext().getAuthentication()),
                queries.ask(new FindAuditTrail(form.filter(), page, PAGE_SIZE), ResponseTypes.instanceOf(AuditTrailPage.class)),
                AuditTrailPage.class);
        model.addAttribute("trail", trail);
        model.addAttribute("people", form.people());
        model.addAttribute("pages", (trail.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("query", queryString(form.values()));
        return "audit";
    }

    /**
     * The same entries as CSV for a spreadsheet: written by Commons CSV, preceded by a UTF-8 byte order
     * mark so Excel reads the file as UTF-8 (without it "£" arrives as "Â£").
     */
    @GetMapping("/audit.csv")
    @RolesAllowed({Roles.AUDITOR, Roles.PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    public void csv(@RequestParam Map<String, String> request, HttpServletResponse response) throws IOException {
        Set<String> visible = auditablePlans();
        AuditForm form = form(request, auditable(visible), visible);
        if (!form.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(form.errors().entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
            return;
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail-" + QueryParameters.today() + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        out.write(BYTE_ORDER_MARK);
        CSVPrinter csv = CSV.print(out);
        csv.printRecord(CSV_HEADER);
        int rows = 0;
        for (int page = 0; rows < CSV_MAX_ROWS; page++) {
            AuditTrailPage trail = queries.ask(new FindAuditTrail(form.filter(), page, FindAuditTrail.MAX_PAGE_SIZE),
                    ResponseTypes.instanceOf(AuditTrailPage.class));
            for (AuditEntry entry : trail.entries()) {
                // Stored personal fields (a referral's reasons) revealed, or read as erased (docs/data-protection.md).
                csv.printRecord(reveal.reveal(csvRow(entry, labels)));
                rows++;
            }
            if (trail.entries().size() < FindAuditTrail.MAX_PAGE_SIZE || (long) (page + 1) * FindAuditTrail.MAX_PAGE_SIZE >= trail.total()) {
                break;
            }
        }
        csv.flush();
    }

    static final char BYTE_ORDER_MARK = '\uFEFF';

    /** RFC 4180 as Excel writes it: commas, CRLF, quotes where a field needs them. */
    static final CSVFormat CSV = CSVFormat.EXCEL;

    static List<String> csvRow(AuditEntry entry, EventDescriptions labels) {
        return Stream.of(String.valueOf(entry.sequence()), text(entry.recordedAt()), text(entry.effectiveOn()),
                text(entry.actor()), entry.actorRoles() == null ? "" : String.join(" ", entry.actorRoles()),
                labels.label(entry.type()), text(entry.type()), text(entry.planId()), text(entry.subjectKind()),
                text(entry.subjectId()), text(entry.subjectTitle()), text(entry.aggregateType()), text(entry.aggregateId()),
                changes(entry.changes(), labels), text(entry.reason()), text(entry.source()), text(entry.correlationId()))
                .map(AuditPages::spreadsheetSafe).toList();
    }

    /**
     * A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
     * return) gets a leading apostrophe; plain negative numbers stay numbers.
     */
    static String spreadsheetSafe(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
            return "'" + value;
        }
        return value;
    }

    private AuditForm form(Map<String, String> request, List<PlanSummary> plans, Set<String> visible) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("planId", "aggregateId", "who", "kind", "type", "from", "to")) {
            String value = request.get(name);
            values.put(name, value == null ? "" : value.strip());
        }
        // "actor" was the box's name before it took names too; old links keep working
        if (values.get("who").isEmpty() && request.get("actor") != null) {
            values.put("who", request.get("actor").strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String planId = check(errors, "planId", () -> QueryParameters.id("planId", blankToNull(values.get("planId"))));
        String aggregateId = check(errors, "aggregateId", () -> QueryParameters.id("aggregateId", blankToNull(values.get("aggregateId"))));
        String type = check(errors, "type", () -> QueryParameters.eventType("type", blankToNull(values.get("type"))));
        Set<String> kindTypes = null;
        if (!values.get("kind").isEmpty()) {
            Optional<ChangeKind> kind = ChangeKind.byKey(values.get("kind"));
            if (kind.isPresent()) {
                kindTypes = kind.get().eventTypes();
            } else {
                errors.put("kind", "Choose a kind of change from the list.");
            }
        }
        Map<String, Set<String>> people = Map.of();
        String who = values.get("who");
        if (!who.isEmpty()) {
            if (who.length() > WHO_MAX_LENGTH || who.chars().anyMatch(Character::isISOControl)) {
                errors.put("who", "Enter a name or user id of up to " + WHO_MAX_LENGTH + " characters.");
            } else {
                people = people(who, plans);
            }
        }
        java.time.Instant from = check(errors, "from", () -> QueryParameters.instantOrDate("from", values.get("from"), false));
        java.time.Instant to = check(errors, "to", () -> QueryParameters.instantOrDate("to", values.get("to"), true));
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "The end date must not be before the start date.");
        }
        Set<String> actors = who.isEmpty() ? null : people.isEmpty() ? Set.of(who) : people.keySet();
        return new AuditForm(values, errors, new AuditFilter(planId, aggregateId, null, type, from, to, actors, kindTypes)
                .withPlansIn(visible), people);
    }

    /**
     * The user ids a "who" text means, each with the names the plans record for it: a user id given
     * exactly (any case), and every lead whose name or organisation contains the text. Empty when
     * nobody matches; the filter then looks for the text as a user id and finds nothing.
     */
    Map<String, Set<String>> people(String who, List<PlanSummary> plans) {
        LiveBoards boards = liveBoards.getIfAvailable();
        String wanted = who.toLowerCase(Locale.ROOT);
        Map<String, Set<String>> found = new TreeMap<>();
        if (boards == null) {
            return found;
        }
        for (PlanSummary plan : plans) {
            boards.current(plan.planId()).ifPresent(current -> current.board().priorities().forEach(p -> p.objectives()
                    .forEach(o -> o.actions().forEach(a -> a.leads().forEach(lead -> {
                        if (lead.userId() == null) {
                            return;
                        }
                        boolean byId = lead.userId().toLowerCase(Locale.ROOT).equals(wanted);
                        boolean byName = lead.name() != null && lead.name().toLowerCase(Locale.ROOT).contains(wanted);
                        boolean byOrganisation = lead.organisation() != null && lead.organisation().toLowerCase(Locale.ROOT).contains(wanted);
                        if (byId || byName || byOrganisation) {
                            Set<String> names = found.computeIfAbsent(lead.userId(), id -> new TreeSet<>());
                            if (lead.name() != null && !lead.name().isBlank()) {
                                names.add(lead.name());
                            }
                        }
                    })))));
        }
        return found;
    }

    private static <T> T check(Map<String, String> errors, String field, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidParameterException invalid) {
            String message = invalid.getMessage();
            errors.put(field, Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
            return null;
        }
    }

    /** "RAG rating: Not rated -> Amber; ..." */
    static String changes(List<FieldChange> changes, EventDescriptions labels) {
        if (changes == null) {
            return "";
        }
        return changes.stream().map(c -> labels.change(c.field(), c.before(), c.after(), "->"))
                .collect(Collectors.joining("; "));
    }

    private static String queryString(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

}
