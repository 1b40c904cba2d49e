package org.planledger.infra.mongo;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * An in-process MongoDB wire-protocol server (mongo-java-server) storing its data in an H2
 * MVStore file. It listens on loopback only, on a free port, so the application talks to it with
 * the official driver exactly as it would to a real MongoDB, and nothing outside the machine can.
 * <p>
 * Its limits (one operation at a time per collection, no secondary indexes, no transactions) are
 * in DESIGN.md; read models and tokens can always be rebuilt from the event store.
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
        MongoServer server = new MongoServer(new H2Backend(storeFile.toString()));
        server.bind(LOOPBACK, ANY_FREE_PORT);
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB wire server on {}:{}, data in {}", address.getHostString(), address.getPort(), storeFile);
        return new EmbeddedMongoWireServer(storeFile, server, address);
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
