package org.planledger.infra.pages;

import org.planledger.infra.security.SignInOptions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the password form where the security chain takes passwords, and one link per
 * OpenID Connect provider (docs/sign-in.md). Public, like the rest of {@code /login}.
 */
@Controller
class SignInPage {

    private final ObjectProvider<SignInOptions> options;

    SignInPage(ObjectProvider<SignInOptions> options) {
        this.options = options;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("signIn", options.getIfAvailable(() -> new SignInOptions(false, false, java.util.List.of())));
        return "login";
    }
}
