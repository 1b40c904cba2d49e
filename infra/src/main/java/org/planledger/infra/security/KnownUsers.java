package org.planledger.infra.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The user ids this service knows of itself: the demo users while demo mode is on, and the users
 * file, when people sign in with a password. The pages offer them as an action's leads, so a
 * manager picks a person rather than typing a user id. With single sign-on the identity provider
 * holds the people: the pages then offer those who have signed in since the service started with a
 * role that may lead (remembered in memory), beside the leads already named on the plan.
 *
 * <p>Also where update reminders find an address ({@link #addressOf}): the users file's optional
 * e-mail column, or the {@code email} claim of a person who signed in through the identity
 * provider (remembered in memory from their sign-in, so until the next restart).
 */
@Component
public class KnownUsers {

    /**
     * A user id, the roles it signs in with, the partnerships where it may lead ({@code *}: every one),
     * and its e-mail address if one is known (else null).
     */
    public record KnownUser(String userId, Set<String> roles, Set<String> leadsIn, String email) {
        static KnownUser of(String userId, java.util.Collection<Grants.Grant> grants, String email) {
            Set<String> roles = new java.util.TreeSet<>();
            Set<String> leadsIn = new java.util.TreeSet<>();
            for (Grants.Grant grant : grants) {
                roles.add(grant.role());
                if (grant.role().equals(Roles.DELIVERY_LEAD) || grant.role().equals(Roles.PLAN_MANAGER)) {
                    leadsIn.add(grant.partnershipId());
                }
            }
            return new KnownUser(userId, roles, leadsIn, email);
        }
    }

    private final List<KnownUser> users;
    private final Map<String, String> addressesFromFile = new ConcurrentHashMap<>();
    private final Map<String, String> addressesFromSignIn = new ConcurrentHashMap<>();
    /** People who signed in through the identity provider since the start, by user id: their grants as their last sign-in gave them. */
    private final Map<String, KnownUser> signedInThroughProvider = new ConcurrentHashMap<>();

    public KnownUsers(SecuritySettings settings, Environment environment) {
        List<KnownUser> found = new ArrayList<>();
        boolean usersFile = settings.usersFile() != null && !settings.usersFile().toString().isBlank();
        if (SecurityConfiguration.usesBasic(settings, environment)) {
            if (settings.demoUsers()) {
                ConfiguredUsers.DEMO_USERS.forEach((name, grant) -> found.add(KnownUser.of(name, Set.of(Grants.parse(grant)), null)));
            }
            if (usersFile) {
                UsersFile.read(settings.usersFile()).forEach(user -> found.add(KnownUser.of(user.username(), user.grants(), user.email())));
            }
        }
        if (usersFile) {
            // addresses even where people sign in through the identity provider and the file only lists addresses
            UsersFile.read(settings.usersFile()).stream().filter(user -> user.email() != null)
                    .forEach(user -> addressesFromFile.put(user.username(), user.email()));
        }
        this.users = List.copyOf(found);
    }

    /**
     * Users who may record against an action they lead: delivery leads and plan managers, from the
     * demo users, the users file and the people who signed in through the identity provider.
     */
    public List<KnownUser> mayLead() {
        return everyone().stream().filter(user -> !user.leadsIn().isEmpty()).toList();
    }

    /** Users who may record against an action they lead in this partnership (named elsewhere they could not use it). */
    public List<KnownUser> mayLead(String partnershipId) {
        return everyone().stream().filter(user -> user.leadsIn().contains(org.planledger.events.PartnershipIds.EVERY)
                || user.leadsIn().contains(partnershipId)).toList();
    }

    /** The service's own users, then the people who signed in through the identity provider (a user id once). */
    private List<KnownUser> everyone() {
        List<KnownUser> all = new ArrayList<>(users);
        signedInThroughProvider.values().stream()
                .filter(person -> users.stream().noneMatch(user -> user.userId().equals(person.userId())))
                .sorted(java.util.Comparator.comparing(KnownUser::userId)).forEach(all::add);
        return all;
    }

    /** The user's e-mail address: the users file's first, else the one their last sign-in's claims gave. */
    public Optional<String> addressOf(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(addressesFromFile.getOrDefault(userId, addressesFromSignIn.get(userId)));
    }

    /** The user ids known to hold the role (users file, demo users, people who signed in since the start). */
    public List<String> withRole(String role) {
        List<String> ids = new ArrayList<>(users.stream().filter(user -> user.roles().contains(role)).map(KnownUser::userId).toList());
        signedInThroughProvider.values().forEach(person -> {
            if (person.roles().contains(role) && !ids.contains(person.userId())) {
                ids.add(person.userId());
            }
        });
        return ids.stream().sorted().toList();
    }

    /** A person signed in through the identity provider: their grants and {@code email} claim, if any. */
    void signedIn(String userId, java.util.Collection<Grants.Grant> grants, Object emailClaim) {
        if (userId == null) {
            return;
        }
        signedInThroughProvider.put(userId, KnownUser.of(userId, grants, null));
        if (emailClaim instanceof String email && !email.isBlank()) {
            addressesFromSignIn.put(userId, email.strip());
        }
    }
}
