package org.planledger.infra.importer;

import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.security.Roles;

import org.planledger.infra.config.ConditionalOnCommandSide;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import java.security.Principal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * POST a plan file to import it; for plan managers. A refused file is
 * answered by the API's error handling with every problem and its JSON path.
 */
@RestController
@ConditionalOnCommandSide
@RequestMapping("/api/imports")
class PlanImportController {

    private static final Logger log = LoggerFactory.getLogger(PlanImportController.class);

    private final PlanImporter importer;

    PlanImportController(PlanImporter importer) {
        this.importer = importer;
    }

    @PostMapping(consumes = "application/json")
    @RolesAllowed(Roles.PLAN_MANAGER)
    ResponseEntity<ImportReport> importPlan(@RequestBody byte[] planFile, Principal caller) {
        ImportReport report = importer.importFile(planFile, "an upload by " + caller.getName(), caller.getName(), log::info);
        return ResponseEntity.created(URI.create("/api/plans/" + report.planId())).body(report);
    }
}
