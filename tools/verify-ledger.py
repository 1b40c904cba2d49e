#!/usr/bin/env python3
"""Verify a Plan Ledger export without the server (docs/tamper-evidence.md).

    python3 tools/verify-ledger.py ledger.ndjson [--public-key key.pem]

Reads the NDJSON that GET /api/ledger/export writes, recomputes every event's hash from the stored
bytes (base64 in the export) and its stream's previous hash, checks every chain link and every
checkpoint (heads, Merkle root, counts and, when a public key is known, the Ed25519 signature), and
prints a JSON report like GET /api/ledger/verify's, with the first break. Exit code 0 when verified,
1 when a break was found, 2 when the file cannot be read. Python 3 standard library only.

The checks and their order mirror org.planledger.infra.ledger.LedgerVerifier: keep them in step.
"""
import base64
import hashlib
import json
import sys

EVENT_TAG = b"planledger-event-v1"
CHECKPOINT_TAG = b"planledger-checkpoint-v1"
GENESIS = bytes(32)
NULL_FIELD = b"\xff\xff\xff\xff"


def field(value):
    """u32 big-endian length, then the bytes; None is FF FF FF FF. Text is UTF-8."""
    if value is None:
        return NULL_FIELD
    if isinstance(value, str):
        value = value.encode("utf-8")
    return len(value).to_bytes(4, "big") + value


def i64(value):
    return int(value).to_bytes(8, "big", signed=True)


def b64(value):
    return None if value is None else base64.b64decode(value)


def event_hash(event, previous):
    digest = hashlib.sha256()
    digest.update(EVENT_TAG)
    digest.update(field(event["eventIdentifier"]))
    digest.update(field(event["type"]))
    digest.update(field(event["aggregateIdentifier"]))
    digest.update(i64(event["sequenceNumber"]))
    digest.update(field(event["payloadType"]))
    digest.update(field(event["payloadRevision"]))
    digest.update(field(event["timeStamp"]))
    digest.update(field(b64(event["payload"])))
    digest.update(field(b64(event["metaData"])))
    digest.update(previous)
    return digest.digest()


def merkle_root(heads):
    """heads: (aggregateIdentifier, sequenceNumber, hash bytes); leaves ordered by UTF-8 bytes of the id."""
    level = []
    for aggregate, sequence, digest_bytes in sorted(heads, key=lambda head: head[0].encode("utf-8")):
        level.append(hashlib.sha256(b"\x00" + field(aggregate) + i64(sequence) + digest_bytes).digest())
    if not level:
        return hashlib.sha256(b"").digest()
    while len(level) > 1:
        nxt = []
        for i in range(0, len(level), 2):
            if i + 1 == len(level):
                nxt.append(level[i])
            else:
                nxt.append(hashlib.sha256(b"\x01" + level[i] + level[i + 1]).digest())
        level = nxt
    return level[0]


def checkpoint_message(checkpoint):
    return (CHECKPOINT_TAG + field(checkpoint["at"]) + field(checkpoint["root"]) + i64(checkpoint["events"])
            + i64(checkpoint["streams"]) + field(checkpoint["reason"]))


# ---- Ed25519 verification (RFC 8032, section 6 reference code) --------------------------------------
P = 2 ** 255 - 19
Q = 2 ** 252 + 27742317777372353535851937790883648493


def _inv(x):
    return pow(x, P - 2, P)


D = -121665 * _inv(121666) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x = (a[1] - a[0]) * (b[1] - b[0]) % P
    y = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    d = 2 * a[2] * b[2] % P
    e, f, g, h = y - x, d - c, d + c, y + x
    return (e * f, g * h, f * g, e * h)


def _mul(s, point):
    result = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            result = _add(result, point)
        point = _add(point, point)
        s >>= 1
    return result


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * _inv(D * y * y + 1)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


_GY = 4 * _inv(5) % P
_GX = _recover_x(_GY, 0)
BASE = (_GX, _GY, 1, _GX * _GY % P)


def _decompress(data):
    if len(data) != 32:
        return None
    y = int.from_bytes(data, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % Q
    return _equal(_mul(s, BASE), _add(r, _mul(h, a)))


def public_key_bytes(pem):
    """The 32 raw bytes of an Ed25519 SubjectPublicKeyInfo PEM."""
    body = "".join(line for line in pem.strip().splitlines() if not line.startswith("-----"))
    der = base64.b64decode(body)
    if len(der) != 44 or not der.startswith(bytes.fromhex("302a300506032b6570032100")):
        raise ValueError("not an Ed25519 public key")
    return der[12:]


# ---- verification ---------------------------------------------------------------------------------
class Verifier:
    def __init__(self, start, checkpoints, public_key):
        self.start = start
        self.checkpoints = checkpoints
        self.public_key = public_key
        self.streams = {}  # aggregate -> [sequence, hash bytes]
        self.expected = {}  # aggregate + "\0" + sequence -> [(checkpoint id, hash hex)]
        self.breaks = []
        self.events = 0
        self.recomputed = {}  # (aggregate, sequence) -> recomputed hash bytes, for checkpoint roots
        self.wanted = set()
        for checkpoint in checkpoints:
            for head in checkpoint["heads"]:
                key = head["aggregateIdentifier"] + "\0" + str(head["sequenceNumber"])
                self.expected.setdefault(key, []).append((checkpoint["id"], head["hash"]))
                self.wanted.add((head["aggregateIdentifier"], head["sequenceNumber"]))

    def fail(self, failure, detail, global_index=None, aggregate=None, sequence=None, event_id=None, checkpoint=None):
        entry = {"failure": failure}
        for name, value in (("globalIndex", global_index), ("aggregateIdentifier", aggregate),
                            ("sequenceNumber", sequence), ("eventIdentifier", event_id), ("checkpointId", checkpoint)):
            if value is not None:
                entry[name] = value
        entry["detail"] = detail
        self.breaks.append(entry)

    def check_head(self, aggregate, sequence, hash_hex, global_index, event_id):
        for checkpoint_id, expected in self.expected.pop(aggregate + "\0" + str(sequence), []):
            if expected != hash_hex:
                self.fail("CHECKPOINT_MISMATCH", "checkpoint %s recorded this event as its stream's head with hash %s; "
                          "the chain now gives %s" % (checkpoint_id, expected, hash_hex),
                          global_index, aggregate, sequence, event_id, checkpoint_id)

    def accept(self, line):
        chain = line.get("chain")
        if line["kind"] == "chain":
            self.fail("LINK_MISSING", "no event at this global position, but a chain row names event %s here"
                      % chain["eventIdentifier"], chain["globalIndex"], chain["aggregateIdentifier"],
                      chain["sequenceNumber"], chain["eventIdentifier"])
            self.streams[chain["aggregateIdentifier"]] = [chain["sequenceNumber"], bytes.fromhex(chain["hash"])]
            self.check_head(chain["aggregateIdentifier"], chain["sequenceNumber"], chain["hash"], chain["globalIndex"],
                            chain["eventIdentifier"])
            return
        event = line
        self.events += 1
        aggregate, sequence, index = event["aggregateIdentifier"], event["sequenceNumber"], event["globalIndex"]
        stream = self.streams.get(aggregate)
        expected_sequence = 0 if stream is None else stream[0] + 1
        previous = GENESIS if stream is None else stream[1]
        computed = event_hash(event, previous)
        same = (chain is not None and chain["eventIdentifier"] == event["eventIdentifier"]
                and chain["aggregateIdentifier"] == aggregate and chain["sequenceNumber"] == sequence)
        args = (index, aggregate, sequence, event["eventIdentifier"])
        if chain is None:
            if self.start is None or index > self.start:
                self.fail("FORGED", "the event has no chain row after the chain's start point", *args)
            else:
                self.fail("LINK_MISSING", "the event has no chain row (before the start point)", *args)
        elif not same:
            self.fail("ORDER_CHANGED", "the chain row at this global position names event %s"
                      % chain["eventIdentifier"], *args)
        elif sequence < expected_sequence:
            self.fail("ORDER_CHANGED", "sequence %d comes after sequence %d of the same stream"
                      % (sequence, expected_sequence - 1), *args)
        elif sequence > expected_sequence:
            self.fail("LINK_MISSING", "the stream's events %d to %d are missing before this one"
                      % (expected_sequence, sequence - 1), *args)
        elif chain["previousHash"] != previous.hex():
            self.fail("LINK_MISSING", "the chain row's previous hash is not the hash of the stream's previous event",
                      *args)
        elif chain["hash"] != computed.hex():
            self.fail("CONTENT_CHANGED", "the stored event hashes to %s, its chain row says %s"
                      % (computed.hex(), chain["hash"]), *args)
        carried = bytes.fromhex(chain["hash"]) if same else computed
        self.streams[aggregate] = [sequence, carried]
        if (aggregate, sequence) in self.wanted:
            # the hash recomputed from the stored bytes, for each checkpoint's root recomputed from the export
            self.recomputed[(aggregate, sequence)] = computed
        self.check_head(aggregate, sequence, carried.hex(), index, event["eventIdentifier"])

    def finish(self):
        for key in sorted(self.expected):
            aggregate, sequence = key.split("\0")
            for checkpoint_id, _ in self.expected[key]:
                self.fail("CHECKPOINT_MISMATCH", "checkpoint %s recorded this stream's head at sequence %s, which the "
                          "ledger no longer holds" % (checkpoint_id, sequence), None, aggregate, int(sequence), None,
                          checkpoint_id)
        roots = {}
        for checkpoint in self.checkpoints:
            heads = [(h["aggregateIdentifier"], h["sequenceNumber"], bytes.fromhex(h["hash"])) for h in checkpoint["heads"]]
            root = merkle_root(heads).hex()
            recomputed_heads = [(a, s, self.recomputed.get((a, s), b"")) for a, s, _ in heads]
            roots[str(checkpoint["id"])] = (merkle_root(recomputed_heads).hex()
                                            if all(len(h[2]) == 32 for h in recomputed_heads) else None)
            count = sum(h[1] + 1 for h in heads)
            problem = None
            if root != checkpoint["root"]:
                problem = "its stored heads give the root %s, it says %s" % (root, checkpoint["root"])
            elif count != checkpoint["events"] or len(heads) != checkpoint["streams"]:
                problem = "its heads cover %d events in %d streams, it says %d in %d" % (
                    count, len(heads), checkpoint["events"], checkpoint["streams"])
            elif (checkpoint.get("signature") and self.public_key is not None
                  and not ed25519_verify(self.public_key, checkpoint_message(checkpoint),
                                         base64.b64decode(checkpoint["signature"]))):
                problem = "its signature does not verify with the public key"
            if problem:
                self.fail("CHECKPOINT_MISMATCH", "checkpoint %s (%s): %s" % (checkpoint["id"], checkpoint["at"], problem),
                          checkpoint=checkpoint["id"])
        head = merkle_root([(a, s[0], s[1]) for a, s in self.streams.items()]).hex()
        return {
            "verified": not self.breaks,
            "events": self.events,
            "checkpoints": len(self.checkpoints),
            "head": head,
            "firstBreak": self.breaks[0] if self.breaks else None,
            "breaks": len(self.breaks),
            "streams": len(self.streams),
            "chainStart": self.start,
            "checkpointRoots": roots,
        }


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    path = argv[1]
    public_key = None
    if "--public-key" in argv:
        with open(argv[argv.index("--public-key") + 1], encoding="ascii") as key_file:
            public_key = public_key_bytes(key_file.read())
    try:
        source = sys.stdin if path == "-" else open(path, encoding="utf-8")
    except OSError as error:
        print("cannot read %s: %s" % (path, error), file=sys.stderr)
        return 2
    with source:
        header = json.loads(source.readline())
        if header.get("kind") != "ledger" or header.get("format") != "planledger-ledger-export/1":
            print("%s is not a Plan Ledger export (planledger-ledger-export/1)" % path, file=sys.stderr)
            return 2
        if public_key is None and header.get("publicKey"):
            # The export's own key only proves the signatures are consistent with it; pass --public-key
            # with a copy of the key obtained separately to prove who signed.
            public_key = public_key_bytes(header["publicKey"])
        checkpoints = []
        verifier = None
        for raw in source:
            if not raw.strip():
                continue
            line = json.loads(raw)
            if line["kind"] == "checkpoint":
                checkpoints.append(line)
                continue
            if verifier is None:
                verifier = Verifier(header.get("chainStart"), checkpoints, public_key)
            verifier.accept(line)
        if verifier is None:
            verifier = Verifier(header.get("chainStart"), checkpoints, public_key)
    report = verifier.finish()
    print(json.dumps(report, indent=2))
    first = report["firstBreak"]
    if first:
        print("NOT VERIFIED: %s at global index %s (%s #%s): %s" % (
            first["failure"], first.get("globalIndex"), first.get("aggregateIdentifier"), first.get("sequenceNumber"),
            first["detail"]), file=sys.stderr)
    else:
        print("verified: %d events in %d streams, %d checkpoints, head %s" % (
            report["events"], report["streams"], report["checkpoints"], report["head"]), file=sys.stderr)
    return 0 if report["verified"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
