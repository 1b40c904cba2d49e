package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.security.Roles;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.events.EventTypes;
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
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.planledger.infra.privacy.PersonalDataReveal;
import org.springframework.security.core.context.SecurityContextHolder;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The audit trail for auditors (and plan managers; the security chain admits no one else): the
 * API's audit query with its filters, a page at a time, and the whole filtered trail as CSV.
 */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    static final int CSV_MAX_ROWS = 100_000;

    /** Every event type, for the filter's choices: read from the sealed event hierarchy, never kept by hand. */
    static final List<String> EVENT_TYPES = EventTypes.all().stream().map(Class::getSimpleName).sorted().toList();

    private final Queries queries;
    private final PageRedaction redaction;
    private final PersonalDataReveal reveal;

    AuditPages(Queries queries, PageRedaction redaction, PersonalDataReveal reveal) {
        this.queries = queries;
        this.redaction = redaction;
        this.reveal = reveal;
    }

    /** The filter as typed, and what is wrong with it by field. */
    record AuditForm(Map<String, String> values, Map<String, String> errors, AuditFilter filter) {
    }

    @GetMapping("/audit")
    @RolesAllowed({Roles.AUDITOR, Roles.PLAN_MANAGER})
    public String audit(@RequestParam Map<String, String> request, Model model, HttpServletResponse response) {
        AuditForm form = form(request);
        int page = 0;
        try {
            page = QueryParameters.range("page", request.get("page") == null ? null : request.get("page").strip(), 0, 0, 1_000_000);
        } catch (InvalidParameterException e) {
            form.errors().put("page", "Page must be a number from 0.");
        }
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        model.addAttribute("types", EVENT_TYPES);
        model.addAttribute("plans", queries.ask(new ListPlans(), ResponseTypes.instanceOf(PlanList.class)).plans());
        if (!form.errors().isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "audit";
        }
        AuditTrailPage trail = redaction.visibleTo(Viewer.of(SecurityContextHolder.getContext().getAuthentication()),
                queries.ask(new FindAuditTrail(form.filter(), page, PAGE_SIZE), ResponseTypes.instanceOf(AuditTrailPage.class)),
                AuditTrailPage.class);
        model.addAttribute("trail", trail);
        model.addAttribute("pages", (trail.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("query", queryString(form.values()));
        return "audit";
    }

    @GetMapping("/audit.csv")
    @RolesAllowed({Roles.AUDITOR, Roles.PLAN_MANAGER})
    public void csv(@RequestParam Map<String, String> request, HttpServletResponse response) throws IOException {
        AuditForm form = form(request);
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
        out.write(csvLine(List.of("sequence", "recorded_at", "effective_on", "actor", "actor_roles", "event_type",
                "plan_id", "aggregate_type", "aggregate_id", "changes", "reason", "source", "correlation_id")));
        int rows = 0;
        for (int page = 0; rows < CSV_MAX_ROWS; page++) {
            AuditTrailPage trail = queries.ask(new FindAuditTrail(form.filter(), page, FindAuditTrail.MAX_PAGE_SIZE),
                    ResponseTypes.instanceOf(AuditTrailPage.class));
            for (AuditEntry entry : trail.entries()) {
                // Stored personal fields (a referral's reasons) revealed, or read as erased (docs/data-protection.md).
                out.write(csvLine(reveal.reveal(List.of(String.valueOf(entry.sequence()), text(entry.recordedAt()), text(entry.effectiveOn()),
                        text(entry.actor()), entry.actorRoles() == null ? "" : String.join(" ", entry.actorRoles()),
                        text(entry.type()), text(entry.planId()), text(entry.aggregateType()), text(entry.aggregateId()),
                        changes(entry.changes()), text(entry.reason()), text(entry.source()), text(entry.correlationId())))));
                rows++;
            }
            if (trail.entries().size() < FindAuditTrail.MAX_PAGE_SIZE || (long) (page + 1) * FindAuditTrail.MAX_PAGE_SIZE >= trail.total()) {
                break;
            }
        }
        out.flush();
    }

    private AuditForm form(Map<String, String> request) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : List.of("planId", "aggregateId", "actor", "type", "from", "to")) {
            String value = request.get(name);
            values.put(name, value == null ? "" : value.strip());
        }
        Map<String, String> errors = new LinkedHashMap<>();
        String planId = check(errors, "planId", () -> QueryParameters.id("planId", blankToNull(values.get("planId"))));
        String aggregateId = check(errors, "aggregateId", () -> QueryParameters.id("aggregateId", blankToNull(values.get("aggregateId"))));
        String actor = check(errors, "actor", () -> QueryParameters.user("actor", blankToNull(values.get("actor"))));
        String type = check(errors, "type", () -> QueryParameters.eventType("type", blankToNull(values.get("type"))));
        java.time.Instant from = check(errors, "from", () -> QueryParameters.instantOrDate("from", values.get("from"), false));
        java.time.Instant to = check(errors, "to", () -> QueryParameters.instantOrDate("to", values.get("to"), true));
        if (from != null && to != null && to.isBefore(from)) {
            errors.put("to", "The end date must not be before the start date.");
        }
        return new AuditForm(values, errors, new AuditFilter(planId, aggregateId, actor, type, from, to));
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

    static String changes(List<FieldChange> changes) {
        if (changes == null) {
            return "";
        }
        return changes.stream().map(c -> c.field() + ": " + (c.before() == null ? "" : c.before()) + " -> "
                + (c.after() == null ? "" : c.after())).collect(Collectors.joining("; "));
    }

    /**
     * RFC 4180: every field quoted, quotes doubled. A field that a spreadsheet would run as a formula
     * (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.
     */
    static String csvLine(List<String> fields) {
        return fields.stream().map(field -> {
            String value = field == null ? "" : field;
            if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !value.matches("-?\\d+(\\.\\d+)?")) {
                value = "'" + value;
            }
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }).collect(Collectors.joining(",")) + "\r\n";
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
