package org.planledger.infra.web;

import org.planledger.infra.security.PartnershipScope;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command endpoint, stated once: its method and path, who may call it, its OpenAPI words, its
 * request record and the command it sends. The routes are listed beside their request records
 * ({@code PlanRequests.ROUTES}, {@code ActionRequests.ROUTES}, {@code ActionRequests.REFERRAL_ROUTES});
 * {@link CommandRoutes} registers each with Spring MVC at start-up, and what every endpoint does
 * besides its command happens there once: reading and validating the body, the role check,
 * If-Match and the reason ({@link Change}), sending as the caller, and the answer.
 * <p>
 * The answer follows from how the route is declared:
 * <ul>
 *   <li>{@link #changes}: 200 with {@link Accepted}, naming the last path variable (the note, the
 *   risk, the priority... or the aggregate itself) and, as the ETag, the version the aggregate named
 *   by the first path variable reached;</li>
 *   <li>{@link #createsIn}: 201, a record kept in the first path variable's stream, its Location the
 *   request's path and the new id, its ETag the parent's version;</li>
 *   <li>{@link #createsStream}: 201, a record with a stream of its own, its Location under
 *   {@code location} and its ETag its own version;</li>
 *   <li>{@link #answers}: whatever the route's own function answers (a progress note's id, the
 *   approval setting).</li>
 * </ul>
 * A body's {@code reason} field, when the record has one, is the change's reason, and
 * {@code X-Change-Reason} only when it is blank; a record without one takes the header's.
 *
 * @param <B> the request record ({@link Void} for an endpoint that reads no body)
 */
public final class CommandRoute<B> {

    /** Sends the command(s) for one request and answers it. */
    @FunctionalInterface
    interface Answering<B> {
        ResponseEntity<?> answer(B body, CommandCall call);
    }

    /** A request record of a create: the id the client chose, so a retry is harmless, or null for a new one. */
    public interface ClientChosenId {
        String id();
    }

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");

    final RequestMethod method;
    final String pattern;
    final Class<B> body;
    final Answering<B> answering;
    final HttpStatus status;
    final Class<?> answerType;
    final List<String> variables;
    Set<String> roles = Set.of();
    String summary;
    String description;
    boolean bodyRequired = true;
    PartnershipScope.Scope scope;
    String named;

    private CommandRoute(String endpoint, Class<B> body, HttpStatus status, Class<?> answerType, Answering<B> answering) {
        String[] parts = endpoint.split(" ", 2);
        this.method = RequestMethod.valueOf(parts[0]);
        this.pattern = parts[1];
        this.body = body;
        this.status = status;
        this.answerType = answerType;
        this.answering = answering;
        List<String> names = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(pattern);
        while (variable.find()) {
            names.add(variable.group(1));
        }
        this.variables = List.copyOf(names);
    }

    /**
     * A change to an existing record: 200, {@link Accepted} naming the last path variable's record,
     * the aggregate's version as the ETag.
     *
     * @param endpoint "METHOD /api/path/{variable}"
     */
    static <B> CommandRoute<B> changes(String endpoint, Class<B> body, BiFunction<B, CommandCall, Object> command) {
        return new CommandRoute<>(endpoint, body, HttpStatus.OK, Accepted.class,
                (request, call) -> call.changed(call.variable(call.route().resourceVariable()), command.apply(request, call)));
    }

    /** A record kept in the first path variable's stream, created under the client's id or a new one ({@link CommandCall#newId}). */
    static <B extends ClientChosenId> CommandRoute<B> createsIn(String endpoint, Class<B> body,
                                                               BiFunction<B, CommandCall, Object> command) {
        return new CommandRoute<>(endpoint, body, HttpStatus.CREATED, Accepted.class,
                (request, call) -> {
                    CommandCall create = call.withNewId(request.id());
                    return create.createdIn(command.apply(request, create));
                });
    }

    /** A record with a stream of its own (a plan, an action, a referral case), its Location {@code location} and the id. */
    static <B extends ClientChosenId> CommandRoute<B> createsStream(String endpoint, String location, Class<B> body,
                                                                   BiFunction<B, CommandCall, Object> command) {
        return new CommandRoute<>(endpoint, body, HttpStatus.CREATED, Accepted.class,
                (request, call) -> {
                    CommandCall create = call.withNewId(request.id());
                    return create.createdStream(location, command.apply(request, create));
                });
    }

    /** An endpoint whose answer is its own: {@code answering} sends through the call and answers. */
    static <B> CommandRoute<B> answers(String endpoint, Class<B> body, HttpStatus status, Class<?> answerType,
                                       Answering<B> answering) {
        return new CommandRoute<>(endpoint, body, status, answerType, answering);
    }

    /** Who may call it (checked before the body is read, and the role matrix reads it). */
    CommandRoute<B> roles(String... roles) {
        this.roles = Set.of(roles);
        return this;
    }

    /** The OpenAPI summary. */
    CommandRoute<B> summary(String summary) {
        this.summary = summary;
        return this;
    }

    /** The OpenAPI description, beyond the summary. */
    CommandRoute<B> description(String description) {
        this.description = description;
        return this;
    }

    /** The body may be left out: it is then read as the record with every field null. */
    CommandRoute<B> bodyOptional() {
        this.bodyRequired = false;
        return this;
    }

    /** For a path that names no plan, action or referral: how it stays inside the caller's partnerships. */
    CommandRoute<B> scope(PartnershipScope.Scope scope) {
        this.scope = scope;
        return this;
    }

    /** A change that answers about another path variable's record than the last (withdrawing a share names the plan). */
    CommandRoute<B> naming(String variable) {
        this.named = variable;
        return this;
    }

    /** "METHOD pattern", as the pages' forms and the role matrix name an endpoint. */
    public String endpoint() {
        return method.name() + " " + pattern;
    }

    Optional<PartnershipScope.Scope> declaredScope() {
        return Optional.ofNullable(scope);
    }

    /** Whether the endpoint reads a request body at all. */
    boolean readsBody() {
        return body != Void.class;
    }

    /** The aggregate the commands go to: the first path variable (null for a new plan). */
    String aggregateVariable() {
        return variables.isEmpty() ? null : variables.get(0);
    }

    /** The record a change answers about: the last path variable, unless {@link #naming} says otherwise. */
    String resourceVariable() {
        return named != null ? named : variables.get(variables.size() - 1);
    }

    /** What the aggregate is called in a 404 ("plan", "action", "referral"): from the path, /api/plans/... */
    String kind() {
        String collection = pattern.split("/")[2];
        return collection.substring(0, collection.length() - 1);
    }

    /** The OpenAPI tag: the collection the path starts with, "Plans", "Actions", "Referrals". */
    String tag() {
        String collection = pattern.split("/")[2];
        return collection.substring(0, 1).toUpperCase(Locale.ROOT) + collection.substring(1);
    }

    /**
     * The OpenAPI operation id, made from the method and the path's fixed words
     * ("POST /api/actions/{actionId}/spend" is postActionsSpend): unique because the endpoints are.
     */
    String operationId() {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : pattern.substring("/api/".length()).split("/")) {
            if (!segment.startsWith("{")) {
                for (String word : segment.split("-")) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        return id.toString();
    }

    @Override
    public String toString() {
        return endpoint();
    }
}
