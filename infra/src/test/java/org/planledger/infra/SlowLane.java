package org.planledger.infra;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts a test class in the slow lane (crash, load, browser, PostgreSQL): run by {@code mvn verify}
 * and {@code ./ledger test}, left out of the fast lane ({@code mvn test}, {@code ./ledger fast})
 * a developer runs while working. jqwik property classes use {@code @net.jqwik.api.Tag("slow")}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface SlowLane {
}
