package org.planledger.infra.privacy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.planledger.events.AuditMetadata;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.config.ConditionalOnCommandSide;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.Roles;
import org.planledger.infra.web.Change;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;

import static org.planledger.infra.security.Roles.AUDITOR;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;

/**
 * A data subject's rights over HTTP (docs/data-protection.md): subject access, erasure, and the
 * log of who viewed subject data. Each handler states its roles here, so finer access rules (per
 * partnership) can be added next to them.
 * <p>
 * The reference arrives in the path, as the brief's interface has it; it is hashed at once and
 * never stored, logged or echoed: errors and the view log name the path pattern, not the path.
 */
@RestController
@ConditionalOnCommandSide
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@Tag(name = "Data protection", description = "Subject access, erasure (crypto-shredding), who viewed subject data")
public class SubjectsController {

    static final int MAX_REASON = Change.REASON_LIMIT;

    private final SubjectKeys keys;
    private final SubjectErasure erasure;
    private final SubjectViews views;
    private final EventStore eventStore;
    private final PartnershipBoundary partnerships;

    public SubjectsController(SubjectKeys keys, SubjectErasure erasure, SubjectViews views, EventStore eventStore,
                              PartnershipBoundary partnerships) {
        this.keys = keys;
        this.erasure = erasure;
        this.views = views;
        this.eventStore = eventStore;
        this.partnerships = partnerships;
    }

    /** The body of an erasure request; the reason may come in X-Change-Reason instead. */
    public record ErasureRequest(String reason) {
    }

    @PostMapping("/api/subjects/{subjectRef}/erasure")
    @RolesAllowed({PLAN_MANAGER})
    // erasure reaches the subject's cases in every partnership, so only a manager of every partnership may ask it
    @PartnershipScope(PartnershipScope.Scope.WHOLE_LEDGER)
    @Operation(summary = "Erase a subject's personal data (crypto-shredding): deletes their key, records an erasure event per case",
            description = "A reason is required. Counts, costs, outcomes' existence and statistics are unchanged; "
                    + "the subject reference, reasons and outcome notes read as [erased] everywhere.")
    public SubjectErasure.Erasure erase(@PathVariable String subjectRef,
                                        @RequestBody(required = false) ErasureRequest body, Change change) {
        String reason = change.reason(body == null ? null : body.reason());
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "say why the subject's data is erased");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidParameterException("reason", "at most " + MAX_REASON + " characters");
        }
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String rule = "request: " + reason.strip();
        CommandOrigin origin = new CommandOrigin(caller.getName(), Roles.of(caller), rule, CommandOrigin.SOURCE_API, null);
        SubjectErasure.Erasure done = erasure.erase(keys.subjectHash(subjectRef), rule, origin);
        if (done == null) {
            throw new ResourceNotFoundException("subject", "(the reference is not repeated)");
        }
        return done;
    }

    /** One event of a case, as stored (personal fields revealed as this answer is written). */
    public record SubjectEvent(long sequence, String type, Instant recordedAt, String actor, String reason, Object payload) {
    }

    /** One case of the subject. */
    public record SubjectReferral(String referralId, String planId, String actionId, LocalDate endedOn, boolean erased,
                                  Instant erasedAt, String erasureRule, List<SubjectEvent> events) {
    }

    /** A subject access answer: every case and event about the subject. */
    public record SubjectAccess(String subjectHash, boolean erased, List<SubjectReferral> referrals) {
    }

    @GetMapping("/api/subjects/{subjectRef}")
    @RolesAllowed({AUDITOR, PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.FILTERED)
    @Operation(summary = "Subject access: every referral case and event about the subject (fields read as [erased] once erased)",
            description = "Only the cases of the partnerships where the caller holds one of these roles.")
    public SubjectAccess subject(@PathVariable String subjectRef, Authentication caller) {
        String hash = keys.subjectHash(subjectRef);
        java.util.Set<String> visible = partnerships.visiblePlans(caller, java.util.Set.of(AUDITOR, PLAN_MANAGER), false);
        List<SubjectKeys.SubjectCase> cases = keys.casesOf(hash).stream()
                .filter(c -> PartnershipBoundary.visible(visible, c.planId())).toList();
        if (cases.isEmpty()) {
            throw new ResourceNotFoundException("subject", "(the reference is not repeated)");
        }
        List<SubjectReferral> referrals = cases.stream().map(c -> new SubjectReferral(c.referralId(), c.planId(),
                c.actionId(), c.endedOn(), c.erased(), c.keyErasedAt(), c.erasureRule(), events(c.referralId()))).toList();
        return new SubjectAccess(hash, cases.stream().allMatch(SubjectKeys.SubjectCase::erased), referrals);
    }

    private List<SubjectEvent> events(String referralId) {
        return eventStore.readEvents(referralId).asStream()
                .map(e -> new SubjectEvent(e.getSequenceNumber(), e.getPayloadType().getSimpleName(), e.getTimestamp(),
                        text(e, AuditMetadata.ACTOR), text(e, AuditMetadata.REASON), e.getPayload()))
                .toList();
    }

    private static String text(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }

    @GetMapping("/api/audit/subject-views")
    @RolesAllowed({AUDITOR})
    @PartnershipScope(PartnershipScope.Scope.WHOLE_LEDGER)
    @Operation(summary = "Who viewed subject data: one row per case per request, newest first")
    public List<SubjectViews.SubjectView> subjectViews(@RequestParam(required = false) String referralId,
                                                       @RequestParam(required = false) String viewer,
                                                       @RequestParam(defaultValue = "200") String limit) {
        int rows;
        try {
            rows = Integer.parseInt(limit.strip(), 10);
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("limit", "a whole number from 1 to " + SubjectViews.MAX_ROWS);
        }
        if (rows < 1 || rows > SubjectViews.MAX_ROWS) {
            throw new InvalidParameterException("limit", "a whole number from 1 to " + SubjectViews.MAX_ROWS);
        }
        return views.views(blankAsNull(referralId), blankAsNull(viewer), rows);
    }

    private static String blankAsNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
