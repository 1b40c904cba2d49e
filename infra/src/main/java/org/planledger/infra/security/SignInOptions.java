package org.planledger.infra.security;

import java.util.List;

/**
 * How a person may sign in to the pages, as the page security chain was built: with a user name
 * and password (the demo users or the users file), through the organisation's identity provider
 * (OpenID Connect), or both. The sign-in page offers exactly these, so it never shows a form the
 * chain would refuse.
 *
 * @param passwords     the user name and password form is on
 * @param demoUsers     the demo users exist (the page lists them)
 * @param providers     the OpenID Connect providers, each a link to {@code /oauth2/authorization/{id}}
 */
public record SignInOptions(boolean passwords, boolean demoUsers, List<Provider> providers) {

    public SignInOptions {
        providers = List.copyOf(providers);
    }

    /**
     * @param registrationId   Spring's client registration id
     * @param name             what the link says
     * @param signOutOrigin    the origin of the provider's end-session endpoint, if it publishes one
     */
    public record Provider(String registrationId, String name, String signOutOrigin) {
    }

    /** Where signing out may send the browser besides this service (the providers' end-session endpoints). */
    public List<String> signOutOrigins() {
        return providers.stream().map(Provider::signOutOrigin).filter(java.util.Objects::nonNull).distinct().toList();
    }

    public boolean any() {
        return passwords || !providers.isEmpty();
    }
}
