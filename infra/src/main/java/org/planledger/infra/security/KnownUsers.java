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
 * holds the people; the pages then offer the leads already named on the plan.
 *
 * <p>Also where update reminders find an address ({@link #addressOf}): the users file's optional
 * e-mail column, or the {@code email} claim of a person who signed in through the identity
 * provider (remembered in memory from their sign-in, so until the next restart).
 */
@Component
public class KnownUsers {

    /** A user id, the roles it signs in with, and its e-mail address if one is known (else null). */
    public record KnownUser(String userId, Set<String> roles, String email) {
    }

    private final List<KnownUser> users;
    private final Map<String, String> addressesFromFile = new ConcurrentHashMap<>();
    private final Map<String, String> addressesFromSignIn = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> rolesFromSignIn = new ConcurrentHashMap<>();

    public KnownUsers(SecuritySettings settings, Environment environment) {
        List<KnownUser> found = new ArrayList<>();
        boolean usersFile = settings.usersFile() != null && !settings.usersFile().toString().isBlank();
        if (SecurityConfiguration.usesBasic(settings, environment)) {
            if (settings.demoUsers()) {
                ConfiguredUsers.DEMO_USERS.forEach((name, role) -> found.add(new KnownUser(name, Set.of(role), null)));
            }
            if (usersFile) {
                UsersFile.read(settings.usersFile()).forEach(user -> found.add(new KnownUser(user.username(), user.roles(), user.email())));
            }
        }
        if (usersFile) {
            // addresses even where people sign in through the identity provider and the file only lists addresses
            UsersFile.read(settings.usersFile()).stream().filter(user -> user.email() != null)
                    .forEach(user -> addressesFromFile.put(user.username(), user.email()));
        }
        this.users = List.copyOf(found);
    }

    /** Users who may record against an action they lead: delivery leads and plan managers. */
    public List<KnownUser> mayLead() {
        return users.stream().filter(user -> user.roles().contains(Roles.DELIVERY_LEAD)
                || user.roles().contains(Roles.PLAN_MANAGER)).toList();
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
        rolesFromSignIn.forEach((userId, roles) -> {
            if (roles.contains(role) && !ids.contains(userId)) {
                ids.add(userId);
            }
        });
        return ids.stream().sorted().toList();
    }

    /** A person signed in through the identity provider: their roles and {@code email} claim, if any. */
    void signedIn(String userId, Set<String> roles, Object emailClaim) {
        if (userId == null) {
            return;
        }
        rolesFromSignIn.put(userId, Set.copyOf(roles));
        if (emailClaim instanceof String email && !email.isBlank()) {
            addressesFromSignIn.put(userId, email.strip());
        }
    }
}
