package org.planledger.infra.pages;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.planledger.infra.query.BoardChanged;
import org.planledger.infra.query.QueryParameters;
import org.planledger.infra.query.WatchBoard;
import org.planledger.infra.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open board page's live feed: one Axon subscription query per page ({@link WatchBoard}),
 * streamed as server-sent events. Each change to the plan's board is one {@code board-changed}
 * event; the page (htmx's SSE extension) then re-fetches its results with its own filters, so the
 * feed carries no plan content and needs no redaction. A comment every 25 seconds keeps proxies
 * from closing an idle stream and finds pages that have gone; a stream ends after 30 minutes, or
 * when the service stops, and the browser reconnects by itself.
 * <p>
 * The streams end as the service begins to stop (this lifecycle's phase stops before the web server's
 * graceful shutdown), not after it: an open stream is a request in progress, and the graceful shutdown
 * would otherwise wait its full timeout for every board page left open.
 */
@Controller
class LiveBoardEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveBoardEvents.class);

    static final String CHANGED = "board-changed";
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
    static final Duration KEEP_ALIVE = Duration.ofSeconds(25);
    /** How long a browser waits before reconnecting after the stream ends (the SSE "retry" field). */
    static final Duration RECONNECT_AFTER = Duration.ofSeconds(2);

    private final QueryGateway queries;
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-board-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    LiveBoardEvents(QueryGateway queries) {
        this.queries = queries;
        keepAlive.scheduleWithFixedDelay(this::keepAlive, KEEP_ALIVE.toSeconds(), KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS);
    }

    @GetMapping(path = "/plans/{planId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RolesAllowed({Roles.PLAN_MANAGER, Roles.DELIVERY_LEAD, Roles.BOARD, Roles.AUDITOR, Roles.SCRUTINY})
    SseEmitter live(@PathVariable String planId) throws IOException {
        QueryParameters.id("planId", planId);
        SseEmitter stream = new SseEmitter(STREAM_LIFETIME.toMillis());
        SubscriptionQueryResult<Long, BoardChanged> subscription = queries.subscriptionQuery(new WatchBoard(planId),
                ResponseTypes.instanceOf(Long.class), ResponseTypes.instanceOf(BoardChanged.class));
        Runnable end = () -> {
            open.remove(stream);
            subscription.cancel();
        };
        stream.onCompletion(end);
        stream.onTimeout(end);
        stream.onError(failure -> end.run());
        open.add(stream);
        // The first bytes open the stream in the browser and tell it how soon to come back.
        stream.send(SseEmitter.event().comment("live board of " + planId).reconnectTime(RECONNECT_AFTER.toMillis()));
        subscription.updates().subscribe(
                change -> send(stream, SseEmitter.event().name(CHANGED).data(change.planId())),
                failure -> stream.complete(),
                stream::complete);
        return stream;
    }

    private void send(SseEmitter stream, SseEmitter.SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException gone) {
            // the page has gone, or the stream already ended: stop watching for it
            stream.complete();
        }
    }

    /** A page that went away mid-stream (closed, navigated, lost its network) is normal, not a failure. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void pageGone() {
        // nothing to answer: the stream has already ended
    }

    private void keepAlive() {
        for (SseEmitter stream : open) {
            send(stream, SseEmitter.event().comment("keep-alive"));
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** The service is stopping: end the open streams before the web server waits for requests in progress. */
    @Override
    public void stop() {
        running = false;
        endStreams();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        keepAlive.shutdownNow();
        endStreams();
    }

    /**
     * Ends every open stream, as a lost connection would: at shutdown, so the pages reconnect (to this
     * service when it is back, or to another one), and in the browser test of a page losing its feed.
     */
    void endStreams() {
        int streams = open.size();
        open.forEach(stream -> {
            try {
                stream.complete();
            } catch (RuntimeException gone) {
                // its request already ended (the page went away): nothing left to end
            }
        });
        open.clear();
        if (streams > 0) {
            log.info("Ended {} live board streams", streams);
        }
    }

    int openStreams() {
        return open.size();
    }
}
