package org.planledger.infra.ledger;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The ledger's canonical encodings and hashes, exactly as {@code docs/tamper-evidence.md} writes
 * them down (and {@code tools/verify-ledger.py} recomputes them). Changing anything here breaks
 * every stored chain: add a new version tag instead.
 * <ul>
 *   <li>A field is {@code u32be(length) || bytes}; a null field is {@code FF FF FF FF} with no bytes.
 *       Text is UTF-8. A number is 8 bytes, signed big-endian.</li>
 *   <li>Event hash = SHA-256("planledger-event-v1" || eventIdentifier || type || aggregateIdentifier
 *       || i64(sequenceNumber) || payloadType || payloadRevision || timeStamp || payload || metaData
 *       || previousHash (32 raw bytes)), every value as stored in {@code domain_event_entry}.</li>
 *   <li>Merkle leaf = SHA-256(00 || aggregateIdentifier || i64(sequenceNumber) || hash (32 bytes)),
 *       leaves ordered by the UTF-8 bytes of the aggregate identifier; node = SHA-256(01 || left || right);
 *       an odd node at the end of a level moves up unchanged; the root of no streams is SHA-256 of nothing.</li>
 *   <li>Checkpoint signature message = "planledger-checkpoint-v1" || at || root || i64(events) || i64(streams) || reason.</li>
 * </ul>
 */
public final class LedgerHash {

    private static final HexFormat HEX = HexFormat.of();

    public static final String EVENT_TAG = "planledger-event-v1";
    public static final String CHECKPOINT_TAG = "planledger-checkpoint-v1";
    /** The previous hash of sequence 0: 32 zero bytes. */
    public static final byte[] GENESIS = new byte[32];
    public static final String GENESIS_HEX = hex(GENESIS);

    private LedgerHash() {
    }

    /** The event's hash over what is stored, chained to {@code previousHash}. */
    public static byte[] eventHash(StoredEvent event, byte[] previousHash) {
        MessageDigest digest = sha256();
        digest.update(EVENT_TAG.getBytes(StandardCharsets.UTF_8));
        field(digest, event.eventIdentifier());
        field(digest, event.type());
        field(digest, event.aggregateIdentifier());
        number(digest, event.sequenceNumber());
        field(digest, event.payloadType());
        field(digest, event.payloadRevision());
        field(digest, event.timeStamp());
        field(digest, event.payload());
        field(digest, event.metaData());
        digest.update(previousHash);
        return digest.digest();
    }

    /** One stream's head: the last event's sequence number and hash. */
    public record Head(String aggregateIdentifier, long sequenceNumber, byte[] hash) {
    }

    /** The Merkle root over the stream heads (any order given; sorted here by UTF-8 bytes of the aggregate id). */
    public static byte[] merkleRoot(List<Head> heads) {
        List<Head> sorted = new ArrayList<>(heads);
        sorted.sort(HEAD_ORDER);
        List<byte[]> level = new ArrayList<>(sorted.size());
        for (Head head : sorted) {
            MessageDigest digest = sha256();
            digest.update((byte) 0);
            field(digest, head.aggregateIdentifier());
            number(digest, head.sequenceNumber());
            digest.update(head.hash());
            level.add(digest.digest());
        }
        if (level.isEmpty()) {
            return sha256().digest();
        }
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>((level.size() + 1) / 2);
            for (int i = 0; i < level.size(); i += 2) {
                if (i + 1 == level.size()) {
                    next.add(level.get(i));
                } else {
                    MessageDigest digest = sha256();
                    digest.update((byte) 1);
                    digest.update(level.get(i));
                    digest.update(level.get(i + 1));
                    next.add(digest.digest());
                }
            }
            level = next;
        }
        return level.get(0);
    }

    public static final Comparator<Head> HEAD_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.aggregateIdentifier().getBytes(StandardCharsets.UTF_8), b.aggregateIdentifier().getBytes(StandardCharsets.UTF_8));

    /** The bytes a checkpoint's signature covers. */
    public static byte[] checkpointMessage(String at, String root, long events, long streams, String reason) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CHECKPOINT_TAG.getBytes(StandardCharsets.UTF_8));
        writeField(out, at.getBytes(StandardCharsets.UTF_8));
        writeField(out, root.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(i64(events));
        out.writeBytes(i64(streams));
        writeField(out, reason.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static byte[] unhex(String hex) {
        return HEX.parseHex(hex);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static void field(MessageDigest digest, String text) {
        field(digest, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        if (bytes == null) {
            digest.update(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
            return;
        }
        digest.update(u32(bytes.length));
        digest.update(bytes);
    }

    private static void writeField(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(u32(bytes.length));
        out.writeBytes(bytes);
    }

    private static void number(MessageDigest digest, long value) {
        digest.update(i64(value));
    }

    private static byte[] u32(int value) {
        return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
    }

    private static byte[] i64(long value) {
        byte[] bytes = new byte[8];
        for (int i = 7; i >= 0; i--) {
            bytes[i] = (byte) value;
            value >>>= 8;
        }
        return bytes;
    }
}
