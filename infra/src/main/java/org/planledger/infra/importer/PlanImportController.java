package org.planledger.infra.importer;

import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.PartnershipBoundary;
import org.planledger.infra.security.PartnershipScope;
import org.springframework.security.core.Authentication;
import java.util.Set;
import org.planledger.infra.security.Roles;

import org.planledger.infra.config.ConditionalOnCommandSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;

/**
 * POST a plan file to import it; for plan managers. A refused file is
 * answered (400) by the API's error handling with every problem, its record by id and its JSON path.
 * {@code ?dryRun=true} answers 200 with what would change and stores nothing. The audit reason names
 * the file: {@code ?filename=}, else the {@code Content-Disposition} filename, else "uploaded file".
 */
@RestController
@ConditionalOnCommandSide
@RequestMapping("/api/imports")
class PlanImportController {

    private static final Logger log = LoggerFactory.getLogger(PlanImportController.class);
    private static final int MAX_FILENAME = 200;

    private final PlanImporter importer;
    private final PartnershipBoundary partnerships;

    PlanImportController(PlanImporter importer, PartnershipBoundary partnerships) {
        this.importer = importer;
        this.partnerships = partnerships;
    }

    @PostMapping(consumes = "application/json")
    @RolesAllowed(Roles.PLAN_MANAGER)
    @PartnershipScope(PartnershipScope.Scope.NAMED_IN_REQUEST)
    ResponseEntity<ImportReport> importPlan(@RequestBody byte[] planFile,
                                            @RequestParam(name = "dryRun", defaultValue = "false") boolean dryRun,
                                            @RequestParam(name = "filename", required = false) String filename,
                                            @RequestHeader(name = HttpHeaders.CONTENT_DISPOSITION, required = false)
                                            String contentDisposition,
                                            Authentication caller) {
        String source = sourceName(filename, contentDisposition);
        PlanDocument document = importer.read(planFile);
        // an existing plan of a partnership the caller does not manage is unknown to them; a new one is
        // imported only into a partnership they manage
        partnerships.partnershipOf(document.plan().id()).ifPresent(existing -> {
            if (!Roles.heldIn(caller, existing).contains(Roles.PLAN_MANAGER)) {
                throw new ResourceNotFoundException("plan", document.plan().id());
            }
        });
        PartnershipBoundary.requireRoleIn(caller, document.plan().partnershipIdOrDerived(), Set.of(Roles.PLAN_MANAGER));
        ImportReport report = importer.importDocument(document, ImportPlanner.LeadUserIds.FROM_FILE, source,
                caller.getName(), dryRun, log::info);
        if (dryRun) {
            return ResponseEntity.status(HttpStatus.OK).body(report);
        }
        return ResponseEntity.created(URI.create("/api/plans/" + report.planId())).body(report);
    }

    /** The file's name as the uploader gave it, kept printable and short; "uploaded file" when none. */
    static String sourceName(String filename, String contentDisposition) {
        String name = filename;
        if ((name == null || name.isBlank()) && contentDisposition != null) {
            try {
                name = ContentDisposition.parse(contentDisposition).getFilename();
            } catch (IllegalArgumentException e) {
                name = null;
            }
        }
        if (name == null) {
            return "uploaded file";
        }
        String printable = name.replaceAll("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}]", "").strip();
        int slash = Math.max(printable.lastIndexOf('/'), printable.lastIndexOf('\\'));
        printable = printable.substring(slash + 1);
        if (printable.isEmpty()) {
            return "uploaded file";
        }
        return printable.length() > MAX_FILENAME ? printable.substring(0, MAX_FILENAME) : printable;
    }
}
