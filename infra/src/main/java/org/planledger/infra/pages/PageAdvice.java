package org.planledger.infra.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import java.util.UUID;

/**
 * For the page controllers only (this package): the viewer in every model, and failures as a
 * page a person can read — never the API's problem+json, never a stack trace. Ordered before the
 * API's advice, which otherwise answers every controller.
 */
@ControllerAdvice(basePackageClasses = PageAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("viewer")
    Viewer viewer(Authentication authentication) {
        return Viewer.of(authentication);
    }

    @ModelAttribute("requestPath")
    String requestPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ExceptionHandler(ResourceNotFoundException.class)
    ModelAndView notFound(ResourceNotFoundException notFound, HttpServletRequest request) {
        return page(HttpStatus.NOT_FOUND, "Not found", "There is no " + notFound.kind() + " '" + notFound.id() + "'.", request);
    }

    @ExceptionHandler({InvalidParameterException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ModelAndView badRequest(Exception invalid, HttpServletRequest request) {
        String message = invalid instanceof MethodArgumentTypeMismatchException mismatch
                ? "'" + mismatch.getValue() + "' is not a valid " + mismatch.getName() + "."
                : invalid.getMessage();
        return page(HttpStatus.BAD_REQUEST, "That address is not valid", message, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ModelAndView forbidden(AccessDeniedException denied, HttpServletRequest request) {
        return page(HttpStatus.FORBIDDEN, "Not allowed", denied.getMessage() == null || denied.getMessage().equals("Access Denied")
                ? "Your role does not allow this page." : denied.getMessage(), request);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString();
        log.error("Unexpected failure on page {}, reference {}", request.getRequestURI(), reference, failure);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Something went wrong on our side. Quote reference " + reference + " when reporting it.", request);
    }

    static ModelAndView page(HttpStatus status, String title, String message, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("error-page");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("viewer", Viewer.of(SecurityContextHolder.getContext().getAuthentication()));
        page.addObject("requestPath", request.getRequestURI());
        return page;
    }
}
