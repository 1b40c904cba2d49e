package org.planledger.infra.web;

import io.swagger.v3.oas.annotations.Parameter;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How If-Match is documented on every update: OpenApiConfiguration adds it to each method taking a Change. */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Parameter(description = "The version you last saw (the ETag, e.g. \"3\"). When the record has changed since, "
        + "the request is refused with 409 instead of overwriting the other change. Omit it, or send *, to skip the check.",
        example = "\"3\"")
public @interface IfMatchHeader {
}
