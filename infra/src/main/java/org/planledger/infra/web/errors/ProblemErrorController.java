package org.planledger.infra.web.errors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Errors that reach the servlet container's error page rather than a controller: the security
 * firewall's refusals ({@code //}, {@code ;jsessionid=}, an encoded line break), unknown paths,
 * failures in filters. Browsers keep the HTML error page; everyone else gets problem+json
 * instead of Spring Boot's default JSON shape.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
public class ProblemErrorController extends BasicErrorController {

    public ProblemErrorController(ErrorAttributes errorAttributes, ServerProperties serverProperties,
                                  ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        super(errorAttributes, serverProperties.getError(), errorViewResolvers.orderedStream().toList());
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        HttpStatus status = getStatus(request);
        if (status == HttpStatus.NO_CONTENT) {
            return new ResponseEntity<>(status);
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request's address could not be accepted: for example a double slash, a "
                    + "path parameter such as ;jsessionid=, or an encoded line break.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that method.";
            default -> status.is5xxServerError() ? "The server could not answer this request." : status.getReasonPhrase() + ".";
        };
    }
}
