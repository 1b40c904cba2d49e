package org.planledger.infra.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.security.PartnershipScope;
import jakarta.servlet.http.HttpServletResponse;
import org.planledger.infra.refusals.InvalidParameterException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

import static org.planledger.infra.security.Roles.AUDITOR;
import static org.planledger.infra.security.Roles.BOARD;
import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;
import static org.planledger.infra.security.Roles.SCRUTINY;

/**
 * The tamper-evident ledger over HTTP (docs/tamper-evidence.md): verification, export, checkpoints
 * and the checkpoint signing key. Reads the JDBC store directly, so the answers do not wait for any
 * read model.
 */
@RestController
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
@RequestMapping("/api/ledger")
@Tag(name = "Ledger", description = "Tamper evidence: hash chain, checkpoints, verification, export")
public class LedgerController {

    public static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final LedgerVerifier verifier;
    private final LedgerExport export;
    private final LedgerCheckpoints checkpoints;

    public LedgerController(LedgerVerifier verifier, LedgerExport export, LedgerCheckpoints checkpoints) {
        this.verifier = verifier;
        this.export = export;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/verify")
    @RolesAllowed({AUDITOR, PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.WHOLE_LEDGER)
    @Operation(summary = "Recompute every event's hash and every checkpoint; the first break, if any")
    public LedgerVerifier.Report verify() {
        return verifier.verify();
    }

    /**
     * Written straight to the response on the request's own thread (not as an asynchronous
     * StreamingResponseBody), so a long export is never cut off by the servlet container's async timeout.
     */
    @GetMapping(value = "/export", produces = "application/x-ndjson")
    @RolesAllowed({AUDITOR, PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.WHOLE_LEDGER)
    @Operation(summary = "Every event with its chain data, and the checkpoints, as NDJSON (tools/verify-ledger.py checks it)")
    public void export(HttpServletResponse response) throws IOException {
        response.setContentType(NDJSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"ledger.ndjson\"");
        export.write(response.getOutputStream());
    }

    /** The body of POST /api/ledger/checkpoints. */
    public record CheckpointRequest(String reason) {
    }

    @PostMapping("/checkpoints")
    @RolesAllowed({PLAN_MANAGER})
    @PartnershipScope(PartnershipScope.Scope.WHOLE_LEDGER)
    @Operation(summary = "Record a checkpoint now: the Merkle root over every stream's head, with a reason")
    public ResponseEntity<LedgerCheckpoints.Checkpoint> recordCheckpoint(@RequestBody CheckpointRequest request) {
        String reason = request == null || request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            throw new InvalidParameterException("reason", "say why the checkpoint is recorded");
        }
        if (reason.length() > LedgerCheckpoints.MAX_REASON) {
            throw new InvalidParameterException("reason", "at most " + LedgerCheckpoints.MAX_REASON + " characters");
        }
        LedgerCheckpoints.Checkpoint checkpoint = checkpoints.record(reason);
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoint);
    }

    /** The checkpoint signing key's public half, when checkpoints are signed. */
    public record PublicKeyAnswer(String algorithm, boolean signing, String publicKey) {
    }

    @GetMapping("/public-key")
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @PartnershipScope(PartnershipScope.Scope.NO_PARTNERSHIP_DATA)
    @Operation(summary = "The Ed25519 public key that checks checkpoint signatures (PEM), if checkpoints are signed")
    public PublicKeyAnswer publicKey() {
        return checkpoints.signer().map(signer -> new PublicKeyAnswer(LedgerSigner.ALGORITHM, true, signer.publicKeyPem()))
                .orElse(new PublicKeyAnswer(LedgerSigner.ALGORITHM, false, null));
    }
}
