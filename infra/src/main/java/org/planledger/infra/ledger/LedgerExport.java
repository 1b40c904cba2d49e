package org.planledger.infra.ledger;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The whole ledger as NDJSON, one JSON object per line, from one snapshot of the store:
 * <ol>
 *   <li>{@code {"kind":"ledger", "format":"planledger-ledger-export/1", "chainStart":N|null, "exportedAt":..., "publicKey":PEM|null}}</li>
 *   <li>one {@code {"kind":"checkpoint", ..., "heads":[...]}} per checkpoint, in id order;</li>
 *   <li>one line per global position in order: {@code {"kind":"event", ...every stored column..., "chain":{...}|null}},
 *       payload and metaData as base64 of the stored bytes; or {@code {"kind":"chain", ...}} for a chain row
 *       whose event is gone.</li>
 * </ol>
 * {@code tools/verify-ledger.py} recomputes everything from this file alone.
 */
public class LedgerExport {

    public static final String FORMAT = "planledger-ledger-export/1";

    private static final JsonFactory JSON = new JsonFactory();

    private final DataSource dataSource;
    private final LedgerCheckpoints checkpoints;

    public LedgerExport(DataSource dataSource, LedgerCheckpoints checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    public void write(OutputStream out) throws IOException {
        try (Connection connection = dataSource.getConnection()) {
            LedgerJdbc.snapshot(connection, true);
            try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
                json.setRootValueSeparator(null);
                Long start = new LedgerChain().startPoint(connection);
                json.writeStartObject();
                json.writeStringField("kind", "ledger");
                json.writeStringField("format", FORMAT);
                nullableNumber(json, "chainStart", start);
                json.writeStringField("exportedAt", Instant.now().toString());
                json.writeStringField("publicKey", checkpoints.signer().map(LedgerSigner::publicKeyPem).orElse(null));
                json.writeEndObject();
                newline(json);
                List<LedgerCheckpoints.StoredCheckpoint> stored = LedgerCheckpoints.all(connection);
                for (LedgerCheckpoints.StoredCheckpoint checkpoint : stored) {
                    writeCheckpoint(json, checkpoint);
                    newline(json);
                }
                LedgerVerifier.scan(connection, (event, chain) -> {
                    json.writeStartObject();
                    if (event == null) {
                        json.writeStringField("kind", "chain");
                        json.writeNumberField("globalIndex", chain.globalIndex());
                    } else {
                        json.writeStringField("kind", "event");
                        json.writeNumberField("globalIndex", event.globalIndex());
                        json.writeStringField("eventIdentifier", event.eventIdentifier());
                        json.writeStringField("type", event.type());
                        json.writeStringField("aggregateIdentifier", event.aggregateIdentifier());
                        json.writeNumberField("sequenceNumber", event.sequenceNumber());
                        json.writeStringField("payloadType", event.payloadType());
                        json.writeStringField("payloadRevision", event.payloadRevision());
                        json.writeStringField("timeStamp", event.timeStamp());
                        binary(json, "payload", event.payload());
                        binary(json, "metaData", event.metaData());
                    }
                    json.writeFieldName("chain");
                    if (chain == null) {
                        json.writeNull();
                    } else {
                        json.writeStartObject();
                        json.writeNumberField("globalIndex", chain.globalIndex());
                        json.writeStringField("aggregateIdentifier", chain.aggregateIdentifier());
                        json.writeNumberField("sequenceNumber", chain.sequenceNumber());
                        json.writeStringField("eventIdentifier", chain.eventIdentifier());
                        json.writeStringField("hash", chain.hash());
                        json.writeStringField("previousHash", chain.previousHash());
                        json.writeEndObject();
                    }
                    json.writeEndObject();
                    newline(json);
                });
                json.flush();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IOException("could not read the ledger: " + e.getMessage(), e);
        }
    }

    private static void writeCheckpoint(JsonGenerator json, LedgerCheckpoints.StoredCheckpoint stored) throws IOException {
        LedgerCheckpoints.Checkpoint checkpoint = stored.checkpoint();
        json.writeStartObject();
        json.writeStringField("kind", "checkpoint");
        json.writeNumberField("id", checkpoint.id());
        json.writeStringField("at", checkpoint.at());
        json.writeStringField("root", checkpoint.root());
        json.writeNumberField("events", checkpoint.events());
        json.writeNumberField("streams", checkpoint.streams());
        json.writeStringField("reason", checkpoint.reason());
        json.writeStringField("signature", checkpoint.signature());
        json.writeArrayFieldStart("heads");
        for (LedgerCheckpoints.StoredHead head : stored.heads()) {
            json.writeStartObject();
            json.writeStringField("aggregateIdentifier", head.aggregateIdentifier());
            json.writeNumberField("sequenceNumber", head.sequenceNumber());
            json.writeStringField("hash", head.hash());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void binary(JsonGenerator json, String name, byte[] bytes) throws IOException {
        json.writeFieldName(name);
        if (bytes == null) {
            json.writeNull();
        } else {
            json.writeBinary(bytes);
        }
    }

    private static void nullableNumber(JsonGenerator json, String name, Long value) throws IOException {
        json.writeFieldName(name);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    private static void newline(JsonGenerator json) throws IOException {
        json.writeRaw('\n');
    }
}
