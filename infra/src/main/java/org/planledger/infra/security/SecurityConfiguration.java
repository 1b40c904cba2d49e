package org.planledger.infra.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;


/**
 * Who is calling, and which paths need no sign-in. Two filter chains:
 * <ul>
 *   <li>{@code /api/**}: stateless (no session is read or made, so a browser's login cookie
 *   cannot be ridden by another site and CSRF tokens are not needed), HTTP Basic or a JWT bearer
 *   token. 401 and 403 are problem+json.</li>
 *   <li>everything else (the pages, Swagger UI, the OpenAPI document): with CSRF protection, form
 *   login (demo users or the users file, on every profile), HTTP Basic where the API takes it, and
 *   OpenID Connect authorization-code login wherever a client is registered (docs/sign-in.md);
 *   with JWT also a bearer token.</li>
 * </ul>
 * Which roles may call an endpoint is not listed here: each handler method declares it with
 * {@code @RolesAllowed}, or a command endpoint in its route declaration, next to the code it guards;
 * {@link RolesBeforeBinding} and Spring's method security enforce it ({@link RoleDeclarations}
 * refuses to start when an {@code /api} handler has no declaration).
 * A refusal thrown there is answered by the API's problem+json handling or the pages' "Not
 * allowed" page. The rule that a delivery lead updates only the actions they lead needs the
 * action's leads, so the command side enforces it (ActionLeadership). Roles are held per partnership
 * ({@link Grants}); {@link PartnershipBoundary} keeps each request inside the partnerships where the
 * caller holds an allowed role (docs/partnerships.md).
 */
@Configuration(proxyBeanMethods = false)
// Only a servlet web application has requests to secure; the import command runs without one.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** The login page's style sheet and script, and the other static assets: public. */
    static final String[] PAGE_ASSETS = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico"};

    @Bean
    @Order(1)
    public SecurityFilterChain apiSecurity(HttpSecurity http, SecuritySettings settings, Environment environment,
                                           ObjectMapper objectMapper, ObjectProvider<JwtDecoder> jwtDecoder,
                                           LoginThrottleFilter loginThrottle) throws Exception {
        boolean basic = usesBasic(settings, environment);
        ProblemWriter problems = new ProblemWriter(objectMapper,
                basic ? "Basic realm=\"Plan Ledger\"" : "Bearer");
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                // Which roles may call an endpoint is declared on its handler method (@RolesAllowed).
                .authorizeHttpRequests(rules -> rules.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        hardenHeaders(http);
        if (basic) {
            http.httpBasic(httpBasic -> httpBasic.authenticationEntryPoint(problems))
                    .addFilterBefore(loginThrottle, BasicAuthenticationFilter.class);
        } else {
            JwtDecoder decoder = decoder(jwtDecoder);
            http.oauth2ResourceServer(oauth -> oauth
                    .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwtRoles(settings)))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    public SecurityFilterChain pageSecurity(HttpSecurity http, SecuritySettings settings, Environment environment,
                                            ObjectProvider<JwtDecoder> jwtDecoder, LoginThrottleFilter loginThrottle,
                                            SignInOptions signIn, ObjectProvider<ClientRegistrationRepository> clients,
                                            KnownUsers knownUsers)
            throws Exception {
        hardenHeaders(http, signIn.signOutOrigins());
        String[] publicActuator = settings.publicActuatorPaths();
        http.authorizeHttpRequests(rules -> {
            // The async dispatch that ends a live page's event stream continues a request already let in;
            // asked again after the person signed out (or in as someone else) it would be refused with the
            // response long committed, which is only an error in the log.
            rules.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll();
            rules.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml", "/swagger-ui.html",
                    "/swagger-ui/**", "/login", "/error").permitAll();
            // Health, info and metrics without credentials only where planledger.security.public-actuator-endpoints
            // says so (a Prometheus scraper on a private network, say); otherwise any signed-in user.
            if (publicActuator.length > 0) {
                rules.requestMatchers(publicActuator).permitAll();
            }
            // Web pages (org.planledger.infra.pages): the assets are public; pages limited to some roles
            // (the audit trail, the record forms) say so on their handler methods, as the API does.
            rules.requestMatchers(PAGE_ASSETS).permitAll();
            rules.anyRequest().authenticated();
        });
        // A signed-in person refused a page sees why, with the pages' own navigation.
        http.exceptionHandling(errors -> errors.accessDeniedPage("/denied"));
        boolean basic = usesBasic(settings, environment);
        if (signIn.passwords()) {
            // The demo users or the users file: on every profile, for deployments without an identity provider.
            http.formLogin(form -> form.loginPage("/login").permitAll())
                    .addFilterBefore(loginThrottle, UsernamePasswordAuthenticationFilter.class);
        }
        if (basic) {
            http.httpBasic(httpBasic -> { });
        }
        if (!signIn.providers().isEmpty()) {
            // The organisation's identity provider (docs/sign-in.md): the same issuer and role claim as the
            // API's tokens; signing out also ends the provider's session where it publishes an end-session endpoint.
            JwtDecoder accessTokens = basic ? null : jwtDecoder.getIfAvailable();
            OidcClientInitiatedLogoutSuccessHandler providerLogout = new OidcClientInitiatedLogoutSuccessHandler(clients.getObject());
            providerLogout.setPostLogoutRedirectUri("{baseUrl}/login?logout");
            providerLogout.setDefaultTargetUrl("/login?logout");
            http.oauth2Login(login -> login.loginPage("/login")
                            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new OidcUsers(jwtRoles(settings), accessTokens, knownUsers))))
                    .logout(logout -> logout.logoutSuccessHandler(providerLogout));
        }
        if (!basic) {
            // API clients that call pages or Swagger UI with the API's bearer token
            JwtDecoder decoder = decoder(jwtDecoder);
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(jwtRoles(settings))));
        }
        if (!signIn.any()) {
            log.warn("The pages have no sign-in: no OpenID Connect client is registered (spring.security.oauth2.client."
                    + "registration.*) and no planledger.security.users-file is set. See docs/sign-in.md.");
        }
        return http.build();
    }

    /**
     * What the sign-in page offers: passwords where the demo users or a users file exist (every
     * profile), and each OpenID Connect client registration (spring.security.oauth2.client.*).
     */
    @Bean
    public SignInOptions signInOptions(SecuritySettings settings, Environment environment,
                                       ObjectProvider<ClientRegistrationRepository> registrations) {
        boolean basic = usesBasic(settings, environment);
        List<SignInOptions.Provider> providers = new ArrayList<>();
        if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
            for (Object registration : configured) {
                ClientRegistration client = (ClientRegistration) registration;
                if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(client.getAuthorizationGrantType())) {
                    Object endSession = client.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
                    providers.add(new SignInOptions.Provider(client.getRegistrationId(), client.getClientName(),
                            endSession == null ? null : origin(endSession.toString())));
                }
            }
        }
        return new SignInOptions(basic || settings.hasUsersFile(), basic && settings.demoUsers(), providers);
    }

    /**
     * What a browser may do with our pages: scripts, styles and images only from this service (no
     * inline script or style anywhere in the templates, so no 'unsafe-inline'), no framing, forms
     * only back to us; no referrer beyond this origin; no camera, microphone or location.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private static void hardenHeaders(HttpSecurity http) throws Exception {
        hardenHeaders(http, List.of());
    }

    /**
     * With an identity provider, signing out (a form posted to /logout) ends in a redirect to the
     * provider's end-session endpoint, and browsers hold a form's redirects to form-action too.
     */
    private static void hardenHeaders(HttpSecurity http, List<String> signOutOrigins) throws Exception {
        String policy = signOutOrigins.isEmpty() ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + String.join(" ", signOutOrigins));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(policy))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()"))
                .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny));
    }

    /**
     * No Micrometer observation around each filter of the security chains (authentications and
     * authorizations are still observed, and every request by the server's own observation): a dozen
     * observations started and stopped per request were about a tenth of a cached board request's CPU.
     */
    @Bean
    public org.springframework.security.config.observation.SecurityObservationSettings securityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false).build();
    }

    @Bean
    public LoginThrottle loginThrottle(LoginThrottleSettings settings, ObjectProvider<MeterRegistry> meters) {
        return new LoginThrottle(settings, meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new),
                Clock.systemUTC());
    }

    @Bean
    public LoginThrottleFilter loginThrottleFilter(LoginThrottle throttle) {
        return new LoginThrottleFilter(throttle);
    }

    /** The throttle runs inside the security chains only, not a second time as a servlet filter of its own. */
    @Bean
    public FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilterOutsideTheChains(LoginThrottleFilter filter) {
        FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    /** Basic and form login users: the demo users and the users file; with JWT, the users file only (form login). */
    @Bean
    public UserDetailsService planLedgerUsers(SecuritySettings settings, Environment environment) {
        if (!usesBasic(settings, environment)) {
            // JWT for the API; the pages still take a user name and password from the users file, if there is one
            return settings.hasUsersFile() ? ConfiguredUsers.fromFile(settings) : new InMemoryUserDetailsManager();
        }
        return ConfiguredUsers.build(settings, environment);
    }

    /**
     * Checks each hash at the cost it was made with and never re-hashes it. Spring's delegating
     * encoder "upgrades" any bcrypt hash below cost 10 on the first successful login, and the
     * in-memory user store accepts the upgrade: the demo users' cost-4 hash (about 2 ms a check)
     * became a cost-10 one (about 100 ms of CPU on every Basic request), which capped the whole
     * service near 20 requests a second on two cores. Cost is the users file's author's choice.
     */
    @Bean
    public PasswordEncoder passwordEncoder(SecuritySettings settings, Environment environment) {
        // planledger.security.verified-credentials-cache: the number of remembered successes; 0 switches it off
        int remembered = environment.getProperty("planledger.security.verified-credentials-cache", Integer.class,
                VerifiedCredentials.DEFAULT_MAXIMUM);
        return new NonUpgradingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                ConfiguredUsers.typicalCost(settings),
                new VerifiedCredentials(VerifiedCredentials.DEFAULT_EXPIRY, remembered));
    }

    PasswordEncoder passwordEncoder() {
        return new NonUpgradingPasswordEncoder(PasswordEncoderFactories.createDelegatingPasswordEncoder(), 4,
                verifiedCredentials());
    }

    private static VerifiedCredentials verifiedCredentials() {
        return new VerifiedCredentials(VerifiedCredentials.DEFAULT_EXPIRY, VerifiedCredentials.DEFAULT_MAXIMUM);
    }

    /**
     * {@code encode} is used for one thing only: the hash Spring checks an unknown user's password
     * against, so that "no such user" takes as long as "wrong password". Spring makes it with the
     * default cost (10, ~80 ms) while the demo users' hashes have cost 4 (~2 ms): an unknown name
     * answered about 15 times slower than a known one, which told a prober which names exist. The
     * dummy hash is therefore made at the cost of the configured users' own hashes.
     *
     * <p>{@code matches} remembers successes for a few minutes ({@link VerifiedCredentials}): HTTP
     * Basic presents the password on every request, and a realistic cost (10–12) would otherwise
     * cost 80 ms or more of CPU per request. Failures, and the unknown-user check against the dummy
     * hash, still run bcrypt every time.
     */
    record NonUpgradingPasswordEncoder(PasswordEncoder checks, int dummyCost, VerifiedCredentials verified)
            implements PasswordEncoder {
        @Override
        public String encode(CharSequence rawPassword) {
            return "{bcrypt}" + new BCryptPasswordEncoder(dummyCost).encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return verified.matches(rawPassword, encodedPassword, checks);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return false;
        }
    }

    /**
     * Spring Boot builds the decoder from spring.security.oauth2.resourceserver.jwt.issuer-uri or
     * jwk-set-uri. Without either the service still starts (so its wiring can be checked without an
     * identity provider) but refuses every token, and says so in the log.
     */
    private static JwtDecoder decoder(ObjectProvider<JwtDecoder> configured) {
        JwtDecoder decoder = configured.getIfAvailable();
        if (decoder != null) {
            return decoder;
        }
        log.warn("JWT authentication is on but neither spring.security.oauth2.resourceserver.jwt.issuer-uri nor "
                + "jwk-set-uri is set: every API request will be refused with 401.");
        return token -> {
            throw new BadJwtException("no issuer is configured to validate tokens");
        };
    }

    /** "https://login.example/realms/csp/logout" -> "https://login.example" */
    static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    static JwtRoles jwtRoles(SecuritySettings settings) {
        return new JwtRoles(settings.jwt().rolesClaim(), settings.jwt().userIdClaim());
    }

    static boolean usesBasic(SecuritySettings settings, Environment environment) {
        String mode = settings.authentication() == null ? "" : settings.authentication().strip().toLowerCase();
        return switch (mode) {
            case "basic" -> true;
            case "jwt" -> false;
            case "" -> environment.acceptsProfiles(Profiles.of("embedded"));
            default -> throw new IllegalStateException(
                    "planledger.security.authentication must be basic or jwt, not '" + settings.authentication() + "'");
        };
    }
}
