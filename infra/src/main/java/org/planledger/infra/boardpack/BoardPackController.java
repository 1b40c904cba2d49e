package org.planledger.infra.boardpack;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.web.Change;
import org.planledger.query.api.IssuedBoardPack;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import static org.planledger.infra.security.Roles.AUDITOR;
import static org.planledger.infra.security.Roles.BOARD;
import static org.planledger.infra.security.Roles.DELIVERY_LEAD;
import static org.planledger.infra.security.Roles.PLAN_MANAGER;
import static org.planledger.infra.security.Roles.SCRUTINY;

/**
 * Board packs over HTTP (docs/board-packs.md). GET answers the PDF: as issued when the pack has
 * been issued (the same bytes again), otherwise a draft of the plan as known now. POST issues it.
 * Under {@code /api/plans/{planId}/...} so plan-scoped access rules reach it.
 */
@RestController
@ConditionalOnQuerySide
@RequestMapping("/api/plans/{planId}/board-pack")
@Tag(name = "Board packs", description = "A plan's board pack for a meeting or a date, as a PDF; issuing one")
public class BoardPackController {

    public static final MediaType PDF = MediaType.APPLICATION_PDF;
    /** Says whether the PDF is the issued pack ("issued") or a draft ("draft"). */
    public static final String STATE_HEADER = "X-Board-Pack";
    /** The layout version this copy is laid out with. */
    public static final String LAYOUT_HEADER = "X-Board-Pack-Layout";
    /** For an issued pack, the layout it was issued under: when it differs from this copy's, so do the bytes. */
    public static final String ISSUED_LAYOUT_HEADER = "X-Board-Pack-Issued-Layout";

    private final BoardPackService packs;

    public BoardPackController(BoardPackService packs) {
        this.packs = packs;
    }

    @GetMapping
    @RolesAllowed({PLAN_MANAGER, DELIVERY_LEAD, BOARD, AUDITOR, SCRUTINY})
    @Operation(summary = "The board pack as a PDF, for ?meeting={meetingId} or ?asAt=YYYY-MM-DD: as issued, or a draft")
    public ResponseEntity<byte[]> pdf(@PathVariable String planId, @RequestParam(required = false) String meeting,
                                      @RequestParam(required = false) String asAt) {
        BoardPackService.Pack pack = packs.find(planId, meeting, asAt);
        return pdfResponse(pack, packs.pdf(pack));
    }

    @PostMapping
    @RolesAllowed({PLAN_MANAGER})
    @Operation(summary = "Issue the board pack: records BoardPackIssued with the PDF's SHA-256 and a ledger checkpoint; "
            + "201, or 200 with the pack issued before")
    public ResponseEntity<IssuedBoardPack> issue(@PathVariable String planId, @RequestParam(required = false) String meeting,
                                                 @RequestParam(required = false) String asAt, Change change) {
        BoardPackService.Pack pack = packs.find(planId, meeting, asAt);
        BoardPackService.Issue issue = packs.issue(pack, change.expectedVersion(), change.reason());
        String location = location(planId, pack);
        return ResponseEntity.status(issue.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .header(HttpHeaders.LOCATION, location).body(issue.pack());
    }

    static String location(String planId, BoardPackService.Pack pack) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/api/plans/{planId}/board-pack");
        if (pack.meeting() != null) {
            uri.queryParam("meeting", pack.meeting().meetingId());
        } else {
            uri.queryParam("asAt", pack.asAt());
        }
        return uri.buildAndExpand(planId).encode().toUriString();
    }

    static ResponseEntity<byte[]> pdfResponse(BoardPackService.Pack pack, byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(pack.planId() + "-" + pack.packId() + ".pdf").build().toString())
                .header(STATE_HEADER, pack.issued() == null ? "draft" : "issued")
                .header(LAYOUT_HEADER, String.valueOf(BoardPackPdf.LAYOUT))
                .headers(headers -> {
                    if (pack.issued() != null) {
                        headers.add(ISSUED_LAYOUT_HEADER, String.valueOf(pack.issued().layout()));
                    }
                })
                .body(pdf);
    }
}
