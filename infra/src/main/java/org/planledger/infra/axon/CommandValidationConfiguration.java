package org.planledger.infra.axon;

import jakarta.validation.ValidatorFactory;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.planledger.command.PrintableText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Structural checks (non-blank, lengths, ranges) are Bean Validation annotations on the command
 * records. Checking them in a dispatch interceptor on the command bus refuses a bad command on the
 * sender's thread, before any handler or unit of work runs, so bad input stores nothing.
 * <p>
 * The interceptor is deliberately not a bean: Axon's InterceptorAutoConfiguration would then also
 * register it on the gateway and as a handler interceptor, validating every command three times.
 * It lives apart from {@link CommandSideConfiguration}, whose ConfigurerModule the command bus
 * itself depends on.
 */
@Configuration(proxyBeanMethods = false)
public class CommandValidationConfiguration {

    @Autowired
    public void validateCommandsOnDispatch(CommandBus commandBus, ValidatorFactory validatorFactory) {
        commandBus.registerDispatchInterceptor(new BeanValidationInterceptor<>(validatorFactory));
        // After the structural checks: every text of every command is printable (PrintableText says why).
        commandBus.registerDispatchInterceptor(messages -> (index, command) -> {
            PrintableText.require(command.getPayload());
            return command;
        });
    }
}
