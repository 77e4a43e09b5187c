#!/usr/bin/env python3
"""Writes python-expectations.tsv: what Python's `email` package (policy=default) decodes as the
subject, first sender address and date of every message in ../shared/corpora/email.

Messages are enumerated the way Rapport enumerates them (sorted recursive walk, hidden entries and
Maildir tmp/ skipped, format sniffed from content, mbox split at `From ` lines after an empty line,
mboxrd unquoting) so that both sides compare the same bytes. Run it again only when the corpus
changes:  python3 Tests/RapportIngestTests/Corpus/make_expectations.py
"""
import email
import email.policy
import os
import re
import sys
from datetime import timezone

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared", "corpora", "email"))
OUT = os.path.join(HERE, "python-expectations.tsv")
HEADER_START = re.compile(rb"^[\x21-\x39\x3b-\x7e]+:")
HEADER_NAME = re.compile(rb"^[\x21-\x39\x3b-\x7e]+[ \t]*:")
MAIL_FIELDS = {
    "from", "to", "cc", "bcc", "subject", "date", "message-id", "received", "return-path",
    "mime-version", "content-type", "sender", "reply-to", "delivered-to", "in-reply-to", "references",
    "envelope-to", "resent-from", "resent-date", "x-mailer", "user-agent", "dkim-signature", "newsgroups",
    "path", "article", "content-transfer-encoding", "thread-topic", "x-original-to", "status",
}


def is_separator(content):
    """`From ` + a sender token + a digit after it (the date), or a sender with an `@`, or `-`."""
    if not content.startswith(b"From ") or len(content) > 1024:
        return False
    rest = content[5:].lstrip(b" ")
    sender, _, tail = rest.partition(b" ")
    if not sender:
        return False
    return b"@" in sender or sender == b"-" or any(48 <= byte <= 57 for byte in tail)



def walk(path):
    entries = sorted(os.listdir(path))
    maildir = "cur" in entries or "new" in entries
    for entry in entries:
        child = os.path.join(path, entry)
        if maildir and entry == "tmp":
            continue
        if entry.startswith("."):
            if not (os.path.isdir(child) and (os.path.exists(os.path.join(child, "cur")) or os.path.exists(os.path.join(child, "new")))):
                continue
        if os.path.isdir(child):
            yield from walk(child)
        elif os.path.isfile(child):
            yield child


def sniff(data):
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    body = body.lstrip(b"\r\n")
    if body.startswith(b"From "):
        return "mbox"
    saw_mail_field = False
    lines = body.split(b"\n")
    for number, line in enumerate(lines):
        if line[:1] in (b"", b"\r"):
            break
        if line[:1] in (b" ", b"\t"):
            if number == 0:
                return None
            continue
        match = HEADER_NAME.match(line)
        if not match:
            # A cut-off last line of the sniffed prefix is not held against the input.
            return "message" if number == len(lines) - 1 and saw_mail_field else None
        name = match.group(0)[:-1].decode("ascii").strip(" \t").lower()
        if name in MAIL_FIELDS or name.startswith("x-") or name.startswith("list-"):
            saw_mail_field = True
    return "message" if saw_mail_field else None


def split_mbox(data):
    messages, current, previous_blank = [], None, True
    lines = data.splitlines(keepends=True)
    for number, line in enumerate(lines):
        content = line.rstrip(b"\r\n")
        if is_separator(content) and line.endswith(b"\n"):
            following = lines[number + 1] if number + 1 < len(lines) else b""
            if previous_blank or current is None or HEADER_START.match(following):
                if current is not None:
                    messages.append(current)
                current = []
                previous_blank = False
                continue
        previous_blank = content == b""
        if current is None:
            continue
        stripped = content.lstrip(b">")
        if len(stripped) < len(content) and stripped.startswith(b"From "):
            content = content[1:]
        current.append(content + (b"\n" if line.endswith(b"\n") else b""))
    if current is not None:
        messages.append(current)
    result = []
    for lines in messages:
        blob = b"".join(lines)
        if blob.endswith(b"\n\n"):
            blob = blob[:-1]
        result.append(blob)
    return result


def clean(text):
    return " ".join(str(text).split())


def describe(blob):
    try:
        message = email.message_from_bytes(blob, policy=email.policy.default)
        subject = message["subject"]
        subject = "" if subject is None else clean(subject)
        sender = ""
        header = message["from"]
        if header is not None:
            addresses = getattr(header, "addresses", ())
            if addresses:
                sender = addresses[0].addr_spec.lower()
        date = ""
        header = message["date"]
        if header is not None and getattr(header, "datetime", None) is not None:
            value = header.datetime
            if value.tzinfo is None:
                value = value.replace(tzinfo=timezone.utc)
            date = value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return subject, sender, date
    except Exception as error:  # Python itself failed: recorded, excluded from agreement.
        return None


def main():
    if not os.path.isdir(ROOT):
        sys.exit("no corpus at " + ROOT)
    rows = []
    for path in walk(ROOT):
        with open(path, "rb") as handle:
            data = handle.read()
        kind = sniff(data[:4096])
        relative = os.path.relpath(path, ROOT)
        if kind == "mbox":
            blobs = [(str(i + 1), b) for i, b in enumerate(split_mbox(data))]
        elif kind == "message":
            blobs = [("", data.lstrip(b"\r\n"))]
        else:
            continue
        for index, blob in blobs:
            described = describe(blob)
            try:
                if described is not None:
                    "".join(described).encode("utf-8")
            except UnicodeEncodeError:  # undecodable bytes Python kept as surrogates: no reference value
                described = None
            if described is None:
                rows.append((relative, index, "!", "!", "!"))
            else:
                rows.append((relative, index) + tuple(value.replace("\t", " ") for value in described))
    with open(OUT, "w", encoding="utf-8", newline="\n") as out:
        out.write("# file\tindex\tsubject\tfrom\tdate   (generated by make_expectations.py; ! = Python failed)\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"{len(rows)} messages written to {os.path.relpath(OUT)}")


if __name__ == "__main__":
    main()
