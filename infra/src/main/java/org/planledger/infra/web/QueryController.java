package org.planledger.infra.web;

import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.query.LiveBoards;
import org.planledger.infra.query.Queries;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.planledger.infra.security.SubjectReferences;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import jakarta.annotation.security.RolesAllowed;

import org.planledger.infra.config.ConditionalOnQuerySide;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.events.FinancialYear;
import org.planledger.query.api.ActionHistory;
import org.planledger.query.api.AuditFilter;
import org.planledger.query.api.AuditTrailPage;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.DiffPlan;
import org.planledger.query.api.FindActionHistory;
import org.planledger.query.api.FindAuditTrail;
import org.planledger.query.api.FindMyActions;
import org.planledger.query.api.FindPlanAsAt;
import org.planledger.query.api.FindPlanTimeline;
import org.planledger.query.api.FindReferralStatistics;
import org.planledger.query.api.ListPlans;
import org.planledger.query.api.MyActions;
import org.planledger.query.api.PlanDiff;
import org.planledger.query.api.PlanList;
import org.planledger.query.api.PlanTimeline;
import org.planledger.query.api.ReferralStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static org.planledger.infra.security.Roles.AUDITOR;
import static org.planledger.infra.security.Roles.BOARD;
import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;
import static org.planledger.infra.security.Roles.SCRUTINY;

/**
 * The read side over HTTP: every answer comes from the query side's read models through Axon's
 * query gateway. Read models follow the event store a moment behind, so a GET straight after a
 * write may not show it yet. Any signed-in role may read, except the audit trail (AUDITOR and
 * PLAN_MANAGER); referral subject references are removed for BOARD and SCRUTINY
 * ({@link SubjectReferenceRedaction}).
 */
@RestController
@ConditionalOnQuerySide
@RequestMapping("/api")
@Tag(name = "Reading", description = "Board view, replay, diff, history, statistics, audit trail")
public class QueryController {

    private final Queries queries;
    private final LiveBoards liveBoards;
    private final PartnershipBoundary partnerships;
    private final ObjectMapper objectMapper;

    public QueryController(Queries queries, LiveBoards liveBoards, PartnershipBoundary partnerships, ObjectMapper objectMapper) {
        this.queries = queries;
        this.liveBoards = liveBoards;
        this.partnerships = partnerships;
        this.objectMapper = objectMapper;
    }

    @GetMapping("/plans")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    @Operation(summary = "List the plans", description = "The plans of the partnerships where the caller holds a role, "
            + "and those shared with them.")
    public PlanList listPlans(Authentication caller) {
        Set<String> visible = partnerships.visiblePlans(caller, Roles.PARTNERSHIP_ROLES, true);
        PlanList all = queries.ask(new ListPlans(), ResponseTypes.instanceOf(PlanList.class));
        return new PlanList(all.plans().stream().filter(plan -> PartnershipBoundary.visible(visible, plan.planId())).toList());
    }

    @GetMapping("/plans/{planId}/board")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "The board view: RAG by priority, overdue and stale actions, indicators against target",
            description = "Without parameters, the live board. With asAt, the plan as it stood on that date (events "
                    + "effective on or before it); with knownAt as well, only from what had been recorded by then.")
    @ApiResponse(responseCode = "200", description = "The board",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = BoardView.class)))
    public ResponseEntity<?> board(@PathVariable String planId,
                           @Parameter(description = "Business date to replay the plan to", example = "2013-11-21")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                           @Parameter(description = "Only what had been recorded by this instant", example = "2013-11-21T18:00:00Z")
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant knownAt,
                           Authentication caller, ServletWebRequest request) {
        QueryParameters.id("planId", planId);
        QueryParameters.date("asAt", asAt);
        if (asAt == null && knownAt == null) {
            return liveBoardOrNotModified(planId, caller, request);
        }
        LocalDate date = asAt != null ? asAt : QueryParameters.today();
        Optional<BoardView> board = queries.ask(new FindPlanAsAt(planId, date, knownAt),
                ResponseTypes.optionalInstanceOf(BoardView.class));
        if (board.isPresent()) {
            return ResponseEntity.ok(board.get());
        }
        // a plan that exists but had not begun by that date is a question about the date, not an unknown plan
        BoardView live = liveBoard(planId).orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        LocalDate starts = live.periodStart();
        if (starts != null && starts.isAfter(date)) {
            throw new InvalidParameterException(asAt != null ? "asAt" : "knownAt",
                    "the plan starts on " + starts + ": there is nothing to show as at " + date);
        }
        if (knownAt != null) {
            throw new InvalidParameterException("knownAt", "nothing about the plan had been recorded by " + knownAt);
        }
        throw new InvalidParameterException("asAt", "the plan had not been drafted by " + date);
    }

    /** The query's answer, or 404 naming what was asked for ("plan", "action") when there is none. */
    private <T> T found(String kind, String id, Object query, Class<T> type) {
        return queries.ask(query, ResponseTypes.optionalInstanceOf(type))
                .orElseThrow(() -> new ResourceNotFoundException(kind, id));
    }

    private Optional<BoardView> liveBoard(String planId) {
        return liveBoards.current(planId).map(LiveBoards.Current::board);
    }

    /**
     * The live board with an entity tag: the plan's read-model version, today's date (the board is
     * rendered for it) and whether this caller sees referral subject references. A request whose
     * {@code If-None-Match} holds the current tag is answered 304 without a body, from the version
     * alone (no decode, no rendering). Replays ({@code asAt}, {@code knownAt}) carry no tag.
     * {@code private, no-cache}: a browser may keep the body but must ask again each time, and no
     * shared cache may keep it.
     *
     * <p>The JSON itself is kept under that tag ({@link LiveBoards#body}): serialising a 360-action
     * board is 560 KB of Jackson work per request otherwise. The body is made here exactly as the
     * API's message converter and {@link SubjectReferenceRedaction} would make it (the same object
     * mapper; for a caller who may not see subject references, the tree with them removed), and the
     * tag names the visibility, so a body made for one visibility never answers a caller of the other.
     * The partnership boundary has already let this caller in to this plan before the handler runs.
     */
    private ResponseEntity<?> liveBoardOrNotModified(String planId, Authentication caller, ServletWebRequest request) {
        boolean subjectReferences = Roles.maySeeSubjectReferences(caller);
        String visibility = subjectReferences ? "subject-references" : "redacted";
        request.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        request.getResponse().setHeader(HttpHeaders.VARY, "Authorization, Cookie");
        LocalDate today = liveBoards.today();
        Optional<Long> version = liveBoards.version(planId);
        if (version.isPresent()) {
            String tag = LiveBoards.tag(planId, version.get(), today, "api", visibility);
            if (request.getHeader(HttpHeaders.IF_NONE_MATCH) != null && request.checkNotModified(tag)) {
                return null;
            }
            LiveBoards.Body kept = liveBoards.keptBody(tag);
            if (kept != null) {
                return json(tag, kept);
            }
        }
        LiveBoards.Current current = liveBoards.current(planId)
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        String tag = LiveBoards.tag(planId, current.version(), current.today(), "api", visibility);
        return json(tag, liveBoards.body(tag, () -> new LiveBoards.Body(serialise(current.board(), subjectReferences),
                MediaType.APPLICATION_JSON_VALUE)));
    }

    private static ResponseEntity<byte[]> json(String tag, LiveBoards.Body body) {
        return ResponseEntity.ok().eTag(tag).contentType(MediaType.parseMediaType(body.contentType())).body(body.bytes());
    }

    private byte[] serialise(BoardView board, boolean subjectReferences) {
        try {
            if (subjectReferences) {
                return objectMapper.writeValueAsBytes(board);
            }
            JsonNode tree = objectMapper.valueToTree(board);
            SubjectReferences.redact(tree);
            return objectMapper.writeValueAsBytes(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the board of " + board.planId() + " could not be written as JSON", e);
        }
    }

    @GetMapping("/plans/{planId}/diff")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "What changed in the plan between two dates")
    public PlanDiff diff(@PathVariable String planId,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        QueryParameters.id("planId", planId);
        QueryParameters.date("from", from);
        QueryParameters.date("to", to);
        if (to.isBefore(from)) {
            throw new InvalidParameterException("to", "to (" + to + ") is before from (" + from + ")");
        }
        return found("plan", planId, new DiffPlan(planId, from, to), PlanDiff.class);
    }

    @GetMapping("/plans/{planId}/timeline")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "The plan's evolution, board meeting by board meeting and refresh by refresh")
    public PlanTimeline timeline(@PathVariable String planId) {
        QueryParameters.id("planId", planId);
        return found("plan", planId, new FindPlanTimeline(planId), PlanTimeline.class);
    }

    @GetMapping("/plans/{planId}/referral-statistics")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "Referral statistics per action for one financial year")
    public ReferralStatistics referralStatistics(
            @PathVariable String planId,
            @Parameter(description = "Financial year, written 2013/14; defaults to the current one, or for a finished "
                    + "plan the last year inside it", example = "2013/14")
            @RequestParam(required = false) String financialYear) {
        QueryParameters.id("planId", planId);
        FinancialYear year;
        try {
            year = financialYear == null || financialYear.isBlank()
                    ? FinancialYear.containing(liveBoard(planId).map(BoardView::viewedAsAt).orElse(QueryParameters.today()))
                    : FinancialYear.parse(financialYear);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("financialYear", e.getMessage());
        }
        return found("plan", planId, new FindReferralStatistics(planId, year), ReferralStatistics.class);
    }

    @GetMapping("/actions/{actionId}")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "The action's history: notes with their corrections and withdrawals, RAG, status, money, "
            + "risks, tallies and referral cases")
    public ActionHistory actionHistory(@PathVariable String actionId) {
        QueryParameters.id("actionId", actionId);
        return found("action", actionId, new FindActionHistory(actionId), ActionHistory.class);
    }

    @GetMapping("/my-actions")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "The actions the signed-in user leads, soonest due first")
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    public MyActions myActions(Authentication caller) {
        // named on an action leads it only inside a partnership where the caller may lead
        Set<String> visible = partnerships.visiblePlans(caller, Set.of(DELIVERY_LEAD, PLAN_MANAGER), false);
        MyActions mine = queries.ask(new FindMyActions(caller.getName()), ResponseTypes.instanceOf(MyActions.class));
        return visible == null ? mine : mine.only(visible);
    }

    @GetMapping("/audit")
    @RolesAllowed({AUDITOR, PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    @Operation(summary = "The audit trail: who changed what, when, from what to what, and why (AUDITOR, PLAN_MANAGER)",
            description = "Newest first. from and to bound the recorded time: an instant, or a date meaning that whole day.")
    public AuditTrailPage audit(@RequestParam(required = false) String planId,
                                @RequestParam(required = false) String aggregateId,
                                @RequestParam(required = false) String actor,
                                @Parameter(description = "Event type, e.g. ProgressRecorded") @RequestParam(required = false) String type,
                                @Parameter(example = "2013-06-01") @RequestParam(required = false) String from,
                                @Parameter(example = "2013-06-30") @RequestParam(required = false) String to,
                                @Parameter(description = "From 0") @RequestParam(required = false) String page,
                                @Parameter(description = "1 to " + FindAuditTrail.MAX_PAGE_SIZE) @RequestParam(required = false) String size,
                                Authentication caller) {
        AuditFilter filter = new AuditFilter(
                QueryParameters.id("planId", planId),
                QueryParameters.id("aggregateId", aggregateId),
                QueryParameters.user("actor", actor),
                QueryParameters.eventType("type", type),
                QueryParameters.instantOrDate("from", from, false),
                QueryParameters.instantOrDate("to", to, true))
                .withPlansIn(partnerships.visiblePlans(caller, Set.of(AUDITOR, PLAN_MANAGER), false));
        if (filter.recordedFrom() != null && filter.recordedTo() != null && filter.recordedTo().isBefore(filter.recordedFrom())) {
            throw new InvalidParameterException("to", "to is before from");
        }
        return queries.ask(new FindAuditTrail(filter,
                        QueryParameters.range("page", page, 0, 0, 1_000_000),
                        QueryParameters.range("size", size, FindAuditTrail.DEFAULT_PAGE_SIZE, 1, FindAuditTrail.MAX_PAGE_SIZE)),
                ResponseTypes.instanceOf(AuditTrailPage.class));
    }
}
