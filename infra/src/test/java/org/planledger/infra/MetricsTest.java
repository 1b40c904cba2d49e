package org.planledger.infra;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.planledger.command.api.AddPriority;
import org.planledger.command.api.DraftPlan;
import org.planledger.events.Cadence;
import org.planledger.infra.command.CommandOrigin;
import org.planledger.infra.command.CommandSender;
import org.planledger.query.QuerySideModel;
import org.planledger.query.api.BoardView;
import org.planledger.query.api.FindBoardView;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a few commands and a query, the Prometheus endpoint carries the meters the issue asks for,
 * with values above zero: command handling time per command type, events appended, events
 * processed per processing group, lag per processing group, query time per query type.
 */
class MetricsTest {

    private static final String PLAN = "metrics-plan";
    private static final CommandOrigin MANAGER = CommandOrigin.of("manager-1", Set.of("PLAN_MANAGER"), CommandOrigin.SOURCE_API);

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext application;
    static String scrape;

    @BeforeAll
    static void sendCommandsAndQueriesThenScrape() throws Exception {
        application = EmbeddedApplication.start(dataDir);
        CommandSender sender = application.getBean(CommandSender.class);
        sender.sendAndWait(new DraftPlan(PLAN, "Kettering Borough Community Safety Partnership", "Community Safety Plan",
                LocalDate.of(2013, 4, 1), LocalDate.of(2016, 3, 31), Cadence.QUARTERLY, null), MANAGER);
        sender.sendAndWait(new AddPriority(PLAN, "asb", "Anti-social behaviour", List.of("Police"), null, null), MANAGER);
        sender.sendAndWait(new AddPriority(PLAN, "violence", "Violence", List.of("Police"), null, null), MANAGER);
        ReadModels.awaitCaughtUp(application, Duration.ofSeconds(20));
        Optional<BoardView> board = application.getBean(QueryGateway.class)
                .query(new FindBoardView(PLAN), ResponseTypes.optionalInstanceOf(BoardView.class)).join();
        assertThat(board).isPresent();

        String port = application.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("auditor:demo".getBytes()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        scrape = response.body();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    @Test
    void commandHandlingTimePerCommandType() {
        assertThat(value("commandBus_allTimer_seconds_count", "payloadType=\"DraftPlan\"")).isEqualTo(1);
        assertThat(value("commandBus_allTimer_seconds_count", "payloadType=\"AddPriority\"")).isEqualTo(2);
        assertThat(value("commandBus_allTimer_seconds_sum", "payloadType=\"AddPriority\"")).isPositive();
    }

    @Test
    void eventsAppended() {
        assertThat(value("eventStore_successCounter_total", "")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void eventsProcessedPerProcessingGroup() {
        // Every group receives every event (ingested); a group without a handler for a type ignores it.
        for (String group : QuerySideModel.processingGroups()) {
            assertThat(sum("eventProcessor_ingestedCounter_total", "processorName=\"" + group + "\"")).as(group).isEqualTo(3);
        }
        assertThat(value("eventProcessor_processedCounter_total", "payloadType=\"PriorityAdded\"", "processorName=\"board\""))
                .isEqualTo(2);
    }

    @Test
    void lagPerProcessingGroupIsMeasuredAndZeroOnceCaughtUp() {
        for (String group : QuerySideModel.processingGroups()) {
            assertThat(value("planledger_eventprocessor_lag_events", "processorName=\"" + group + "\"")).as(group).isZero();
        }
        assertThat(value("eventProcessor_latency", "processorName=\"board\"")).isNotNegative();
    }

    @Test
    void queryTimePerQueryType() {
        assertThat(value("queryBus_allTimer_seconds_count", "payloadType=\"FindBoardView\"")).isEqualTo(1);
        assertThat(value("queryBus_allTimer_seconds_sum", "payloadType=\"FindBoardView\"")).isPositive();
    }

    /** The value of the one sample of this meter whose labels contain every given label. */
    private static double value(String meter, String... labels) {
        List<Double> found = samples(meter, labels);
        assertThat(found).as(meter + " " + String.join(",", labels) + " in\n" + grep(meter)).hasSize(1);
        return found.get(0);
    }

    private static double sum(String meter, String... labels) {
        List<Double> found = samples(meter, labels);
        assertThat(found).as(meter + " " + String.join(",", labels) + " in\n" + grep(meter)).isNotEmpty();
        return found.stream().mapToDouble(Double::doubleValue).sum();
    }

    private static List<Double> samples(String meter, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(meter) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher matcher = line.matcher(scrape);
        List<Double> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            String labelSet = matcher.group(1) == null ? "" : matcher.group(1);
            if (java.util.Arrays.stream(labels).allMatch(labelSet::contains)) {
                found.add(Double.parseDouble(matcher.group(2)));
            }
        }
        return found;
    }

    private static String grep(String meter) {
        return scrape.lines().filter(l -> l.startsWith(meter.substring(0, Math.min(8, meter.length())))).limit(40)
                .reduce("", (a, b) -> a + b + "\n");
    }
}
