package org.planledger.infra.web;

import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.infra.importer.InvalidPlanDocumentException;
import org.planledger.infra.refusals.CommandFailures;
import org.planledger.infra.refusals.DomainRefusals;
import org.planledger.infra.refusals.FieldProblem;
import org.planledger.infra.refusals.InputProblems;
import org.planledger.infra.refusals.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
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
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every failure of the HTTP API as {@code application/problem+json} (RFC 9457). A problem has a
 * stable {@code type} ({@code urn:planledger:problem:...}), a {@code detail} a person can act on
 * and, for bad input, {@code field} (the first offending field, as a JSON path such as
 * {@code leads[0].name}) and {@code errors} (every offending field and why). Business rejections
 * also carry the command side's stable {@code code}.
 * <p>
 * What each failure means is decided in {@link org.planledger.infra.refusals} (shared with the
 * web pages' forms); this class only writes it as problem+json, and answers Spring MVC's own
 * failures. Nothing from an exception that was not written for a person reaches the client:
 * unexpected failures are logged with a reference id and answered with that id only, never a
 * stack trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String PREFIX = "urn:planledger:problem:";

    // ---- refusals a person can act on (org.planledger.infra.refusals) -----------------------------

    @ExceptionHandler(CommandRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(CommandRejectedException rejection) {
        return respond(DomainRefusals.of(rejection));
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
        return respond(CommandFailures.notFound(notFound.kind(), notFound.id()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException invalid) {
        return invalid(InputProblems.violations(invalid.getConstraintViolations()));
    }

    @ExceptionHandler(InvalidHeaderException.class)
    ResponseEntity<ProblemDetail> invalidHeader(InvalidHeaderException invalid) {
        return invalid(List.of(new FieldProblem(invalid.header(), invalid.getMessage())));
    }

    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException invalid) {
        return invalid(List.of(new FieldProblem(invalid.parameter(), invalid.getMessage())));
    }

    // ---- security that reaches a controller (the role declarations on handler methods) ----------

    /** A role declaration ({@code @RolesAllowed}) refused the caller: the same answer the security filters give. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException denied, HttpServletRequest request) {
        ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "forbidden", denied.getMessage() != null
                && !denied.getMessage().isBlank() && !denied.getMessage().equals("Access Denied")
                ? denied.getMessage() : "Your roles do not allow " + request.getMethod() + " " + request.getRequestURI() + ".");
        return respond(problem);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException failure) {
        return respond(problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Sign in first."));
    }

    // ---- anything else: Axon's wrappers (CommandExecutionException...) or a failure of ours -------

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure, WebRequest request) {
        Optional<Refusal> refusal = CommandFailures.explain(failure);
        if (refusal.isPresent()) {
            return respond(refusal.get());
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AccessDeniedException denied && request instanceof ServletWebRequest servlet) {
                return forbidden(denied, servlet.getRequest());
            }
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
        invalid.getBindingResult().getFieldErrors().forEach(error -> problems.add(InputProblems.of(error)));
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
                "'" + mismatch.getValue() + "' " + InputProblems.expected(mismatch.getRequiredType()))));
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
        return widen(invalid(List.of(InputProblems.unreadable(cause))));
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

    // ---- a Refusal as problem+json ----------------------------------------------------------------

    static ResponseEntity<ProblemDetail> respond(Refusal refusal) {
        ProblemDetail problem = problem(HttpStatus.valueOf(refusal.kind().status), refusal.type(), refusal.detail());
        boolean invalidRequest = Refusal.INVALID_REQUEST.equals(refusal.type());
        if (invalidRequest) {
            problem.setTitle("Invalid request");
        }
        if (refusal.code() != null) {
            problem.setProperty("code", refusal.code());
        }
        if (refusal.currentVersion() != null) {
            problem.setProperty("currentVersion", refusal.currentVersion());
        }
        if (refusal.field() != null) {
            problem.setProperty("field", refusal.field());
        }
        if (invalidRequest || !refusal.errors().isEmpty()) {
            problem.setProperty("errors", refusal.errors());
        }
        return respond(problem);
    }

    static ResponseEntity<ProblemDetail> invalid(List<FieldProblem> problems) {
        return respond(Refusal.invalid(problems));
    }

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

    private static String parameterName(MethodParameter parameter) {
        RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
        if (requestParam != null && !requestParam.name().isEmpty()) {
            return requestParam.name();
        }
        if (requestParam != null && !requestParam.value().isEmpty()) {
            return requestParam.value();
        }
        return parameter.getParameterName();
    }
}
