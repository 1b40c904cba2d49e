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

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.parameters.PathParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.tags.Tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
        // A Change is read from headers, documented by changeHeaders() below, not a query object; a route's body
        // is documented by commandRouteOperations() from the route's own record.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Change.class, CommandRoutes.RouteBody.class);
        // The command routes' handlers are registered objects, not @RestController beans: document them too.
        SpringDocUtils.getConfig().addRestControllers(CommandRoutes.Endpoint.class);
    }

    /**
     * Each command route's operation, from its declaration ({@link CommandRoute}): every route has the
     * same handler method, so what springdoc reads from a controller method (summary, path variables,
     * request body, answer, tag) is taken from the route instead.
     */
    @Bean
    public OperationCustomizer commandRouteOperations() {
        return (operation, handler) -> {
            if (!(handler.getBean() instanceof CommandRoutes.Endpoint endpoint)) {
                return operation;
            }
            CommandRoute<?> route = endpoint.route();
            operation.setOperationId(route.operationId());
            operation.setSummary(route.summary);
            operation.setDescription(route.description);
            operation.setTags(new ArrayList<>(List.of(route.tag())));
            List<io.swagger.v3.oas.models.parameters.Parameter> parameters = new ArrayList<>();
            route.variables.forEach(name -> parameters.add(new PathParameter().name(name).required(true).schema(new StringSchema())));
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(parameter -> !"path".equals(parameter.getIn())).forEach(parameters::add);
            }
            operation.setParameters(parameters);
            if (route.readsBody()) {
                operation.setRequestBody(new RequestBody().required(route.bodyRequired ? true : null).content(new Content()
                        .addMediaType("application/json", new MediaType().schema(schemaRef(route.body)))));
            } else {
                operation.setRequestBody(null);
            }
            operation.setResponses(new ApiResponses().addApiResponse(String.valueOf(route.status.value()),
                    new ApiResponse().description(route.status.getReasonPhrase())
                            .content(new Content().addMediaType("*/*", new MediaType().schema(schemaRef(route.answerType))))));
            return operation;
        };
    }

    /** The schemas of the command routes' request records and answers, and the routes' tags with their descriptions. */
    @Bean
    public OpenApiCustomizer commandRouteSchemas() {
        return openApi -> CommandRoutes.ALL.stream()
                .filter(route -> openApi.getPaths() != null && openApi.getPaths().containsKey(route.pattern))
                .forEach(route -> addSchemasAndTag(openApi, route));
    }

    private static void addSchemasAndTag(OpenAPI openApi, CommandRoute<?> route) {
        for (Class<?> type : route.readsBody() ? List.of(route.body, route.answerType) : List.of(route.answerType)) {
            ModelConverters.getInstance(true).readAll(new AnnotatedType(type))
                    .forEach((name, schema) -> openApi.getComponents().getSchemas().putIfAbsent(name, schema));
        }
        String tag = route.tag();
        if (openApi.getTags() == null || openApi.getTags().stream().noneMatch(known -> known.getName().equals(tag))) {
            openApi.addTagsItem(new Tag().name(tag).description(CommandRoutes.TAGS.get(tag)));
        }
    }

    private static Schema<?> schemaRef(Class<?> type) {
        return new Schema<>().$ref("#/components/schemas/" + type.getSimpleName());
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
