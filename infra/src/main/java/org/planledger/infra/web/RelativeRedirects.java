package org.planledger.infra.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Every redirect and {@code Location} that points back at this service names a path only, never
 * the host the client put in its {@code Host} header (hardening finding 5). Spring Security builds
 * absolute addresses from that header (the sign-in page a browser is sent to, the page it asked
 * for before signing in, sign-out), so a forged Host would otherwise come back as a link to
 * another site. Addresses of other hosts (an identity provider's sign-in and sign-out) pass
 * untouched. Works with {@code server.tomcat.use-relative-redirects=true}, which stops Tomcat from
 * making the path absolute again from the same header.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RelativeRedirects extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                super.sendRedirect(relativeToThisService(request, location));
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, isLocation(name) ? relativeToThisService(request, value) : value);
            }

            @Override
            public void addHeader(String name, String value) {
                super.addHeader(name, isLocation(name) ? relativeToThisService(request, value) : value);
            }
        });
    }

    private static boolean isLocation(String header) {
        return HttpHeaders.LOCATION.equalsIgnoreCase(header);
    }

    private static int portOf(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The path, query and fragment of an absolute address on the host this request named; anything else as given. */
    static String relativeToThisService(HttpServletRequest request, String location) {
        if (location == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException notAnAddress) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
                || portOf(uri) != request.getServerPort()) {
            // another service: on loopback an identity provider has the same host name and its own port
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
