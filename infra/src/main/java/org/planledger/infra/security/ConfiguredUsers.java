package org.planledger.infra.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The users of HTTP Basic and form login: the demo users, while demo mode is on, and the users
 * file. Built once at start-up.
 */
final class ConfiguredUsers {

    private static final Logger log = LoggerFactory.getLogger(ConfiguredUsers.class);

    static final String DEMO_PASSWORD = "demo";
    static final int DEMO_COST = 4;

    private static final String ACTION = "Set server.address=127.0.0.1 (and management.server.address=127.0.0.1 "
            + "when management.server.port is set), or turn demo mode off (planledger.security.demo-users=false) and "
            + "give real users in planledger.security.users-file.";

    /**
     * One demo user per role, each holding it in every partnership (a bare grant); lead1 and lead2 lead
     * different demo actions. manager2 manages only the fictional showcase partnership's plans, county
     * sees the county figures and nothing of any one plan.
     */
    static final Map<String, String> DEMO_USERS = demoUsers();

    private ConfiguredUsers() {
    }

    private static Map<String, String> demoUsers() {
        Map<String, String> users = new LinkedHashMap<>();
        users.put("manager", Roles.PLAN_MANAGER);
        users.put("lead1", Roles.DELIVERY_LEAD);
        users.put("lead2", Roles.DELIVERY_LEAD);
        users.put("board", Roles.BOARD);
        users.put("auditor", Roles.AUDITOR);
        users.put("scrutiny", Roles.SCRUTINY);
        // the showcase's partnership, "Example Borough Community Safety Partnership" (ShowcasePlan)
        users.put("manager2", Roles.PLAN_MANAGER + "@example-borough");
        users.put("county", Roles.COUNTY_ANALYST);
        return users;
    }

    static InMemoryUserDetailsManager build(SecuritySettings settings, Environment environment) {
        List<UserDetails> users = new ArrayList<>();
        if (settings.demoUsers()) {
            requireLoopbackEverywhere(environment);
            // Cost 4 keeps every Basic request cheap; these users are public knowledge anyway.
            String hash = new BCryptPasswordEncoder(DEMO_COST).encode(DEMO_PASSWORD);
            DEMO_USERS.forEach((name, grant) -> users.add(user(name, hash, Set.of(Grants.parse(grant)))));
            log.warn("Demo mode: users {} have the password '{}'. Set planledger.security.demo-users=false "
                    + "and planledger.security.users-file for real users.", DEMO_USERS.keySet(), DEMO_PASSWORD);
        }
        if (settings.usersFile() != null && !settings.usersFile().toString().isBlank()) {
            for (UsersFile.FileUser fileUser : UsersFile.read(settings.usersFile())) {
                if (users.stream().anyMatch(u -> u.getUsername().equals(fileUser.username()))) {
                    throw new IllegalStateException("the users file names '" + fileUser.username()
                            + "' twice, or a demo user of that name exists");
                }
                users.add(user(fileUser.username(), fileUser.bcryptHash(), fileUser.grants()));
            }
        }
        if (users.isEmpty()) {
            log.warn("No users: demo mode is off and no planledger.security.users-file is set; every API request "
                    + "will be refused with 401.");
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The users file alone: never the demo users, whose published password is for loopback demos only. */
    static InMemoryUserDetailsManager fromFile(SecuritySettings settings) {
        List<UserDetails> users = new ArrayList<>();
        for (UsersFile.FileUser fileUser : UsersFile.read(settings.usersFile())) {
            if (users.stream().anyMatch(u -> u.getUsername().equals(fileUser.username()))) {
                throw new IllegalStateException("the users file names '" + fileUser.username() + "' twice");
            }
            users.add(user(fileUser.username(), fileUser.bcryptHash(), fileUser.grants()));
        }
        return new InMemoryUserDetailsManager(users);
    }

    /** The bcrypt cost most of the configured users' hashes have (the demo users': 4). */
    static int typicalCost(SecuritySettings settings) {
        List<Integer> costs = new ArrayList<>();
        if (settings.demoUsers()) {
            costs.add(DEMO_COST);
        }
        if (settings.usersFile() != null && !settings.usersFile().toString().isBlank()
                && java.nio.file.Files.isReadable(settings.usersFile())) {
            for (UsersFile.FileUser fileUser : UsersFile.read(settings.usersFile())) {
                costs.add(costOf(fileUser.bcryptHash()));
            }
        }
        if (costs.isEmpty()) {
            return 10;
        }
        java.util.Collections.sort(costs);
        return costs.get(costs.size() / 2);
    }

    /** "$2a$12$..." -> 12 */
    static int costOf(String bcryptHash) {
        try {
            return Integer.parseInt(bcryptHash.substring(4, 6));
        } catch (RuntimeException notBcrypt) {
            return 10;
        }
    }

    private static UserDetails user(String name, String bcryptHash, Set<Grants.Grant> grants) {
        return User.withUsername(name).password("{bcrypt}" + bcryptHash).authorities(Grants.authorities(grants)).build();
    }

    /**
     * Every address the service listens on: the application's and, when Actuator has a port of its
     * own, the management server's, which binds to every interface unless
     * {@code management.server.address} says otherwise (it does not inherit {@code server.address}).
     * The security filter chain serves both ports, so demo users reach both.
     */
    static void requireLoopbackEverywhere(Environment environment) {
        requireLoopback(environment.getProperty("server.address"));
        String managementPort = environment.getProperty("management.server.port");
        // 0 is "any free port": always a port of its own, even when server.port is 0 too.
        boolean ownManagementPort = managementPort != null && !managementPort.isBlank()
                && !managementPort.strip().equals("-1")
                && (managementPort.strip().equals("0")
                    || !managementPort.strip().equals(environment.getProperty("server.port", "8080").strip()));
        if (ownManagementPort) {
            requireLoopback(environment.getProperty("management.server.address"), "management.server.address");
        }
    }

    static void requireLoopback(String serverAddress) {
        requireLoopback(serverAddress, "server.address");
    }

    /**
     * Demo users have a published password, so they may exist only while nobody but this machine
     * can connect. Refuses to start otherwise, naming the setting to change.
     */
    static void requireLoopback(String serverAddress, String property) {
        String why = "Demo mode (planledger.security.demo-users=true) creates users whose password is '"
                + DEMO_PASSWORD + "', so the service only runs with it while it listens on loopback. ";
        if (serverAddress == null || serverAddress.isBlank()) {
            throw new DemoModeRefused(why + property + " is not set, so it would listen on every "
                    + "network interface.", ACTION);
        }
        boolean loopback;
        try {
            InetAddress[] addresses = InetAddress.getAllByName(serverAddress.strip());
            loopback = addresses.length > 0;
            for (InetAddress address : addresses) {
                loopback &= address.isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            loopback = false;
        }
        if (!loopback) {
            throw new DemoModeRefused(why + property + " is " + serverAddress + ", which is not a "
                    + "loopback address.", ACTION);
        }
    }
}
