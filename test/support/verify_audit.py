#!/usr/bin/env python3
"""An independent verifier of a prodgate audit export, written from docs/audit-chain.md alone.

Python 3 standard library only; Ed25519 signatures are checked by `openssl pkeyutl -verify`.

    python3 verify_audit.py EXPORT.jsonl [--public-key KEY] [--checkpoint FILE]... [--json]
    python3 verify_audit.py --self-test

KEY is the base64 SubjectPublicKeyInfo DER, a PEM, or a file holding either. Exit 0 when the chain and every
checkpoint hold, 1 naming the first break, 2 on bad usage.
"""

import base64
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import tempfile

ZERO_HASH = "0" * 64
TOMBSTONE = "[erased]"
GENESIS_ACTION = "audit.genesis"
ERASED_ACTION = "audit.erased"
PERSONAL_FIELDS = ["actor", "context.actor", "context.approved_by"]
HEX32 = re.compile(r"^[0-9a-f]{32}$")
SPKI_PREFIX = bytes.fromhex("302a300506032b6570032100")


# ---- RFC 8785 canonical JSON -------------------------------------------------------------------------------


class CanonicalError(Exception):
    pass


def es_number(x):
    """ECMAScript Number::toString of an IEEE 754 double (RFC 8785 section 3.2.2.3)."""
    if isinstance(x, bool):
        raise CanonicalError("bool is not a number")
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        raise CanonicalError("NaN and Infinity have no JSON form")
    if x == 0:
        return "0"
    sign = "-" if x < 0 else ""
    r = repr(abs(x))  # the shortest digits that round-trip, as ECMAScript chooses them
    mantissa, _, exp = r.partition("e")
    exp = int(exp) if exp else 0
    ip, _, fp = mantissa.partition(".")
    digits = (ip + fp).lstrip("0")
    scale = exp - len(fp)  # value = int(digits) * 10**scale
    stripped = digits.rstrip("0")
    scale += len(digits) - len(stripped)
    digits = stripped
    k = len(digits)
    n = scale + k  # value = 0.digits * 10**n
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * (-n) + digits
    else:
        e = n - 1
        out = digits[0] + ("." + digits[1:] if k > 1 else "") + "e" + ("+" if e >= 0 else "-") + str(abs(e))
    return sign + out


SHORT_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def es_string(s):
    out = ['"']
    units = s.encode("utf-16-be", "surrogatepass")
    for i in range(0, len(units), 2):
        u = int.from_bytes(units[i : i + 2], "big")
        if 0xD800 <= u <= 0xDBFF:
            nxt = int.from_bytes(units[i + 2 : i + 4], "big") if i + 2 < len(units) else 0
            if not 0xDC00 <= nxt <= 0xDFFF:
                raise CanonicalError("lone surrogate")
        elif 0xDC00 <= u <= 0xDFFF:
            prv = int.from_bytes(units[i - 2 : i], "big") if i >= 2 else 0
            if not 0xD800 <= prv <= 0xDBFF:
                raise CanonicalError("lone surrogate")
    for ch in s:
        if ch in SHORT_ESCAPES:
            out.append(SHORT_ESCAPES[ch])
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical(v):
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return es_number(v)
    if isinstance(v, str):
        return es_string(v)
    if isinstance(v, list):
        return "[" + ",".join(canonical(x) for x in v) + "]"
    if isinstance(v, dict):
        keys = sorted(v.keys(), key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(es_string(k) + ":" + canonical(v[k]) for k in keys) + "}"
    raise CanonicalError("no JSON form for %r" % type(v))


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# ---- rows --------------------------------------------------------------------------------------------------


def personal_value(row, field):
    if field == "actor":
        return row["actor"]
    return row["context"].get(field[len("context.") :], _MISSING)


_MISSING = object()


def row_hash(row, position):
    context = {k: v for k, v in row["context"].items() if k not in ("actor", "approved_by")}
    personal = {f: e["commitment"] for f, e in (row["personal"] or {}).items() if e}
    doc = {
        "v": 1,
        "position": position,
        "id": row["id"],
        "prev_hash": row["prev_hash"],
        "action": row["action"],
        "target": row["target"],
        "outcome": row["outcome"],
        "context": context,
        "idempotency_key": row["idempotency_key"],
        "created_at": row["created_at"],
        "personal": personal,
    }
    return sha256_hex(canonical(doc))


def commitment(salt, value):
    return sha256_hex(canonical({"salt": salt, "value": value}))


# ---- keys and signatures -----------------------------------------------------------------------------------


def load_public_key(text):
    if os.path.exists(text):
        with open(text) as f:
            text = f.read()
    text = text.strip()
    if "-----BEGIN" in text:
        body = "".join(l for l in text.splitlines() if not l.startswith("-----"))
        der = base64.b64decode(body)
    else:
        der = base64.b64decode(text)
    if len(der) == 32:
        der = SPKI_PREFIX + der
    if len(der) != 44 or not der.startswith(SPKI_PREFIX):
        raise ValueError("not an Ed25519 public key")
    return der


def key_id(spki_der):
    return hashlib.sha256(spki_der[-32:]).hexdigest()[:16]


def openssl_verify(spki_der, payload, signature):
    with tempfile.TemporaryDirectory() as d:
        pem = os.path.join(d, "key.pem")
        with open(pem, "w") as f:
            b64 = base64.b64encode(spki_der).decode()
            f.write("-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n")
        msg = os.path.join(d, "payload")
        with open(msg, "wb") as f:
            f.write(payload)
        sig = os.path.join(d, "sig")
        with open(sig, "wb") as f:
            f.write(signature)
        r = subprocess.run(
            ["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", pem, "-rawin", "-in", msg, "-sigfile", sig],
            capture_output=True,
        )
        return r.returncode == 0


def signature_state(doc, spki_der):
    if not doc.get("signature"):
        return "unsigned"
    if spki_der is None:
        return "unchecked"
    if doc.get("key_id") != key_id(spki_der):
        return "invalid"
    payload = canonical({k: v for k, v in doc.items() if k != "signature"}).encode("utf-8")
    try:
        sig = base64.b64decode(doc["signature"], validate=True)
    except Exception:
        return "invalid"
    return "valid" if openssl_verify(spki_der, payload, sig) else "invalid"


def checkpoint_ok(doc):
    return (
        isinstance(doc, dict)
        and doc.get("type") == "prodgate.audit.checkpoint"
        and doc.get("version") == 1
        and isinstance(doc.get("position"), int)
        and isinstance(doc.get("head_hash"), str)
        and re.match(r"^[0-9a-f]{64}$", doc["head_hash"])
    )


# ---- verification ------------------------------------------------------------------------------------------


class Break(Exception):
    def __init__(self, kind, row_id, position):
        super().__init__(kind)
        self.kind, self.id, self.position = kind, row_id, position


def verify(table, rows, unchained, checkpoints, spki_der):
    """rows: chained rows in (position, id) order; checkpoints: [(source, doc)] stored first, then given."""
    known = []
    for source, doc in checkpoints:
        if not checkpoint_ok(doc):
            raise Break("bad_checkpoint", None, None)
    for source, doc in checkpoints:
        if doc.get("table") != table:
            raise Break("bad_checkpoint", None, None)
        state = signature_state(doc, spki_der)
        if state == "invalid":
            raise Break("bad_checkpoint", None, None)
        known.append((source, doc, state))

    start = rows[0]["position"] if rows else 0
    anchor = None
    if start > 0:
        for source, doc, state in known:
            if doc.get("reason") == "prune" and doc["position"] == start - 1 and (spki_der is None or state == "valid"):
                anchor = doc
                break
    floor = anchor["position"] + 1 if anchor else 0
    pins = {}
    for source, doc, state in known:
        if doc["position"] >= floor:
            pins.setdefault(doc["position"], []).append(doc)

    prev = {"position": anchor["position"], "row_hash": anchor["head_hash"], "prev_hash": None, "id": None} if anchor else {
        "position": -1, "row_hash": ZERO_HASH, "prev_hash": None, "id": None}
    start = prev["position"] + 1
    erasures = {}
    head = None
    count = 0

    for i, r in enumerate(rows):
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        p = r["position"]
        if p <= prev["position"]:
            raise Break("inserted", r["id"], p)
        if p > prev["position"] + 1:
            raise Break("deleted", r["id"], p)
        if row_hash(r, p) != r["row_hash"]:
            if row_hash(r, p + 1) == r["row_hash"]:
                if nxt is not None and nxt["row_hash"] == r["prev_hash"]:
                    raise Break("out_of_order", r["id"], p)
                raise Break("deleted", r["id"], p)
            if row_hash(r, p - 1) == r["row_hash"]:
                if prev["id"] is not None and prev["prev_hash"] == r["prev_hash"]:
                    raise Break("inserted", prev["id"], prev["position"])
                raise Break("out_of_order", r["id"], p)
            raise Break("modified", r["id"], p)
        if r["prev_hash"] != prev["row_hash"]:
            if prev["id"] is None:
                raise Break("modified", r["id"], p)
            raise Break("modified", prev["id"], prev["position"])
        if prev["id"] is not None and int(r["id"]) <= int(prev["id"]):
            raise Break("out_of_order", r["id"], p)
        if p == 0 and r["action"] != GENESIS_ACTION:
            raise Break("modified", r["id"], p)
        erased_by = {}
        personal = r["personal"] or {}
        for field in PERSONAL_FIELDS:
            value = personal_value(r, field)
            entry = personal.get(field)
            if value is _MISSING and not entry:
                continue
            if not entry or value is _MISSING:
                raise Break("modified", r["id"], p)
            if "salt" in entry:
                if not isinstance(entry["salt"], str) or not HEX32.match(entry["salt"]):
                    raise Break("modified", r["id"], p)
                if commitment(entry["salt"], value) != entry["commitment"]:
                    raise Break("modified", r["id"], p)
                continue
            e = entry.get("erased_by")
            if value != TOMBSTONE or not isinstance(e, int) or isinstance(e, bool) or e <= p:
                raise Break("modified", r["id"], p)
            erased_by[e] = erased_by.get(e, 0) + 1
        for e, fields in erased_by.items():
            if e in erasures:
                erasures[e]["rows"] += 1
                erasures[e]["fields"] += fields
            else:
                erasures[e] = {"rows": 1, "fields": fields, "id": r["id"], "position": p}
        if p in erasures:
            e = erasures[p]

            def claim(k):
                v = r["context"].get(k)
                return v if isinstance(v, (int, float)) and not isinstance(v, bool) else -1

            def holds(seen, claimed):
                return seen == claimed if start == 0 else seen <= claimed

            if r["action"] != ERASED_ACTION or not holds(e["rows"], claim("rows")) or not holds(e["fields"], claim("fields")):
                raise Break("modified", e["id"], e["position"])
            del erasures[p]
        for doc in pins.get(p, []):
            if doc["head_hash"] != r["row_hash"]:
                raise Break("rewritten", r["id"], p)
        prev = {"position": p, "row_hash": r["row_hash"], "prev_hash": r["prev_hash"], "id": r["id"]}
        head = r
        count += 1

    if count == 0 and start == 0 and unchained:
        raise Break("deleted", None, 0)
    for pos, e in erasures.items():
        raise Break("modified", e["id"], e["position"])
    head_position = head["position"] if head else start - 1
    if any(pos > head_position for pos in pins):
        raise Break("truncated", head["id"] if head else None, head["position"] if head else None)
    if unchained:
        raise Break("inserted", unchained[0]["id"], None)
    return {"rows": count, "head": head["position"] if head else None}


def read_export(path):
    header, rows, unchained, checkpoints = None, [], [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if not line.strip():
                continue
            item = json.loads(line)
            if n == 0:
                if item.get("type") != "prodgate.audit.export" or item.get("version") != 1:
                    raise ValueError("not a prodgate audit export")
                header = item
            elif item.get("type") == "checkpoint":
                checkpoints.append((item.get("source"), item.get("document")))
            elif item.get("type") == "row":
                (rows if item["position"] is not None else unchained).append(item)
    rows.sort(key=lambda r: (r["position"], int(r["id"])))
    unchained.sort(key=lambda r: int(r["id"]))
    return header, rows, unchained, checkpoints


# ---- self-test: the vectors of docs/audit-chain.md ---------------------------------------------------------

NUMBER_VECTORS = [
    ("0000000000000000", "0"),
    ("8000000000000000", "0"),
    ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"),
    ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"),
    ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"),
    ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"),
    ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"),
    ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"),
    ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"),
    ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"),
    ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"),
    ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"),
    ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


def self_test(vectors_path):
    import struct

    for bits, want in NUMBER_VECTORS:
        x = struct.unpack(">d", bytes.fromhex(bits))[0]
        got = es_number(x)
        assert got == want, (bits, got, want)
    with open(vectors_path, encoding="utf-8") as f:
        vectors = json.load(f)
    for v in vectors["canonical"]:
        got = canonical(v["input"])
        assert got == v["canonical"], (got, v["canonical"])
        assert sha256_hex(got) == v["sha256"], v
    for v in vectors["commitments"]:
        assert commitment(v["salt"], v["value"]) == v["commitment"], v
    for v in vectors["rows"]:
        assert row_hash(v["row"], v["row"]["position"]) == v["row"]["row_hash"], v
    for v in vectors["checkpoints"]:
        der = load_public_key(v["public_key"])
        assert canonical({k: x for k, x in v["document"].items() if k != "signature"}) == v["payload"], v
        assert signature_state(v["document"], der) == "valid", v
    print("self-test: %d numbers, %d canonical, %d rows, %d checkpoints" % (
        len(NUMBER_VECTORS), len(vectors["canonical"]), len(vectors["rows"]), len(vectors["checkpoints"])))


def main(argv):
    args = argv[1:]
    if args[:1] == ["--self-test"]:
        self_test(args[1])
        return 0
    export, public_key, files, as_json = None, None, [], False
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--public-key":
            public_key = args[i + 1]
            i += 2
        elif a == "--checkpoint":
            files.append(args[i + 1])
            i += 2
        elif a == "--json":
            as_json = True
            i += 1
        elif export is None:
            export = a
            i += 1
        else:
            print("usage: verify_audit.py EXPORT [--public-key KEY] [--checkpoint FILE]... [--json]", file=sys.stderr)
            return 2
    if export is None:
        print("usage: verify_audit.py EXPORT [--public-key KEY] [--checkpoint FILE]... [--json]", file=sys.stderr)
        return 2
    spki = load_public_key(public_key) if public_key else None
    header, rows, unchained, checkpoints = read_export(export)
    for path in files:
        with open(path, encoding="utf-8") as f:
            checkpoints.append((path, json.load(f)))
    try:
        result = verify(header["table"], rows, unchained, checkpoints, spki)
        out = {"ok": True, "rows": result["rows"], "head": result["head"]}
        code = 0
    except Break as b:
        out = {"ok": False, "kind": b.kind, "id": b.id, "position": b.position}
        code = 1
    if as_json:
        print(json.dumps(out))
    else:
        print(("holds: %d rows" % out["rows"]) if out["ok"] else "broken: %s at row id %s" % (out["kind"], out["id"]))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
