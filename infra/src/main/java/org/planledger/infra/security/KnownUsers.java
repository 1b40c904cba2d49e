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

    /** A user id, the roles it signs in with, and the partnerships where it may lead ({@code *}: every one). */
    public record KnownUser(String userId, Set<String> roles, Set<String> leadsIn) {
        static KnownUser of(String userId, java.util.Collection<Grants.Grant> grants) {
            Set<String> roles = new java.util.TreeSet<>();
            Set<String> leadsIn = new java.util.TreeSet<>();
            for (Grants.Grant grant : grants) {
                roles.add(grant.role());
                if (grant.role().equals(Roles.DELIVERY_LEAD) || grant.role().equals(Roles.PLAN_MANAGER)) {
                    leadsIn.add(grant.partnershipId());
                }
            }
            return new KnownUser(userId, roles, leadsIn);
        }
    }

    private final List<KnownUser> users;

    public KnownUsers(SecuritySettings settings, Environment environment) {
        List<KnownUser> found = new ArrayList<>();
        if (SecurityConfiguration.usesBasic(settings, environment)) {
            if (settings.demoUsers()) {
                ConfiguredUsers.DEMO_USERS.forEach((name, grant) -> found.add(KnownUser.of(name, Set.of(Grants.parse(grant)))));
            }
            if (settings.usersFile() != null && !settings.usersFile().toString().isBlank()) {
                UsersFile.read(settings.usersFile()).forEach(user -> found.add(KnownUser.of(user.username(), user.grants())));
            }
        }
        this.users = List.copyOf(found);
    }

    /** Users who may record against an action they lead: delivery leads and plan managers. */
    public List<KnownUser> mayLead() {
        return users.stream().filter(user -> !user.leadsIn().isEmpty()).toList();
    }

    /** Users who may record against an action they lead in this partnership (named elsewhere they could not use it). */
    public List<KnownUser> mayLead(String partnershipId) {
        return users.stream().filter(user -> user.leadsIn().contains(org.planledger.events.PartnershipIds.EVERY)
                || user.leadsIn().contains(partnershipId)).toList();
    }
}
