package org.planledger.infra.pages;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.events.Cadence;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.DiffChange;
import org.planledger.query.api.DiffPlan;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.Roles;
import org.planledger.infra.query.LiveBoards;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.context.request.ServletWebRequest;
import org.planledger.query.api.FindMyActions;
import org.planledger.query.api.FindPlanAsAt;
import org.planledger.query.api.FindPlanCharts;
import org.planledger.query.api.FindPlanTimeline;
import org.planledger.query.api.IndicatorSeries;
import org.planledger.query.api.ListPlans;
import org.planledger.query.api.MyActions;
import org.planledger.query.api.PlanCharts;
import org.planledger.query.api.PlanDiff;
import org.planledger.query.api.PlanList;
import org.planledger.query.api.PlanTimeline;
import org.planledger.query.api.TimelinePoint;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.query.Queries;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.query.QuerySideConfiguration;
import org.planledger.infra.refusals.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Plans, the board view, replay, comparison and charts. Every figure comes from the query side
 * through the same typed queries as the API; these pages only choose what to ask and lay it out.
 */
@Controller
class PlanPages {

    private final Queries queries;
    private final ObjectProvider<LiveBoards> liveBoardsIfQuerySide;
    private final PageRedaction redaction;
    private final PartnershipBoundary partnerships;
    /** The pages' templates (Thymeleaf's view resolver), to render a board page and keep what it wrote. */
    private final ObjectProvider<ThymeleafViewResolver> pageViews;

    /** Boards with more actions than this open with their priorities folded. */
    static final int FOLDED_ABOVE_ACTIONS = 12;

    PlanPages(Queries queries, ObjectProvider<LiveBoards> liveBoards, PageRedaction redaction,
              PartnershipBoundary partnerships, ObjectProvider<ThymeleafViewResolver> pageViews) {
        this.queries = queries;
        this.liveBoardsIfQuerySide = liveBoards;
        this.redaction = redaction;
        this.partnerships = partnerships;
        this.pageViews = pageViews;
    }

    /** The plans; the county figures for a county analyst who holds no partnership role. */
    @GetMapping("/")
    String home(@ModelAttribute("viewer") Viewer viewer) {
        boolean countyOnly = viewer.isCountyAnalyst() && viewer.roles().stream().noneMatch(Roles.PARTNERSHIP_ROLES::contains);
        return countyOnly ? "redirect:/county" : "redirect:/plans";
    }

    /** Where the security chain forwards a signed-in person refused a page. */
    @RequestMapping("/denied")
    ModelAndView denied(HttpServletRequest request) {
        return PageAdvice.page(HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this page.", request);
    }

    /** The plans of the viewer's partnerships and those shared with them; their own actions only where they may lead. */
    @GetMapping("/plans")
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    String plans(@ModelAttribute("viewer") Viewer viewer, Model model) {
        org.springframework.security.core.Authentication caller =
                org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        java.util.Set<String> visible = partnerships.visiblePlans(caller, Roles.PARTNERSHIP_ROLES, true);
        model.addAttribute("plans", queries.ask(new ListPlans(), ResponseTypes.instanceOf(PlanList.class)).plans().stream()
                .filter(plan -> PartnershipBoundary.visible(visible, plan.planId())).toList());
        if (viewer.isLead()) {
            java.util.Set<String> leadable = partnerships.visiblePlans(caller,
                    java.util.Set.of(Roles.DELIVERY_LEAD, Roles.PLAN_MANAGER), false);
            List<org.planledger.query.api.MyAction> mine = queries.ask(new FindMyActions(viewer.userId()),
                    ResponseTypes.instanceOf(MyActions.class)).actions().stream()
                    .filter(action -> PartnershipBoundary.visible(leadable, action.planId())).toList();
            model.addAttribute("myActions", mine);
            // Each action's rating, from its plan's live board (one cached board per plan).
            Map<String, org.planledger.events.RagStatus> ratings = new LinkedHashMap<>();
            LiveBoards liveBoards = liveBoardsIfQuerySide.getIfAvailable();
            if (liveBoards != null) {
                mine.stream().map(org.planledger.query.api.MyAction::planId).distinct()
                        .forEach(planId -> liveBoards.current(planId).ifPresent(current -> current.board().priorities()
                                .forEach(p -> p.objectives().forEach(o -> o.actions()
                                        .forEach(a -> ratings.put(a.actionId(), a.rag()))))));
            }
            model.addAttribute("myRatings", ratings);
        }
        return "plans";
    }

    /**
     * The board page. Its entity tag names everything that shapes the page for this caller (see the
     * variant below); an unchanged page answers 304 to it, and the rendered HTML is kept under it
     * ({@link LiveBoards#body}), so the same viewer asking again for an unchanged board (a refresh, a
     * filter toggled back) is answered with the kept bytes instead of a fresh Thymeleaf rendering. As
     * the tag carries the viewer's user id, roles and session token, a page kept for one caller can
     * never answer another, and whatever {@link PageRedaction} and the viewer's roles leave out of it
     * stays out. Without a session token there is no tag and nothing is kept (as before).
     */
    @GetMapping("/plans/{planId}")
    ModelAndView board(@PathVariable String planId,
                       @RequestParam(required = false) String priority, @RequestParam(required = false) String rag,
                       @RequestParam(required = false) String lead, @RequestParam(required = false) boolean overdue,
                       @RequestParam(required = false) boolean stale,
                       @RequestHeader(value = "HX-Request", required = false) String htmx,
                       @ModelAttribute("viewer") Viewer viewer, HttpServletRequest request, ServletWebRequest webRequest,
                       Model model) {
        QueryParameters.id("planId", planId);
        LiveBoards liveBoards = liveBoards();
        // Everything the page shows for this caller besides the board: the viewer's name and roles (the
        // navigation, the record links), the session's CSRF token (the sign-out form; unmasked, as
        // Spring masks it afresh on every rendering), the filter and whether htmx asked for the results only.
        CsrfToken csrf = SESSION_CSRF_TOKENS.loadToken(request);
        String[] variant = {"page", htmx != null ? "results" : "whole", priority, rag, lead,
                String.valueOf(overdue), String.valueOf(stale), viewer.userId(),
                String.join(",", new TreeSet<>(viewer.roles())), csrf == null ? null : csrf.getToken()};
        String viewName = htmx != null ? "board :: results" : "board";
        Locale locale = RequestContextUtils.getLocale(request);
        webRequest.getResponse().setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        if (csrf != null) {
            Optional<Long> version = liveBoards.version(planId);
            if (version.isPresent()) {
                String tag = LiveBoards.tag(planId, version.get(), liveBoards.today(), variant);
                if (webRequest.getHeader(HttpHeaders.IF_NONE_MATCH) != null && webRequest.checkNotModified(tag)) {
                    return null;
                }
                LiveBoards.Body kept = liveBoards.keptBody(keptPageKey(tag, locale));
                if (kept != null) {
                    webRequest.getResponse().setHeader(HttpHeaders.ETAG, tag);
                    return new ModelAndView(new KeptPage(kept));
                }
            }
        }
        LiveBoards.Current current = liveBoards.current(planId)
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        BoardView board = current.board();
        BoardFilter filter = new BoardFilter(priority, rag, lead, overdue, stale);
        BoardView shown = filter.apply(board);
        model.addAttribute("board", board);
        model.addAttribute("shown", shown);
        model.addAttribute("filter", filter);
        model.addAttribute("shownCount", BoardFilter.actionCount(shown));
        model.addAttribute("totalCount", BoardFilter.actionCount(board));
        model.addAttribute("leadNames", BoardFilter.leadNames(board));
        model.addAttribute("ragChoices", BoardFilter.ragChoices());
        model.addAttribute("cycleMonths", cycleMonths(board.cadence()));
        // a long board opens folded to its priorities (with their counts) unless a filter picked actions out
        model.addAttribute("collapsePriorities", !filter.active() && BoardFilter.actionCount(board) > FOLDED_ABOVE_ACTIONS);
        if (csrf == null) {
            // without a session token yet, this rendering makes one: no tag, as the next page will differ
            return new ModelAndView(viewName);
        }
        String tag = LiveBoards.tag(planId, current.version(), current.today(), variant);
        webRequest.getResponse().setHeader(HttpHeaders.ETAG, tag);
        View page = resolve(viewName, locale);
        if (page == null) {
            return new ModelAndView(viewName);
        }
        return new ModelAndView(new KeepingPage(page, body -> liveBoards.keepBody(keptPageKey(tag, locale), body)));
    }

    /** The page's tag and the locale it was rendered in (the tag alone leaves the locale out, as the page shows none). */
    private static String keptPageKey(String tag, Locale locale) {
        return tag + "|" + locale.toLanguageTag();
    }

    private View resolve(String viewName, Locale locale) {
        ThymeleafViewResolver resolver = thymeleaf;
        if (resolver == null) {
            resolver = pageViews.getIfAvailable();
            if (resolver == null) {
                return null;
            }
            thymeleaf = resolver;
        }
        try {
            return resolver.resolveViewName(viewName, locale);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Found once: an {@code ObjectProvider} resolves its bean through the bean factory on every call, which
     * cost more than serving a kept page.
     */
    private volatile ThymeleafViewResolver thymeleaf;
    private volatile LiveBoards found;

    /** Renders the page as usual, and keeps what it wrote when it answered 200. */
    private record KeepingPage(View page, java.util.function.Consumer<LiveBoards.Body> keep) implements View {
        @Override
        public String getContentType() {
            return page.getContentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            ContentCachingResponseWrapper written = new ContentCachingResponseWrapper(response);
            page.render(model, request, written);
            if (written.getStatus() == HttpServletResponse.SC_OK && written.getContentType() != null) {
                keep.accept(new LiveBoards.Body(written.getContentAsByteArray(), written.getContentType()));
            }
            written.copyBodyToResponse();
        }
    }

    /** A page kept from an earlier rendering for the same tag: its bytes, as they were written then. */
    private record KeptPage(LiveBoards.Body body) implements View {
        @Override
        public String getContentType() {
            return body.contentType();
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
            response.setContentType(body.contentType());
            response.setContentLength(body.bytes().length);
            response.getOutputStream().write(body.bytes());
        }
    }

    @GetMapping("/plans/{planId}/replay")
    String replay(@PathVariable String planId, @RequestParam(required = false) String asAt,
                  @RequestParam(name = "known", required = false) Boolean knownAsked, Model model) {
        // "known=" (empty) reads as not asked, like no parameter
        boolean known = Boolean.TRUE.equals(knownAsked);
        BoardView live = liveBoard(planId);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate date = parseDate("asAt", asAt, errors);
        if (date == null) {
            date = QueryParameters.today();
        }
        PlanTimeline timeline = queries.ask(new FindPlanTimeline(planId), ResponseTypes.optionalInstanceOf(PlanTimeline.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        // "What the board knew on that date": only what had been recorded by the end of the day viewed.
        Instant endOfDay = endOfDay(date);
        Optional<BoardView> asThen = queries.ask(new FindPlanAsAt(planId, date, known ? endOfDay : null),
                ResponseTypes.optionalInstanceOf(BoardView.class));
        LocalDate shownDate = date;
        List<TimelinePoint> meetings = boardMeetings(timeline);
        model.addAttribute("plan", live);
        model.addAttribute("asAt", date);
        model.addAttribute("known", known);
        model.addAttribute("recordedAfter", endOfDay);
        model.addAttribute("errors", errors);
        model.addAttribute("shown", asThen.orElse(null));
        model.addAttribute("timeline", timeline.points());
        model.addAttribute("previousPoint", meetings.stream().filter(p -> p.date().isBefore(shownDate))
                .reduce((first, second) -> second).orElse(null));
        model.addAttribute("nextPoint", meetings.stream().filter(p -> p.date().isAfter(shownDate))
                .findFirst().orElse(null));
        // Since the board met last: the meeting before the date viewed (or before the meeting viewed).
        model.addAttribute("sinceMeeting", meetings.stream().filter(p -> p.date().isBefore(shownDate))
                .reduce((first, second) -> second).orElse(null));
        int months = cycleMonths(live.cadence());
        model.addAttribute("cycleMonths", months);
        model.addAttribute("previousCycle", date.minusMonths(months));
        model.addAttribute("nextCycle", date.plusMonths(months));
        return "replay";
    }

    /** The end of the day in the partnership's zone: "as known on that date" keeps what was recorded before it. */
    static Instant endOfDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay(QuerySideConfiguration.PARTNERSHIP_ZONE).toInstant();
    }

    /** The plan's board meetings in date order: the points a scrutiny committee steps through. */
    static List<TimelinePoint> boardMeetings(PlanTimeline timeline) {
        return timeline.points().stream().filter(p -> "BOARD_MEETING".equals(p.kind()))
                .sorted(java.util.Comparator.comparing(TimelinePoint::date)).toList();
    }

    @GetMapping("/plans/{planId}/compare")
    String compare(@PathVariable String planId, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String meeting,
                   @RequestParam(name = "known", required = false) Boolean knownAsked,
                   @ModelAttribute("viewer") Viewer viewer, Model model) {
        boolean known = Boolean.TRUE.equals(knownAsked);
        BoardView live = liveBoard(planId);
        Map<String, String> errors = new LinkedHashMap<>();
        List<TimelinePoint> meetings = boardMeetings(queries.ask(new FindPlanTimeline(planId),
                ResponseTypes.optionalInstanceOf(PlanTimeline.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId)));
        model.addAttribute("meetings", meetings);
        // Meeting to meeting: what changed between the meeting before and the one chosen (from the plan's start for the first).
        LocalDate meetingDate = parseDate("meeting", meeting, errors);
        if (meetingDate != null) {
            int index = -1;
            for (int i = 0; i < meetings.size(); i++) {
                if (meetings.get(i).date().equals(meetingDate)) {
                    index = i;
                }
            }
            if (index < 0) {
                errors.put("meeting", "The board did not meet on that date.");
            } else {
                LocalDate previous = index > 0 ? meetings.get(index - 1).date()
                        : live.periodStart() != null && live.periodStart().isBefore(meetingDate) ? live.periodStart() : meetingDate;
                from = previous.toString();
                to = meetingDate.toString();
                // a meeting knew only what had been recorded by its day: a note written late is news at the next one
                known = true;
                model.addAttribute("meetingPoint", meetings.get(index));
                model.addAttribute("previousMeeting", index > 0 ? meetings.get(index - 1) : null);
                model.addAttribute("laterMeeting", index + 1 < meetings.size() ? meetings.get(index + 1) : null);
            }
        }
        model.addAttribute("meeting", meeting == null ? "" : meeting);
        model.addAttribute("known", known);
        LocalDate fromDate = parseDate("from", from, errors);
        LocalDate toDate = parseDate("to", to, errors);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.put("to", "The second date must not be before the first.");
        }
        model.addAttribute("plan", live);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("errors", errors);
        if (errors.isEmpty() && fromDate != null && toDate != null) {
            DiffPlan query = known ? new DiffPlan(planId, fromDate, toDate, endOfDay(fromDate), endOfDay(toDate))
                    : new DiffPlan(planId, fromDate, toDate);
            PlanDiff diff = redaction.visibleTo(viewer, queries.ask(query,
                    ResponseTypes.optionalInstanceOf(PlanDiff.class))
                    .orElseThrow(() -> new ResourceNotFoundException("plan", planId)), PlanDiff.class);
            model.addAttribute("diff", diff);
            model.addAttribute("titles", actionTitles(live));
            List<ChangeRow> rows = diff.changes().stream().map(ChangeRow::of).toList();
            model.addAttribute("rows", rows);
            model.addAttribute("added", rows.stream().filter(r -> r.change().equals("added")).count());
            model.addAttribute("changed", rows.stream().filter(r -> r.change().equals("changed")).count());
            model.addAttribute("removed", rows.stream().filter(r -> r.change().equals("removed")).count());
        }
        return "compare";
    }

    @GetMapping("/plans/{planId}/charts")
    String charts(@PathVariable String planId, Model model) {
        BoardView live = liveBoard(planId);
        PlanTimeline timeline = queries.ask(new FindPlanTimeline(planId), ResponseTypes.optionalInstanceOf(PlanTimeline.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        PlanCharts charts = queries.ask(new FindPlanCharts(planId, chartDates(live, timeline)),
                ResponseTypes.optionalInstanceOf(PlanCharts.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        model.addAttribute("plan", live);
        model.addAttribute("charts", charts);
        model.addAttribute("ragSvg", SvgCharts.ragOverTime(charts.rag(), "rag-over-time"));
        return "charts";
    }

    /** The end of each quarter of the plan's period up to today, and every board meeting and refresh. */
    static List<LocalDate> chartDates(BoardView plan, PlanTimeline timeline) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        LocalDate today = QueryParameters.today();
        LocalDate last = plan.periodEnd() == null || plan.periodEnd().isAfter(today) ? today : plan.periodEnd();
        LocalDate start = plan.periodStart() == null ? last.minusYears(1) : plan.periodStart();
        YearMonth quarter = YearMonth.of(start.getYear(), ((start.getMonthValue() - 1) / 3 + 1) * 3);
        for (LocalDate d = quarter.atEndOfMonth(); !d.isAfter(last) && dates.size() < FindPlanCharts.MAX_DATES - 40;
             d = YearMonth.from(d).plusMonths(3).atEndOfMonth()) {
            dates.add(d);
        }
        for (TimelinePoint point : timeline.points()) {
            if (dates.size() < FindPlanCharts.MAX_DATES) {
                dates.add(point.date());
            }
        }
        if (dates.isEmpty()) {
            dates.add(today);
        }
        return List.copyOf(dates);
    }

    private BoardView liveBoard(String planId) {
        QueryParameters.id("planId", planId);
        return liveBoards().current(planId).map(LiveBoards.Current::board)
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
    }

    /** The live boards; a command-only process ({@code planledger.query-side.enabled=false}) has none. */
    private LiveBoards liveBoards() {
        LiveBoards liveBoards = found;
        if (liveBoards == null) {
            liveBoards = liveBoardsIfQuerySide.getIfAvailable();
            found = liveBoards;
        }
        if (liveBoards == null) {
            throw new IllegalStateException("this process serves no read models (planledger.query-side.enabled=false)");
        }
        return liveBoards;
    }

    /** Where the page chain keeps each session's CSRF token (Spring Security's default repository). */
    private static final HttpSessionCsrfTokenRepository SESSION_CSRF_TOKENS = new HttpSessionCsrfTokenRepository();

    static Map<String, String> actionTitles(BoardView board) {
        Map<String, String> titles = new LinkedHashMap<>();
        board.priorities().forEach(p -> p.objectives().forEach(o -> o.actions().forEach(a -> titles.put(a.actionId(), a.title()))));
        return titles;
    }

    static LocalDate parseDate(String name, String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return QueryParameters.date(name, LocalDate.parse(value.strip()));
        } catch (DateTimeParseException e) {
            errors.put(name, "Enter a date such as 2012-12-31.");
        } catch (InvalidParameterException e) {
            errors.put(name, "Enter a date between 1900 and 2999.");
        }
        return null;
    }

    static int cycleMonths(Cadence cadence) {
        return cadence == null ? 3 : (int) cadence.cycle().toTotalMonths();
    }

    /** One line of the comparison: whether it added, changed or removed something. */
    record ChangeRow(DiffChange diff, String change) {
        static ChangeRow of(DiffChange diff) {
            String kind = diff.kind() == null ? "" : diff.kind().toUpperCase(Locale.ROOT);
            String change;
            if (kind.endsWith("WITHDRAWN") || kind.endsWith("RETIRED") || kind.endsWith("CEASED")
                    || kind.endsWith("CLOSED") || kind.endsWith("DECLINED")) {
                change = "removed";
            } else if (diff.before() == null && (kind.endsWith("ADDED") || kind.endsWith("RECORDED") || kind.endsWith("IDENTIFIED")
                    || kind.endsWith("ALLOCATED") || kind.endsWith("TALLIED") || kind.endsWith("DRAFTED")
                    || kind.endsWith("READING") || kind.equals("BOARD_MEETING") || kind.startsWith("REFERRAL_"))) {
                change = "added";
            } else {
                change = "changed";
            }
            return new ChangeRow(diff, change);
        }
    }
}
