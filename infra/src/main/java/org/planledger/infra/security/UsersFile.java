package org.planledger.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users file: one user per line, {@code username:bcrypt-hash:ROLE[,ROLE...][:email]}. Blank lines and
 * lines starting with {@code #} are ignored. The e-mail address is optional: update reminders go to it
 * (docs/reminders-and-approval.md). Example (hash made with {@code htpasswd -nbBC 12 x pw}
 * or Spring's BCryptPasswordEncoder):
 * <pre>
 * # Kettering CSP
 * jsmith:$2y$12$Q8....:DELIVERY_LEAD
 * </pre>
 * A hash must be bcrypt ({@code $2a$}, {@code $2b$} or {@code $2y$}); plain passwords are refused.
 */
final class UsersFile {

    record FileUser(String username, String bcryptHash, Set<String> roles, String email) {
    }

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");
    /** One address, nothing more: no display name, no list; checked loosely, the mail server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s:,;<>\"]{1,64}@[^@\\s:,;<>\"]{1,190}");
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}");

    private UsersFile() {
    }

    static List<FileUser> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the users file " + file.toAbsolutePath(), e);
        }
        List<FileUser> users = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            users.add(parse(line, file, i + 1));
        }
        return users;
    }

    static FileUser parse(String line, Path file, int lineNumber) {
        String where = file + " line " + lineNumber + ": ";
        String[] parts = line.split(":", -1);
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalStateException(where + "expected username:bcrypt-hash:ROLES or username:bcrypt-hash:ROLES:email");
        }
        String email = parts.length == 4 && !parts[3].isBlank() ? parts[3].strip() : null;
        if (email != null && !EMAIL.matcher(email).matches()) {
            throw new IllegalStateException(where + "'" + email + "' is not an e-mail address");
        }
        String username = parts[0].strip();
        String hash = parts[1].strip();
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalStateException(where + "'" + username + "' is not a valid username");
        }
        if (!BCRYPT.matcher(hash).matches()) {
            throw new IllegalStateException(where + "the password of '" + username + "' is not a bcrypt hash");
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String role : Arrays.stream(parts[2].split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList()) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException(where + "unknown role '" + role + "' (known: " + Roles.ALL + ")");
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            throw new IllegalStateException(where + "'" + username + "' has no role");
        }
        return new FileUser(username, hash, roles, email);
    }
}
