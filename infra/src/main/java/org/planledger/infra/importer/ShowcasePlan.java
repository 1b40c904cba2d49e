package org.planledger.infra.importer;

import org.planledger.command.api.*;
import org.planledger.events.*;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Example Borough": an invented partnership's plan, so a demo shows three years of what the product
 * keeps (the real demo plans are transcriptions of documents and stay as their documents say: nothing
 * is ever invented for them). It is labelled fictional by a command, so the label is in its events and
 * every page and the API show it.
 * <p>
 * Written through the same commands the API sends, each as the person who would have sent it: the
 * plan's structure, board meetings, readings, refreshes, funding, completions and cessations as the
 * showcase's plan manager ({@value #MANAGER}); notes, RAG ratings, referral cases and spend as the
 * action's lead (the demo logins lead1 and lead2 lead some actions, three invented leads the others).
 * The metadata's source is {@value #SOURCE}, so the audit trail never passes it off as typed in.
 * <p>
 * Deterministic: fixed dates (April 2022 to March 2025) and one seeded random source for the figures
 * and the wording chosen, so every first start writes the same plan (only the times recorded differ:
 * they are when the store learnt each fact). Steps are sent in the order they would have happened.
 */
final class ShowcasePlan {

    static final String PLAN_ID = "exb-csp-2022-2025";
    static final String PARTNERSHIP = "Example Borough Community Safety Partnership";
    static final String TITLE = "Example Borough Community Safety Plan 2022-2025";
    /** Every id the showcase writes starts with this, so its streams can be told from the real plans'. */
    static final String ID_PREFIX = "exb-";
    static final String FICTION_NOTE = "Example Borough is an invented partnership, written to show what Plan Ledger "
            + "keeps over three years. Every person, organisation, figure and case in this plan is made up.";
    static final String SOURCE = "demo";
    static final String MANAGER = "manager2";
    static final LocalDate START = LocalDate.of(2022, 4, 1);
    static final LocalDate END = LocalDate.of(2025, 3, 31);
    private static final long SEED = 20220401L;

    private static final Pattern FIGURE = Pattern.compile("\\{(\\d+)-(\\d+)}");
    /** Notes a lead later corrects (a figure), withdraws (written on the wrong action), or withdraws as entered twice. */
    private static final Set<String> CORRECTED_NOTES = Set.of(ID_PREFIX + "asb-hotspots.n04", ID_PREFIX + "da-idva.n07",
            ID_PREFIX + "iom-housing.n10");
    private static final Map<String, String> MISPLACED_NOTES = Map.of(ID_PREFIX + "asb-victims.n06",
            "Safe at Home: 7 homes made safer this period; 2 waiting for fitting.");
    private static final String DUPLICATED_NOTE = ID_PREFIX + "exp-schools.n03";

    private static final String PLAN_MANAGER = "PLAN_MANAGER";
    private static final String DELIVERY_LEAD = "DELIVERY_LEAD";

    private static final Lead CASEY = new Lead("Casey Example", "Example Borough Council", "lead1");
    private static final Lead MORGAN = new Lead("Morgan Example", "Exampleshire Police", "lead2");
    private static final Lead JORDAN = new Lead("Jordan Example", "Example Probation Delivery Unit", "exb-jordan");
    private static final Lead RILEY = new Lead("Riley Example", "Example Youth Service", "exb-riley");
    private static final Lead SAM = new Lead("Sam Example", "Exampleshire Fire and Rescue Service", "exb-sam");

    /** One command, who sends it, and the day it would have been sent (the order of sending). */
    record Step(LocalDate on, Object command, String actor, String role) {

        CommandOrigin origin() {
            return CommandOrigin.of(actor, Set.of(role), SOURCE);
        }
    }

    private ShowcasePlan() {
    }

    /** Sends every step in order; returns how many commands were sent. */
    static int write(CommandSender sender, Consumer<String> progress) {
        List<Step> steps = steps();
        progress.accept("writing the fictional showcase plan '" + PLAN_ID + "': " + steps.size() + " commands");
        for (Step step : steps) {
            sender.sendAndWait(step.command(), step.origin());
        }
        return steps.size();
    }

    /** The whole plan as commands, in the order they would have been sent. The same list every time. */
    static List<Step> steps() {
        return new Script(new Random(SEED)).write();
    }

    /** The day of each of the six board meetings a year: the third Thursday of every other month from May. */
    static List<LocalDate> boardMeetings() {
        List<LocalDate> meetings = new ArrayList<>();
        for (LocalDate month = LocalDate.of(2022, 5, 1); month.isBefore(END); month = month.plusMonths(2)) {
            meetings.add(month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.THURSDAY)));
        }
        return meetings;
    }

    /**
     * An action's story. rag: one character per board meeting (R, A, G, or '.' for no new rating); ends:
     * completed or ceased on that day with that note; notes: what the lead writes, a template cycled
     * through, each {lo-hi} a figure drawn from the seeded source.
     */
    private record Story(String key, String objective, String title, List<Lead> leads, List<String> partners,
                         LocalDate starts, LocalDate ends, String rag, Map<Character, List<String>> reasons,
                         List<String> notes, Ending ending) {

        String actionId() {
            return ID_PREFIX + key;
        }

        Lead lead() {
            return leads.get(0);
        }
    }

    private record Ending(LocalDate on, boolean completed, String note) {
    }

    private static final class Script {
        private final Random random;
        private final List<Step> steps = new ArrayList<>();
        private final List<LocalDate> meetings = boardMeetings();
        private int referralNumber;

        Script(Random random) {
            this.random = random;
        }

        List<Step> write() {
            plan();
            refreshes();
            List<Story> stories = stories();
            for (Story story : stories) {
                action(story);
            }
            readings();
            safeAtHomeReferrals();
            diversionReferrals();
            money();
            risk();
            for (LocalDate held : meetings) {
                manager(held, new RecordBoardMeeting(PLAN_ID, ID_PREFIX + "board-" + held, held,
                        "Example Borough CSP Board, " + held.getMonth().getDisplayName(TextStyle.FULL, Locale.UK)
                                + " " + held.getYear(), null));
            }
            // The order they would have happened in; a stable sort keeps a day's steps in the order written.
            List<Step> ordered = new ArrayList<>(steps);
            ordered.sort(Comparator.comparing(Step::on));
            return List.copyOf(ordered);
        }

        // ---- the plan, its members and its shape as first drafted

        private void plan() {
            manager(START, new DraftPlan(PLAN_ID, PARTNERSHIP, TITLE, START, END, Cadence.BI_MONTHLY, START));
            manager(START, new LabelPlanFictional(PLAN_ID, FICTION_NOTE, null));
            member("council", null, "Example Borough Council", "Chair", START, null);
            member("police", null, "Exampleshire Police", "Vice-chair", START, null);
            member("fire", null, "Exampleshire Fire and Rescue Service", "Member", START, null);
            member("probation", null, "Example Probation Delivery Unit", "Member", START, null);
            member("health", null, "Example Integrated Care Board", "Member", START, LocalDate.of(2023, 9, 30));
            member("voluntary", null, "Example Voluntary Action", "Co-opted member", START, null);
            member("health-2", null, "Example Community Health Trust", "Member", LocalDate.of(2023, 10, 1), null);

            priority("asb", "Anti-social behaviour", "Casey Example, Example Borough Council", START);
            objective("asb-o1", "asb", "Reduce repeat anti-social behaviour in the town centre",
                    List.of("Fewer repeat locations", "Quicker joint response"), START);
            objective("asb-o2", "asb", "Support victims of anti-social behaviour",
                    List.of("High-risk victims have a caseworker within five working days"), START);
            priority("violence", "Violence and domestic abuse", "Morgan Example, Exampleshire Police", START);
            objective("violence-o1", "violence", "Reduce violence in the night-time economy", List.of(), START);
            objective("violence-o2", "violence", "Increase reporting of domestic abuse and support for victims",
                    List.of("More victims report", "Every high-risk victim is offered an adviser"), START);
            priority("reoffending", "Reducing re-offending", "Jordan Example, Example Probation Delivery Unit", START);
            objective("reoffending-o1", "reoffending", "Reduce re-offending by the most prolific offenders",
                    List.of("Stable accommodation on release"), START);
            priority("confidence", "Public confidence", "Example Borough Council communications team", START);
            objective("confidence-o1", "confidence", "Residents feel informed about community safety", List.of(), START);

            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "asb-incidents", ID_PREFIX + "asb-o1", null,
                    "Anti-social behaviour incidents reported to the police", IndicatorUnit.COUNT, Direction.REDUCE,
                    new Baseline(BigDecimal.valueOf(1030), "2021/22", "Exampleshire Police (fictional)",
                            "1,030 a quarter (4,120 in 2021/22)"),
                    new Target(TargetKind.PERCENT_CHANGE, BigDecimal.valueOf(5), "5% reduction on 2021/22"),
                    "52 a quarter (5%)", END, "Casey Example", START, null));
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "asb-repeat-victims", null, ID_PREFIX + "asb",
                    "Repeat victims of anti-social behaviour (three or more reports in a year)", IndicatorUnit.COUNT,
                    Direction.REDUCE, new Baseline(BigDecimal.valueOf(74), "2021/22", "Example Borough Council", "74 (2021/22)"),
                    new Target(TargetKind.ABSOLUTE, BigDecimal.valueOf(60), "fewer than 60 a year"), null, END,
                    "Casey Example", START, null));
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "violence-injury", ID_PREFIX + "violence-o1", null,
                    "Violence with injury offences", IndicatorUnit.COUNT, Direction.REDUCE,
                    new Baseline(BigDecimal.valueOf(309), "2021/22", "Exampleshire Police (fictional)",
                            "309 a quarter (1,236 in 2021/22)"),
                    new Target(TargetKind.PERCENT_CHANGE, BigDecimal.valueOf(3), "3% reduction on 2021/22"),
                    "9 a quarter (3%)",
                    END, "Morgan Example", START, null));
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "da-reports", ID_PREFIX + "violence-o2", null,
                    "Domestic abuse incidents reported", IndicatorUnit.COUNT, Direction.INCREASE, null,
                    new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "more reports than the quarter before"), null,
                    null, "Morgan Example", START, null));
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "iom-reoffending", ID_PREFIX + "reoffending-o1", null,
                    "Proven re-offending rate of the offender management cohort", IndicatorUnit.PERCENT,
                    Direction.REDUCE, new Baseline(new BigDecimal("47.5"), "2021/22", "Example Probation Delivery Unit",
                    "47.5% (2021/22)"), new Target(TargetKind.ABSOLUTE, BigDecimal.valueOf(40), "below 40%"), null, END,
                    "Jordan Example", START, null));
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "feel-safe", ID_PREFIX + "confidence-o1", null,
                    "Residents who feel safe after dark (residents' survey)", IndicatorUnit.PERCENT, Direction.INCREASE,
                    new Baseline(BigDecimal.valueOf(69), "2021/22", "Example Borough residents' survey", "69% (2021/22)"),
                    new Target(TargetKind.ABSOLUTE, BigDecimal.valueOf(75), "at least 75%"), null, END,
                    "Example Borough Council communications team", START, null));
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "cost-of-crime", null, null,
                    "Estimated cost of crime in Example Borough", IndicatorUnit.MONEY, Direction.REDUCE,
                    new Baseline(BigDecimal.valueOf(4_210_000_000L), "2021/22", "Example Borough Council (fictional estimate)",
                            "£42.1m (2021/22)"),
                    new Target(TargetKind.IMPROVE_ON_PREVIOUS, null, "lower than the year before"), null, null,
                    "Example Borough Council", START, null));
        }

        // ---- the actions: who leads them, what they wrote, how they were rated, how they ended

        private List<Story> stories() {
            LocalDate refresh2023 = LocalDate.of(2023, 4, 1);
            return List.of(
                    new Story("asb-hotspots", "asb-o1", "Joint patrols and problem-solving at the three town-centre hotspots",
                            List.of(CASEY), List.of("Exampleshire Police", "Example Borough Council street wardens"), START, END,
                            "AAG.G.GAA.G.GG.G.G", Map.of('A', List.of("Patrol hours below plan while two wardens' posts were vacant",
                                    "Complaints rose at the bus station after the late-night bus changed"),
                                    'G', List.of("Patrols at plan, complaints falling at all three hotspots",
                                            "On track: problem-solving plans in place for every hotspot")),
                            List.of("{30-48} joint patrols at the hotspots; {2-9} dispersal notices issued.",
                                    "Problem-solving meeting held with traders; {8-12} actions agreed, {3-7} complete.",
                                    "CCTV review at the bus station: {12-25} incidents identified, {4-10} referred to the ASB team.",
                                    "Complaints about the precinct down on the same months last year ({20-30} against {32-45})."),
                            null),
                    new Story("asb-mediation", "asb-o1", "Community mediation service for neighbour disputes",
                            List.of(CASEY), List.of("Example Mediation (fictional charity)"), START, LocalDate.of(2024, 3, 31),
                            "A.G..G..G..G", Map.of('A', List.of("Waiting list of six weeks while the new mediators trained"),
                                    'G', List.of("Cases taken on within two weeks; most disputes settled")),
                            List.of("{14-22} disputes referred to mediation; {8-13} settled.",
                                    "Mediator training finished: {4-7} new volunteer mediators, {5-12} cases waiting.",
                                    "{6-12} joint visits with housing officers; {9-16} cases closed."),
                            new Ending(LocalDate.of(2024, 3, 28), true,
                                    "Service delivered as planned; mediation is now part of the council's housing offer")),
                    new Story("asb-victims", "asb-o2", "Caseworker support for high-risk victims of anti-social behaviour",
                            List.of(CASEY), List.of("Example Victim Support (fictional)"), START, END,
                            "GG.AR.RA.G.G.AA.RR", Map.of('A', List.of("Caseworker post covered part-time only",
                                    "Contact within five working days for most, not all, high-risk victims"),
                                    'R', List.of("Caseworker post vacant: high-risk victims are not being contacted in time",
                                            "Funding for the caseworker ends in March and no replacement is agreed"),
                                    'G', List.of("Every high-risk victim contacted within five working days")),
                            List.of("{14-20} high-risk victims referred; {9-13} contacted within five working days.",
                                    "Case review of {10-16} victims with the police; {5-9} risk assessments updated.",
                                    "Caseworker post: {6-11} applicants, {3-4} interviewed."),
                            null),
                    new Story("asb-safe-home", "asb-o2", "Safe at Home: locks, lighting and alarms for repeat victims",
                            List.of(SAM, CASEY), List.of("Example Borough Council housing", "Example Women's Aid (fictional)"),
                            START, END, "G..G..A.G..G..G..G", Map.of('A', List.of("Fitting times slipped to five weeks while the contractor changed"),
                                    'G', List.of("Referrals seen and fitted within three weeks")),
                            List.of("{6-11} homes made safer this period; {1-4} waiting for fitting.",
                                    "New contractor in place; {8-12} fittings booked, {3-7} completed.",
                                    "Follow-up calls: {12-18} residents called, {10-11} say they feel safer at home."),
                            null),
                    new Story("nte-licensing", "violence-o1", "Licensing reviews and a Best Bar None award scheme",
                            List.of(MORGAN), List.of("Example Borough Council licensing"), START, LocalDate.of(2023, 12, 31),
                            "A..A.G..G", Map.of('A', List.of("Only five venues signed up so far"),
                                    'G', List.of("Scheme running with most town-centre venues")),
                            List.of("{5-14} venues signed up to Best Bar None; {3-5} assessed.",
                                    "{18-30} licensing visits; {0-2} reviews requested."),
                            new Ending(LocalDate.of(2023, 11, 30), true,
                                    "Scheme launched and handed to the venues' own association to run")),
                    new Story("nte-street-pastors", "violence-o1", "Street pastors in the town centre on Friday and Saturday nights",
                            List.of(MORGAN), List.of("Example Churches Together (fictional)"), START, LocalDate.of(2025, 3, 31),
                            "G.G.A.R.R", Map.of('A', List.of("Volunteer numbers falling: Saturday nights only"),
                                    'R', List.of("Too few volunteers to run safely; the group is considering closing"),
                                    'G', List.of("Both nights covered every week")),
                            List.of("{10-16} nights covered; {25-60} people helped home.",
                                    "Volunteer recruitment evening: {6-12} attended, {1-3} signed up."),
                            new Ending(LocalDate.of(2023, 10, 31), false,
                                    "The volunteer group closed in October 2023; no other group could take the nights on")),
                    new Story("da-idva", "violence-o2", "Independent domestic violence advisers at Example General Hospital",
                            List.of(MORGAN), List.of("Example Women's Aid (fictional)", "Example Integrated Care Board"), START, END,
                            "A.A.A.A.A.G.G.A.A.", Map.of('A', List.of("One adviser post funded of the two planned",
                                    "Referrals from the emergency department lower than expected"),
                                    'G', List.of("Both advisers in post; referrals from every ward")),
                            List.of("{22-35} referrals to the hospital advisers; {8-15} from the emergency department.",
                                    "Training for ward staff: {3-6} sessions, {40-90} staff trained.",
                                    "{9-15} high-risk cases taken to the risk conference; {7-9} safety plans in place."),
                            null),
                    new Story("da-awareness", "violence-o2", "Domestic abuse awareness training for large employers",
                            List.of(MORGAN), List.of("Example Chamber of Commerce (fictional)"), LocalDate.of(2022, 9, 1),
                            LocalDate.of(2025, 1, 31), "..G..G..G..G..G", Map.of('G', List.of("Sessions booked ahead of plan")),
                            List.of("{1-3} employers trained this period; {60-140} staff attended.",
                                    "Workplace champions network: {15-30} champions across {4-9} employers."),
                            new Ending(LocalDate.of(2025, 1, 24), true, "All twelve large employers trained; the champions network continues")),
                    new Story("iom", "reoffending-o1", "Integrated offender management for the most prolific offenders",
                            List.of(JORDAN), List.of("Exampleshire Police", "Example Drug and Alcohol Service (fictional)"), START, END,
                            "G..G..A..G..G..A..", Map.of('A', List.of("Cohort grew faster than caseloads allow"),
                                    'G', List.of("Cohort managed at planned caseloads")),
                            List.of("Cohort of {38-52}; {3-8} new this period.",
                                    "{40-70} joint home visits; {1-5} breaches taken back to court."),
                            null),
                    new Story("iom-housing", "reoffending-o1", "An accommodation pathway for people leaving prison",
                            List.of(JORDAN), List.of("Example Borough Council housing"), START, END,
                            "RR.R.A.A.A.G..G..G", Map.of('R', List.of("No supported housing provider: people leave prison homeless",
                                    "Tender for supported housing failed: no bids"),
                                    'A', List.of("Provider found; twelve beds open of twenty planned"),
                                    'G', List.of("Twenty beds open; nobody released homeless this period")),
                            List.of("{9-14} people released to the borough; {4-8} with somewhere to live on release.",
                                    "Housing panel: {4-8} cases discussed, {2-5} offers of a place made."),
                            null),
                    new Story("conf-newsletter", "confidence-o1", "A quarterly community safety newsletter to every household",
                            List.of(CASEY), List.of("Example Borough Council communications team"), START, END,
                            "G..G..A..A..", Map.of('A', List.of("Printing costs doubled; the spring issue was online only"),
                                    'G', List.of("Issues out on time")),
                            List.of("Issue delivered to {41000-42500} households; {900-2400} online readers."),
                            new Ending(LocalDate.of(2024, 3, 31), false,
                                    "Stopped when the 2024 refresh retired the public confidence priority; community safety news now goes out in the council's own magazine")),
                    new Story("conf-ward-meetings", "confidence-o1", "Quarterly neighbourhood ward meetings with the police",
                            List.of(MORGAN), List.of("Example Borough Council ward members"), START, LocalDate.of(2024, 3, 31),
                            "G..G..G..G..", Map.of('G', List.of("Meetings held in every ward")),
                            List.of("{9-12} ward meetings; {60-180} residents attended."),
                            new Ending(LocalDate.of(2024, 3, 31), true,
                                    "Meetings held in every ward for two years; they continue as the police's own ward panels")),
                    new Story("exp-diversion", "exploitation-o1", "Youth diversion programme for young people at risk of exploitation",
                            List.of(RILEY), List.of("Example Youth Service", "Exampleshire Police"), refresh2023, END,
                            "......AA.G..G..A.G", Map.of('A', List.of("Waiting list while the second youth worker was recruited",
                                    "Fewer schools referring than planned"),
                                    'G', List.of("Referrals seen within two weeks; most young people complete the programme")),
                            List.of("{14-22} young people on the programme; {3-7} completed it this period.",
                                    "Mentoring: {6-12} young people matched with a mentor, {1-5} waiting."),
                            null),
                    new Story("exp-schools", "exploitation-o1", "County lines awareness sessions in every secondary school",
                            List.of(RILEY, MORGAN), List.of("Example Borough schools"), refresh2023, END,
                            "......G..G..G..G..", Map.of('G', List.of("Sessions delivered as scheduled")),
                            List.of("{6-14} sessions delivered; {400-1100} pupils reached.",
                                    "Training for school staff: {2-5} schools, {30-90} staff."),
                            null));
        }

        private void action(Story story) {
            String id = story.actionId();
            // an action is in the plan from its start, or from the refresh that brought its priority in
            LocalDate added = story.objective().startsWith("exploitation") ? story.starts() : START;
            manager(added, new AddAction(PLAN_ID, id, ID_PREFIX + story.objective(), story.title(), List.of(), List.of(),
                    List.of(), story.leads(), story.partners(), story.starts(), story.ends(), List.of(), added, null));
            int noteNumber = 0;
            int ratingNumber = 0;
            String previousText = null;
            for (int m = 0; m < meetings.size(); m++) {
                LocalDate meeting = meetings.get(m);
                if (meeting.isBefore(story.starts()) || (story.ending() != null && meeting.isAfter(story.ending().on()))) {
                    continue;
                }
                // the lead writes in the fortnight before the meeting, and rates the action for it
                String period = meeting.toString().substring(0, 7);
                String template = story.notes().get(noteNumber % story.notes().size());
                int[] figures = figures(template);
                String noteId = id + ".n" + String.format("%02d", ++noteNumber);
                String text = MISPLACED_NOTES.getOrDefault(noteId, noteId.equals(DUPLICATED_NOTE) ? previousText
                        : filled(template, figures));
                previousText = text;
                lead(story, meeting.minusDays(10), new RecordProgress(id, noteId, period, text, null));
                corrections(story, noteId, template, figures, meeting);
                char rag = story.rag().length() > m ? story.rag().charAt(m) : '.';
                if (rag != '.') {
                    List<String> reasons = story.reasons().get(rag);
                    String reason = reasons.get(random.nextInt(reasons.size()));
                    lead(story, meeting.minusDays(7), new AssessRag(id, id + ".r" + String.format("%02d", ++ratingNumber),
                            rag == 'R' ? RagStatus.RED : rag == 'A' ? RagStatus.AMBER : RagStatus.GREEN, reason,
                            meeting.minusDays(7), null));
                }
            }
            Ending ending = story.ending();
            if (ending != null) {
                manager(ending.on(), ending.completed()
                        ? new CompleteAction(id, id + ".completed", ending.note(), ending.on(), null)
                        : new CeaseAction(id, id + ".ceased", ending.note(), ending.on(), null));
            }
        }

        /** A few notes are put right later, as leads do: a figure corrected, a note on the wrong action withdrawn. */
        private void corrections(Story story, String noteId, String template, int[] figures, LocalDate meeting) {
            if (CORRECTED_NOTES.contains(noteId)) {
                int[] corrected = figures.clone();
                corrected[0] += 3;
                lead(story, meeting.plusDays(9), new CorrectProgressNote(story.actionId(), noteId,
                        filled(template, corrected), "The first figure was copied from the wrong month's return; "
                        + "corrected from the partnership's monthly figures", meeting.plusDays(9), null));
            }
            if (MISPLACED_NOTES.containsKey(noteId)) {
                lead(story, meeting.plusDays(3), new WithdrawProgressNote(story.actionId(), noteId,
                        "Recorded against the wrong action: this note belongs to the Safe at Home scheme",
                        meeting.plusDays(3), null));
            }
            if (noteId.equals(DUPLICATED_NOTE)) {
                lead(story, meeting.plusDays(1), new WithdrawProgressNote(story.actionId(), noteId,
                        "Entered twice: the same figures are already in the note for the previous meeting",
                        meeting.plusDays(1), null));
            }
        }

        /** One figure per {lo-hi} in the template, drawn in order. */
        private int[] figures(String template) {
            Matcher range = FIGURE.matcher(template);
            List<Integer> drawn = new ArrayList<>();
            while (range.find()) {
                int low = Integer.parseInt(range.group(1));
                int high = Integer.parseInt(range.group(2));
                drawn.add(low + random.nextInt(high - low + 1));
            }
            return drawn.stream().mapToInt(Integer::intValue).toArray();
        }

        private static String filled(String template, int[] figures) {
            Matcher range = FIGURE.matcher(template);
            StringBuilder text = new StringBuilder();
            int next = 0;
            while (range.find()) {
                range.appendReplacement(text, String.format(Locale.UK, "%,d", figures[next++]));
            }
            range.appendTail(text);
            return text.toString();
        }

        // ---- indicator readings: quarterly and yearly figures, one series break

        private void readings() {
            LocalDate recordingChange = LocalDate.of(2023, 4, 1);
            int firstOnNewBasis = 0;
            for (int quarter = 0; quarter < 12; quarter++) {
                int year = 2022 + quarter / 4;
                String period = year + "/" + String.format("%02d", (year + 1) % 100) + " Q" + (quarter % 4 + 1);
                LocalDate reported = ReadingPeriod.lastDayOf(period).plusDays(40);
                reading("asb-incidents", period, 1030 - 9 * quarter + random.nextInt(50) - 25, null, null, reported);
                // the new recording system counts more of the same offences as violence with injury
                int violence = 305 - 3 * quarter + random.nextInt(30) - 15 + (year >= 2023 ? 45 : 0);
                reading("violence-injury", period, violence, violence * 1_120_000L,
                        "cost estimated at £11,200 an offence (fictional unit cost)", reported);
                reading("da-reports", period, 260 + 6 * quarter + random.nextInt(30) - 15, null, null, reported);
                if (year >= 2023) {
                    reading("exploitation-referrals", period, 8 + random.nextInt(9), null, null, reported);
                }
                if (quarter == 4) {
                    firstOnNewBasis = violence;
                    manager(recordingChange.plusDays(14), new RecordSeriesBreak(PLAN_ID, ID_PREFIX + "violence-injury",
                            recordingChange, "Exampleshire Police moved to a new crime recording system on 1 April 2023: "
                            + "offences once recorded as common assault are now counted as violence with injury", true,
                            recordingChange, null));
                }
                if (quarter == 5) {
                    manager(reported.plusDays(5), new RebaselineIndicator(PLAN_ID, ID_PREFIX + "violence-injury",
                            new Baseline(BigDecimal.valueOf(firstOnNewBasis), "2023/24 Q1", "Exampleshire Police (fictional)",
                                    firstOnNewBasis + " in 2023/24 Q1, the first quarter counted the new way"),
                            new Target(TargetKind.PERCENT_CHANGE, BigDecimal.valueOf(3), "3% reduction on 2023/24 Q1",
                                    "2023/24 Q1", null),
                            Math.round(firstOnNewBasis * 0.03) + " a quarter (3%)", "New baseline after the change in crime recording", reported.plusDays(5), null));
                }
            }
            int[] repeatVictims = {71, 63, 58};
            BigDecimal[] reoffending = {new BigDecimal("45.1"), new BigDecimal("41.8"), new BigDecimal("38.9")};
            long[] costOfCrime = {4_180_000_000L, 4_090_000_000L, 4_120_000_000L};
            for (int y = 0; y < 3; y++) {
                String period = (2022 + y) + "/" + String.format("%02d", (2023 + y) % 100);
                LocalDate reported = ReadingPeriod.lastDayOf(period).plusDays(45);
                reading("asb-repeat-victims", period, repeatVictims[y], null, null, reported);
                readingOf("iom-reoffending", period, reoffending[y], null, y == 2 ? "provisional" : null, reported);
                readingOf("cost-of-crime", period, BigDecimal.valueOf(costOfCrime[y]), null,
                        "fictional estimate from the partnership's cost-of-crime model", reported);
                if (y < 2) {
                    reading("feel-safe", period, 71 + 2 * y, null, null, reported);
                }
            }
        }

        private void reading(String indicator, String period, long value, Long costPence, String note, LocalDate reported) {
            readingOf(indicator, period, BigDecimal.valueOf(value), costPence, note, reported);
        }

        private void readingOf(String indicator, String period, BigDecimal value, Long costPence, String note,
                               LocalDate reported) {
            String id = ID_PREFIX + indicator;
            manager(reported, new RecordIndicatorReading(PLAN_ID, id, id + "." + period.replace("/", "-").replace(" ", "-"),
                    value, period, costPence, note, "Example Borough CSP analyst (fictional)", null, null, null));
        }

        // ---- referral cases through their lifecycle

        private void safeAtHomeReferrals() {
            Story scheme = story("asb-safe-home", SAM);
            List<String> agencies = List.of("Exampleshire Police", "Example Borough Council housing",
                    "Example Women's Aid (fictional)", "Self-referral");
            List<String> declines = List.of("Outside Example Borough", "The landlord has already fitted new locks",
                    "The resident did not want the work done");
            List<String> outcomes = List.of("Door locks and a chain fitted", "Window locks and outside lighting fitted",
                    "Video doorbell fitted", "Letterbox guard and door locks fitted");
            referrals(scheme, LocalDate.of(2022, 4, 1), agencies, declines, outcomes, 0.15, 14, 40, 8_500, 42_000);
        }

        private void diversionReferrals() {
            Story scheme = story("exp-diversion", RILEY);
            List<String> agencies = List.of("Exampleshire Police", "Example Borough schools", "Example Youth Service",
                    "Children's social care (fictional)");
            List<String> declines = List.of("Already working with the youth offending team",
                    "The young person and family declined", "Moved out of the area");
            List<String> outcomes = List.of("Completed the twelve-week programme", "Completed the programme; now mentoring others",
                    "Stopped attending after four sessions", "Moved on to college with a mentor");
            referrals(scheme, LocalDate.of(2023, 5, 1), agencies, declines, outcomes, 0.2, 60, 100, 40_000, 90_000);
        }

        private void referrals(Story scheme, LocalDate from, List<String> agencies, List<String> declines,
                               List<String> outcomes, double declineShare, int minDays, int maxDays, long minCost,
                               long maxCost) {
            for (LocalDate month = from; month.isBefore(END); month = month.plusMonths(1)) {
                int cases = random.nextInt(3); // none, one or two a month: about one on average
                for (int c = 0; c < cases; c++) {
                    LocalDate received = month.plusDays(random.nextInt(25));
                    int number = ++referralNumber;
                    String referralId = ID_PREFIX + "ref-" + String.format("%04d", number);
                    lead(scheme, received, new RecordReferral(scheme.actionId(), referralId, received,
                            agencies.get(random.nextInt(agencies.size())), String.format("EX-%04d", number), null, null));
                    LocalDate decided = received.plusDays(2 + random.nextInt(8));
                    if (decided.isAfter(END)) {
                        continue; // still waiting for a decision when the plan ended
                    }
                    if (random.nextDouble() < declineShare) {
                        lead(scheme, decided, new DeclineReferral(referralId, declines.get(random.nextInt(declines.size())),
                                decided, null));
                        continue;
                    }
                    lead(scheme, decided, new AcceptReferral(referralId, decided, null));
                    LocalDate closed = decided.plusDays(minDays + random.nextInt(maxDays - minDays + 1));
                    if (!closed.isAfter(END)) {
                        long cost = (minCost + (long) (random.nextDouble() * (maxCost - minCost))) / 100 * 100;
                        lead(scheme, closed, new CloseReferral(referralId, outcomes.get(random.nextInt(outcomes.size())),
                                cost, closed, null));
                    }
                }
            }
        }

        private Story story(String key, Lead lead) {
            return new Story(key, null, null, List.of(lead), List.of(), START, END, "", Map.of(), List.of(), null);
        }

        // ---- money and risk

        private void money() {
            Story safeAtHome = story("asb-safe-home", SAM);
            Story diversion = story("exp-diversion", RILEY);
            // what the scheme did before the plan exists only as a tally, as in the real plans
            lead(safeAtHome, START, new TallyReferrals(safeAtHome.actionId(), ID_PREFIX + "asb-safe-home.tally-2021-22",
                    LocalDate.of(2021, 4, 1), LocalDate.of(2022, 3, 31), 48, 987_000L,
                    "Referrals under the scheme's pilot year, before this plan", START, null));
            for (int year = 2022; year <= 2024; year++) {
                FinancialYear financialYear = new FinancialYear(year);
                LocalDate firstDay = financialYear.firstDay();
                manager(firstDay, new AllocateFunding(safeAtHome.actionId(), safeAtHome.actionId() + ".funding-" + year,
                        1_500_000L, "Example Police and Crime Commissioner grant (fictional)", financialYear, firstDay, null));
                if (year >= 2023) {
                    manager(firstDay, new AllocateFunding(diversion.actionId(), diversion.actionId() + ".funding-" + year,
                            2_000_000L, "Example Borough Council community safety budget (fictional)", financialYear,
                            firstDay, null));
                }
                for (int quarter = 1; quarter <= 4; quarter++) {
                    LocalDate spentBy = firstDay.plusMonths(3L * quarter).minusDays(1);
                    lead(safeAtHome, spentBy, new RecordSpend(safeAtHome.actionId(),
                            safeAtHome.actionId() + ".spend-" + year + "-q" + quarter, 250_000L + random.nextInt(150_000),
                            "Locks, lighting and fitting, quarter " + quarter, financialYear, spentBy, null));
                }
            }
        }

        private void risk() {
            Story housing = story("iom-housing", JORDAN);
            String risk = housing.actionId() + ".risk-no-provider";
            LocalDate identified = LocalDate.of(2022, 6, 10);
            lead(housing, identified, new IdentifyRisk(housing.actionId(), risk,
                    "No supported housing provider for people leaving prison", 4, 4, "Jordan Example",
                    "Re-tender with the neighbouring borough; emergency beds meanwhile", identified, null));
            lead(housing, LocalDate.of(2023, 9, 8), new ReassessRisk(housing.actionId(), risk, 2, 4, "Jordan Example",
                    "Provider contracted; beds opening in stages", "Provider found in the second tender",
                    LocalDate.of(2023, 9, 8), null));
            lead(housing, LocalDate.of(2024, 5, 10), new CloseRisk(housing.actionId(), risk,
                    "All twenty beds open and the contract runs to 2027", LocalDate.of(2024, 5, 10), null));
        }

        // ---- the annual refreshes: one adds a priority, the next retires one

        private void refreshes() {
            LocalDate refresh2023 = LocalDate.of(2023, 4, 1);
            priority("exploitation", "Exploitation and county lines", "Riley Example, Example Youth Service", refresh2023);
            objective("exploitation-o1", "exploitation", "Divert young people from criminal exploitation",
                    List.of("Young people at risk are offered a place within two weeks"), refresh2023);
            indicator(new DefineIndicator(PLAN_ID, ID_PREFIX + "exploitation-referrals", ID_PREFIX + "exploitation-o1", null,
                    "Young people referred as at risk of criminal exploitation", IndicatorUnit.COUNT, Direction.MONITOR,
                    null, new Target(TargetKind.MONITOR_ONLY, null, "monitor: more referrals may mean better spotting"),
                    null, null, "Riley Example", refresh2023, null));
            manager(refresh2023, new RefreshPlan(PLAN_ID, ID_PREFIX + "refresh-2023",
                    "2023 strategic assessment: exploitation and county lines added as a priority", refresh2023, null));

            LocalDate refresh2024 = LocalDate.of(2024, 4, 1);
            manager(refresh2024, new RetirePriority(PLAN_ID, ID_PREFIX + "confidence",
                    "The 2024 strategic assessment folded public confidence into every priority's own communications",
                    refresh2024, null));
            manager(refresh2024, new RefreshPlan(PLAN_ID, ID_PREFIX + "refresh-2024",
                    "2024 strategic assessment: public confidence retired as a priority of its own", refresh2024, null));
        }

        // ---- helpers

        private void member(String key, String name, String organisation, String role, LocalDate from, LocalDate to) {
            manager(from, new RecordPlanMember(PLAN_ID, ID_PREFIX + "member-" + key, name, organisation, role, from, null,
                    from, null));
            if (to != null) {
                manager(to, new RecordPlanMember(PLAN_ID, ID_PREFIX + "member-" + key, name, organisation, role, from, to,
                        to, null));
            }
        }

        private void priority(String key, String title, String lead, LocalDate on) {
            manager(on, new AddPriority(PLAN_ID, ID_PREFIX + key, title, List.of(lead), on, null));
        }

        private void objective(String key, String priority, String title, List<String> outcomes, LocalDate on) {
            manager(on, new AddObjective(PLAN_ID, ID_PREFIX + key, ID_PREFIX + priority, title, outcomes, on, null));
        }

        private void indicator(DefineIndicator command) {
            manager(command.effectiveOn(), command);
        }

        private void manager(LocalDate on, Object command) {
            steps.add(new Step(on, command, MANAGER, PLAN_MANAGER));
        }

        private void lead(Story story, LocalDate on, Object command) {
            steps.add(new Step(on, command, story.lead().userId(), DELIVERY_LEAD));
        }
    }
}
