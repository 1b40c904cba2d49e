package org.planledger.infra.boardpack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.planledger.command.api.IssueBoardPack;
import org.planledger.infra.command.CallerCommands;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.config.ConditionalOnQuerySide;
import org.planledger.infra.ledger.LedgerCheckpoints;
import org.planledger.infra.query.Queries;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.refusals.InvalidParameterException;
import org.planledger.infra.refusals.ResourceNotFoundException;
import org.planledger.infra.security.SubjectReferences;
import org.planledger.query.api.BoardAction;
import org.planledger.query.api.BoardIndicator;
import org.planledger.query.api.BoardObjective;
import org.planledger.query.api.BoardPackContent;
import org.planledger.query.api.BoardPacks;
import org.planledger.query.api.BoardPriority;
import org.planledger.query.api.FindBoardPack;
import org.planledger.query.api.FindBoardPacks;
import org.planledger.query.api.IssuedBoardPack;
import org.planledger.query.plan.BoardMeetingView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Board packs (docs/board-packs.md): which pack a request names, what it shows, the PDF, and issuing.
 *
 * <p>An issued pack is made again from its {@link IssuedBoardPack} record alone: the plan cut to
 * what had been recorded by its knownAt, the issue instant and issuer, and the ledger checkpoint
 * recorded when it was issued. So producing it again gives the same page and the same PDF bytes,
 * whatever has been recorded since. A pack not yet issued is a draft: the plan as known now, the
 * latest checkpoint, and the instant it was produced.
 *
 * <p>Subject references of referrals are never shown: a pack is one document for every reader,
 * the board included.
 */
@Service
@ConditionalOnQuerySide
public class BoardPackService {

    private final Queries queries;
    private final CallerCommands commands;
    private final ObjectProvider<LedgerCheckpoints> checkpoints;
    private final BoardPackTemplates templates;
    private final ObjectMapper objectMapper;
    private final Clock clock = Clock.systemUTC();
    private final String stylesheet = stylesheet();

    public BoardPackService(Queries queries, CallerCommands commands, ObjectProvider<LedgerCheckpoints> checkpoints,
                      BoardPackTemplates templates, ObjectMapper objectMapper) {
        this.queries = queries;
        this.commands = commands;
        this.checkpoints = checkpoints;
        this.templates = templates;
        this.objectMapper = objectMapper;
    }

    /** The pack a request names: for a meeting (as at its day) or for a date; issued already or not. */
    public record Pack(String planId, String packId, BoardMeetingView meeting, LocalDate asAt, IssuedBoardPack issued,
                       String planTitle) {
    }

    /** The ledger checkpoint a pack prints: its number and Merkle root. */
    public record PrintedCheckpoint(Long id, String root) {
    }

    /** Exactly one of meeting and asAt names the pack. */
    public Pack find(String planId, String meeting, String asAt) {
        boolean byMeeting = meeting != null && !meeting.isBlank();
        boolean byDate = asAt != null && !asAt.isBlank();
        if (byMeeting == byDate) {
            throw new InvalidParameterException(byMeeting ? "asAt" : "meeting",
                    "name the pack by exactly one of meeting (a board meeting's id) and asAt (a date such as 2013-06-30)");
        }
        PlanPacks packs = planPacks(planId);
        if (byMeeting) {
            BoardMeetingView found = packs.packs().meetings().stream().filter(m -> m.meetingId().equals(meeting.strip()))
                    .findFirst().orElseThrow(() -> new ResourceNotFoundException("meeting", meeting.strip()));
            String packId = "meeting-" + found.meetingId();
            return new Pack(planId, packId, found, found.heldOn(), packs.issued(packId), packs.packs().title());
        }
        LocalDate date;
        try {
            date = QueryParameters.date("asAt", LocalDate.parse(asAt.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("asAt", "a date such as 2013-06-30");
        }
        String packId = "as-at-" + date;
        return new Pack(planId, packId, null, date, packs.issued(packId), packs.packs().title());
    }

    /** The plan's meetings and issued packs, for the pages. */
    public BoardPacks list(String planId) {
        return planPacks(planId).packs();
    }

    private record PlanPacks(BoardPacks packs) {
        IssuedBoardPack issued(String packId) {
            return packs.issued().stream().filter(p -> p.packId().equals(packId)).findFirst().orElse(null);
        }
    }

    private PlanPacks planPacks(String planId) {
        return new PlanPacks(queries.ask(new FindBoardPacks(planId), ResponseTypes.optionalInstanceOf(BoardPacks.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", planId)));
    }

    /** The PDF as the request's pack stands: as issued, or a draft of the plan as known now. */
    public byte[] pdf(Pack pack) {
        Map<String, Object> model = model(pack, true);
        return BoardPackPdf.render(templates.render(model), (Instant) model.get("producedAt"));
    }

    /** The printable page's model (the same content as the PDF; the page adds the site's header). */
    public Map<String, Object> page(Pack pack) {
        return model(pack, false);
    }

    private Map<String, Object> model(Pack pack, boolean pdf) {
        IssuedBoardPack issued = pack.issued();
        if (issued != null) {
            BoardPackContent content = content(pack, issued.knownAt());
            return model(pack, content, issued.issuedAt(), issued.issuedBy(),
                    new PrintedCheckpoint(issued.checkpointId(), issued.checkpointRoot()), pdf);
        }
        PrintedCheckpoint latest = checkpoints.stream().findFirst()
                .flatMap(LedgerCheckpoints::latest)
                .map(c -> new PrintedCheckpoint(c.id(), c.root()))
                .orElse(null);
        return model(pack, content(pack, null), clock.instant().truncatedTo(ChronoUnit.MILLIS), null, latest, pdf);
    }

    /**
     * Issues the pack, or answers the one issued already. The plan is cut at the recorded instant
     * of the latest event the read models hold (not at "now"), so that an event committed a moment
     * before the issue but not yet in the journal can never appear in the pack made again later.
     * The checkpoint is recorded first, its digest printed in the pack, and the PDF's digest goes
     * into the event.
     */
    public Issue issue(Pack pack, Long expectedVersion, String reason) {
        return issue(pack, expectedVersion, reason, CommandOrigin.SOURCE_API);
    }

    /** @param source where the request came from: {@code api}, or {@code ui} for the pages */
    public Issue issue(Pack pack, Long expectedVersion, String reason, String source) {
        if (pack.issued() != null) {
            return new Issue(pack.issued(), false);
        }
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant knownAt = Optional.ofNullable(content(pack, issuedAt).knownThrough()).orElse(issuedAt);
        String issuedBy = SecurityContextHolder.getContext().getAuthentication().getName();
        PrintedCheckpoint checkpoint = checkpoints.stream().findFirst()
                .map(ledger -> ledger.record("board pack " + pack.packId() + " of plan " + pack.planId()))
                .map(c -> new PrintedCheckpoint(c.id(), c.root()))
                .orElse(new PrintedCheckpoint(null, null));
        String meetingId = pack.meeting() == null ? null : pack.meeting().meetingId();
        // rendered exactly as the issued pack is rendered again later: from its record (the digest is not printed)
        IssuedBoardPack issuing = new IssuedBoardPack(pack.packId(), meetingId, pack.asAt(), knownAt, issuedAt, issuedBy,
                null, checkpoint.id(), checkpoint.root(), BoardPackPdf.LAYOUT);
        byte[] pdf = pdf(new Pack(pack.planId(), pack.packId(), pack.meeting(), pack.asAt(), issuing, pack.planTitle()));
        String sha256 = BoardPackPdf.sha256Hex(pdf);
        commands.send(new IssueBoardPack(pack.planId(), pack.packId(), meetingId, pack.asAt(), knownAt, issuedAt, issuedBy,
                sha256, checkpoint.id(), checkpoint.root(), BoardPackPdf.LAYOUT, expectedVersion), pack.planId(), "plan",
                reason, source);
        return new Issue(new IssuedBoardPack(pack.packId(), meetingId, pack.asAt(), knownAt, issuedAt, issuedBy, sha256,
                checkpoint.id(), checkpoint.root(), BoardPackPdf.LAYOUT), true);
    }

    public record Issue(IssuedBoardPack pack, boolean created) {
    }

    private BoardPackContent content(Pack pack, Instant knownAt) {
        BoardPackContent content = queries.ask(new FindBoardPack(pack.planId(), pack.asAt(), knownAt),
                        ResponseTypes.optionalInstanceOf(BoardPackContent.class))
                .orElseThrow(() -> new ResourceNotFoundException("plan", pack.planId()));
        JsonNode tree = objectMapper.valueToTree(content);
        SubjectReferences.redact(tree);
        try {
            return objectMapper.treeToValue(tree, BoardPackContent.class);
        } catch (IOException e) {
            throw new UncheckedIOException("could not redact the board pack", e);
        }
    }

    private Map<String, Object> model(Pack pack, BoardPackContent content, Instant producedAt, String issuedBy,
                                      PrintedCheckpoint checkpoint, boolean pdf) {
        Map<String, Object> model = new HashMap<>();
        model.put("pack", pack);
        model.put("content", content);
        model.put("board", content.board());
        model.put("producedAt", producedAt);
        model.put("issuedBy", issuedBy);
        model.put("checkpoint", checkpoint);
        model.put("pdf", pdf);
        model.put("layout", BoardPackPdf.LAYOUT);
        model.put("packCss", stylesheet);
        List<BoardAction> actions = actions(content);
        Map<String, String> titles = new LinkedHashMap<>();
        actions.forEach(action -> titles.put(action.actionId(), action.title()));
        model.put("titles", titles);
        model.put("ratedExceptions", actions.stream()
                .filter(a -> a.rag() != null && (a.rag().name().equals("RED") || a.rag().name().equals("AMBER")))
                .sorted((a, b) -> a.rag().compareTo(b.rag()))
                .toList());
        model.put("updatesOverdue", actions.stream().filter(BoardAction::stale).toList());
        model.put("pastEndDate", actions.stream().filter(BoardAction::overdue).toList());
        model.put("indicatorsOffTrack", indicators(content).filter(i -> Boolean.FALSE.equals(i.onTrack())).toList());
        model.put("withReferrals", actions.stream().filter(a -> a.referrals() != null && a.referrals().count() > 0).toList());
        model.put("referralCount", actions.stream().filter(a -> a.referrals() != null).mapToInt(a -> a.referrals().count()).sum());
        model.put("referralCost", actions.stream().filter(a -> a.referrals() != null).mapToLong(a -> a.referrals().costPence()).sum());
        model.put("financialYear", org.planledger.events.FinancialYear.containing(content.board().viewedAsAt()));
        return model;
    }

    private static List<BoardAction> actions(BoardPackContent content) {
        List<BoardAction> actions = new ArrayList<>();
        for (BoardPriority priority : content.board().priorities()) {
            for (BoardObjective objective : priority.objectives()) {
                actions.addAll(objective.actions());
            }
        }
        return actions;
    }

    private static Stream<BoardIndicator> indicators(BoardPackContent content) {
        return Stream.concat(content.board().measures().stream(), content.board().priorities().stream()
                .flatMap(p -> Stream.concat(p.indicators().stream(), p.objectives().stream().flatMap(o -> o.indicators().stream()))));
    }

    private static String stylesheet() {
        try {
            return new ClassPathResource("static/css/board-pack.css").getContentAsString(StandardCharsets.UTF_8)
                    + new ClassPathResource("static/css/bar-charts.css").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("board-pack.css or bar-charts.css is missing from the jar", e);
        }
    }
}
