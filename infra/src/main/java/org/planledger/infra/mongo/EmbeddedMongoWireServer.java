package org.planledger.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) storing its data in an H2
 * MVStore file. It listens on loopback only, on a free port, so the application talks to it with
 * the official driver exactly as it would to a real MongoDB, and nothing outside the machine can.
 * <p>
 * Its limits (one operation at a time per collection, no secondary indexes, no transactions) are
 * in docs/architecture.md.
 * <p>
 * Everything in this store (read models and the processors' tokens) is derived from the event
 * store, so a store that cannot be opened is no reason to refuse to start: it is moved aside
 * (kept for inspection, never deleted) and an empty one takes its place; with no tokens, every
 * processor replays the event store from the start and the read models come back as they were.
 * {@code planledger.read-models.rebuild=true} does the same on purpose, for a store that opens but
 * answers errors (damage inside the file shows only when the damaged page is read).
 */
public class EmbeddedMongoWireServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoWireServer.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int ANY_FREE_PORT = 0;

    private final Path storeFile;
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoWireServer(Path storeFile, MongoServer server, InetSocketAddress address) {
        this.storeFile = storeFile;
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongoWireServer start(Path storeFile) {
        return start(storeFile, false);
    }

    /**
     * @param rebuild move the existing store aside first, so the read models are rebuilt from the
     *                events ({@code planledger.read-models.rebuild})
     */
    public static EmbeddedMongoWireServer start(Path storeFile, boolean rebuild) {
        if (rebuild && Files.exists(storeFile)) {
            Path aside = moveAside(storeFile);
            log.warn("planledger.read-models.rebuild=true: moved the read-model store {} to {}; the read models are "
                    + "being rebuilt from the event store.", storeFile, aside);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(storeFile.toString());
        } catch (RuntimeException damaged) {
            Path aside = moveAside(storeFile);
            log.error("The read-model store {} could not be opened ({}). Read models are derived from the events, so it "
                    + "was moved to {} and the read models are being rebuilt from the event store; nothing is lost. "
                    + "The service answers with partial read models until the processors have caught up "
                    + "(see /actuator/health, eventProcessors).", storeFile, damaged.getMessage(), aside);
            backend = new H2Backend(storeFile.toString());
        }
        MongoServer server = new MongoServer(backend);
        server.bind(LOOPBACK, ANY_FREE_PORT);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB wire server on {}:{}, data in {}", address.getHostString(), address.getPort(), storeFile);
        return new EmbeddedMongoWireServer(storeFile, server, address);
    }

    private static Path moveAside(Path storeFile) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").format(
                LocalDateTime.now(Clock.systemUTC()));
        Path aside = storeFile.resolveSibling(storeFile.getFileName() + ".damaged-" + stamp);
        try {
            return Files.move(storeFile, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the read-model store " + storeFile + " aside", e);
        }
    }

    public InetSocketAddress address() {
        return address;
    }

    public Path storeFile() {
        return storeFile;
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /** Stops listening and closes the backend, which commits and closes the MVStore file. */
    @Override
    public void close() {
        log.info("Stopping the embedded MongoDB wire server on port {}", address.getPort());
        server.shutdown();
    }
}
