package org.planledger.infra.boardpack;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templateresolver.ITemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * Renders the pack's page outside a web request, for the PDF: the same template and fragments the
 * pages use, resolved by the application's own template resolvers, with the same beans
 * ({@code @pageText}) in reach. Only links differ: with no request there is no context path and
 * no session to encode, so {@code @{/actions/x}} stays {@code /actions/x}; that also keeps the
 * PDF free of anything that depends on who asked.
 */
@Component
class BoardPackTemplates {

    static final String TEMPLATE = "board-pack";

    private final SpringTemplateEngine engine = new SpringTemplateEngine();
    private final ApplicationContext applicationContext;
    private final ConversionService conversionService;

    BoardPackTemplates(ObjectProvider<ITemplateResolver> resolvers, ApplicationContext applicationContext,
                       ObjectProvider<ConversionService> conversionService) {
        resolvers.orderedStream().forEach(engine::addTemplateResolver);
        engine.setEnableSpringELCompiler(true);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return "";
            }
        });
        this.applicationContext = applicationContext;
        this.conversionService = conversionService.getIfUnique();
    }

    String render(Map<String, Object> model) {
        Context context = new Context(Locale.UK, model);
        context.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(applicationContext, conversionService));
        return engine.process(TEMPLATE, context);
    }
}
