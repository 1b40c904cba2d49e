package org.planledger.infra.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The user ids this service knows of itself: the demo users while demo mode is on, and the users
 * file, when people sign in with a password. The pages offer them as an action's leads, so a
 * manager picks a person rather than typing a user id. With single sign-on the identity provider
 * holds the people; the pages then offer the leads already named on the plan.
 */
@Component
public class KnownUsers {

    /** A user id and the roles it signs in with. */
    public record KnownUser(String userId, Set<String> roles) {
    }

    private final List<KnownUser> users;

    public KnownUsers(SecuritySettings settings, Environment environment) {
        List<KnownUser> found = new ArrayList<>();
        if (SecurityConfiguration.usesBasic(settings, environment)) {
            if (settings.demoUsers()) {
                ConfiguredUsers.DEMO_USERS.forEach((name, grant) -> found.add(new KnownUser(name, Set.of(Grants.parse(grant).role()))));
            }
            if (settings.usersFile() != null && !settings.usersFile().toString().isBlank()) {
                UsersFile.read(settings.usersFile()).forEach(user -> found.add(new KnownUser(user.username(), user.roles())));
            }
        }
        this.users = List.copyOf(found);
    }

    /** Users who may record against an action they lead: delivery leads and plan managers. */
    public List<KnownUser> mayLead() {
        return users.stream().filter(user -> user.roles().contains(Roles.DELIVERY_LEAD)
                || user.roles().contains(Roles.PLAN_MANAGER)).toList();
    }
}
