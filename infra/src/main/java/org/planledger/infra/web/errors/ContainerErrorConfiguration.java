package org.planledger.infra.web.errors;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Tomcat refuses some requests before any servlet sees them (an encoded slash or NUL in the
 * address, an address or header longer than it accepts) and answers them with its own HTML page.
 * This swaps Tomcat's error report for {@link ProblemJsonErrorReportValve}, so those answers are
 * problem+json like every other error. Runs after Spring Boot's own customizer, which adds a plain
 * {@link ErrorReportValve}: that one is removed, and the host is told our class is its error
 * report valve, or it would add Tomcat's default again when it starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class ContainerErrorConfiguration implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemJsonErrorReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            if (host instanceof org.apache.catalina.core.StandardHost standardHost) {
                standardHost.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
            }
            boolean present = false;
            for (Valve valve : host.getPipeline().getValves()) {
                present |= valve instanceof ProblemJsonErrorReportValve;
            }
            if (!present) {
                host.getPipeline().addValve(new ProblemJsonErrorReportValve());
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
