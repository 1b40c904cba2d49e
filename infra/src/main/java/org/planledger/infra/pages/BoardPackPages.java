package org.planledger.infra.pages;

import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.command.api.CommandRejectedException;
import org.planledger.infra.boardpack.BoardPackService;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.ledger.LedgerCheckpoints;
import org.planledger.infra.query.Queries;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.Roles;
import org.planledger.query.api.BoardPacks;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.planledger.query.api.IssuedBoardPack;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The board packs pages: a plan's meetings with their packs (issued or not) and the latest ledger
 * checkpoint's digest; the printable page of a pack (the same template as its PDF); the PDF itself
 * for signed-in pages (the API takes Basic, the pages a session); issuing from a form.
 */
@Controller
@ConditionalOnQuerySide
class BoardPackPages {

    private final BoardPackService packs;
    private final Queries queries;
    private final ObjectProvider<LedgerCheckpoints> checkpoints;

    BoardPackPages(BoardPackService packs, Queries queries, ObjectProvider<LedgerCheckpoints> checkpoints) {
        this.packs = packs;
        this.queries = queries;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/plans/{planId}/board-packs")
    String list(@PathVariable String planId, Model model) {
        BoardView plan = queries.ask(new FindBoardView(planId), ResponseTypes.optionalInstanceOf(BoardView.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId));
        BoardPacks list = packs.list(planId);
        Map<String, IssuedBoardPack> issuedByMeeting = list.issued().stream().filter(p -> p.meetingId() != null)
                .collect(Collectors.toMap(IssuedBoardPack::meetingId, Function.identity(), (a, b) -> a));
        model.addAttribute("plan", plan);
        model.addAttribute("packs", list);
        model.addAttribute("issuedByMeeting", issuedByMeeting);
        model.addAttribute("datedPacks", list.issued().stream().filter(p -> p.meetingId() == null).toList());
        model.addAttribute("checkpoint", checkpoints.stream().findFirst().flatMap(LedgerCheckpoints::latest).orElse(null));
        return "board-packs";
    }

    @GetMapping("/plans/{planId}/board-pack")
    String page(@PathVariable String planId, @RequestParam(required = false) String meeting,
                @RequestParam(required = false) String asAt, Model model) {
        model.addAllAttributes(packs.page(packs.find(planId, meeting, asAt)));
        return "board-pack";
    }

    @GetMapping("/plans/{planId}/board-pack.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String planId, @RequestParam(required = false) String meeting,
                               @RequestParam(required = false) String asAt) {
        BoardPackService.Pack pack = packs.find(planId, meeting, asAt);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(pack.planId() + "-" + pack.packId() + ".pdf").build().toString())
                .body(packs.pdf(pack));
    }

    @PostMapping("/plans/{planId}/board-packs")
    @RolesAllowed({Roles.PLAN_MANAGER})
    String issue(@PathVariable String planId, @RequestParam(required = false) String meeting,
                 @RequestParam(required = false) String asAt, RedirectAttributes redirect) {
        try {
            BoardPackService.Issue issue = packs.issue(packs.find(planId, meeting, asAt), null, null, CommandOrigin.SOURCE_UI);
            redirect.addFlashAttribute("message", issue.created()
                    ? "Pack issued. Its PDF's SHA-256 is " + issue.pack().pdfSha256() + "."
                    : "That pack was issued before; nothing changed.");
        } catch (InvalidParameterException | CommandRejectedException e) {
            redirect.addFlashAttribute("message", "Not issued: " + e.getMessage());
        }
        return "redirect:/plans/" + planId + "/board-packs";
    }
}
