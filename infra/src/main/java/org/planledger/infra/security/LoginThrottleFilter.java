package org.planledger.infra.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Puts {@link LoginThrottle} in front of both ways to sign in with a password: HTTP Basic (any
 * request with an {@code Authorization: Basic} header) and the sign-in form ({@code POST /login}).
 * A throttled attempt is answered before its password is checked: 429 problem+json with
 * {@code Retry-After} for Basic, the sign-in page with a "try again in N seconds" message for the
 * form. Failures are counted from Spring Security's own failure events, so every way a password
 * can be wrong (unknown user included) counts the same.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    public LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = accountOf(request);
        if (account != null) {
            long wait = throttle.secondsToWait(account, request.getRemoteAddr());
            if (wait > 0) {
                throttle.refused(account, request.getRemoteAddr(), wait);
                refuse(request, response, wait);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    @EventListener
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent failure) {
        String address = failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        throttle.failed(failure.getAuthentication().getName(), address);
    }

    private static String accountOf(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        return null;
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long wait) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait));
        if ("/login".equals(request.getServletPath()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            response.sendRedirect(request.getContextPath() + "/login?throttled=" + wait);
            return;
        }
        response.setStatus(429);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("utf-8");
        response.getWriter().write("{\"type\":\"urn:planledger:problem:too-many-sign-ins\",\"title\":\"Too Many Requests\","
                + "\"status\":429,\"detail\":\"Too many failed sign-ins for this account or from this address. Try again in "
                + wait + " seconds.\",\"retryAfterSeconds\":" + wait + "}");
    }
}
