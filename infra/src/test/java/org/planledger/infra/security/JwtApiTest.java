package org.planledger.infra.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.infra.PlanLedgerApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production way in: an OAuth2 resource server taking JWTs, roles from a configured claim.
 * A test key stands in for the identity provider's; everything else is the real filter chain.
 */
@SpringBootTest(classes = {PlanLedgerApplication.class, JwtApiTest.TestKeys.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"planledger.security.authentication=jwt", "planledger.security.demo-users=false",
                "planledger.security.jwt.roles-claim=realm_access.roles"})
class JwtApiTest {

    static final SecretKey KEY = new SecretKeySpec(
            "a test key of at least thirty-two bytes for HS256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

    @TempDir
    static java.nio.file.Path dataDir;

    @DynamicPropertySource
    static void runtime(DynamicPropertyRegistry registry) {
        registry.add("planledger.data-dir", () -> dataDir.toString());
    }

    @TestConfiguration
    static class TestKeys {
        @Bean
        JwtDecoder testJwtDecoder() {
            return NimbusJwtDecoder.withSecretKey(KEY).macAlgorithm(MacAlgorithm.HS256).build();
        }
    }

    @LocalServerPort
    int port;

    static String token(String user, List<String> roles) {
        JwtClaimsSet claims = JwtClaimsSet.builder().subject("sub-" + user).claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300)).build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(KEY))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    HttpResponse<String> draftPlan(String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/plans"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"partnership":"Kettering CSP","title":"Plan","periodStart":"2013-04-01",
                         "periodEnd":"2016-03-31","cadence":"QUARTERLY"}"""));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void rolesComeFromTheConfiguredClaim() throws Exception {
        HttpResponse<String> anonymous = draftPlan(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));

        assertThat(draftPlan("not.a.token").statusCode()).isEqualTo(401);
        assertThat(draftPlan(token("jsmith", List.of("BOARD", "offline_access"))).statusCode()).isEqualTo(403);

        HttpResponse<String> manager = draftPlan(token("akhan", List.of("PLAN_MANAGER")));
        assertThat(manager.statusCode()).as(manager.body()).isEqualTo(201);
    }
}
