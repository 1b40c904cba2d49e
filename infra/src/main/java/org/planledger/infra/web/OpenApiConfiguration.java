package org.planledger.infra.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The OpenAPI document (/v3/api-docs) and Swagger UI (/swagger-ui.html). Every API operation gets
 * its error answers described once here, as problem+json, rather than repeated on each method:
 * 400 (with field and errors), 401, 403, 404, and for writes 409 and 413.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static final String PROBLEM = "Problem";

    @Bean
    public OpenAPI planLedgerOpenApi() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the offending input, e.g. leads[0].name"))
                .addProperty("message", new StringSchema().description("Why it was refused"));
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().example("urn:planledger:problem:invalid-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("title: must not be blank"))
                .addProperty("instance", new StringSchema().example("/api/plans"))
                .addProperty("code", new StringSchema().description("Stable code of a business rejection, e.g. ACTION_NOT_OPEN"))
                .addProperty("field", new StringSchema().description("The first offending field"))
                .addProperty("errors", new ArraySchema().items(fieldProblem));
        return new OpenAPI()
                .info(new Info().title("Plan Ledger API").version("1")
                        .description("Community Safety Partnership action plans, their progress, referrals and audit trail. "
                                + "Dates are ISO-8601 (2013-06-30); money is in pence as whole numbers; ids are strings. "
                                + "Updates take If-Match with the ETag of the record and answer 409 when it is stale. "
                                + "Every failure is application/problem+json."))
                .components(new Components()
                        .addSchemas(PROBLEM, problem)
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Embedded profile: demo users or the users file"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT").description("Production profiles: a JWT with the roles claim")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }

    static {
        // A Change is read from headers, documented by changeHeaders() below, not a query object.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Change.class);
    }

    /** The two headers every method taking a {@link Change} reads: If-Match and X-Change-Reason. */
    @Bean
    public OperationCustomizer changeHeaders() {
        Parameter ifMatch = AnnotationUtils.findAnnotation(IfMatchHeader.class, Parameter.class);
        return (operation, handler) -> {
            boolean takesChange = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> Change.class.equals(parameter.getParameterType()));
            if (takesChange) {
                operation.addParametersItem(new HeaderParameter().name(IfMatch.HEADER).required(false)
                        .description(ifMatch.description()).example(ifMatch.example()).schema(new StringSchema()));
                operation.addParametersItem(new HeaderParameter().name(Change.REASON_HEADER).required(false)
                        .description("Why, for the audit trail, when the body has no reason field of its own (a body "
                                + "reason wins). At most " + Change.REASON_LIMIT + " characters, like a body reason.")
                        .schema(new StringSchema().maxLength(Change.REASON_LIMIT)));
            }
            return operation;
        };
    }

    @Bean
    public OpenApiCustomizer problemResponses() {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/")) {
                    return;
                }
                item.readOperationsMap().forEach((method, operation) -> {
                    boolean write = method != io.swagger.v3.oas.models.PathItem.HttpMethod.GET;
                    Map<String, String> errors = new LinkedHashMap<>();
                    errors.put("400", "Bad input: the problem names the offending field (missing, blank, too long, "
                            + "wrong type, malformed JSON, unknown enum value, date out of range, negative money, end before start)");
                    errors.put("401", "Not signed in");
                    errors.put("403", "Signed in, but your roles (or, for a delivery lead, the action's leads) do not allow this");
                    errors.put("404", "No such plan, action, referral or note");
                    if (write) {
                        errors.put("409", "Stale If-Match version, an id already used for different content, "
                                + "or a state conflict such as progress on a ceased action");
                        errors.put("413", "Request body over the size limit");
                    }
                    ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
                    errors.forEach((status, description) -> {
                        if (!responses.containsKey(status)) {
                            responses.addApiResponse(status, problem(description));
                        }
                    });
                    responses.forEach((status, response) -> addEtag(status, response, write));
                    operation.setResponses(responses);
                });
            });
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static void addEtag(String status, ApiResponse response, boolean write) {
        if (write && (status.equals("200") || status.equals("201"))) {
            response.addHeaderObject("ETag", new Header().description("The version the record reached, for If-Match")
                    .schema(new StringSchema().example("\"4\"")));
        }
    }
}
