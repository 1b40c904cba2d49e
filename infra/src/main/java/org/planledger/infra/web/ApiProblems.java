package org.planledger.infra.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.IgnoredPropertyException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.infra.importer.InvalidPlanDocumentException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every failure of the HTTP API as {@code application/problem+json} (RFC 9457). A problem has a
 * stable {@code type} ({@code urn:planledger:problem:...}), a {@code detail} a person can act on
 * and, for bad input, {@code field} (the first offending field, as a JSON path such as
 * {@code leads[0].name}) and {@code errors} (every offending field and why). Business rejections
 * also carry the command side's stable {@code code}.
 * <p>
 * Nothing from an exception that was not written for a person reaches the client: unexpected
 * failures are logged with a reference id and answered with that id only, never a stack trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String PREFIX = "urn:planledger:problem:";
    private static final String UNIQUE_VIOLATION = "23505";

    /** One offending input and why it was refused. */
    public record FieldProblem(String field, String message) {
    }

    // ---- business rules and Axon ---------------------------------------------------------------

    @ExceptionHandler(CommandRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(CommandRejectedException rejection) {
        HttpStatus status = switch (rejection.code().kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case STATE_CONFLICT, DUPLICATE -> HttpStatus.CONFLICT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
        };
        ProblemDetail problem = problem(status, rejection.code().name().toLowerCase().replace('_', '-'),
                rejection.getMessage());
        problem.setProperty("code", rejection.code().name());
        if (rejection.field() != null) {
            problem.setProperty("field", rejection.field());
            problem.setProperty("errors", List.of(new FieldProblem(rejection.field(), rejection.getMessage())));
        }
        return respond(problem);
    }

    /**
     * A plan file is refused as a whole; each problem gives its JSON path in the file as the field and
     * names its record by id in the message ("priority 'asb' → indicator 'x': target.value is required ...").
     */
    @ExceptionHandler(InvalidPlanDocumentException.class)
    ResponseEntity<ProblemDetail> refusedPlanFile(InvalidPlanDocumentException refused) {
        return invalid(refused.problems().stream()
                .map(problem -> new FieldProblem(problem.path(), problem.describe())).toList());
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException notFound) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, notFound.kind() + "-not-found", notFound.getMessage());
        problem.setProperty("code", notFound.kind().toUpperCase().replace('-', '_') + "_NOT_FOUND");
        return respond(problem);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> aggregateNotFound(AggregateNotFoundException notFound) {
        return notFound(new ResourceNotFoundException("resource", String.valueOf(notFound.getAggregateIdentifier())));
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<ProblemDetail> staleVersion(ConflictingAggregateVersionException conflict) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "stale-version",
                "'" + conflict.getAggregateIdentifier() + "' has changed since version " + conflict.getExpectedVersion()
                        + " (it is now at version " + conflict.getActualVersion()
                        + "); read it again and retry with the new ETag in If-Match.");
        problem.setProperty("code", "STALE_VERSION");
        problem.setProperty("currentVersion", conflict.getActualVersion());
        return respond(problem);
    }

    @ExceptionHandler({AggregateStreamCreationException.class, ConcurrencyException.class})
    ResponseEntity<ProblemDetail> duplicateStream(Exception conflict) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "duplicate-id",
                "That id is already used by something else, or another request changed the same record at the "
                        + "same moment. Choose another id, or read the record again and retry.");
        problem.setProperty("code", "DUPLICATE_ID");
        problem.setProperty("field", "id");
        return respond(problem);
    }

    @ExceptionHandler(JSR303ViolationException.class)
    ResponseEntity<ProblemDetail> commandInvalid(JSR303ViolationException invalid) {
        return invalid(violations(invalid.getViolations()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException invalid) {
        return invalid(violations(invalid.getConstraintViolations()));
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException failure, WebRequest request) throws Exception {
        return unwrap(failure, request);
    }

    @ExceptionHandler(InvalidHeaderException.class)
    ResponseEntity<ProblemDetail> invalidHeader(InvalidHeaderException invalid) {
        return invalid(List.of(new FieldProblem(invalid.header(), invalid.getMessage())));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException invalid) {
        return invalid(List.of(new FieldProblem(invalid.parameter(), invalid.getMessage())));
    }

    // ---- security that reaches a controller (method rules, referral leadership) ---------------

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException denied) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden", denied.getMessage() != null
                && !denied.getMessage().isBlank() && !denied.getMessage().equals("Access Denied")
                ? denied.getMessage() : "Your roles do not allow this request.");
        return respond(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException failure) {
        return respond(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first."));
    }

    // ---- anything else --------------------------------------------------------------------------

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, WebRequest request) throws Exception {
        return unwrap(failure, request);
    }

    /** Finds a cause this class knows how to explain; otherwise a 500 with a reference id only. */
    private ResponseEntity<ProblemDetail> unwrap(Exception failure, WebRequest request) throws Exception {
        Throwable cause = failure.getCause();
        while (cause != null && cause != failure) {
            if (cause instanceof CommandRejectedException rejected) {
                return rejected(rejected);
            }
            if (cause instanceof ConflictingAggregateVersionException stale) {
                return staleVersion(stale);
            }
            if (cause instanceof AggregateStreamCreationException || cause instanceof ConcurrencyException
                    || (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()))) {
                // The JDBC engine does not always recognise a duplicate key (an action id already
                // used by another plan's action arrives as a plain EventStoreException); the
                // database's unique-violation state (23505 in H2 and PostgreSQL) settles it.
                return duplicateStream((Exception) cause);
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return aggregateNotFound(notFound);
            }
            if (cause instanceof JSR303ViolationException invalid) {
                return commandInvalid(invalid);
            }
            if (cause instanceof AccessDeniedException denied) {
                return forbidden(denied);
            }
            if (cause.getCause() == cause) {
                break;
            }
            cause = cause.getCause();
        }
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure, reference {}: {}", reference, request.getDescription(false), failure);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "unexpected",
                "Something went wrong on our side. Quote reference " + reference + " when reporting it.");
        problem.setProperty("reference", reference);
        return respond(problem);
    }

    // ---- Spring MVC's own failures: bodies, parameters, headers ----------------------------------

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException invalid,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldError error : invalid.getBindingResult().getFieldErrors()) {
            problems.add(new FieldProblem(error.getField(), describe(error)));
        }
        invalid.getBindingResult().getGlobalErrors().forEach(error ->
                problems.add(new FieldProblem(null, error.getDefaultMessage())));
        return widen(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException invalid,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        invalid.getParameterValidationResults().forEach(result -> {
            String name = parameterName(result.getMethodParameter());
            result.getResolvableErrors().forEach(error -> problems.add(new FieldProblem(name, error.getDefaultMessage())));
        });
        return widen(invalid(problems));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException missing,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        return widen(invalid(List.of(new FieldProblem(missing.getParameterName(),
                "the query parameter " + missing.getParameterName() + " is required"))));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException missing) {
        return invalid(List.of(new FieldProblem(missing.getHeaderName(), "the header " + missing.getHeaderName() + " is required")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> wrongParameterType(MethodArgumentTypeMismatchException mismatch) {
        return invalid(List.of(new FieldProblem(mismatch.getName(),
                "'" + mismatch.getValue() + "' " + expected(mismatch.getRequiredType()))));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = unreadable.getCause();
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof PayloadTooLargeException tooLarge) {
                ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large",
                        "The request body is larger than " + tooLarge.limit() + " bytes.");
                return widen(respond(problem));
            }
        }
        if (cause == null) {
            return widen(invalid(List.of(new FieldProblem(null, "a JSON request body is required"))));
        }
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JsonParseException) {
                cause = c;
                break;
            }
        }
        if (cause instanceof JsonParseException parse) {
            return widen(invalid(List.of(new FieldProblem(null, "the body is not well-formed JSON (line "
                    + parse.getLocation().getLineNr() + ", column " + parse.getLocation().getColumnNr() + "): "
                    + parse.getOriginalMessage()))));
        }
        if (cause instanceof JsonMappingException mapping) {
            return widen(invalid(List.of(new FieldProblem(path(mapping), explain(mapping)))));
        }
        if (cause instanceof JsonProcessingException processing) {
            return widen(invalid(List.of(new FieldProblem(null, "the body is not valid JSON: "
                    + processing.getOriginalMessage()))));
        }
        return widen(invalid(List.of(new FieldProblem(null, "the request body could not be read"))));
    }

    /** Spring's remaining cases (405, 406, 415, 404 for unknown paths...) keep their status, as problem+json. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        HttpHeaders copy = new HttpHeaders();
        copy.putAll(headers);
        if (body instanceof ProblemDetail problem) {
            copy.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                HttpStatus status = HttpStatus.resolve(statusCode.value());
                problem.setType(URI.create(PREFIX + (status == null ? "http-" + statusCode.value()
                        : status.name().toLowerCase().replace('_', '-'))));
            }
        }
        return new ResponseEntity<>(body, copy, statusCode);
    }

    // ---- helpers --------------------------------------------------------------------------------

    static ProblemDetail problem(HttpStatus status, String type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(PREFIX + type));
        return problem;
    }

    static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> widen(ResponseEntity<ProblemDetail> response) {
        return (ResponseEntity) response;
    }

    static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        List<FieldProblem> sorted = problems.stream()
                .sorted(Comparator.comparing(p -> p.field() == null ? "" : p.field())).toList();
        FieldProblem first = sorted.isEmpty() ? new FieldProblem(null, "the request is not valid") : sorted.get(0);
        String detail = first.field() == null ? capitalise(first.message())
                : first.field() + ": " + first.message();
        if (sorted.size() > 1) {
            detail += " (and " + (sorted.size() - 1) + " more; see errors)";
        }
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-request", detail);
        problem.setTitle("Invalid request");
        if (first.field() != null) {
            problem.setProperty("field", first.field());
        }
        problem.setProperty("errors", sorted);
        return respond(problem);
    }

    private static List<FieldProblem> violations(java.util.Set<? extends ConstraintViolation<?>> violations) {
        List<FieldProblem> problems = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            String path = violation.getPropertyPath().toString();
            problems.add(new FieldProblem(path.isEmpty() ? null : path.replace(".<list element>", "")
                    .replace("<list element>", ""), violation.getMessage()));
        }
        return problems;
    }

    private static String describe(FieldError error) {
        String message = error.getDefaultMessage();
        if (error.getCodes() != null && Arrays.asList(error.getCodes()).contains("typeMismatch")) {
            return "has the wrong type";
        }
        if ("NotNull".equals(error.getCode()) || "NotBlank".equals(error.getCode()) || "NotEmpty".equals(error.getCode())) {
            Object rejected = error.getRejectedValue();
            return rejected == null ? "is required" : message;
        }
        return message;
    }

    private static String parameterName(org.springframework.core.MethodParameter parameter) {
        org.springframework.web.bind.annotation.RequestParam requestParam =
                parameter.getParameterAnnotation(org.springframework.web.bind.annotation.RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        if (requestParam != null && !requestParam.value().isEmpty()) {
            return requestParam.value();
        }
        return parameter.getParameterName();
    }

    /** The JSON path of the value Jackson choked on: {@code leads[0].userId}. */
    static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String explain(JsonMappingException mapping) {
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return "is not a field of this request" + knownFields(unknown.getKnownPropertyIds());
        }
        if (mapping instanceof IgnoredPropertyException) {
            return "is not a field of this request";
        }
        if (mapping instanceof InvalidFormatException format) {
            Class<?> target = format.getTargetType();
            if (target != null && target.isEnum()) {
                return "'" + format.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
            }
            return "'" + format.getValue() + "' " + expected(target);
        }
        if (mapping instanceof ValueInstantiationException instantiation && instantiation.getCause() != null) {
            return instantiation.getCause().getMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            Class<?> target = mismatch.getTargetType();
            if (target != null && target.isPrimitive()) {
                return "is required";
            }
            return "has the wrong type: it " + expected(target);
        }
        Throwable cause = mapping.getCause();
        if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return "has a value that cannot be read";
    }

    private static String knownFields(java.util.Collection<Object> known) {
        if (known == null || known.isEmpty()) {
            return "";
        }
        return " (fields: " + known.stream().map(String::valueOf).sorted().reduce((a, b) -> a + ", " + b).orElse("") + ")";
    }

    private static String expected(Class<?> target) {
        if (target == null) {
            return "has the wrong type";
        }
        if (LocalDate.class.equals(target)) {
            return "must be a date written YYYY-MM-DD";
        }
        if (java.time.Instant.class.equals(target)) {
            return "must be an instant written like 2013-06-30T12:00:00Z";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an ISO-8601 date or time";
        }
        if (target.isEnum()) {
            return "must be one of " + Arrays.toString(target.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(target) || target == int.class || target == long.class) {
            return "must be a whole number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be a list";
        }
        return "must be an object of the documented shape";
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
