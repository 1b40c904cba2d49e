package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.county.CountyController;
import org.planledger.infra.security.PartnershipScope;
import org.planledger.infra.security.Roles;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The county figures as a page: the same answer as {@code GET /api/county/figures}, laid out as tables. */
@Controller
@ConditionalOnQuerySide
class CountyPages {

    private final CountyController county;

    CountyPages(CountyController county) {
        this.county = county;
    }

    @GetMapping("/county")
    @RolesAllowed(Roles.COUNTY_ANALYST)
    @PartnershipScope(PartnershipScope.Scope.COUNTY)
    String figures(@RequestParam(required = false) String financialYear, Model model) {
        model.addAttribute("figures", county.figures(financialYear));
        return "county";
    }
}
