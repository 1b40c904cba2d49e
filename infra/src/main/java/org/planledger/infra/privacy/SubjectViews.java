package org.planledger.infra.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.infra.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who looked: every request (API or page) whose answer revealed a case's personal data leaves one
 * row per case in {@code subject_view}: who, when, which case, and from which page. The page is the
 * handler's path pattern ({@code /api/subjects/{subjectRef}}), never the request's own path, which
 * could carry a subject reference.
 * <p>
 * Cases are noted while the answer is written ({@link PersonalDataReveal}) on the request's
 * thread, and the rows are written once the request completes.
 */
public class SubjectViews implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SubjectViews.class);
    private static final ThreadLocal<Set<String>> REVEALED = new ThreadLocal<>();
    static final int MAX_ROWS = 1_000;

    private final JdbcTemplate jdbc;

    public SubjectViews(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    static void revealed(String referralId) {
        Set<String> cases = REVEALED.get();
        if (cases != null) {
            cases.add(referralId);
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        REVEALED.set(new LinkedHashSet<>());
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        Set<String> cases = REVEALED.get();
        REVEALED.remove();
        if (cases == null || cases.isEmpty()) {
            return;
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String viewer = caller == null ? "anonymous" : caller.getName();
        String roles = caller == null ? "" : String.join(",", Roles.of(caller));
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String page = request.getMethod() + " " + (pattern == null ? "(unmapped)" : pattern.toString());
        String channel = request.getRequestURI().startsWith("/api/") ? "api" : "page";
        Timestamp at = Timestamp.from(Instant.now());
        try {
            jdbc.batchUpdate("INSERT INTO subject_view (viewed_at, viewer, roles, referral_id, page, channel) VALUES (?, ?, ?, ?, ?, ?)",
                    cases.stream().map(referralId -> new Object[]{at, viewer, roles, referralId, page, channel}).toList());
        } catch (RuntimeException e) {
            // The answer has gone already; say so loudly (without any subject data) rather than fail silently.
            log.error("Data protection: could not record that {} viewed the subject data of {} case(s) at {}: {}",
                    viewer, cases.size(), page, e.toString());
        }
    }

    /** One view, as auditors see it. */
    public record SubjectView(Instant viewedAt, String viewer, String roles, String referralId, String page, String channel) {
    }

    /** Newest first; either filter may be null. */
    public List<SubjectView> views(String referralId, String viewer, int limit) {
        StringBuilder sql = new StringBuilder("SELECT viewed_at, viewer, roles, referral_id, page, channel FROM subject_view WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (referralId != null) {
            sql.append(" AND referral_id = ?");
            args.add(referralId);
        }
        if (viewer != null) {
            sql.append(" AND viewer = ?");
            args.add(viewer);
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.min(Math.max(limit, 1), MAX_ROWS));
        return jdbc.query(sql.toString(), (rs, i) -> new SubjectView(rs.getTimestamp(1).toInstant(), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), args.toArray());
    }
}
