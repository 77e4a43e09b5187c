#!/usr/bin/env python3
"""Writes Rapport's demo world into Samples/.

Everything is data in this file: our company, the accounts, the people and every message of
every thread. Each message is rendered the way its sender's mail client would write it
(header order, charset, transfer encoding, quoting style, signature, disclaimer, mobile footer),
then filed into the exports a relationship manager actually has: a Thunderbird mbox, a Gmail
Takeout mbox, an Apple Mail export, single .eml files and a Maildir. README.md and
expectations.tsv are written from the same data, so they cannot drift from the mail.

Deterministic: no clock and no randomness. Every Message-ID, boundary and timestamp derives
from the data, so a re-run writes byte-identical files. Standard library only.

    python3 Samples/make_samples.py           # write everything, then verify it
    python3 Samples/make_samples.py --verify  # only verify the files already written
"""

import base64
import binascii
import datetime as dt
import email
import email.utils
import hashlib
import html
import mailbox
import re
import shutil
import sys
import textwrap
from email import policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent

# ---------------------------------------------------------------------------------------------
# MARK: - Deterministic ids


def _digest(key):
    return hashlib.sha256(key.encode("utf-8")).digest()


def hexid(key, n, upper=False):
    value = hashlib.sha256(key.encode("utf-8")).hexdigest()[:n]
    return value.upper() if upper else value


def alnum(key, n):
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
    out, counter = "", 0
    while len(out) < n:
        for byte in _digest(f"{key}/{counter}"):
            out += alphabet[byte % 62]
        counter += 1
    return out[:n]


def number(key, digits):
    value = int.from_bytes(_digest(key)[:12], "big")
    return 10 ** (digits - 1) + value % (9 * 10 ** (digits - 1))


def uuid(key, upper=True):
    h = hexid(key, 32)
    value = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"
    return value.upper() if upper else value


# ---------------------------------------------------------------------------------------------
# MARK: - Time zones and date formats

EN_WD = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_WD_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
EN_MON_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
IS_WD = ["mán.", "þri.", "mið.", "fim.", "fös.", "lau.", "sun."]
IS_WD_LONG = ["mánudagur", "þriðjudagur", "miðvikudagur", "fimmtudagur", "föstudagur",
              "laugardagur", "sunnudagur"]
IS_MON = ["jan.", "feb.", "mar.", "apr.", "maí", "jún.", "júl.", "ágú.", "sep.", "okt.", "nóv.", "des."]
IS_MON_LONG = ["janúar", "febrúar", "mars", "apríl", "maí", "júní", "júlí", "ágúst", "september",
               "október", "nóvember", "desember"]
DA_MON_LONG = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
               "oktober", "november", "december"]


def utc_offset(zone, day):
    """Minutes east of UTC in `zone` on `day` (2026 rules; Iceland keeps UTC all year)."""
    if zone == "is":
        return 0
    if zone == "uk":
        return 60 if dt.date(2026, 3, 29) <= day < dt.date(2026, 10, 25) else 0
    if zone == "dk":
        return 120 if dt.date(2026, 3, 29) <= day < dt.date(2026, 10, 25) else 60
    if zone == "pt":
        return -420 if dt.date(2026, 3, 8) <= day < dt.date(2026, 11, 1) else -480
    raise ValueError(zone)


class Stamp:
    """A moment, written down in the sender's local time."""

    def __init__(self, text, zone):
        self.local = dt.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")
        self.offset = utc_offset(zone, self.local.date())
        self.utc = self.local - dt.timedelta(minutes=self.offset)

    def later(self, seconds):
        other = Stamp.__new__(Stamp)
        other.local = self.local + dt.timedelta(seconds=seconds)
        other.offset = self.offset
        other.utc = self.utc + dt.timedelta(seconds=seconds)
        return other

    def at(self, zone):
        """(local datetime, offset minutes) of this moment in `zone`."""
        offset = utc_offset(zone, self.utc.date())
        return self.utc + dt.timedelta(minutes=offset), offset


def fmt_offset(minutes):
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}{minutes % 60:02d}"


def rfc_date(local, offset):
    return (f"{EN_WD[local.weekday()]}, {local.day} {EN_MON[local.month - 1]} {local.year} "
            f"{local:%H:%M:%S} {fmt_offset(offset)}")


def google_date(stamp):
    """How Google's servers stamp Received headers: Pacific time with the zone name."""
    local, offset = stamp.at("pt")
    name = "PDT" if offset == -420 else "PST"
    return (f"{EN_WD[local.weekday()]}, {local.day:02d} {EN_MON[local.month - 1]} {local.year} "
            f"{local:%H:%M:%S} {fmt_offset(offset)} ({name})")


def twelve_hour(local):
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M} {'AM' if local.hour < 12 else 'PM'}"


# ---------------------------------------------------------------------------------------------
# MARK: - The world's types


class Org:
    def __init__(self, key, name, domain, kind, language, about, mx=None, disclaimer="",
                 disclaimer_at_end=False, inbound_tag=""):
        self.key, self.name, self.domain, self.kind = key, name, domain, kind
        self.language, self.about = language, about
        self.mx = mx  # (host, ip) of the server that hands their mail to ours
        self.disclaimer = disclaimer.strip("\n")
        self.disclaimer_at_end = disclaimer_at_end  # appended by a transport rule, after the quote
        self.inbound_tag = inbound_tag  # what their gateway puts before subjects from outside


class Person:
    def __init__(self, key, name, addr, org, zone, client, title, locale="en-GB", sig="",
                 sig_dash=False, charset=None, cte=None, host=None, mx=None):
        self.key, self.name, self.addr, self.org = key, name, addr, org
        self.zone, self.client, self.title, self.locale = zone, client, title, locale
        self.sig = sig.strip("\n")
        self.sig_dash = sig_dash
        self.charset, self.cte = charset, cte
        self.host = host or "localhost"
        self.mx = mx or org.mx  # the server that hands this person's mail to ours

    @property
    def ours(self):
        return self.org.key == "us"


class Attachment:
    def __init__(self, filename, ctype, data, style="plain", inner=None):
        self.filename, self.ctype, self.data, self.style = filename, ctype, data, style
        self.inner = inner  # key of an embedded message for message/rfc822


class Thread:
    def __init__(self, key, subject, account, lang, expected, kinds, story, shows):
        self.key, self.subject, self.account, self.lang = key, subject, account, lang
        self.expected, self.kinds, self.story, self.shows = expected, kinds, story, shows
        self.messages = []


ORGS, PEOPLE, THREADS, MESSAGES, BY_KEY = {}, {}, {}, [], {}
AUTO = object()


def org(*args, **kwargs):
    value = Org(*args, **kwargs)
    ORGS[value.key] = value
    return value


def person(key, name, addr, org_key, zone, client, title, **kwargs):
    value = Person(key, name, addr, ORGS[org_key], zone, client, title, **kwargs)
    PEOPLE[key] = value
    return value


def thread(key, subject, account, lang, expected, kinds, story, shows):
    THREADS[key] = Thread(key, subject, account, lang, expected, kinds, story, shows)


class Msg:
    """One message as its author wrote it; rendering adds everything a client adds."""

    def __init__(self, key, thread_key, file, frm, to, at, body, cc=(), parent=AUTO, subject=None,
                 refs=True, irt=True, depth=None, attach=(), client=None, charset=None, cte=None,
                 flags="S", labels=None, folder="cur", html_only=False, inline_quote=None,
                 wrap=None, crlf=False):
        self.key, self.file = key, file
        self.thread = THREADS[thread_key] if thread_key else None
        self.sender = PEOPLE[frm]
        self.to = [PEOPLE[k] for k in to]
        self.cc = [PEOPLE[k] for k in cc]
        self.stamp = Stamp(at, self.sender.zone)
        self.body = textwrap.dedent(body).strip("\n")
        self.client = client or self.sender.client
        self.charset = charset or self.sender.charset
        self.cte = cte or self.sender.cte
        self.refs, self.irt, self.depth = refs, irt, depth
        self.attach = list(attach)
        self.flags, self.labels, self.folder = flags, labels, folder
        self.html_only, self.inline_quote, self.wrap, self.crlf = html_only, inline_quote, wrap, crlf
        self._subject = subject
        if parent is AUTO:
            self.parent = self.thread.messages[-1] if self.thread and self.thread.messages else None
        else:
            self.parent = BY_KEY[parent] if parent else None
        if self.thread:
            self.thread.messages.append(self)
        MESSAGES.append(self)
        BY_KEY[key] = self


def m(*args, **kwargs):
    return Msg(*args, **kwargs)


# ---------------------------------------------------------------------------------------------
# MARK: - Header encoding (RFC 2047) and address lists

PY_CHARSET = {"utf-8": "utf-8", "UTF-8": "utf-8", "iso-8859-1": "latin-1", "windows-1252": "cp1252",
              "Windows-1252": "cp1252", "us-ascii": "ascii"}
Q_SAFE = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!*+-/")


def q_encode(data):
    out = []
    for byte in data:
        if byte == 0x20:
            out.append("_")
        elif byte in Q_SAFE:
            out.append(chr(byte))
        else:
            out.append(f"={byte:02X}")
    return "".join(out)


def encoded_words(text, charset, mode):
    """Encoded words for `text`, each at most 75 characters, never splitting a character."""
    codec = PY_CHARSET[charset]

    def word(chunk):
        data = chunk.encode(codec)
        payload = q_encode(data) if mode == "Q" else base64.b64encode(data).decode("ascii")
        return f"=?{charset}?{mode}?{payload}?="

    words, current = [], ""
    for ch in text:
        if current and len(word(current + ch)) > 75:
            words.append(word(current))
            current = ch
        else:
            current += ch
    if current:
        words.append(word(current))
    return words


def fitting_charset(text, charset):
    """The client's header charset, or the one it falls back to when the text does not fit
    (Outlook: windows-1252, then UTF-8)."""
    for candidate in (charset, "windows-1252" if PY_CHARSET[charset] == "latin-1" else None, "utf-8"):
        if candidate is None:
            continue
        try:
            text.encode(PY_CHARSET[candidate])
            return "Windows-1252" if candidate == "windows-1252" else (
                candidate if candidate != "utf-8" or charset.islower() else "UTF-8")
        except UnicodeEncodeError:
            continue
    raise ValueError(text)


def header_text(text, enc):
    """A header value for free text (Subject), folded; `enc` is (charset, mode) or 'raw'."""
    if all(ord(c) < 128 for c in text) or enc == "raw":
        return text
    charset, mode = enc
    return "\n ".join(encoded_words(text, fitting_charset(text, charset), mode))


SPECIALS = set('()<>[]:;@\\,."')


def display_name(name, enc):
    if all(ord(c) < 128 for c in name) or enc == "raw":
        if any(c in SPECIALS for c in name):
            return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
        return name
    charset, mode, *quirk = enc
    words = " ".join(encoded_words(name, fitting_charset(name, charset), mode))
    return f'"{words}"' if quirk else words


def address(p, enc):
    return f"{display_name(p.name, enc)} <{p.addr}>"


def address_list(people, enc):
    """Comma-separated addresses, folded before a line passes 76 characters."""
    parts = [address(p, enc) for p in people]
    lines, current = [], ""
    for part in parts:
        piece = part if not current else ", " + part
        if current and len(current) + len(piece) > 70:
            lines.append(current + ",")
            current = part
        else:
            current += piece
    lines.append(current)
    return "\n\t".join(lines)


# ---------------------------------------------------------------------------------------------
# MARK: - Bodies: transfer encodings, format=flowed, hard wrapping


def qp(data):
    out = binascii.b2a_qp(data, quotetabs=False, istext=True, header=False)
    return out if out.endswith(b"\n") else out + b"\n"


def b64(data):
    return base64.encodebytes(data)


def encode_body(text, charset, cte):
    data = text.encode(PY_CHARSET[charset])
    if cte == "quoted-printable":
        return qp(data)
    if cte == "base64":
        return b64(data)
    return data if data.endswith(b"\n") else data + b"\n"


def flowed(text, width=72):
    """RFC 3676 format=flowed: soft breaks end in a space; stuffed lines start with a space."""
    out = []
    for line in text.split("\n"):
        if line == "-- ":
            out.append(line)
            continue
        line = line.rstrip(" ")
        match = re.match(r"^(>+) ?", line)
        prefix = match.group(1) + " " if match else ""
        content = line[match.end():] if match else line
        segments, current = [], ""
        for word in content.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and len(prefix) + len(candidate) + 1 > width:
                segments.append(current + " ")
                current = word
            else:
                current = candidate
        segments.append(current)
        for segment in segments:
            if not prefix and segment.startswith((" ", "From ", ">")):
                segment = " " + segment
            out.append(prefix + segment)
    return "\n".join(out)


def hard_wrap(text, width=72):
    out = []
    for line in text.split("\n"):
        if len(line) <= width or line.startswith(">"):
            out.append(line)
        else:
            out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# MARK: - Subjects


def strip_reply_prefix(subject):
    return re.sub(r"^(?:(?:Re|RE|SV|Sv):\s*)+", "", subject)


def subject_of(msg):
    if msg._subject is not None:
        return msg._subject
    if msg.parent is None:
        return msg.thread.subject
    seen = msg.parent_subject_seen()
    kind = msg.client
    if kind in ("outlook", "outlook_old", "outlook_ios"):
        lang = labels_lang(msg)
        prefix = "RE: " if lang == "en" else "SV: "
        return prefix + strip_reply_prefix(seen)
    if kind in ("thunderbird", "mutt", "evolution", "claws"):
        return "Re: " + strip_reply_prefix(seen)
    # Gmail, Apple Mail, iPhone, Outlook for Mac keep an existing "Re:"/"RE:" and add nothing.
    if re.match(r"^(Re|RE):\s", seen):
        return seen
    return "Re: " + seen


def _parent_subject_seen(self):
    """The parent's subject as the replier's mail system showed it (gateway tags included)."""
    parent = self.parent
    tag = self.sender.org.inbound_tag
    subject = subject_of(parent)
    if tag and parent.sender.org is not self.sender.org and tag.strip() not in subject:
        subject = tag + subject
    return subject


Msg.parent_subject_seen = _parent_subject_seen


def labels_lang(msg):
    loc = msg.sender.locale
    return "is" if loc.startswith("is") else "da" if loc.startswith("da") else "en"


# ---------------------------------------------------------------------------------------------
# MARK: - Message-IDs, references, Outlook thread index

def message_id(msg):
    c, k, p = msg.client, msg.key, msg.sender
    domain = p.addr.split("@")[1]
    if c == "gmail":
        return f"<CA{alnum(k + 'g', 2)}{alnum(k, 44)}@mail.gmail.com>"
    if c in ("outlook", "outlook_ios", "outlook_mac"):
        if c == "outlook_mac":
            return f"<{uuid(k)}@{domain}>"
        host = {"brightwaterhome.co.uk": "LO4P265MB5871", "selkieseafoods.co.uk": "AS8PR02MB9923",
                "orkulind.is": "DB9PR02MB7345", "fjordbridge.dk": "HE1PR07MB4410",
                "nordurljos.is": "AM0PR02MB5121", "cascadeoutfitters.com": "BN8PR12MB3390",
                "hafbrun.is": "PAXPR02MB7710", "eldborg.is": "VI1PR02MB6602"}[domain]
        region = "namprd12" if domain == "cascadeoutfitters.com" else (
            "GBRP265" if domain == "brightwaterhome.co.uk" else "eurprd02")
        return f"<{host}{hexid(k, 16, upper=True)}@{host}.{region}.prod.outlook.com>"
    if c == "outlook_old":
        return f"<000001dc{hexid(k, 4)}${hexid(k + '1', 8)}${hexid(k + '2', 8)}$@{domain}>"
    if c in ("apple", "iphone"):
        return f"<{uuid(k)}@{domain}>"
    if c == "thunderbird":
        return f"<{uuid(k, upper=False)}@{domain}>"
    if c == "mutt":
        return f"<{alnum(k, 16)}@{p.host}>"
    if c == "evolution":
        return f"<{hexid(k, 40)}.camel@{domain}>"
    if c == "claws":
        return f"<{msg.stamp.utc:%Y%m%d%H%M%S}.{hexid(k, 8)}@{domain}>"
    if c == "noc":
        return f"<{hexid(k, 12)}.{msg.stamp.utc:%Y%m%d%H%M%S}@noc.eldborg.is>"
    raise ValueError(c)


def references_of(msg):
    """What the client writes in References: the parent's own References (or, when the parent
    sent none, its In-Reply-To) followed by the parent's Message-ID."""
    parent = msg.parent
    if parent is None:
        return []
    if parent.refs:
        inherited = references_of(parent)
    elif parent.irt and parent.parent is not None:
        inherited = [message_id(parent.parent)]
    else:
        inherited = []
    return (inherited + [message_id(parent)])[-8:]


def thread_index(msg):
    if msg.parent is not None and msg.parent.client in ("outlook", "outlook_old", "outlook_ios"):
        parent = base64.b64decode(thread_index(msg.parent))
        return base64.b64encode(parent + _digest(msg.key)[:5]).decode("ascii")
    return base64.b64encode(b"\x01\xdc" + _digest(msg.key)[:20]).decode("ascii")


# ---------------------------------------------------------------------------------------------
# MARK: - Text: signatures, footers, disclaimers, quoted history

MOBILE_FOOTER = {"iphone": "Sent from my iPhone", "iphone-is": "Sent úr iPhone",
                 "outlook_ios": "Sækja Outlook fyrir iOS<https://aka.ms/o0ukef>"}


def footer(msg):
    if msg.client == "iphone":
        return MOBILE_FOOTER["iphone-is" if msg.sender.locale.startswith("is") else "iphone"]
    if msg.client == "outlook_ios":
        return MOBILE_FOOTER["outlook_ios"]
    return None


def body_with_inline_quote(msg, mode):
    """The authored body; an `[[QUOTE]]` line stands for a quotation the author pasted in."""
    if not msg.inline_quote:
        return msg.body
    attribution, quoted = msg.inline_quote
    quoted = textwrap.dedent(quoted).strip("\n")
    if mode == "text":
        block = attribution + "\n\n" + "\n".join("> " + l if l else ">" for l in quoted.split("\n"))
        return msg.body.replace("[[QUOTE]]", block)
    return msg.body


def own_text(msg):
    text = body_with_inline_quote(msg, "text")
    tail = footer(msg)
    if tail:
        text += "\n\n" + tail
    elif msg.sender.sig:
        text += "\n\n" + ("-- \n" if msg.sender.sig_dash else "") + msg.sender.sig
    org_ = msg.sender.org
    if org_.disclaimer and not org_.disclaimer_at_end and not tail:
        text += "\n\n" + org_.disclaimer
    if msg.client in ("mutt", "claws") or msg.wrap:
        text = hard_wrap(text, msg.wrap or 72)  # these authors' editors break lines as they type
    return text


DEFAULT_DEPTH = {"gmail": 3, "outlook": 3, "outlook_old": 2, "outlook_ios": 2, "outlook_mac": 2,
                 "apple": 2, "iphone": 2, "thunderbird": 2, "mutt": 1, "evolution": 2, "claws": 0,
                 "noc": 0}


def depth_of(msg):
    return DEFAULT_DEPTH[msg.client] if msg.depth is None else msg.depth


def display_text(msg, depth=None):
    """The whole plain text a reader sees, quoted history included down to `depth` levels."""
    depth = depth_of(msg) if depth is None else depth
    text = own_text(msg)
    if depth > 0 and msg.parent is not None:
        text += quote_text(msg, display_text(msg.parent, min(depth - 1, depth_of(msg.parent))))
    org_ = msg.sender.org
    if org_.disclaimer and org_.disclaimer_at_end:
        text += "\n\n" + org_.disclaimer
    return text


def prefixed(text, style):
    out = []
    for line in text.split("\n"):
        if style == "tight":
            out.append(">" + line if line.startswith(">") else ("> " + line if line else ">"))
        elif style == "apple":
            out.append("> " + line)
        else:
            out.append("> " + line if line else ">")
    return "\n".join(out)


def names(people):
    return "; ".join(f"{p.name} <{p.addr}>" for p in people)


def attribution(msg):
    """The "On … wrote:" line the replier's client writes, in the replier's time zone."""
    parent, c = msg.parent, msg.client
    ps = parent.sender
    local, offset = parent.stamp.at(msg.sender.zone)
    loc = msg.sender.locale
    if c == "thunderbird":
        return f"On {local:%d/%m/%Y %H:%M}, {ps.name} wrote:"
    if c == "gmail":
        if loc.startswith("is"):
            return (f"Þann {IS_WD[local.weekday()]}, {local.day}. {IS_MON[local.month - 1]} "
                    f"{local.year} kl. {local:%H:%M} skrifaði {ps.name} <{ps.addr}>:")
        if loc == "en-US":
            return (f"On {EN_WD[local.weekday()]}, {EN_MON[local.month - 1]} {local.day}, {local.year} "
                    f"at {twelve_hour(local)} {ps.name} <{ps.addr}> wrote:")
        return (f"On {EN_WD[local.weekday()]}, {local.day} {EN_MON[local.month - 1]} {local.year} "
                f"at {local:%H:%M}, {ps.name} <{ps.addr}> wrote:")
    if c in ("apple", "iphone"):
        if loc.startswith("is"):
            return (f"Þann {local.day}. {IS_MON[local.month - 1]} {local.year}, kl. {local:%H:%M}, "
                    f"skrifaði {ps.name} <{ps.addr}>:")
        return f"On {local.day} {EN_MON[local.month - 1]} {local.year}, at {local:%H:%M}, {ps.name} <{ps.addr}> wrote:"
    if c == "mutt":
        plocal, poffset = parent.stamp.local, parent.stamp.offset
        hour = plocal.hour % 12 or 12
        return (f"On {EN_WD[plocal.weekday()]}, {EN_MON[plocal.month - 1]} {plocal.day:02d}, {plocal.year} "
                f"at {hour:02d}:{plocal:%M:%S}{'AM' if plocal.hour < 12 else 'PM'} {fmt_offset(poffset)}, "
                f"{ps.name} wrote:")
    if c == "evolution":
        return (f"Þann {IS_WD[local.weekday()]}, {local:%d.%m.%Y} kl. {local:%H:%M} {fmt_offset(offset)}, "
                f"skrifaði {ps.name}:")
    raise ValueError(c)


def outlook_header_block(msg):
    """The From/Sent/To/Subject block Outlook puts above the quoted message, in its UI language."""
    parent, c = msg.parent, msg.client
    ps = parent.sender
    local, _ = parent.stamp.at(msg.sender.zone)
    lang = labels_lang(msg)
    cc = parent.cc
    psubject = msg.parent_subject_seen()
    if c == "outlook_mac":
        lines = [f"From: {ps.name} <{ps.addr}>",
                 f"Date: {EN_WD_LONG[local.weekday()]}, {local.day} {EN_MON_LONG[local.month - 1]} "
                 f"{local.year} at {local:%H:%M}",
                 f"To: {names(parent.to)}"] + ([f"Cc: {names(cc)}"] if cc else []) + [f"Subject: {psubject}"]
        return "", lines
    if msg.sender.key in ORIGINAL_STYLE:
        if lang == "is":
            lines = ["-----Upprunaleg skilaboð-----", f"Frá: {ps.name} [mailto:{ps.addr}] ",
                     f"Sent: {local.day}. {IS_MON_LONG[local.month - 1]} {local.year} {local:%H:%M}",
                     f"Til: {'; '.join(p.name for p in parent.to)}"] + \
                    ([f"Afrit: {'; '.join(p.name for p in cc)}"] if cc else []) + [f"Efni: {psubject}"]
        else:
            lines = ["-----Original Message-----", f"From: {ps.name} [mailto:{ps.addr}] ",
                     f"Sent: {EN_WD_LONG[local.weekday()]}, {EN_MON_LONG[local.month - 1]} {local.day}, "
                     f"{local.year} {twelve_hour(local)}",
                     f"To: {'; '.join(p.name for p in parent.to)}"] + \
                    ([f"Cc: {'; '.join(p.name for p in cc)}"] if cc else []) + [f"Subject: {psubject}"]
        return "original", lines
    if lang == "is":
        lines = [f"Frá: {ps.name} <{ps.addr}>",
                 f"Sent: {IS_WD_LONG[local.weekday()]}, {local.day}. {IS_MON_LONG[local.month - 1]} "
                 f"{local.year} {local:%H:%M}",
                 f"Til: {names(parent.to)}"] + ([f"Afrit: {names(cc)}"] if cc else []) + [f"Efni: {psubject}"]
    elif lang == "da":
        lines = [f"Fra: {ps.name} <{ps.addr}>",
                 f"Sendt: {local.day}. {DA_MON_LONG[local.month - 1]} {local.year} {local:%H:%M}",
                 f"Til: {names(parent.to)}"] + ([f"Cc: {names(cc)}"] if cc else []) + [f"Emne: {psubject}"]
    elif msg.sender.locale == "en-US":
        lines = [f"From: {ps.name} <{ps.addr}>",
                 f"Sent: {EN_WD_LONG[local.weekday()]}, {EN_MON_LONG[local.month - 1]} {local.day}, "
                 f"{local.year} {twelve_hour(local)}",
                 f"To: {names(parent.to)}"] + ([f"Cc: {names(cc)}"] if cc else []) + [f"Subject: {psubject}"]
    else:
        lines = [f"From: {ps.name} <{ps.addr}>",
                 f"Sent: {local.day:02d} {EN_MON_LONG[local.month - 1]} {local.year} {local:%H:%M}",
                 f"To: {names(parent.to)}"] + ([f"Cc: {names(cc)}"] if cc else []) + [f"Subject: {psubject}"]
    rule = "________________________________" if (c == "outlook_ios" or msg.sender.locale == "en-US") else ""
    return rule, lines


def quote_text(msg, parent_text):
    c = msg.client
    if c in ("outlook", "outlook_old", "outlook_ios", "outlook_mac"):
        rule, lines = outlook_header_block(msg)
        head = "\n".join(lines)
        if rule and rule != "original":
            head = rule + "\n" + head
        return "\n\n" + head + "\n\n" + parent_text
    if c == "thunderbird":
        return "\n\n" + attribution(msg) + "\n" + prefixed(parent_text, "tight")
    if c == "gmail":
        return "\n\n" + attribution(msg) + "\n\n" + prefixed(parent_text, "gmail")
    if c == "apple":
        return "\n\n" + attribution(msg) + "\n\n" + prefixed(parent_text, "apple")
    if c == "iphone":
        return "\n\n" + prefixed(attribution(msg) + "\n\n" + parent_text, "apple")
    if c in ("mutt", "evolution"):
        return "\n\n" + attribution(msg) + "\n" + prefixed(parent_text, "tight")
    raise ValueError(c)


ORIGINAL_STYLE = {"mads", "jon"}  # people whose Outlook writes "-----Original Message-----"


# ---------------------------------------------------------------------------------------------
# MARK: - HTML bodies


def esc(text):
    return html.escape(text, quote=False)


def lines_html(text, style):
    out = []
    for line in text.split("\n"):
        if style == "outlook":
            out.append(f'<p class="MsoNormal">{esc(line) if line else "&nbsp;"}<o:p></o:p></p>')
        else:
            out.append(f"<div>{esc(line)}</div>" if line else "<div><br></div>")
    return "\n".join(out)


def plain_as_html(text):
    return "<div>" + "<br>\n".join(esc(l) for l in text.split("\n")) + "</div>"


def own_html(msg):
    """The author's part of an HTML body, in the style of the sender's client."""
    c, p = msg.client, msg.sender
    body = body_with_inline_quote(msg, "html")
    tail = footer(msg)
    org_ = msg.sender.org
    if c == "gmail":
        parts = ['<div dir="ltr">' + lines_html(body, "div") + "</div>"]
        if p.sig:
            sig = "<br>".join(esc(l) for l in p.sig.split("\n"))
            parts.append('<span class="gmail_signature_prefix">-- </span><br>'
                         f'<div dir="ltr" class="gmail_signature"><div dir="ltr">{sig}</div></div>')
        return "\n".join(parts)
    if c in ("outlook", "outlook_ios", "outlook_mac"):
        text = body + ("\n\n" + tail if tail else ("\n\n" + p.sig if p.sig else ""))
        if org_.disclaimer and not org_.disclaimer_at_end and not tail:
            text += "\n\n" + org_.disclaimer
        return lines_html(text, "outlook")
    if c == "apple":
        parts = []
        if msg.inline_quote:
            before, after = body.split("[[QUOTE]]")
            attr, quoted = msg.inline_quote
            quoted = textwrap.dedent(quoted).strip("\n")
            parts.append(lines_html(before.strip("\n"), "div"))
            parts.append(f'<div><br></div><blockquote type="cite"><div>{esc(attr)}</div>'
                         f'<br class="Apple-interchange-newline">{lines_html(quoted, "div")}</blockquote>'
                         '<div><br></div>')
            parts.append(lines_html(after.strip("\n"), "div"))
        else:
            parts.append(lines_html(body, "div"))
        if p.sig:
            parts.append('<div><br></div><div><div dir="auto" style="caret-color: rgb(0, 0, 0); '
                         'color: rgb(0, 0, 0);">' + "<br>".join(esc(l) for l in p.sig.split("\n"))
                         + "</div></div>")
        return "\n".join(parts)
    return plain_as_html(own_text(msg))


def display_html(msg, depth=None):
    depth = depth_of(msg) if depth is None else depth
    if msg.client not in ("gmail", "outlook", "outlook_ios", "outlook_mac", "apple"):
        return plain_as_html(display_text(msg, depth))
    out = own_html(msg)
    if depth > 0 and msg.parent is not None:
        inner = display_html(msg.parent, min(depth - 1, depth_of(msg.parent)))
        out += quote_html(msg, inner)
    org_ = msg.sender.org
    if org_.disclaimer and org_.disclaimer_at_end:
        out += '\n<div style="font-size:8pt;color:#7f7f7f">' + lines_html(org_.disclaimer, "div") + "</div>"
    return out


def quote_html(msg, inner):
    c = msg.client
    if c == "gmail":
        return ('\n<br><div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">'
                f'{esc(attribution(msg))}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px '
                f'0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">\n{inner}\n</blockquote></div>')
    if c in ("outlook", "outlook_ios", "outlook_mac"):
        rule, lines = outlook_header_block(msg)
        cells = []
        for line in lines:
            if line.startswith("-----"):
                cells.append(esc(line))
                continue
            label, _, value = line.partition(": ")
            cells.append(f"<b>{esc(label)}:</b> {esc(value)}")
        block = "<br>\n".join(cells)
        return ('\n<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n<div style="border:none;border-top:solid #E1E1E1 '
                f'1.0pt;padding:3.0pt 0cm 0cm 0cm">\n<p class="MsoNormal"><b></b>{block}<o:p></o:p></p>\n</div>\n'
                f'<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n{inner}')
    if c == "apple":
        return (f'\n<div><br><blockquote type="cite"><div>{esc(attribution(msg))}</div>'
                f'<br class="Apple-interchange-newline"><div>{inner}</div></blockquote></div><br>')
    raise ValueError(c)


def html_document(msg, charset):
    c = msg.client
    body = display_html(msg)
    if c == "gmail":
        return body + "\n"
    if c in ("outlook", "outlook_ios", "outlook_mac"):
        lang = {"is": "IS", "da": "DA", "en": "EN-GB"}[labels_lang(msg)]
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/'
                '12/omml" xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n'
                f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
                '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
                '@font-face {font-family:"Cambria Math";}\n@font-face {font-family:Aptos;}\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal {margin:0cm;font-size:11.0pt;font-family:"Aptos",sans-serif;}\n'
                'a:link, span.MsoHyperlink {color:#467886;text-decoration:underline;}\n'
                '@page WordSection1 {size:612.0pt 792.0pt;margin:72.0pt 72.0pt 72.0pt 72.0pt;}\n'
                'div.WordSection1 {page:WordSection1;}\n--></style>\n</head>\n'
                f'<body lang="{lang}" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
                f'<div class="WordSection1">\n{body}\n</div>\n</body>\n</html>\n')
    if c == "apple":
        return ('<html aria-label="message body"><head><meta http-equiv="content-type" content="text/html; '
                'charset=utf-8"></head><body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; '
                f'line-break: after-white-space;">\n{body}\n</body></html>\n')
    raise ValueError(c)


# ---------------------------------------------------------------------------------------------
# MARK: - MIME assembly

def boundary(msg, n=0):
    c, k = msg.client, f"{msg.key}/{n}"
    if c == "gmail":
        return "000000000000" + hexid(k, 12)
    if c == "outlook_old":
        return f"----=_NextPart_00{n}_{number(k, 4) % 10000:04X}_01DC{hexid(k, 4, upper=True)}.{hexid(k + 'b', 8, upper=True)}"
    if c in ("outlook", "outlook_ios"):
        mid = message_id(msg).strip("<>").split("@")[0]
        return f"_00{n}_{mid[:29]}_"
    if c == "outlook_mac":
        return f"B_{number(k, 10)}_{number(k + 'x', 10)}"
    if c in ("apple", "iphone"):
        return f"Apple-Mail={'_'}{uuid(k)}"
    if c == "thunderbird":
        return "------------" + alnum(k, 24)
    if c == "evolution":
        return "=-" + alnum(k, 20)
    return alnum(k, 28)


def part_bytes(headers, body):
    head = "".join(f"{name}: {value}\n" for name, value in headers)
    return head.encode("utf-8") + b"\n" + body


def multipart_body(bound, parts, preamble=""):
    out = preamble.encode("ascii") + (b"\n" if preamble else b"")
    for p in parts:
        out += b"--" + bound.encode("ascii") + b"\n" + p + b"\n"
    out += b"--" + bound.encode("ascii") + b"--\n"
    return out


def rfc2231_param(name, value, charset="utf-8"):
    """`name*=charset''…` with RFC 2231 continuations once the value passes one line."""
    tokens = [c if (c.isascii() and (c.isalnum() or c in "-_.!~*'()")) else
              "".join(f"%{b:02X}" for b in c.encode(charset)) for c in value]
    if sum(map(len, tokens)) + len(name) + len(charset) + 5 <= 70:
        return [f"{name}*={charset}''{''.join(tokens)}"]
    chunks, current = [], ""
    for token in tokens:
        if current and len(current) + len(token) > 45:
            chunks.append(current)
            current = ""
        current += token
    chunks.append(current)
    return [f"{name}*{i}*={charset}''{chunk}" if i == 0 else f"{name}*{i}*={chunk}"
            for i, chunk in enumerate(chunks)]


def attachment_part(msg, att):
    c = msg.client
    if att.inner:
        inner = render(BY_KEY[att.inner])
        return part_bytes([("Content-Type", "message/rfc822"),
                           ("Content-Disposition", "inline")], inner)
    data = b64(att.data)
    fname = att.filename
    if att.style == "rfc2231":
        params = rfc2231_param("filename", fname)
        name_q = " ".join(encoded_words(fname, "utf-8", "Q"))
        headers = [("Content-Disposition", "attachment;\n\t" + ";\n\t".join(params)),
                   ("Content-Type", f'{att.ctype};\n\tx-unix-mode=0644;\n\tname="{name_q}"'),
                   ("Content-Transfer-Encoding", "base64")]
    elif att.style == "rfc2047-latin1":
        enc = " ".join(encoded_words(fname, "iso-8859-1", "Q"))
        headers = [("Content-Type", f'{att.ctype};\n\tname="{enc}"'),
                   ("Content-Transfer-Encoding", "base64"),
                   ("Content-Disposition", f'attachment;\n\tfilename="{enc}"')]
    elif att.style == "rfc2047-gmail":
        enc = " ".join(encoded_words(fname, "UTF-8", "B"))
        aid = "f_" + alnum(msg.key + fname, 9).lower()
        headers = [("Content-Type", f'{att.ctype}; name="{enc}"'),
                   ("Content-Disposition", f'attachment; filename="{enc}"'),
                   ("Content-Transfer-Encoding", "base64"), ("Content-ID", f"<{aid}>"), ("X-Attachment-Id", aid)]
    elif c == "apple":
        headers = [("Content-Disposition", f'attachment;\n\tfilename="{fname}"'),
                   ("Content-Type", f'{att.ctype};\n\tx-unix-mode=0644;\n\tname="{fname}"'),
                   ("Content-Transfer-Encoding", "base64")]
    elif c in ("outlook", "outlook_ios"):
        created = rfc_date(*msg.stamp.later(-60).at("is")).replace("+0000", "GMT")
        headers = [("Content-Type", f'{att.ctype}; name="{fname}"'),
                   ("Content-Description", fname),
                   ("Content-Disposition", f'attachment; filename="{fname}"; size={len(att.data)};\n'
                                           f'\tcreation-date="{created}";\n\tmodification-date="{created}"'),
                   ("Content-Transfer-Encoding", "base64")]
    elif c == "gmail":
        aid = "f_" + alnum(msg.key + fname, 9).lower()
        headers = [("Content-Type", f'{att.ctype}; name="{fname}"'),
                   ("Content-Disposition", f'attachment; filename="{fname}"'),
                   ("Content-Transfer-Encoding", "base64"), ("Content-ID", f"<{aid}>"), ("X-Attachment-Id", aid)]
    else:
        headers = [("Content-Type", f'{att.ctype}; name="{fname}"'),
                   ("Content-Disposition", f'attachment; filename="{fname}"'),
                   ("Content-Transfer-Encoding", "base64")]
    return part_bytes(headers, data)


def text_charset(msg, text):
    if msg.charset:
        return msg.charset
    c = msg.client
    ascii_only = all(ord(ch) < 128 for ch in text)
    if c in ("outlook", "outlook_old"):
        try:
            text.encode("cp1252")
            return "us-ascii" if ascii_only else "windows-1252"
        except UnicodeEncodeError:
            return "utf-8"
    if c in ("gmail", "thunderbird", "claws", "evolution"):
        return "UTF-8"
    if c == "mutt":
        return "us-ascii" if ascii_only else "utf-8"
    return "utf-8"


def text_cte(msg, text):
    if msg.cte:
        return msg.cte
    c = msg.client
    ascii_only = all(ord(ch) < 128 for ch in text)
    if c == "thunderbird":
        return "7bit" if ascii_only else "8bit"
    if c in ("mutt", "claws", "noc"):
        return "7bit" if ascii_only else "8bit"
    if c in ("gmail", "iphone"):
        return "7bit" if ascii_only and max((len(l) for l in text.split("\n")), default=0) < 900 else "quoted-printable"
    return "quoted-printable"


def text_headers(msg, charset, cte, flowed_=False):
    c = msg.client
    if c in ("apple", "iphone"):
        return [("Content-Type", f"text/plain;\n\tcharset={charset}"), ("Content-Transfer-Encoding", cte)]
    if c == "thunderbird":
        fmt = "; format=flowed" if flowed_ else ""
        return [("Content-Type", f"text/plain; charset={charset}{fmt}"), ("Content-Transfer-Encoding", cte)]
    if c in ("mutt",):
        return [("Content-Type", f"text/plain; charset={charset}"), ("Content-Disposition", "inline"),
                ("Content-Transfer-Encoding", cte)]
    return [("Content-Type", f'text/plain; charset="{charset}"'), ("Content-Transfer-Encoding", cte)]


def body_structure(msg):
    """(top-level content headers, body bytes) for the message."""
    c = msg.client
    text = display_text(msg)
    if c == "thunderbird":
        text = flowed(text)
    charset = text_charset(msg, text)
    cte = text_cte(msg, text)
    plain_headers = text_headers(msg, charset, cte, flowed_=(c == "thunderbird"))
    plain = encode_body(text, charset, cte)

    if msg.html_only:
        doc = html_document(msg, "utf-8")
        return [("Content-Type", "text/html;\n\tcharset=utf-8"),
                ("Content-Transfer-Encoding", "quoted-printable")], qp(doc.encode("utf-8"))

    alternative = c in ("gmail", "outlook", "outlook_ios", "outlook_mac")
    if alternative:
        html_cs = charset if charset not in ("us-ascii",) else ("UTF-8" if c == "gmail" else "us-ascii")
        doc = html_document(msg, html_cs if c != "gmail" else "UTF-8")
        if c == "gmail":
            html_cs = "UTF-8"
            html_cte = "quoted-printable" if (not doc.isascii() or len(max(doc.split("\n"), key=len)) > 76) else "7bit"
            html_headers = [("Content-Type", f'text/html; charset="{html_cs}"'), ("Content-Transfer-Encoding", html_cte)]
        else:
            html_cte = "base64" if cte == "base64" else "quoted-printable"
            html_headers = [("Content-Type", f'text/html; charset="{html_cs}"'), ("Content-Transfer-Encoding", html_cte)]
        html_bytes = encode_body(doc, html_cs, html_cte)
        alt_b = boundary(msg, 1)
        alt_parts = [part_bytes(plain_headers, plain), part_bytes(html_headers, html_bytes)]
        alt_type = (f'multipart/alternative; boundary="{alt_b}"' if c == "gmail"
                    else f'multipart/alternative;\n\tboundary="{alt_b}"')
        alt_body = multipart_body(alt_b, alt_parts)
        if not msg.attach:
            return [("Content-Type", alt_type)], alt_body
        mixed_b = boundary(msg, 0)
        parts = [part_bytes([("Content-Type", alt_type)], alt_body)]
        parts += [attachment_part(msg, a) for a in msg.attach]
        mixed_type = (f'multipart/mixed; boundary="{mixed_b}"' if c == "gmail"
                      else f'multipart/mixed;\n\tboundary="{mixed_b}"')
        return [("Content-Type", mixed_type)], multipart_body(mixed_b, parts)

    if not msg.attach:
        return plain_headers, plain

    mixed_b = boundary(msg, 0)
    if c == "apple":
        # Apple Mail puts the attachment where it sits in the text: text, attachment, text.
        split_at = len(body_with_inline_quote(msg, "text"))
        first, rest = text[:split_at], text[split_at:].lstrip("\n")
        parts = [part_bytes(text_headers(msg, charset, cte), encode_body(first + "\n", charset, cte))]
        parts += [attachment_part(msg, a) for a in msg.attach]
        parts.append(part_bytes(text_headers(msg, charset, cte), encode_body("\n" + rest, charset, cte)))
        return [("Content-Type", f'multipart/mixed;\n\tboundary="{mixed_b}"')], multipart_body(mixed_b, parts)
    parts = [part_bytes(plain_headers, plain)] + [attachment_part(msg, a) for a in msg.attach]
    preamble = "This is a multi-part message in MIME format." if c == "thunderbird" else ""
    if c == "evolution":
        return [("Content-Type", f'multipart/mixed; boundary="{mixed_b}"')], multipart_body(mixed_b, parts)
    return [("Content-Type", f'multipart/mixed; boundary="{mixed_b}"')], multipart_body(mixed_b, parts, preamble)


# ---------------------------------------------------------------------------------------------
# MARK: - Headers per client

NAME_ENC = {
    "thunderbird": ("UTF-8", "Q"), "gmail": ("UTF-8", "Q"), "apple": ("utf-8", "Q"), "iphone": ("utf-8", "Q"),
    "outlook": ("iso-8859-1", "Q"), "outlook_old": ("iso-8859-1", "Q"), "outlook_ios": ("utf-8", "B"),
    "outlook_mac": ("UTF-8", "B"), "mutt": ("utf-8", "Q"), "evolution": ("UTF-8", "Q"), "claws": ("UTF-8", "B"),
    "noc": "raw",
}


def name_encoding(msg):
    if msg.sender.key in QUOTED_ENCODED_WORDS:
        return ("utf-8", "B", "quoted")
    if msg.client == "outlook" and labels_lang(msg) == "is":
        return ("utf-8", "B")
    return NAME_ENC[msg.client]


QUOTED_ENCODED_WORDS = {"sigurdur"}  # Exchange puts encoded words inside quotes for this sender


def subject_encoding(msg):
    enc = name_encoding(msg)
    return enc if enc == "raw" else enc[:2]


def message_headers(msg, content_headers):
    c = msg.client
    enc = name_encoding(msg)
    subject = header_text(subject_of(msg), subject_encoding(msg))
    date = rfc_date(msg.stamp.local, msg.stamp.offset)
    mid = message_id(msg)
    refs = references_of(msg) if msg.refs else []
    irt = message_id(msg.parent) if (msg.parent is not None and msg.irt) else None
    frm = address(msg.sender, enc)
    to = address_list(msg.to, enc)
    cc = address_list(msg.cc, enc) if msg.cc else None
    refs_h = "\n ".join(refs) if refs else None
    H = []

    def add(name, value):
        if value is not None:
            H.append((name, value))

    if c == "thunderbird":
        add("Message-ID", mid); add("Date", date); add("MIME-Version", "1.0")
        add("User-Agent", "Mozilla Thunderbird"); add("Content-Language", "en-GB")
        add("To", to); add("Cc", cc); add("References", refs_h); add("From", frm)
        add("Subject", subject); add("In-Reply-To", irt)
        H.extend(content_headers)
    elif c == "gmail":
        add("MIME-Version", "1.0"); add("References", refs_h); add("In-Reply-To", irt)
        add("From", frm); add("Date", date); add("Message-ID", mid); add("Subject", subject)
        add("To", to); add("Cc", cc)
        H.extend(content_headers)
    elif c == "apple":
        add("From", frm); H.extend(content_headers)
        add("Mime-Version", "1.0 (Mac OS X Mail 16.0 \\(3826.600.51.1.5\\))")
        add("Subject", subject); add("Message-Id", mid); add("Date", date); add("Cc", cc)
        add("To", to); add("References", refs_h); add("In-Reply-To", irt)
        add("X-Mailer", "Apple Mail (2.3826.600.51.1.5)")
    elif c == "iphone":
        H.extend(content_headers)
        add("From", frm); add("Mime-Version", "1.0 (1.0)"); add("Subject", subject); add("Date", date)
        add("Message-Id", mid); add("References", refs_h); add("Cc", cc); add("In-Reply-To", irt)
        add("To", to); add("X-Mailer", "iPhone Mail (23A355)")
    elif c in ("outlook", "outlook_old", "outlook_ios"):
        lang = labels_lang(msg)
        add("From", frm); add("To", to); add("CC", cc); add("Subject", subject)
        add("Thread-Topic", header_text(strip_reply_prefix(subject_of(msg)).replace("[EXTERNAL] ", ""),
                                        subject_encoding(msg)))
        add("Thread-Index", thread_index(msg)); add("Date", date); add("Message-ID", mid)
        add("References", refs_h); add("In-Reply-To", irt)
        add("Accept-Language", {"is": "is-IS, en-US", "da": "da-DK, en-US", "en": "en-GB, en-US"}[lang])
        add("Content-Language", {"is": "is-IS", "da": "da-DK", "en": "en-GB"}[lang])
        add("X-MS-Has-Attach", "yes" if msg.attach else None)
        add("X-MS-TNEF-Correlator", "")
        if c == "outlook_old":
            add("X-Mailer", "Microsoft Outlook 14.0")
        elif msg.sender.key in ORIGINAL_STYLE:
            add("X-Mailer", "Microsoft Outlook 16.0")
        H.extend(content_headers)
        add("MIME-Version", "1.0")
    elif c == "outlook_mac":
        add("User-Agent", "Microsoft-MacOutlook/16.89.25011917"); add("Date", date); add("Subject", subject)
        add("From", frm); add("To", to); add("CC", cc); add("Message-ID", mid)
        add("Thread-Topic", header_text(strip_reply_prefix(subject_of(msg)), subject_encoding(msg)))
        add("References", refs_h); add("In-Reply-To", irt)
        H.extend(content_headers)
        add("MIME-Version", "1.0")
    elif c == "mutt":
        add("Date", date); add("From", frm); add("To", to); add("Cc", cc); add("Subject", subject)
        add("Message-ID", mid); add("References", refs_h); add("MIME-Version", "1.0")
        H.extend(content_headers)
        add("In-Reply-To", irt); add("User-Agent", "NeoMutt/20250113")
    elif c == "evolution":
        add("Message-ID", mid); add("Subject", subject); add("From", frm); add("To", to); add("Cc", cc)
        add("Date", date); add("In-Reply-To", irt); add("References", refs_h)
        H.extend(content_headers)
        add("X-Mailer", "Evolution 3.50.4-1"); add("MIME-Version", "1.0")
    elif c == "claws":
        add("Date", date); add("From", frm); add("To", to); add("Cc", cc); add("Subject", subject)
        add("Message-ID", mid); add("In-Reply-To", irt); add("References", refs_h)
        add("Organization", "Fjordbridge Integration ApS")
        add("X-Mailer", "Claws Mail 4.3.0 (GTK 3.24.41; x86_64-pc-linux-gnu)"); add("MIME-Version", "1.0")
        H.extend(content_headers)
    elif c == "noc":
        local, _ = msg.stamp.at("is")
        add("Date", f"{local.day} {EN_MON[local.month - 1]} {local.year} {local:%H:%M:%S} GMT")
        add("From", frm); add("To", to); add("Subject", subject); add("Message-ID", mid)
        add("Auto-Submitted", "auto-generated"); add("X-Mailer", "Eldborg Vaktkerfi 3.2")
        add("MIME-Version", "1.0")
        H.extend(content_headers)
    else:
        raise ValueError(c)
    return H


# ---------------------------------------------------------------------------------------------
# MARK: - Transport headers (what servers add on the way in)

def received_external(msg, recipient):
    """Google's MX receiving mail from the sender's server, as Gmail records it."""
    host, ip = msg.sender.mx
    stamp = msg.stamp.later(2 + number(msg.key, 2) % 5)
    sid = alnum(msg.key + "sid", 10).lower()
    return [("Received", f"from {host} ({host}. [{ip}])\n        by mx.google.com with ESMTPS id "
                         f"{sid}.{number(msg.key + 'n', 3)}.2026.{msg.stamp.utc:%m.%d}.{number(msg.key + 'q', 2)}\n"
                         f"        for <{recipient}>\n"
                         f"        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
                         f"        {google_date(stamp)}")]


def received_internal(msg):
    stamp = msg.stamp.later(1)
    ip = f"10.20.1.{number(msg.sender.key, 2)}"
    return [("Received", f"from [{ip}] ({msg.sender.host}. [{ip}])\n        by smtp.gmail.com with ESMTPSA id "
                         f"{alnum(msg.key + 'smtp', 10).lower()}.{number(msg.key, 3)}.2026.{msg.stamp.utc:%m.%d}\n"
                         f"        (version=TLS1_3 cipher=TLS_AES_256_GCM_SHA384 bits=256/256);\n"
                         f"        {google_date(stamp)}")]


def transport_headers(msg, mailbox_owner):
    """Return-Path, Delivered-To and Received for a copy delivered to `mailbox_owner`."""
    if msg.sender.addr == mailbox_owner:
        return []  # a copy from the sender's own Sent folder
    stamp = msg.stamp.later(6)
    top = [("Delivered-To", mailbox_owner),
           ("Received", f"by 2002:a05:7010:{hexid(msg.key, 4)}:b0:{hexid(msg.key + 'b', 3)}:{hexid(msg.key + 'c', 4)}"
                        f" with SMTP id {alnum(msg.key + 'csp', 10).lower()}csp{number(msg.key, 7)};\n"
                        f"        {google_date(stamp)}")]
    if msg.sender.ours:
        return top + [("Return-Path", f"<{msg.sender.addr}>")] + received_internal(msg)
    return top + [("Return-Path", f"<{msg.sender.addr}>")] + received_external(msg, mailbox_owner)


# ---------------------------------------------------------------------------------------------
# MARK: - Rendering a message

_RENDERED = {}


def render(msg, owner=None):
    """The message as bytes with LF line endings; `owner` adds that mailbox's transport headers."""
    key = (msg.key, owner)
    if key in _RENDERED:
        return _RENDERED[key]
    content_headers, body = body_structure(msg)
    headers = message_headers(msg, content_headers)
    if owner:
        headers = transport_headers(msg, owner) + headers
    elif msg.client == "noc":
        headers = [("Return-Path", f"<{msg.sender.addr}>")] + received_external(msg, msg.to[0].addr) + headers
    data = part_bytes(headers, body)
    _RENDERED[key] = data
    return data


def crlf(data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


# =============================================================================================
# MARK: - The world: us and the accounts
# =============================================================================================

DISCLAIMER_BRIGHTWATER = """\
This email and any files transmitted with it are confidential and intended solely for the use of the individual or entity to whom they are addressed. If you have received this email in error please notify the sender immediately and delete it from your system. Any unauthorised copying, disclosure, distribution or other use of the information contained in it is strictly prohibited. Brightwater Home Ltd does not accept liability for any loss or damage arising from the use of this email or its attachments, or for any errors or omissions in its contents which arise as a result of email transmission. Brightwater Home Ltd is registered in England and Wales, company number 08412957. Registered office: Unit 4, Kingsway Business Park, Leeds LS10 1NT."""

DISCLAIMER_SELKIE = """\
IMPORTANT: This email and any attachments are confidential and may be legally privileged. They are intended solely for the named addressee(s). If you are not the intended recipient, please notify the sender immediately by return email and delete this message and any copies from your system; any review, use, dissemination, forwarding, printing or copying of this email or its attachments is strictly prohibited. Selkie Seafoods Ltd accepts no liability for any loss, damage or consequence, whether caused by negligence or otherwise, arising from the use of this email or its attachments, including any loss caused by viruses or other malicious code. Opinions expressed are those of the individual and not necessarily those of Selkie Seafoods Ltd. Contracts cannot be concluded with Selkie Seafoods Ltd by email. Selkie Seafoods Ltd is a company registered in Scotland (SC412877). Registered office: 14 Albert Quay, Aberdeen AB11 5QA. Please consider the environment before printing this email."""

DISCLAIMER_HAFBRUN = """\
FYRIRVARI: Upplýsingar í þessum tölvupósti og viðhengjum hans eru trúnaðarmál og eingöngu ætlaðar þeim sem hann er stílaður á. Hafir þú fengið póstinn fyrir mistök ert þú vinsamlegast beðin(n) um að láta sendanda vita tafarlaust og eyða póstinum og öllum afritum hans. Óheimilt er að afrita, dreifa eða nota efni póstsins eða viðhengja hans á nokkurn hátt án leyfis sendanda. Hafbrún hf. ber ekki ábyrgð á tjóni sem kann að hljótast af notkun upplýsinga í tölvupóstinum eða af veirum sem kunna að fylgja honum. Tölvupóstur skuldbindur ekki Hafbrún hf. nema það sé sérstaklega tekið fram.

DISCLAIMER: This e-mail and any attachments are confidential and intended solely for the addressee. If you have received this e-mail in error, please notify the sender immediately and delete it and any copies. Any unauthorised copying, distribution or use of its contents is prohibited. Hafbrún hf. accepts no liability for any damage caused by the use of this e-mail or by any virus transmitted with it."""

DISCLAIMER_ORKULIND = """\
Þessi tölvupóstur og viðhengi hans geta innihaldið trúnaðarupplýsingar og eru einungis ætluð skráðum viðtakanda. Ef þú ert ekki réttur viðtakandi er þér óheimilt að lesa, nota, afrita eða dreifa póstinum eða efni hans. Vinsamlegast tilkynntu sendanda um mistökin og eyddu póstinum. Orkulind hf. ber ekki ábyrgð á tjóni sem rekja má til tölvupósts þessa. Upplýsingar um vinnslu persónuupplýsinga hjá Orkulind má finna á orkulind.is/personuvernd.
This email may contain confidential information and is intended only for the named recipient. If you are not the intended recipient, any use, copying or distribution is prohibited. Please notify the sender and delete this email."""

MS_MX = "outbound.protection.outlook.com"

org("us", "Norðurljós hugbúnaður ehf.", "nordurljos.is", "us", "is",
    "Us: a Reykjavík software company (about 60 people) that makes Straumur, an order, inventory and "
    "logistics platform with modules for retail, fisheries (Afli, catch registration) and energy (meter data). "
    "Mail is hosted on Google Workspace.")
org("bw", "Brightwater Home Ltd", "brightwaterhome.co.uk", "customer", "en",
    "UK homeware retailer (Leeds); Straumur Retail syncs their webshop orders to their ERP.",
    mx=(f"mail-lo4gbr01on2071.{MS_MX}", "52.101.75.71"), disclaimer=DISCLAIMER_BRIGHTWATER,
    inbound_tag="[EXTERNAL] ")
org("co", "Cascade Outfitters Inc.", "cascadeoutfitters.com", "customer", "en",
    "US outdoor retailer (Portland, Oregon), 15 stores live on Straumur Retail, renewal due 1 November.",
    mx=("mail-sor-f41.google.com", "209.85.220.41"))
org("ss", "Selkie Seafoods Ltd", "selkieseafoods.co.uk", "customer", "en",
    "Scottish seafood importer and distributor (Aberdeen, warehouse in Peterhead), phase 2 rollout.",
    mx=(f"mail-am6eur05on2110.{MS_MX}", "52.101.90.110"), disclaimer=DISCLAIMER_SELKIE, disclaimer_at_end=True)
org("hb", "Hafbrún hf.", "hafbrun.is", "customer", "is",
    "Icelandic fishing company in Vestmannaeyjar; uses Afli for catch registration at landing.",
    mx=("postur.hafbrun.is", "192.0.2.25"), disclaimer=DISCLAIMER_HAFBRUN)
org("or", "Orkulind hf.", "orkulind.is", "customer", "is",
    "Icelandic energy company (six power stations); Straumur Orka for meter data, service contract renewal.",
    mx=(f"mail-vi1eur02on2089.{MS_MX}", "52.101.66.89"), disclaimer=DISCLAIMER_ORKULIND)
org("fb", "Fjordbridge Integration ApS", "fjordbridge.dk", "partner", "en",
    "Danish integrator (Copenhagen) that builds ERP connectors for our customers, including Brightwater's.",
    mx=(f"mail-he1eur04on2096.{MS_MX}", "52.101.69.96"))
org("eh", "Eldborg hýsing ehf.", "eldborg.is", "supplier", "is",
    "Our hosting provider: data centre RNB1 in Reykjanesbær, hall B holds our production racks.",
    mx=("smtp.eldborg.is", "203.0.113.40"))
org("nr", "Norðurljós ráðgjöf ehf.", "nordurljos-radgjof.is", "internal", "is",
    "Our own consulting unit (sister company, separate domain); lends consultants to projects and "
    "invoices us internally every quarter.",
    mx=("mail-sor-f65.google.com", "209.85.220.65"))
org("gm", "Individual customers (gmail.com)", "gmail.com", "individual", "en",
    "Sole traders on our self-service plans, writing from free-mail addresses.",
    mx=("mail-sor-f41.google.com", "209.85.220.41"))

# --- Us ------------------------------------------------------------------------------------

person("ari", "Ari Pétursson", "ari@nordurljos.is", "us", "is", "thunderbird",
       "Account Director, UK & North America", host="ari-mbp.nordurljos.is", sig_dash=True, sig="""\
Ari Pétursson
Account Director, UK & North America
Norðurljós hugbúnaður ehf. | Borgartún 27, 105 Reykjavík, Iceland
+354 555 1214 | nordurljos.is""")
person("gudrun", "Guðrún Helgadóttir", "gudrun@nordurljos.is", "us", "is", "gmail",
       "Viðskiptastjóri (relationship manager, Icelandic accounts, partners, internal units)",
       locale="is-IS", sig_dash=True, sig="""\
Guðrún Helgadóttir
Viðskiptastjóri | Account Manager
Norðurljós hugbúnaður ehf.
s. 555 1230 | nordurljos.is""")
person("kristin", "Kristín Jónsdóttir", "kristin@nordurljos.is", "us", "is", "apple",
       "Sölustjóri / Head of Sales", sig="""\
Kristín Jónsdóttir
Head of Sales | Sölustjóri
Norðurljós hugbúnaður ehf.
+354 555 1201""")
person("einar", "Einar Sveinsson", "einar@nordurljos.is", "us", "is", "mutt",
       "Support lead", host="einar-x1.nordurljos.is", sig_dash=True, sig="""\
Einar Sveinsson
Þjónustuver / Support, Norðurljós
support@nordurljos.is | +354 555 1240""")
person("hildur", "Hildur Bjarnadóttir", "hildur@nordurljos.is", "us", "is", "outlook",
       "Fjármálastjóri / CFO", locale="is-IS", charset="utf-8", cte="base64",
       host="hildur-lt.nordurljos.is", sig="""\
Hildur Bjarnadóttir
Fjármálastjóri | CFO
Norðurljós hugbúnaður ehf. | Borgartúni 27, 105 Reykjavík
s. 555 1202

Fyrirvari: Þessi tölvupóstur og viðhengi hans eru trúnaðarmál og eingöngu ætluð þeim sem hann er stílaður á. This email and its attachments are confidential and intended only for the addressee. nordurljos.is/fyrirvari""")
person("baldur", "Baldur Ólafsson", "baldur@nordurljos.is", "us", "is", "evolution",
       "Forstöðumaður tækniinnviða / Head of Infrastructure", locale="is-IS",
       host="baldur-ws.nordurljos.is", sig_dash=True, sig="""\
Baldur Ólafsson
Forstöðumaður tækniinnviða | Head of Infrastructure
Norðurljós hugbúnaður ehf. | s. 555 1260""")
person("support", "Norðurljós þjónustuver", "support@nordurljos.is", "us", "is", "mutt", "Support mailbox")
person("rekstur", "Norðurljós rekstur", "rekstur@nordurljos.is", "us", "is", "mutt", "Operations alias")

# --- Brightwater Home (UK retailer) ----------------------------------------------------------

person("sarah", "Sarah Whitcombe", "sarah.whitcombe@brightwaterhome.co.uk", "bw", "uk", "outlook",
       "Head of E-commerce Operations", sig="""\
Sarah Whitcombe
Head of E-commerce Operations
Brightwater Home Ltd
Unit 4, Kingsway Business Park, Leeds LS10 1NT
T: +44 113 496 0721 | M: +44 7700 900412""")
person("richard", "Richard Haines", "richard.haines@brightwaterhome.co.uk", "bw", "uk", "iphone",
       "Chief Executive")
person("priya", "Priya Natarajan", "priya.natarajan@brightwaterhome.co.uk", "bw", "uk", "outlook",
       "General Counsel", sig="""\
Priya Natarajan
General Counsel
Brightwater Home Ltd
T: +44 113 496 0700""")

# --- Cascade Outfitters (US retailer) --------------------------------------------------------

person("megan", "Megan Ortiz", "megan.ortiz@cascadeoutfitters.com", "co", "pt", "gmail",
       "Director of Store Operations", locale="en-US", sig_dash=True, sig="""\
Megan Ortiz
Director of Store Operations
Cascade Outfitters
(503) 555-0148""")
person("daniel", "Daniel Whitfield", "daniel.whitfield@cascadeoutfitters.com", "co", "pt", "outlook",
       "Chief Financial Officer", locale="en-US", mx=(f"mail-bn8nam12on2105.{MS_MX}", "52.101.57.105"), sig="""\
Daniel Whitfield
Chief Financial Officer
Cascade Outfitters Inc.""")
person("tom", "Tom Becker", "tom.becker@cascadeoutfitters.com", "co", "pt", "outlook_mac",
       "Procurement Manager", locale="en-US", mx=(f"mail-bn8nam12on2105.{MS_MX}", "52.101.57.105"), sig="""\
Tom Becker
Procurement Manager | Cascade Outfitters
1221 NW Everett St, Portland, OR 97209
(503) 555-0172""")

# --- Selkie Seafoods (Scottish customer) -----------------------------------------------------

person("fiona", "Fiona MacLeod", "fiona.macleod@selkieseafoods.co.uk", "ss", "uk", "apple",
       "Operations Director", sig="""\
Fiona MacLeod
Operations Director
Selkie Seafoods Ltd
14 Albert Quay, Aberdeen AB11 5QA""")
person("callum", "Callum Reid", "callum.reid@selkieseafoods.co.uk", "ss", "uk", "outlook",
       "IT Manager", sig="""\
Callum Reid
IT Manager
Selkie Seafoods Ltd | +44 131 496 0318""")

# --- Hafbrún (Icelandic fishing company) -----------------------------------------------------

person("jon", "Jón Guðmundsson", "jon@hafbrun.is", "hb", "is", "outlook_old",
       "Upplýsingatæknistjóri (IT manager)", locale="is-IS", charset="iso-8859-1", cte="quoted-printable",
       sig="""\
Jón Guðmundsson
Upplýsingatæknistjóri
Hafbrún hf. | Strandvegi 50, 900 Vestmannaeyjum
s. 488 1100 | gsm 862 4411""")
person("sigridur", "Sigríður Þórsdóttir", "sigridur@hafbrun.is", "hb", "is", "outlook",
       "Fjármálastjóri (CFO)", locale="is-IS", charset="utf-8", sig="""\
Sigríður Þórsdóttir
Fjármálastjóri
Hafbrún hf. | s. 488 1100""")
person("thorsteinn", "Þorsteinn Magnússon", "thorsteinn@hafbrun.is", "hb", "is", "iphone",
       "Forstjóri (CEO)", locale="is-IS")
person("ragnheidur", "Ragnheiður Pálsdóttir", "ragnheidur@hafbrun.is", "hb", "is", "outlook",
       "Lögfræðingur (in-house lawyer)", locale="is-IS", charset="utf-8", sig="""\
Ragnheiður Pálsdóttir, lögfræðingur
Hafbrún hf. | s. 488 1108""")

# --- Orkulind (Icelandic energy company) -----------------------------------------------------

person("sigurdur", "Sigurður Ármannsson", "sigurdur.armannsson@orkulind.is", "or", "is", "outlook",
       "Innkaupastjóri (head of procurement)", locale="is-IS", charset="utf-8", cte="base64", sig="""\
Sigurður Ármannsson
Innkaupastjóri | Orkulind hf.
Orkuvegi 1, 110 Reykjavík | s. 520 7000""")
person("elin", "Elín Jóhannsdóttir", "elin.johannsdottir@orkulind.is", "or", "is", "outlook",
       "Verkefnastjóri (IT project manager)", locale="is-IS", charset="utf-8", sig="""\
Elín Jóhannsdóttir
Verkefnastjóri, upplýsingatæknisvið
Orkulind hf. | s. 520 7041""")
person("haraldur", "Haraldur Björnsson", "haraldur.bjornsson@orkulind.is", "or", "is", "outlook",
       "Fjármálastjóri (CFO)", locale="is-IS", charset="utf-8")

# --- Fjordbridge (partner, Danish integrator) ------------------------------------------------

person("mads", "Mads Kristensen", "mk@fjordbridge.dk", "fb", "dk", "outlook", "Project Director", sig="""\
Mads Kristensen
Project Director
Fjordbridge Integration ApS
Strandgade 91, 1401 København K | +45 32 12 34 56""")
person("louise", "Louise Holm", "lh@fjordbridge.dk", "fb", "dk", "outlook", "Økonomi / Finance",
       locale="da-DK", sig="""\
Louise Holm
Økonomi / Finance
Fjordbridge Integration ApS""")
person("soren", "Søren Dahl", "sd@fjordbridge.dk", "fb", "dk", "claws", "Events & Partner Marketing",
       mx=("mail.fjordbridge.dk", "198.51.100.17"), sig_dash=True, sig="""\
Søren Dahl
Events & Partner Marketing
Fjordbridge Integration ApS""")

# --- Eldborg (supplier, hosting) ---------------------------------------------------------------

person("tomas", "Tómas Hreinsson", "tomas@eldborg.is", "eh", "is", "outlook", "Þjónustustjóri (service manager)",
       locale="is-IS", charset="utf-8", sig="""\
Tómas Hreinsson
Þjónustustjóri
Eldborg hýsing ehf. | Hafnargötu 12, 230 Reykjanesbæ
s. 420 5500""")
person("noc", "Eldborg hýsing – vöktun", "noc@eldborg.is", "eh", "is", "noc", "Monitoring (automated)",
       sig_dash=True, sig="""\
Eldborg hýsing – vöktun
noc@eldborg.is | s. 420 5599 (allan sólarhringinn)""")

# --- Norðurljós ráðgjöf (internal consulting unit) ---------------------------------------------

person("thora", "Þóra Kristinsdóttir", "thora@nordurljos-radgjof.is", "nr", "is", "gmail",
       "Rekstrarstjóri (operations manager)", locale="is-IS", sig_dash=True, sig="""\
Þóra Kristinsdóttir
Rekstrarstjóri | Norðurljós ráðgjöf ehf.
s. 555 1290""")
person("gunnar", "Gunnar Hrafnsson", "gunnar@nordurljos-radgjof.is", "nr", "is", "gmail",
       "Yfirráðgjafi (principal consultant)", locale="is-IS", sig_dash=True, sig="""\
Gunnar Hrafnsson
Yfirráðgjafi | Norðurljós ráðgjöf ehf.""")
person("marta", "Marta Nowak", "marta@nordurljos-radgjof.is", "nr", "is", "gmail", "Consultant",
       sig_dash=True, sig="""\
Marta Nowak
Consultant | Norðurljós ráðgjöf ehf.""")

# --- Individual customers on free mail ----------------------------------------------------------

person("helen", "Helen Carter", "helen.carter.pottery@gmail.com", "gm", "uk", "gmail",
       "Owner, Carter Clayworks (Straumur Solo)")
person("bjorn", "Björn Ágústsson", "bjorn.agustsson@gmail.com", "gm", "is", "gmail",
       "Small-boat owner, Bolungarvík (Afli)", locale="is-IS")


# =============================================================================================
# MARK: - Attachments (small, but real files of their type)
# =============================================================================================


def pdf(title, lines):
    """A minimal, valid one-page PDF showing `lines` in Helvetica (WinAnsi covers Icelandic)."""
    def literal(text):
        out = b""
        for byte in text.encode("cp1252"):
            if byte in b"()\\":
                out += b"\\" + bytes([byte])
            elif byte < 32 or byte > 126:
                out += b"\\%03o" % byte
            else:
                out += bytes([byte])
        return b"(" + out + b")"

    stream = b"BT /F1 11 Tf 14 TL 56 800 Td\n" + b"".join(literal(l) + b" '\n" for l in lines) + b"ET\n"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Title " + literal(title) + b" /Producer (Nor\\360urlj\\363s skjalakerfi 2.1) >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


UPTIME_CSV = """\
Dagsetning;Upphaf;Lok;Mínútur;Athugasemd\r
06.06.2026;02:14;04:51;157;Straumur svarar ekki - löndun Þórunnar VE tafðist\r
19.06.2026;13:05;15:20;135;Innskráning virkar ekki\r
27.06.2026;22:40;03:30;290;Straumur niðri - afli skráður á pappír\r
Samtals;;;582;\r
Uppitími júní;;;98,65%;\r
""".encode("cp1252")

PDF_NOTICE = pdf("Notice of Material Breach", [
    "BRIGHTWATER HOME LTD", "Unit 4, Kingsway Business Park, Leeds LS10 1NT", "",
    "To: Norðurljós hugbúnaður ehf., Borgartún 27, 105 Reykjavík, Iceland", "Date: 28 April 2026", "",
    "NOTICE OF MATERIAL BREACH", "Master Services Agreement dated 1 July 2024 (the Agreement)", "",
    "1. Brightwater gives notice under clause 14.2 of the Agreement that Norðurljós is in",
    "   material breach of clause 5 (Service Levels) and Schedule 2 (Availability).",
    "2. Particulars: order synchronisation failures on 6-8 March, 14-16 March, 28-29 March,",
    "   11 April and 18 April 2026; availability in March 2026 of 97.9% against 99.9%.",
    "3. Unless remedied within thirty (30) days, Brightwater intends to terminate the",
    "   Agreement with immediate effect. All rights and remedies are reserved.", "",
    "Priya Natarajan, General Counsel, for and on behalf of Brightwater Home Ltd"])
PDF_RCA_NOTES = pdf("Straumur 4.2 partner release notes", [
    "Straumur 4.2 - Partner release notes (issued 12 February 2026)", "",
    "1. Release date: 5 March 2026", "2. New: batched order sync (up to 50 orders per call)",
    "3. Batch endpoint: POST /v3/orders/batch replaces POST /v3/orders for tenants with",
    "   batching enabled. Connectors must honour HTTP 429 and the Retry-After header.",
    "4. Staging available to partners from 16 February 2026."])
PDF_CASCADE_SUMMARY = pdf("Cascade Outfitters - waves 1 and 2", [
    "Cascade Outfitters - Straumur Retail, waves 1 and 2 (April to August 2026)", "",
    "Stores live: 15", "Transactions: 212,418", "Average checkout time: 71 s (was 94 s)",
    "Support tickets: 23 (all resolved, median 3 h 40 min)", "Sync errors: 0"])
PDF_PROPOSAL = pdf("Straumur FY2027 proposal - Cascade Outfitters", [
    "Straumur Retail - renewal proposal for Cascade Outfitters, from 1 November 2026", "",
    "Scope: 20 stores (waves 1-3), returns reporting, inventory module pilot (6 months)",
    "Support: 24/7, 30-minute response for priority 1", "",
    "One-year term: USD 186,000 per year", "Three-year term: USD 171,000 per year",
    "Without wave 3 (15 stores): USD 149,000 per year"])
PDF_TILBOD = pdf("Tilboð í endurnýjun þjónustusamnings Orkulindar 2027", [
    "Norðurljós hugbúnaður ehf. - Tilboð til Orkulindar hf.", "Endurnýjun þjónustusamnings fyrir árið 2027", "",
    "Grunnþjónusta Straumur Orka (sex virkjanir og dreifikerfi): 21.550.000 kr.",
    "Mæligagnaeining fyrir Kaldárstöð og Hraunsvirkjun: 1.850.000 kr.",
    "Vakt allan sólarhringinn, 30 mínútna viðbragðstími: 1.200.000 kr.",
    "Samtals árgjald án vsk.: 24.600.000 kr.", "", "Tilboðið gildir til 30. september 2026."])
PDF_VIDAUKI = pdf("Viðauki 3 - framlenging þjónustusamnings", [
    "Viðauki 3 við þjónustusamning Norðurljósa hugbúnaðar ehf. og Orkulindar hf.", "",
    "Gildistími núgildandi samnings er framlengdur óbreyttur til 31. mars 2027.",
    "Verð og þjónustustig haldast óbreytt.", "", "Reykjavík, 25. september 2026",
    "f.h. Norðurljósa hugbúnaðar ehf.: Hildur Bjarnadóttir"])
PDF_INVOICE = pdf("Faktura 2026-117", [
    "Fjordbridge Integration ApS, Strandgade 91, 1401 København K, CVR 31 41 59 26", "",
    "FAKTURA / INVOICE 2026-117        Dato: 04.05.2026        Forfald: 03.06.2026", "",
    "Kunde: Norðurljós hugbúnaður ehf., Borgartún 27, 105 Reykjavík, Island",
    "Brightwater ERP connector: retry and backoff (CR-2026-014), 32 timer x EUR 145,00",
    "I alt: EUR 4.640,00 (omvendt betalingspligt / reverse charge)"])
PDF_AGENDA = pdf("Workshop agenda draft v1", [
    "Fjordbridge x Norðurljós - Nordic retail & seafood workshop", "Copenhagen, 14 October 2026", "",
    "09:30  Coffee", "10:00  Welcome (Mads Kristensen)", "10:15  Connecting ERPs without tears (Fjordbridge)",
    "12:00  Lunch", "13:30  Straumur demo and the Selkie Seafoods case (Norðurljós)",
    "15:00  Panel: integration at scale (Baldur Ólafsson and guests)", "16:00  Drinks"])


# =============================================================================================
# MARK: - Threads and their messages
# =============================================================================================

TB, GM, AP, MD = "tb", "gm", "ap", "md"

# --- BW1 · Brightwater: overt deterioration -------------------------------------------------

thread("BW1", "Order sync failures after the 4.2 upgrade", "bw", "en", "flag",
       ["deteriorating-tone", "conflict", "escalation", "negotiation-issue:walkaway"],
       "A polite problem report turns into anger over repeated failures, the CEO is copied in, the CEO "
       "threatens to take the business elsewhere, and General Counsel serves a notice of material breach.",
       "Overt deterioration: complaint → frustration → anger → escalation to CEO and legal → threat to "
       "terminate. Their replies get shorter and drop greetings and thanks. Their gateway tags our subjects "
       "with [EXTERNAL].")

m("bw1-01", "BW1", TB, "sarah", ["ari"], "2026-03-09 09:14:23", cc=["einar"], body="""\
Hi Ari,

Hope you're well. Since the 4.2 upgrade went in on Thursday night we've had orders from the webshop not coming through to the warehouse system. Roughly 40 orders on Friday and another 60 or so over the weekend that the team had to key in by hand. The sync log just says “timeout” with no other detail.

Could you get someone to look at this today please? Weekends are our busiest time and the warehouse are understandably not thrilled.

Thanks,
Sarah""")

m("bw1-02", "BW1", TB, "ari", ["sarah"], "2026-03-09 10:02:51", cc=["einar"], body="""\
Hi Sarah,

Sorry about this, not the start to the week you wanted. I've asked Einar in our support team to pick it up straight away and he'll be your single point of contact until it's sorted.

My first guess is that the new batching in 4.2 sends orders to your ERP in bigger chunks than before and something on the ERP side is timing out, but I'd rather not guess in front of a customer, so Einar will confirm.

We'll update you by 3pm today either way.

Best regards,
Ari""")

m("bw1-03", "BW1", TB, "einar", ["sarah"], "2026-03-09 14:48:10", cc=["ari", "support"], body="""\
Hi Sarah,

Update as promised.

From the logs it looks like your ERP's API started rejecting our requests with HTTP 429 (too many requests) shortly after the upgrade. 4.2 sends orders in batches of 50 instead of one at a time, and the connector on your side retries immediately when it gets a 429, which makes it worse.

What we've done:
- rolled batching back to single orders for your tenant
- replayed the 37 orders that were still stuck; they are all in the warehouse system now

Please let me know if you see any more timeouts. I'll keep an eye on it tonight as well.

Regards,
Einar""")

m("bw1-04", "BW1", TB, "sarah", ["ari", "einar"], "2026-03-17 08:51:40", body="""\
Ari, Einar,

It's happening again. 112 orders stuck since Sunday night, same “timeout” in the log. I was told on the 9th that this was fixed.

I need a proper explanation this time, not another rollback. We are now two weeks into this and my team is losing hours every day re-keying orders. Please call me this morning.

Sarah""")

m("bw1-05", "BW1", TB, "ari", ["sarah"], "2026-03-17 11:40:05", cc=["einar", "kristin"], body="""\
Sarah,

You're right to be frustrated and I'm sorry. Thanks for taking the call earlier.

To put in writing what I said on the phone: the rollback Einar did on the 9th was overwritten when we deployed a hotfix to all tenants on Saturday night. That's our mistake, plain and simple - the hotfix should never have touched your settings. Einar has put the single-order mode back and pinned it, so no deployment can change it without sign-off from me.

From tomorrow we will also run a check at 07:00 and 19:00 your time every day and tell you straight away if anything is stuck, until the permanent fix is in.

Regards,
Ari""")

m("bw1-06", "BW1", TB, "sarah", ["ari"], "2026-03-31 16:05:12", cc=["richard", "einar"], body="""\
Ari,

Frankly, this is unacceptable. Saturday was the third weekend in a row that orders failed to sync. We lost a £14,000 wholesale order from Harrow & Finch because it never reached the warehouse and they went elsewhere. Your “twice daily check” didn't catch it until Sunday evening.

I have copied Richard Haines, our Chief Executive, as this is now a board-level issue for us.

By Friday I expect:
1. a written root cause analysis, and
2. a proposal for a service credit that reflects the disruption we've had since 5 March.

I'm very disappointed in how this has been handled.

Sarah""")

m("bw1-07", "BW1", AP, "kristin", ["sarah", "richard"], "2026-04-01 09:30:44", cc=["ari"], body="""\
Dear Sarah, dear Richard,

I'm Kristín Jónsdóttir, Head of Sales at Norðurljós. Ari has kept me informed and I wanted to write to you both directly.

I'm sorry. Losing the Harrow & Finch order is exactly the kind of damage our platform is supposed to prevent, not cause, and I understand why this is now on Richard's desk.

Here is what will happen this week:
- Baldur Ólafsson, our head of infrastructure, is personally leading the investigation together with Einar.
- You will have the written root cause analysis by Friday 3 April, as Sarah asked.
- Ari will send a credit proposal with it.

If it would help, I'm happy to come to Leeds and go through it with you in person.

Kind regards,
Kristín""")

m("bw1-08", "BW1", TB, "ari", ["sarah", "richard"], "2026-04-03 17:45:10", cc=["kristin", "einar"], body="""\
Dear Sarah, dear Richard,

As promised, here is a summary of the root cause analysis. The full report is in the shared folder; I've sent Sarah the link separately.

What happened
1. 4.2 (5 March) changed order sync to send batches of 50. Your ERP's API allows us 20 requests a minute and answers HTTP 429 above that.
2. The connector between Straumur and your ERP, built by our partner Fjordbridge, retries a rejected batch immediately and without limit, so one rejected batch turns into hundreds of calls and the ERP blocks us for an hour.
3. On 14 March a hotfix deployment reset your tenant to batching. On 28 March the retry storm happened even in single-order mode, because a Saturday flash sale pushed volume over the limit.

What we are doing
- Straumur now respects the ERP's rate limit itself (shipped 2 April), whatever the connector does.
- Fjordbridge are fixing the connector's retry logic. I'm chasing them daily.
- Tenant settings are now excluded from all hotfix deployments.

Credit
We propose a credit of one month's subscription (£6,250) against the April invoice.

I know this doesn't undo the last four weeks. I'd like to set up a weekly call until you're confident things are stable.

Regards,
Ari""")

m("bw1-09", "BW1", AP, "richard", ["kristin", "ari"], "2026-04-21 07:58:30", cc=["sarah"], body="""\
Kristín,

I have read your RCA and your promises. Since then we have had two more failures, including Saturday, when the sync was down for nine hours during our spring sale. Your credit does not come close to covering what this has cost us.

I am not interested in further apologies. By the end of this week I want to know why we should not terminate the contract and take our business elsewhere.

Richard Haines
Chief Executive, Brightwater Home""")

m("bw1-10", "BW1", AP, "kristin", ["richard"], "2026-04-22 10:10:02", cc=["ari", "sarah"], body="""\
Dear Richard,

Understood, and thank you for being direct.

Saturday's outage was a database failover on our side that went wrong, not the sync issue itself, but from where you sit that distinction doesn't matter and I won't hide behind it.

I would like to propose the following:
- Ari and Baldur come to Leeds next Tuesday, 28 April, to walk you and Sarah through a remediation plan with dates and named owners.
- Until the plan is complete, we waive the subscription fee in full.
- If we have not delivered the plan by 30 June, you may leave without notice period or exit fees.

Would Tuesday work for you?

Kind regards,
Kristín""")

m("bw1-11", "BW1", "eml/brightwater-notice-of-breach", "priya", ["kristin", "ari"], "2026-04-28 14:22:05",
  cc=["richard", "sarah"],
  attach=[Attachment("Brightwater - Notice of Material Breach - 28.04.2026.pdf", "application/pdf", PDF_NOTICE)],
  crlf=True, body="""\
Dear Ms Jónsdóttir, Mr Pétursson,

I am General Counsel of Brightwater Home Ltd. I write further to Mr Haines's email of 21 April and to the meeting held at our offices this morning.

Please find attached formal notice under clause 14.2 of the Master Services Agreement between Brightwater Home Ltd and Norðurljós hugbúnaður ehf. dated 1 July 2024 (the “Agreement”) that Norðurljós is in material breach of its obligations under clause 5 (Service Levels) and Schedule 2 of the Agreement.

Unless the breaches described in the notice are remedied to our reasonable satisfaction within thirty (30) days of the date of this notice, Brightwater intends to terminate the Agreement with immediate effect. Brightwater reserves all of its rights and remedies, including the right to claim damages for losses incurred since 5 March 2026.

Please direct all further correspondence on this matter to me, copying Mr Haines.

Yours sincerely,""")

m("bw1-12", "BW1", TB, "ari", ["priya"], "2026-04-28 16:40:33", cc=["kristin", "richard", "sarah"], body="""\
Dear Ms Natarajan,

Thank you. We acknowledge receipt of the notice dated 28 April 2026.

Our legal counsel will respond formally within the period set out in the Agreement. In the meantime we are working through the remediation plan presented this morning, and Sarah will continue to receive a daily status report from us.

Yours sincerely,
Ari Pétursson""")

m("bw1-13", "BW1", TB, "sarah", ["ari"], "2026-05-06 09:05:40", body="""\
Ari

Friday's sync failed again between 22:10 and 23:40. 23 orders. We re-keyed them Saturday morning. Noted for the record.

Sarah""")

m("bw1-14", "BW1", TB, "ari", ["sarah"], "2026-05-06 09:48:02", cc=["kristin", "einar"], body="""\
Sarah,

Thank you for letting me know, and I'm sorry. We saw it too: the connector fix from Fjordbridge went to production on Friday evening and failed on its first run. It has been rolled back, and our own team will test it end to end before it goes anywhere near your tenant again.

Einar will call you at 11:00 to go through the 23 orders and confirm nothing was lost.

Regards,
Ari""")

# --- CO1 · Cascade: subtle deterioration ----------------------------------------------------

thread("CO1", "Summer store rollout plan", "co", "en", "flag",
       ["deteriorating-tone", "responsiveness-drop", "disengagement"],
       "Megan starts warm and chatty (exclamation marks, thanks, questions). Over six months her replies "
       "get slower (same day → 7, 11, 15 days), shorter and colder (no greeting, no thanks), the CFO is "
       "copied in 'on anything commercial', wave 3 goes on hold, and our last two messages get no answer.",
       "Subtle deterioration with no angry word: warmth and politeness dropped, reply latency grows, a new "
       "senior person is copied in, and a one-way stretch at the end (we write, they do not answer).")

m("co1-01", "CO1", TB, "megan", ["ari"], "2026-03-04 08:12:09", body="""\
Hi Ari!

Hope the snow is letting up in Reykjavík :) Thanks again for coming out to Portland last week, the team loved the session and Jamie hasn't stopped talking about the inventory dashboard.

Here's where we landed on the rollout after you left:

Wave 1 (April): Portland Pearl, Portland Hawthorne, Bend, Eugene, Salem, Hood River
Wave 2 (May): the 8 Seattle-area stores plus Spokane
Wave 3 (Aug/Sept): the three California stores and the two Boise stores

A couple of questions:
1. Can we do the store manager training remotely for wave 2, or does someone need to be on site?
2. Is there any reason we can't run the old POS export in parallel for the first two weeks of each wave? Our finance team would feel a lot better.

Really excited to get going. Thanks so much for all your help so far!

Megan""")

m("co1-02", "CO1", TB, "ari", ["megan"], "2026-03-04 21:05:33", body="""\
Hi Megan,

Great to hear from you, and thank you (and Jamie!) for the warm welcome last week. The snow has finally turned to rain, which here counts as spring.

The plan looks good. On your questions:

1. Remote training is fine for wave 2. We'll run two 90-minute sessions over video and record them for anyone who can't make it. For wave 1 I'd still like someone on site in Portland, so I'll come over myself for the first week of April.

2. Yes, please do run the old POS export in parallel, I'd actually recommend it. We'll add a daily comparison report so your finance team can see the two match.

I'll send a calendar invite for a wave 1 kick-off next week.

All the best,
Ari""")

m("co1-03", "CO1", TB, "megan", ["ari"], "2026-03-05 07:40:10", body="""\
Perfect, thank you!! That all works really well. I'll get Jamie to set up the store accounts this week.

Have a great weekend when it comes :)

Megan""")

m("co1-04", "CO1", TB, "ari", ["megan"], "2026-04-14 16:20:05", body="""\
Hi Megan,

A quick update on wave 1 now that the dust has settled:

- All six stores have been live since 7 April. 4,318 transactions so far, no sync errors.
- The parallel POS export has matched Straumur to the cent every day, so finance can switch it off whenever they're ready.
- Jamie is now a better trainer than I am.

For wave 2, could you confirm the store go-live dates? I've pencilled in 11 May for the Seattle stores and 18 May for Spokane.

Thanks again for a very smooth start.

Best,
Ari""")

m("co1-05", "CO1", TB, "megan", ["ari"], "2026-04-15 09:31:44", body="""\
Hi Ari,

Thanks for the update, great to hear. The wave 2 dates are fine, I'll confirm with the store managers.

Thanks,
Megan""")

m("co1-06", "CO1", TB, "ari", ["megan"], "2026-05-20 11:02:18", body="""\
Hi Megan,

Wave 2 is done: all nine stores are live, Spokane included, and the remote training went better than I expected.

I'd like to suggest a quarterly business review in June to look at the numbers from the first two waves and plan wave 3 together. It would also be a good moment to hear what's working and what isn't - I'd rather know early.

Would any time in the week of 15 June work for you?

Best,
Ari""")

m("co1-07", "CO1", TB, "megan", ["ari"], "2026-05-27 14:55:03", body="""\
Hi Ari, June is busy. Maybe the week of the 22nd.

Megan""")

m("co1-08", "CO1", TB, "ari", ["megan"], "2026-05-28 08:14:40", body="""\
Hi Megan,

No problem, the week of the 22nd it is. How about Tuesday 23 June at 9am Pacific? I'll send an invite; just move it if it doesn't suit.

Best,
Ari""")

m("co1-09", "CO1", TB, "megan", ["ari"], "2026-06-08 10:12:29", body="""\
Tuesday works.""")

m("co1-10", "CO1", TB, "ari", ["megan"], "2026-06-24 09:30:00", body="""\
Hi Megan,

Thanks for your time yesterday. A short summary of what we agreed:

- Waves 1 and 2 are stable; average checkout time is down from 94 to 71 seconds.
- You'd like better reporting on returns; we'll show you a draft in July.
- Wave 3 (California and Boise) is planned for the week of 17 August, subject to your budget sign-off.
- We'll start the inventory module pilot in Bend in September if you're happy to go ahead.

Could you let me know when the wave 3 budget is confirmed, so we can book the trainers?

Best,
Ari""")

m("co1-11", "CO1", TB, "megan", ["ari"], "2026-07-09 16:40:51", cc=["daniel"], body="""\
Ari,

Adding Daniel Whitfield, our CFO. Please copy him on anything commercial from now on.

Wave 3 is on hold for now. We'll let you know.

Megan""")

m("co1-12", "CO1", TB, "ari", ["megan", "daniel"], "2026-07-10 08:05:12", body="""\
Hi Megan, hi Daniel,

Thanks for letting me know, and nice to e-meet you, Daniel.

Understood on wave 3. Is there anything we could do on our side to help with the decision - numbers from waves 1 and 2, a call with you both, a revised timeline? Happy to fit around you.

Best regards,
Ari""")

m("co1-13", "CO1", TB, "daniel", ["ari"], "2026-08-27 15:22:10", cc=["megan"], body="""\
Ari,

Received. We are reviewing all store systems as part of our FY27 budget process and will revert when that review is complete.""")

m("co1-14", "CO1", TB, "ari", ["megan", "daniel"], "2026-09-08 10:15:40",
  attach=[Attachment("Cascade Outfitters - waves 1 and 2 summary.pdf", "application/pdf", PDF_CASCADE_SUMMARY)],
  body="""\
Hi Megan, hi Daniel,

I hope the budget work is going well.

In case it's useful for the review: the returns report we discussed in June is now live for all fifteen stores, and I've attached a one-page summary of waves 1 and 2 (transactions, checkout times, support tickets).

Would a 20-minute call later this month be helpful? I can do any time that suits Pacific time.

Best regards,
Ari""")

m("co1-15", "CO1", TB, "ari", ["megan"], "2026-09-22 09:12:03", cc=["daniel"], body="""\
Hi Megan,

Just bringing this back to the top of your inbox. The wave 1 licences renew on 1 November and I want to make sure nothing is interrupted for the Oregon stores while the review is ongoing.

Is there someone else I should be talking to in the meantime?

Best,
Ari""")

# --- CO2 · Cascade: price objection, competitor, discount ---------------------------------------

thread("CO2", "Straumur renewal FY2027 – proposal", "co", "en", "flag",
       ["negotiation-issue:price", "negotiation-issue:competitor", "negotiation-issue:discount"],
       "Our renewal proposal meets a price objection ('well above what we budgeted'), a competitor offer "
       "('CompetitorX has quoted us 30% less'), and a demand for 25% off plus a waived onboarding fee; we "
       "hold at 15% best and final; the board decision slips.",
       "Negotiation trouble in English: price, competitor, discount (and a hint of stall at the end). "
       "Polite throughout: the words, not the tone, carry the risk.")

m("co2-01", "CO2", AP, "kristin", ["tom"], "2026-07-21 10:02:15", cc=["ari"],
  attach=[Attachment("Straumur FY2027 proposal - Cascade Outfitters.pdf", "application/pdf", PDF_PROPOSAL)],
  body="""\
Hi Tom,

As promised on our call, please find attached our proposal for the renewal of Cascade Outfitters' Straumur subscription from 1 November 2026.

In short:
- 20 stores on Straumur Retail: waves 1 and 2 plus the five planned wave 3 stores
- the returns reporting module, and a six-month pilot of the inventory module at no extra charge
- 24/7 support with a 30-minute response time for priority 1 incidents
- $186,000 per year on a one-year term, or $171,000 per year on a three-year term

Without wave 3 the price would be $149,000 per year.

I'm happy to walk you and Daniel through it whenever suits.

Best regards,
Kristín""")

m("co2-02", "CO2", "eml/cascade-renewal-counter.eml", "tom", ["kristin"], "2026-08-04 13:47:22",
  cc=["ari", "daniel"], cte="base64", body="""\
Hi Kristín,

Thanks for the proposal and for your time on the call.

I'll be direct. The price is well above what we budgeted for store systems next year. As part of our review we went to market, and CompetitorX has quoted us 30% less for comparable scope, including inventory management for all stores, not just a pilot.

Daniel has asked me to bring the total under $130,000 per year. If Norðurljós can't get close to that, it will be very hard for us to justify the renewal internally.

Can you come back to us with your best offer by 18 August?

Regards,
Tom""")

m("co2-03", "CO2", AP, "kristin", ["tom"], "2026-08-05 09:40:00", cc=["ari", "daniel"], body="""\
Hi Tom,

Thank you for being straight with me, I appreciate it.

A 30% gap is a lot, and before we respond I'd like to make sure we're comparing like for like. In our experience, CompetitorX's standard offer prices integration with your ERP, training for store staff and weekend support separately. If you're able to share the scope they quoted (no prices needed), we can give you a much more useful answer.

In the meantime, I can tell you that on a three-year term we can go to 12% below our proposal, which would be $163,700 per year including wave 3.

We'll come back to you with our best offer before the 18th either way.

Best regards,
Kristín""")

m("co2-04", "CO2", AP, "tom", ["kristin"], "2026-08-18 16:05:31", cc=["ari", "daniel"], body="""\
Kristín,

We can't share CompetitorX's proposal, but I can confirm it includes ERP integration and training. Weekend support is extra with them, as you guessed.

12% doesn't move the needle for us. We would need at least 25% off your original proposal to stay, and we'd also want the onboarding fee for the wave 3 stores waived.

Tom""")

m("co2-05", "CO2", AP, "kristin", ["tom"], "2026-08-19 11:20:12", cc=["ari", "daniel"], body="""\
Hi Tom,

Thanks. I've gone through this with our CFO, and here is our best and final offer:

- 15% below our original proposal on a three-year term: $158,100 per year for 20 stores
- onboarding for the five wave 3 stores waived (worth $12,500)
- the inventory module for all stores from year two at no additional cost

I can't go to 25%. At that price we couldn't give you the support you've had this year, and I'd rather be honest about that than win the renewal and let you down.

The offer is valid until 16 October.

Best regards,
Kristín""")

m("co2-06", "CO2", AP, "tom", ["kristin"], "2026-09-02 10:18:40", cc=["ari", "daniel"], body="""\
Kristín,

Thanks for the revised offer. We're comparing both proposals now. Daniel will make the call after our board meeting on 24 September.

Tom""")

m("co2-07", "CO2", AP, "kristin", ["tom"], "2026-09-25 18:22:10", client="iphone", body="""\
Hi Tom, how did the board meeting go? Happy to jump on a call any time this week if there are questions.

Kristín""")

m("co2-08", "CO2", AP, "tom", ["kristin"], "2026-09-28 08:55:33", body="""\
Kristín,

No decision yet. Daniel wants to see CompetitorX's final terms before he signs anything. I'll come back to you by 9 October.

Tom""")

m("co2-09", "CO2", AP, "kristin", ["tom"], "2026-09-29 09:12:48", cc=["ari"], body="""\
Hi Tom,

Thanks for the update, noted. Our offer stands until 16 October. If there's anything that would help Daniel decide, a reference call with another retailer for example, just say the word.

Best regards,
Kristín""")

# --- OR1 · Orkulind: price objection and a stalled decision (Icelandic) -----------------------

thread("OR1", "Endurnýjun þjónustusamnings 2027", "or", "is", "flag",
       ["negotiation-issue:price", "negotiation-issue:stall"],
       "Our renewal offer (an 18% increase) meets a polite but firm price objection ('verðið er "
       "einfaldlega of hátt'); the meeting is postponed until after the summer, postponed again, and "
       "finally the decision is pushed to the next quarter and then to January while they 'look at other "
       "options'. We end by extending the current contract.",
       "Icelandic negotiation trouble: price objection, repeated postponements ('fresta', 'næsta "
       "ársfjórðungi', 'eftir áramót'), a hint of alternatives. The quote is a PDF with an RFC 2231 "
       "filename; Sigurður's Exchange writes base64 UTF-8 bodies and encoded words inside quotes.")

m("or1-01", "OR1", "eml/orkulind-tilbod-2027.eml", "kristin", ["sigurdur"], "2026-05-12 13:25:40", cc=["gudrun"],
  attach=[Attachment("Tilboð í endurnýjun þjónustusamnings Orkulindar 2027.pdf", "application/pdf", PDF_TILBOD,
                     style="rfc2231")], body="""\
Sæll Sigurður,

Takk fyrir góðan fund í síðustu viku. Eins og um var rætt fylgir hér tilboð okkar í endurnýjun þjónustusamnings Orkulindar fyrir árið 2027.

Helstu atriði:
- Straumur Orka fyrir allar sex virkjanirnar og dreifikerfið
- ný mæligagnaeining fyrir Kaldárstöð og Hraunsvirkjun
- vakt allan sólarhringinn, alla daga ársins, með 30 mínútna viðbragðstíma
- árgjald 24.600.000 kr. án vsk.

Hækkunin frá núgildandi samningi skýrist að mestu af nýju mæligagnaeiningunni og sólarhringsvaktinni, sem þið óskuðuð eftir í vetur.

Guðrún verður áfram tengiliður ykkar og svarar öllum spurningum. Tilboðið gildir til 30. september.

Bestu kveðjur,
Kristín""")

m("or1-02", "OR1", GM, "sigurdur", ["kristin", "gudrun"], "2026-05-26 15:02:11",
  labels="Viðskiptavinir/Orkulind,Inbox,Important,Opened", body="""\
Sæl Kristín og Guðrún,

Takk fyrir tilboðið.

Ég verð að segja að 18% hækkun milli ára kom okkur verulega á óvart. Við gerðum ráð fyrir hóflegri vísitöluhækkun, ekki þessu. Verðið er einfaldlega of hátt miðað við það sem við höfum úr að spila á næsta ári.

Áður en málið fer lengra þurfum við sundurliðun á hækkuninni: hvað kostar mæligagnaeiningin og hvað kostar sólarhringsvaktin? Við þurfum ekki endilega hvort tveggja strax.

Kveðja,
Sigurður""")

m("or1-03", "OR1", GM, "gudrun", ["sigurdur"], "2026-05-27 09:14:05", cc=["kristin"], body="""\
Sæll Sigurður,

Takk fyrir skýr skilaboð, það er gott að vita hvar þið standið.

Hér er sundurliðunin:
- Grunnþjónusta, óbreytt umfang: 21.550.000 kr. (3,4% hækkun samkvæmt vísitölu)
- Mæligagnaeining fyrir Kaldárstöð og Hraunsvirkjun: 1.850.000 kr.
- Sólarhringsvakt: 1.200.000 kr.

Það er vel hægt að bæta sólarhringsvaktinni við síðar ef hún er ekki forgangsmál núna. Mig langar að leggja til að við hittumst og förum yfir þetta saman. Hentar þér þriðjudagurinn 9. júní kl. 10?

Bestu kveðjur,
Guðrún""")

m("or1-04", "OR1", GM, "sigurdur", ["gudrun"], "2026-06-08 16:44:20",
  labels="Viðskiptavinir/Orkulind,Inbox,Important,Opened", body="""\
Sæl Guðrún,

Takk fyrir sundurliðunina, hún hjálpar.

Því miður þarf ég að fresta fundinum á morgun. Stjórnin er að fara yfir fjárhagsáætlun næsta árs og ég get ekki skuldbundið okkur fyrr en hún liggur fyrir. Getum við tekið þetta upp aftur eftir sumarfrí?

Kveðja,
Sigurður""")

m("or1-05", "OR1", GM, "gudrun", ["sigurdur"], "2026-06-09 08:30:12", body="""\
Sæll Sigurður,

Ekkert mál, ég skil það vel. Eigum við að segja þriðjudaginn 18. ágúst kl. 10? Ég sendi fundarboð og þú færir það bara ef tíminn hentar ekki.

Njóttu sumarfrísins þegar þar að kemur!

Guðrún""")

m("or1-06", "OR1", GM, "sigurdur", ["gudrun"], "2026-08-17 11:05:09",
  labels="Viðskiptavinir/Orkulind,Inbox,Opened", body="""\
Sæl Guðrún,

Ég þarf því miður að fresta fundinum á morgun aftur. Haraldur fjármálastjóri er enn í fríi og ég vil ekki taka þetta fyrir án hans. Ég læt þig vita þegar hann er kominn til baka.

Kveðja,
Sigurður""")

m("or1-07", "OR1", GM, "gudrun", ["sigurdur"], "2026-08-17 13:20:45", body="""\
Sæll Sigurður,

Takk fyrir að láta vita. Við finnum tíma þegar Haraldur er kominn.

Ég vil bara minna á að núgildandi samningur rennur út 31. desember og tilboðið gildir til 30. september. Það tekur um tvo mánuði að setja upp mæligagnaeininguna, þannig að ef hún á að vera komin í gagnið í janúar þyrftum við ákvörðun í byrjun október.

Bestu kveðjur,
Guðrún""")

m("or1-08", "OR1", GM, "sigurdur", ["gudrun"], "2026-09-03 14:12:37", cc=["haraldur"],
  labels="Viðskiptavinir/Orkulind,Inbox,Important,Opened", body="""\
Sæl Guðrún,

Við Haraldur fórum yfir tilboðið á framkvæmdastjórnarfundi í gær. Niðurstaðan er sú að við þurfum að skoða málið aftur á næsta ársfjórðungi. Verðið er enn of hátt að okkar mati og við viljum kanna aðra kosti áður en við tökum ákvörðun.

Við frestum því ákvörðun um nýjan samning fram yfir áramót.

Kveðja,
Sigurður""")

m("or1-09", "OR1", GM, "gudrun", ["sigurdur", "haraldur"], "2026-09-04 10:02:00", cc=["kristin"], body="""\
Sæll Sigurður og sæll Haraldur,

Takk fyrir að láta mig vita.

Til að tryggja að ekkert rof verði á þjónustunni um áramót leggjum við til að núgildandi samningur verði framlengdur óbreyttur um þrjá mánuði, til 31. mars 2027. Þá hafið þið rúman tíma til að taka ákvörðun.

Það myndi hjálpa okkur mikið að vita hvaða verð þið sjáið fyrir ykkur, svo við getum metið hvort við getum komið til móts við ykkur. Væri hægt að fá fund með ykkur báðum í október?

Bestu kveðjur,
Guðrún""")

m("or1-10", "OR1", GM, "sigurdur", ["gudrun"], "2026-09-24 15:40:22", cc=["haraldur"],
  labels="Viðskiptavinir/Orkulind,Inbox,Opened", body="""\
Sæl Guðrún,

Við samþykkjum framlenginguna til 31. mars. Sendu mér samningsviðaukann.

Tilboðið tökum við fyrir í janúar.

Kveðja,
Sigurður""")

m("or1-11", "OR1", GM, "gudrun", ["sigurdur"], "2026-09-25 09:10:14", cc=["haraldur"],
  attach=[Attachment("Viðauki 3 – framlenging þjónustusamnings.pdf", "application/pdf", PDF_VIDAUKI,
                     style="rfc2047-gmail")], body="""\
Sæll Sigurður,

Takk fyrir þetta. Viðaukinn er í viðhengi, undirritaður af okkar hálfu.

Ég hef samband í byrjun desember til að finna fundartíma í janúar.

Bestu kveðjur,
Guðrún""")

# --- OR2 · Orkulind: healthy technical thread with Icelandic negated negatives --------------------

thread("OR2", "Mæligagnatenging Kaldárstöðvar – prófanir", "or", "is", "healthy", [],
       "Orkulind's project manager and our support lead run two weeks of parallel testing of a new meter "
       "data connection, find and fix a clock problem, switch off the old connection and thank each other.",
       "Healthy Icelandic thread with traps: 'ekkert mál', 'ekki slæmar', 'get ekki kvartað', 'engar "
       "áhyggjur', 'tímalínan er knöpp', a bug found and fixed within hours. Long Icelandic/English "
       "disclaimer with 'óheimilt' and 'prohibited'. One reply from Outlook for iOS.")

m("or2-01", "OR2", MD, "elin", ["einar"], "2026-06-15 09:05:33", cc=["gudrun"], flags="RS", body="""\
Sæll Einar,

Við erum tilbúin að hefja prófanir á nýju mæligagnatengingunni í Kaldárstöð. Allir 48 mælarnir eru komnir á netið og Pétur hjá okkur er búinn að opna fyrir ykkur í eldveggnum.

Er í lagi að byrja mánudaginn 22. júní? Við myndum vilja keyra gömlu og nýju tenginguna samhliða í tvær vikur áður en við slökkvum á þeirri gömlu.

Kær kveðja,
Elín""")

m("or2-02", "OR2", MD, "einar", ["elin"], "2026-06-15 10:12:40", cc=["gudrun", "support"], body="""\
Sæl Elín,

Ekkert mál, mánudagurinn 22. júní hentar mjög vel. Ég set upp prófunarumhverfið á föstudaginn og sendi þér aðgangsupplýsingar.

Samhliða keyrsla í tvær vikur er skynsamleg. Við berum gögnin saman á hverjum morgni og sendum ykkur stutta samantekt.

Kveðja,
Einar""")

m("or2-03", "OR2", MD, "elin", ["einar"], "2026-06-23 15:30:08", cc=["gudrun"], flags="RS", body="""\
Sæll Einar,

Fyrstu niðurstöður eru ekki slæmar: 99,2% mælinga skila sér inn í nýju tenginguna. Það sem vantar eru allt mælar í dæluhúsi 3, sem hafa ekki skilað neinu síðan í gær kl. 14.

Getur þú kíkt á þetta?

Kveðja,
Elín""")

m("or2-04", "OR2", MD, "einar", ["elin"], "2026-06-23 17:02:51", cc=["gudrun", "support"], body="""\
Sæl Elín,

Fundið. Klukkan í gáttinni í dæluhúsi 3 var stillt á UTC+1, þannig að allar mælingar komu klukkutíma „inn í framtíðina“ og voru felldar út sem ógildar. Ég er búinn að leiðrétta þetta og endurkeyra gögnin frá því í gær, þau eru öll komin inn.

Þú ættir að sjá 100% á morgun.

Kveðja,
Einar""")

m("or2-05", "OR2", MD, "elin", ["einar"], "2026-07-03 08:45:12", cc=["gudrun"], client="outlook_ios", body="""\
Sæll Einar,

Tvær vikur af samhliða keyrslu eru búnar og ég get ekki kvartað: 100% mælinga hafa skilað sér alla daga síðan 24. júní og engin frávik á milli kerfanna.

Við ætlum því að slökkva á gömlu tengingunni á mánudaginn. Tímalínan fyrir Hraunsvirkjun er knöpp, en miðað við þetta hef ég engar áhyggjur.

Takk fyrir frábæra vinnu!
Elín""")

m("or2-06", "OR2", GM, "gudrun", ["elin", "einar"], "2026-07-03 10:20:33", body="""\
Sæl Elín,

Frábærar fréttir, takk fyrir að láta vita! Og Einar, vel gert.

Ég tek frá tíma hjá okkur fyrir Hraunsvirkjun í ágúst svo hún lendi ekki á eftir áætlun. Láttu mig vita ef eitthvað vantar frá okkur.

Bestu kveðjur,
Guðrún""")

m("or2-07", "OR2", GM, "elin", ["gudrun"], "2026-07-03 11:02:19", cc=["einar"],
  labels="Viðskiptavinir/Orkulind,Inbox,Opened", body="""\
Takk sömuleiðis Guðrún, þetta hefur gengið ótrúlega vel. Heyrumst í ágúst.

Elín""")

# --- HB1 · Hafbrún: SLA credit dispute that deteriorates (Icelandic) ----------------------------

thread("HB1", "Inneign vegna brota á þjónustustigi í júní", "hb", "is", "flag",
       ["deteriorating-tone", "conflict", "escalation", "negotiation-issue:contract",
        "negotiation-issue:walkaway"],
       "Hafbrún's IT manager claims the SLA credit after three outages in June; we cite force majeure and "
       "are slow to answer; their CFO takes over ('óásættanlegt'), copies the CEO and threatens a lawyer; "
       "the CEO refuses further meetings, hands the matter to their in-house lawyer and says renewal is "
       "in doubt; the lawyer rejects our offer.",
       "Icelandic deterioration and contract/SLA dispute: clause numbers, credits, 'án viðurkenningar á "
       "bótaskyldu', escalation to forstjóri and lögfræðingur, walk-away risk ('alls óvíst að við "
       "endurnýjum'). Jón's old Outlook sends ISO-8859-1 and no References; a CSV attachment with an "
       "RFC 2047-encoded filename; replies mix 'Re: SV:' prefixes; several replies lack References.")

m("hb1-01", "HB1", "eml/hafbrun-sla-juni.eml", "jon", ["gudrun"], "2026-07-02 09:12:05",
  attach=[Attachment("uppitími_júní.csv", "application/vnd.ms-excel", UPTIME_CSV, style="rfc2047-latin1")],
  body="""\
Sæl Guðrún,

Eins og þú veist lá Straumur niðri þrisvar í júní, 6., 19. og 27. júní, samtals í tæpar tíu klukkustundir. Í tvö skiptin var það á meðan verið var að landa og við þurftum að skrá aflann á pappír og slá hann inn eftir á.

Samkvæmt grein 7.3 í þjónustusamningnum ábyrgist Norðurljós 99,9% uppitíma á mánuði. Samkvæmt okkar mælingum var uppitíminn í júní 98,65%. Meðfylgjandi er samantekt úr okkar vöktun.

Við förum því fram á inneign samkvæmt grein 7.4, sem er 25% af mánaðargjaldi þegar uppitími fer undir 99%.

Kveðja,
Jón""")

m("hb1-02", "HB1", GM, "gudrun", ["jon"], "2026-07-03 10:15:30", body="""\
Sæll Jón,

Takk fyrir samantektina, hún er mjög skýr, og ég biðst afsökunar á óþægindunum sem þetta olli ykkur við landanirnar.

Við erum að fara yfir tölurnar með rekstrarteyminu. Ég vil þó strax nefna að bilanirnar 6. og 27. júní voru rafmagnsbilanir í gagnaveri hýsingaraðila okkar, og við erum að skoða hvernig grein 12 í samningnum (óviðráðanleg atvik) á við um þær.

Ég kem aftur til þín í næstu viku með niðurstöðu.

Bestu kveðjur,
Guðrún""")

m("hb1-03", "HB1", GM, "sigridur", ["gudrun"], "2026-07-14 13:48:02", cc=["jon"],
  labels="Viðskiptavinir/Hafbrún,Inbox,Important,Opened", body="""\
Sæl Guðrún,

Ég tek við þessu máli af Jóni.

Við höfum ekki heyrt frá ykkur í ellefu daga, þó að þú hafir lofað svari í síðustu viku.

Við samþykkjum ekki að bilun hjá hýsingaraðila ykkar teljist óviðráðanlegt atvik. Það var ykkar ákvörðun að velja þennan birgja og það er ykkar ábyrgð að hann standi sig. Samningurinn er skýr: uppitími undir 99% veitir rétt á 25% inneign.

Vinsamlegast staðfestið inneignina skriflega fyrir 21. júlí.""")

m("hb1-04", "HB1", GM, "hildur", ["sigridur"], "2026-07-16 16:30:44", cc=["gudrun", "jon"],
  labels="Viðskiptavinir/Hafbrún,Inbox,Opened", body="""\
Sæl Sigríður,

Ég biðst afsökunar á því að svarið dróst.

Við höfum farið vandlega yfir málið. Við teljum að rafmagnsbilanirnar í gagnaverinu falli undir grein 12, en í ljósi langs og góðs samstarfs bjóðum við Hafbrún inneign sem nemur 10% af mánaðargjaldi júnímánaðar, án viðurkenningar á bótaskyldu.

Inneignin kæmi til frádráttar á reikningi fyrir ágúst.

Kveðja,
Hildur""")

m("hb1-05", "HB1", GM, "sigridur", ["hildur", "gudrun"], "2026-07-22 09:02:13", cc=["jon", "thorsteinn"],
  labels="Viðskiptavinir/Hafbrún,Inbox,Important,Opened", body="""\
Sæl Hildur,

Þetta er óásættanlegt.

10% er ekki í neinu samræmi við samninginn, og „án viðurkenningar á bótaskyldu“ segir mér að þið takið þetta ekki alvarlega. Þrjár bilanir á einum mánuði, tvær þeirra á meðan löndun stóð yfir, og þið bjóðið okkur smáaura.

Ég hef sett Þorstein Magnússon forstjóra í afrit. Ef ekki fæst niðurstaða sem er í samræmi við grein 7.4 munum við vísa málinu til lögfræðings okkar.

Sigríður""")

m("hb1-06", "HB1", GM, "gudrun", ["sigridur", "thorsteinn"], "2026-07-22 14:35:50", cc=["hildur", "jon"], body="""\
Sæl Sigríður og sæll Þorsteinn,

Ég skil vel að þið séuð ósátt og ég tek það til mín að svarið dróst. Það var ekki í lagi.

Mig langar að leggja til að við hittumst, við Hildur og þið tvö, og förum yfir málið augliti til auglitis. Við getum komið til Eyja hvenær sem hentar ykkur í næstu viku.

Bestu kveðjur,
Guðrún""")

m("hb1-07", "HB1", GM, "thorsteinn", ["gudrun", "hildur"], "2026-08-05 07:12:44", cc=["sigridur", "ragnheidur"],
  refs=False, labels="Viðskiptavinir/Hafbrún,Inbox,Important,Opened", body="""\
Guðrún,

Við höfum ekki tíma fyrir fleiri fundi um þetta mál. Ragnheiður Pálsdóttir, lögfræðingur okkar, er í afriti og fer með málið héðan í frá.

Ég minni á að samningur okkar rennur út um áramót. Í ljósi þessa máls er alls óvíst að við endurnýjum hann.

Þorsteinn Magnússon
forstjóri""")

m("hb1-08", "HB1", GM, "ragnheidur", ["hildur", "gudrun"], "2026-08-06 15:20:00",
  cc=["thorsteinn", "sigridur"], refs=False, irt=False,
  labels="Viðskiptavinir/Hafbrún,Inbox,Important,Opened", body="""\
Sæl Hildur og Guðrún,

Undirrituð gætir hagsmuna Hafbrúnar hf. í máli þessu.

Vísað er til þjónustusamnings aðila frá 15. janúar 2024, einkum greina 7.3 og 7.4. Samkvæmt gögnum umbjóðanda míns var uppitími þjónustunnar í júní 2026 98,65%, sem er undir þeim 99% mörkum sem kveðið er á um í grein 7.4. Umbjóðandi minn hafnar því að rafmagnsbilanir hjá hýsingaraðila Norðurljósa teljist óviðráðanleg atvik í skilningi greinar 12, enda er hýsing þjónustunnar alfarið á ábyrgð Norðurljósa.

Þess er krafist að Norðurljós staðfesti inneign sem nemur 25% af mánaðargjaldi júnímánaðar eigi síðar en 20. ágúst 2026. Verði ekki orðið við kröfunni áskilur umbjóðandi minn sér allan rétt, þar á meðal rétt til að rifta samningnum vegna vanefnda.

Virðingarfyllst,""")

m("hb1-09", "HB1", GM, "hildur", ["ragnheidur"], "2026-08-19 11:05:27", cc=["gudrun", "thorsteinn", "sigridur"],
  labels="Viðskiptavinir/Hafbrún,Inbox,Opened", body="""\
Sæl Ragnheiður,

Vísað er til bréfs þíns frá 6. ágúst.

Norðurljós hugbúnaður ehf. heldur fast við að rafmagnsbilanir í gagnaveri falli undir grein 12 samningsins. Til að leysa málið býður félagið engu að síður inneign sem nemur 15% af mánaðargjaldi júnímánaðar, ásamt tvöföldu rafmagnsfæði fyrir hýsingu Hafbrúnar til ársloka, ykkur að kostnaðarlausu, sem kemur í veg fyrir að bilun af þessu tagi endurtaki sig.

Tilboðið er sett fram án viðurkenningar á bótaskyldu.

Virðingarfyllst,
Hildur Bjarnadóttir""")

m("hb1-10", "HB1", GM, "ragnheidur", ["hildur"], "2026-08-27 10:40:00", cc=["gudrun", "thorsteinn", "sigridur"],
  refs=False, irt=False, labels="Viðskiptavinir/Hafbrún,Inbox,Important,Opened", body="""\
Sæl Hildur,

Umbjóðandi minn hafnar tilboðinu.

Málið verður tekið upp í tengslum við endurnýjun þjónustusamningsins í haust. Umbjóðandi minn áskilur sér allan rétt vegna málsins, þar með talið rétt til að krefjast fullrar inneignar samkvæmt grein 7.4 og til að segja samningnum upp.

Virðingarfyllst,""")

m("hb1-11", "HB1", GM, "gudrun", ["thorsteinn"], "2026-08-28 09:30:11", parent="hb1-07", body="""\
Sæll Þorsteinn,

Ég skrifa þér beint, utan við formlegu bréfaskiptin, af því að mér þykir vænt um samstarfið við Hafbrún og ég held að þetta mál hafi farið í rangan farveg.

Mig langar að biðja um hálftíma með þér næst þegar þú átt leið til Reykjavíkur, eða í síma ef það hentar betur. Ekkert lögfræðimál, bara við tvö.

Bestu kveðjur,
Guðrún""")

# --- HB2 · Hafbrún: angry bug report that is resolved (recovering, Icelandic) ---------------------

thread("HB2", "Villa í aflaskráningu eftir uppfærslu", "hb", "is", "healthy", [],
       "Mid-season, every landing is registered twice; Jón writes in anger ('algjörlega óþolandi', "
       "'skipstjórarnir eru brjálaðir', '???'). Support finds the cause within the hour, cleans up the "
       "data the same day, and Jón closes with warm thanks from Vestmannaeyjar.",
       "Recovering thread: a complaint resolved, ending in thanks and a warm close; must not be flagged. "
       "Jón's replies are raw ISO-8859-1 (8bit) with no In-Reply-To or References, so only the subject "
       "('SV: …') links them.")

m("hb2-01", "HB2", MD, "jon", ["support"], "2026-04-07 06:48:02", cte="8bit", flags="RS", body="""\
Góðan dag,

Aflaskráningin hjá okkur er í algjöru rugli síðan í gær. Þegar Þórunn VE landaði í gærkvöldi skráðist allur aflinn tvisvar, og sama gerðist hjá Hrafni VE í morgun. Vigtarseðlarnir passa ekki við það sem fer til Fiskistofu og skipstjórarnir eru brjálaðir.

Þetta er algjörlega óþolandi á miðri vertíð. Við getum ekki landað meira fyrr en þetta er komið í lag.

Hvenær verður þetta lagað???

Jón""")

m("hb2-02", "HB2", MD, "einar", ["jon"], "2026-04-07 07:31:15", cc=["support"], body="""\
Sæll Jón,

Leitt að heyra þetta. Við erum komin með málið í forgang og ég er sjálfur að vinna í því.

Tvískráningin virðist koma frá nýju vigtartengingunni sem fór í loftið á sunnudaginn. Hún sendir hverja vigtun aftur ef staðfesting berst ekki innan 10 sekúndna. Ég er búinn að slökkva á endursendingunni, þannig að þið getið landað aftur núna án þess að fá tvískráningu.

Ég hreinsa út tvítöldu færslurnar og læt þig vita þegar því er lokið.

Kveðja,
Einar""")

m("hb2-03", "HB2", MD, "einar", ["jon"], "2026-04-07 16:30:42", cc=["support"], body="""\
Sæll aftur Jón,

Búið er að hreinsa út allar tvískráðar færslur frá 6. og 7. apríl, alls 14 færslur (8 hjá Þórunni VE og 6 hjá Hrafni VE). Leiðréttingin hefur líka verið send til Fiskistofu.

Viltu renna yfir þetta með vigtarmanninum og staðfesta að allt passi?

Kveðja,
Einar""")

m("hb2-04", "HB2", MD, "jon", ["einar"], "2026-04-08 07:55:10", cc=["support"], cte="8bit", refs=False, irt=False,
  flags="RS", body="""\
Sæll Einar,

Búinn að fara yfir þetta með Ragga á vigtinni. Allt passar núna, bæði hjá okkur og Fiskistofu.

Takk fyrir skjót viðbrögð.

Jón""")

m("hb2-05", "HB2", MD, "einar", ["jon"], "2026-04-08 09:02:33", cc=["support"], body="""\
Gott að heyra, Jón.

Við erum búin að bæta við prófun sem grípur tvískráningu áður en hún fer út, og vigtartengingin fer ekki aftur í loftið fyrr en hún hefur verið prófuð með ykkar vigt. Ég læt þig vita með fyrirvara.

Kveðja,
Einar""")

m("hb2-06", "HB2", MD, "jon", ["einar"], "2026-04-09 10:14:55", cc=["support"], cte="8bit", refs=False, irt=False,
  body="""\
Frábært. Takk kærlega fyrir hjálpina, þið stóðuð ykkur virkilega vel í þessu.

Kveðja úr Eyjum,
Jón""")

# --- FB1 · Fjordbridge: open conflict with the partner ---------------------------------------------

thread("FB1", "Brightwater ERP connector – retry logic", "fb", "en", "flag", ["conflict"],
       "We ask our integration partner to fix the connector behind Brightwater's failures; they blame our "
       "API change ('the third time this year your API has changed under us'), we blame their missed "
       "handovers ('the third time your team has missed a handover'), they invoice the fix, we dispute it, "
       "and they question the partnership.",
       "Open conflict with a partner: blame in both directions, 'this is the third time', a disputed "
       "invoice in euros, 'I don't appreciate the tone'. Outlook windows-1252 with curly quotes, an en dash "
       "and the € sign; '-----Original Message-----' history; a Danish Outlook reply ('Fra:/Sendt:/Emne:').")

m("fb1-01", "FB1", TB, "ari", ["mads"], "2026-04-06 14:10:22", body="""\
Hi Mads,

I need your help urgently with Brightwater.

Their order sync has now failed three weekends in a row. Our analysis shows that the ERP connector your team built retries a rejected batch immediately and without any limit when the ERP answers HTTP 429. One rejected batch turns into several hundred calls in a few minutes, and the ERP then blocks us for an hour.

We've added rate limiting on the Straumur side, but the connector needs exponential backoff and a retry cap. Can you confirm who will work on it and when we can expect a fix? This week, ideally.

Thanks,
Ari""")

m("fb1-02", "FB1", TB, "mads", ["ari"], "2026-04-07 09:32:40", body="""\
Ari,

With respect, the connector has worked without a single incident for 18 months. The only thing that changed is your 4.2 release, which changed the batch endpoint without any notice to us. That’s the third time this year your API has changed under us without a heads-up.

We can add backoff to the connector, but that is new work and a change request: 32 hours at €145, so €4,640. I can have someone on it Thursday if you confirm.

Mads""")

m("fb1-03", "FB1", TB, "ari", ["mads"], "2026-04-07 10:15:02",
  attach=[Attachment("Straumur 4.2 partner release notes.pdf", "application/pdf", PDF_RCA_NOTES)], body="""\
Mads,

The changes in 4.2 were announced in the partner release notes on 12 February, three weeks before the release (attached again, see section 3, "Batch endpoint"). Your team has also had access to staging since 16 February.

Either way, retrying without limit after a 429 is a defect in the connector, not new work. It would have caused the same problem the first time Brightwater had a busy day. We're not going to pay a change request for fixing it.

Please go ahead on Thursday.

Ari""")

m("fb1-04", "FB1", TB, "mads", ["ari"], "2026-04-15 17:48:11", body="""\
Ari,

We have deployed the retry fix to staging. Handover to your team is booked for Monday 20 April at 10:00.

We will discuss the invoice separately.

Mads""")

m("fb1-05", "FB1", TB, "ari", ["mads"], "2026-04-21 08:20:55", body="""\
Mads,

Nobody from Fjordbridge joined the handover call yesterday. We waited 40 minutes. This is the third time your team has missed a handover on this account, after 12 January and 3 March.

I don't think you realise how serious this is. Brightwater's CEO is threatening to terminate their contract with us, and the connector is a big part of why. I need the fix in production by Thursday, and I need one named engineer I can call directly.

Ari""")

m("fb1-06", "FB1", TB, "mads", ["ari"], "2026-04-21 11:02:39", cc=["louise"], body="""\
Ari,

I don’t appreciate the tone. Our engineer, Jonas, was on the call at 10:00 Copenhagen time, which is what your invite said. You were not there. I have the screenshot if you want it.

Jonas Lund (+45 31 44 20 17) is your named engineer. He can deploy to production on Thursday once your team has signed off on staging.

Louise in our finance team will send the invoice for the work this week.

Mads""")

m("fb1-07", "FB1", TB, "louise", ["ari"], "2026-05-04 10:30:00", cc=["mads"],
  attach=[Attachment("Faktura 2026-117.pdf", "application/pdf", PDF_INVOICE)], body="""\
Dear Ari,

Please find attached invoice 2026-117 for the connector work for Brightwater Home (32 hours, €4,640.00 excl. VAT, reverse charge).

Payment terms are 30 days net.

Kind regards,
Louise""")

m("fb1-08", "FB1", TB, "ari", ["louise"], "2026-05-05 09:12:40", cc=["mads"], body="""\
Hi Louise,

Thanks, but we dispute this invoice in full. The work fixed a defect in the connector, as I explained to Mads on 7 April (further down in this thread). Please put it on hold until Mads and I have resolved it.

Best regards,
Ari""")

m("fb1-09", "FB1", "eml/fjordbridge-invoice-dispute.eml", "mads", ["ari"], "2026-05-12 16:25:18", cc=["louise"],
  crlf=True, body="""\
Ari,

We’re not withdrawing the invoice. We did the work, and we did it fast – Jonas worked the weekend of 25–26 April because you asked us to – and your own team signed it off.

You keep calling it a “defect”. The connector was built to the specification your team approved in 2024, which said nothing about rate limits, because your API didn’t have any. If Norðurljós won’t pay €4,640 for 32 hours of weekend work, I honestly have to ask whether this partnership still works for us.

I’m free Thursday afternoon if you want to talk.

Mads""")

m("fb1-10", "FB1", TB, "ari", ["mads"], "2026-05-14 08:40:12", cc=["louise"], body="""\
Mads,

Fair enough, let's talk rather than trade emails. I've sent an invite for 14:00 your time today.

For the record, I'll propose that we split the invoice 50/50 and agree a written change-notice process for the API, so this doesn't happen a fourth time - on either side.

Ari""")

# --- FB2 · Fjordbridge: healthy partner thread; the mboxrd ">From " test ------------------------------

thread("FB2", "Joint workshop in Copenhagen, October", "fb", "en", "healthy", [],
       "Four months after the connector dispute, the partner invites us to a joint customer workshop in "
       "Copenhagen; dates, agenda and a case study are agreed in a few friendly messages.",
       "Healthy partner thread: 'no problem at all', 'not bad for a first go'. Guðrún writes English from "
       "an Icelandic Gmail, so the attribution line is Icelandic. Holds the mboxrd test: a body line "
       "'From our side…' (stored as '>From our side…') and Søren's quoted line '>From our side…' (stored "
       "as '>>From our side…', which must come back as '>From ').")

m("fb2-01", "FB2", GM, "mads", ["gudrun"], "2026-09-01 09:15:12", labels="Samstarfsaðilar,Inbox,Opened", body="""\
Hi Guðrún,

As discussed at the partner review last week, we’d like to host a joint half-day workshop in Copenhagen for Nordic retailers and seafood companies who are looking at new order and logistics platforms. We’d present the connector work and you’d present Straumur.

We’re looking at 13 or 14 October at our office. Could Norðurljós send two people?

Søren Dahl from our events team will handle the practical side.

Best regards,
Mads""")

m("fb2-02", "FB2", GM, "gudrun", ["mads"], "2026-09-02 10:04:33", cc=["soren"], body="""\
Hi Mads,

Great idea, count us in!

From our side, Baldur and I will come, and possibly Kristín for the afternoon. The 14th suits us best, as Baldur is at a conference in Oslo on the 13th.

Could you send over a rough agenda when you have one? Happy to prepare a 30-minute Straumur demo with the Selkie case study, if Fiona at Selkie agrees.

Best regards,
Guðrún""")

m("fb2-03", "FB2", GM, "soren", ["gudrun"], "2026-09-02 13:27:09", cc=["mads"], depth=0,
  labels="Samstarfsaðilar,Inbox,Opened", body="""\
Hi Guðrún,

Søren here, I'm organising the practical side.

On Wed, 2 Sep 2026 10:04:33 +0000
Guðrún Helgadóttir <gudrun@nordurljos.is> wrote:

>From our side, Baldur and I will come, and possibly Kristín for the
>afternoon. The 14th suits us best, as Baldur is at a conference in
>Oslo on the 13th.

Perfect, 14 October it is. No problem at all if Kristín can only make
the afternoon - the demos are after lunch anyway.

>Could you send over a rough agenda when you have one?

I'll have a draft to you in a couple of weeks. The Selkie case study
would be great.

Best,
Søren""")

m("fb2-04", "FB2", GM, "gudrun", ["soren"], "2026-09-03 08:50:12", cc=["mads"], body="""\
Takk Søren, and thanks for the quick reply! Flights are booked for the 13th. Looking forward to it.

Guðrún""")

m("fb2-05", "FB2", GM, "soren", ["gudrun"], "2026-09-16 15:10:44", cc=["mads"],
  attach=[Attachment("Workshop agenda draft v1.pdf", "application/pdf", PDF_AGENDA)],
  labels="Samstarfsaðilar,Inbox,Opened", body="""\
Hi Guðrún,

Draft agenda attached. Not bad for a first go, I think! The Straumur demo and the Selkie case study are at 13:30, right after lunch.

Let me know if anything should change - otherwise I'll send the invitations to the guest list on Monday.

Best,
Søren""")

m("fb2-06", "FB2", GM, "gudrun", ["soren"], "2026-09-17 09:05:02", cc=["mads"], body="""\
Hi Søren,

Looks great, no changes from us. Fiona at Selkie has said yes to the case study, so we're all set.

Thanks!
Guðrún""")

# --- EH1 · Eldborg: open conflict with the supplier (Icelandic) ---------------------------------------

thread("EH1", "Rafmagnsbilun í gagnaveri – enn á ný", "eh", "is", "flag", ["conflict"],
       "Our head of infrastructure demands an explanation for repeated power failures at the hosting "
       "provider; they blame our single power feed and then our own network gear; he forwards their own "
       "incident report, which contradicts them; they apologise and offer a credit, and we say we are "
       "looking at other providers.",
       "Open conflict with a supplier in Icelandic: 'Þetta er í þriðja skiptið síðan í maí', 'Ekki reyna "
       "að snúa þessu upp á okkur', 'Ég hef fengið nóg af afsökunum', blame in both directions. Evolution "
       "writes Icelandic attribution lines; one message forwards the incident report as message/rfc822.")

m("eh1-01", "EH1", MD, "baldur", ["tomas"], "2026-06-06 09:02:18", cc=["einar"], body="""\
Sæll Tómas,

Í nótt, frá kl. 02:14 til 04:51, lá allur búnaðurinn okkar í sal B niðri vegna rafmagnsbilunar. Þetta er önnur bilunin á þremur vikum, sú fyrri var 16. maí.

Viðskiptavinir okkar voru án þjónustu í tvo og hálfan tíma, meðal annars útgerð sem var að landa.

Ég óska eftir skriflegri greinargerð um orsök bilunarinnar og hvað þið ætlið að gera til að koma í veg fyrir að þetta endurtaki sig.

Kveðja,
Baldur""")

m("eh1-02", "EH1", MD, "tomas", ["baldur"], "2026-06-08 14:12:00", cc=["einar"], body="""\
Sæll Baldur,

Bilunin varð þegar spennufall varð á stofnlínunni og varaaflgjafinn í sal B tók ekki við eins og hann átti að gera. Skipt hefur verið um stýrieiningu í honum.

Rétt er þó að benda á að samkvæmt samningi ykkar eruð þið aðeins með einfalt rafmagnsfæði (A-fæði). Með tvöföldu fæði hefði búnaðurinn ykkar ekki dottið út. Við höfum boðið ykkur tvöfalt fæði oftar en einu sinni.

Kveðja,
Tómas""")

m("eh1-03", "EH1", MD, "baldur", ["tomas"], "2026-06-08 15:01:40", cc=["einar"], body="""\
Tómas,

Ekki reyna að snúa þessu upp á okkur. Við borgum fyrir hýsingu með varaafli, og varaaflið er á ykkar ábyrgð, ekki okkar. Að selja okkur tvöfalt fæði til að verjast því að ykkar eigin búnaður bili er ekkert svar.

Ég vil fá greinargerðina skriflega.

Baldur""")

m("eh1-04", "EH1", MD, "baldur", ["tomas"], "2026-06-28 10:20:05", cc=["einar", "hildur"], body="""\
Tómas,

Þetta er í þriðja skiptið síðan í maí. Í nótt lá salur B niðri aftur, frá kl. 22:40 í gærkvöldi til 03:30. Ég hef enn ekki fengið greinargerðina sem ég bað um 6. júní.

Ég hef fengið nóg af afsökunum. Viðskiptavinir okkar eru farnir að krefjast inneigna vegna þjónustustigs og við berum kostnaðinn af ykkar bilunum.

Við förum fram á inneign fyrir júní og skriflega úrbótaáætlun fyrir 3. júlí. Að öðrum kosti förum við að leita að öðrum hýsingaraðila.

Baldur""")

m("eh1-05", "EH1", MD, "tomas", ["baldur"], "2026-06-29 09:40:12", cc=["einar", "hildur"], body="""\
Baldur,

Ég skil pirringinn, en atvikið á laugardaginn var ekki eins og þú lýsir því. Rafmagnið var komið aftur á eftir 12 mínútur. Það sem tók þrjá og hálfan tíma var að ykkar eigin netbúnaður fór ekki aftur í gang og enginn frá ykkur svaraði í vaktsímann fyrr en kl. 03:05.

Við getum ekki tekið ábyrgð á ykkar stillingum eða ykkar bakvakt.

Tómas""")

m("eh1-noc", None, "embedded", "noc", ["rekstur"], "2026-06-28 06:02:10",
  subject="Atvik ELD-2026-0457: Rafmagnstruflun í sal B – lokaskýrsla", body="""\
Atvik ELD-2026-0457 – lokaskýrsla
Incident ELD-2026-0457 – final report

Staðsetning: Eldborg RNB1, salur B
Upphaf: 27.06.2026 22:38
Lok: 28.06.2026 03:18 (stöðugt rafmagn á öllum rekkum)

Lýsing:
Spennujafnari (UPS-B2) í sal B bilaði við spennufall á stofnlínu kl. 22:38. Rafmagn á rekkum B-01 til B-14 var óstöðugt þar til skipt var yfir á UPS-B1 kl. 03:18.

Áhrif: 11 viðskiptavinir í sal B.

Orsök: Bilun í stýrieiningu UPS-B2. Sama stýrieining var endurnýjuð 8. júní.

Úrbætur: Framleiðandi hefur verið kallaður til. Stýrieiningum í UPS-B1 og UPS-B2 verður skipt út fyrir nýja gerð fyrir 15. júlí.""")

m("eh1-06", "EH1", "eml/eldborg-atvik-aframsent.eml", "baldur", ["tomas"], "2026-06-29 11:15:33",
  cc=["einar", "hildur"], depth=0, attach=[Attachment("", "message/rfc822", b"", inner="eh1-noc")], body="""\
Tómas,

Lestu ykkar eigin atvikaskýrslu, hún fylgir hér með. Þar stendur svart á hvítu að spennujafnari í sal B hafi bilað og að stöðugt rafmagn hafi ekki verið komið á sal B fyrr en kl. 03:18. Netbúnaðurinn okkar fór í gang um leið og hann fékk stöðugt rafmagn.

Og vaktsíminn okkar var svaraður kl. 22:52, ekki 03:05. Ég er með símtalaskrána.

Baldur""")

m("eh1-07", "EH1", MD, "tomas", ["baldur"], "2026-07-01 16:05:48", cc=["einar", "hildur"], body="""\
Sæll Baldur,

Þú hefur rétt fyrir þér varðandi skýrsluna og ég biðst afsökunar á því sem ég skrifaði á mánudaginn. Ég hafði rangar upplýsingar frá vaktinni.

Við bjóðum ykkur 30% inneign af hýsingargjaldi júnímánaðar. Úrbótaáætlunin kemur á föstudaginn, 3. júlí, eins og þú baðst um.

Kveðja,
Tómas""")

m("eh1-08", "EH1", MD, "baldur", ["tomas"], "2026-07-02 08:30:27", cc=["einar", "hildur"], body="""\
Tómas,

Við tökum við inneigninni. Ég bíð eftir áætluninni á föstudaginn.

Ég segi það samt hreint út: við erum að skoða aðra hýsingaraðila fyrir næsta ár, og það sem gerist í sumar ræður miklu um niðurstöðuna.

Baldur""")

# --- EH2 · Eldborg: a routine maintenance notice ---------------------------------------------------------

thread("EH2", "Fyrirhugað viðhald 12. september", "eh", "is", "healthy", [],
       "An automated, bilingual maintenance notice from the hosting provider's monitoring desk. Nobody needs "
       "to answer it.",
       "A single automated message (Auto-Submitted) that asks nothing: not a question waiting on us. Raw "
       "UTF-8 in the From and Subject headers (RFC 6532 style), an obsolete Date without weekday and with a "
       "named zone, and it sits unread in Maildir new/.")

m("eh2-01", "EH2", MD, "noc", ["rekstur"], "2026-09-10 14:00:00", folder="new", flags="", body="""\
Góðan dag,

Laugardaginn 12. september milli kl. 06:00 og 08:00 verður unnið að viðhaldi á kælikerfi í sal B í gagnaverinu RNB1.

Ekki er gert ráð fyrir truflunum á rafmagni eða netsambandi og ekki er þörf á neinum aðgerðum af ykkar hálfu. Vaktin verður á staðnum allan tímann.

Dear customer,

On Saturday 12 September between 06:00 and 08:00 we will carry out maintenance on the cooling system in hall B of the RNB1 data centre. No interruption to power or network is expected and no action is required on your part.""")

# --- HC1 · Helen Carter: recovering thread with an angry quote inside a happy reply ------------------------

thread("HC1", "Charged twice for Straumur Solo", "helen", "en", "healthy", [],
       "A sole trader, double-charged, writes an angry email threatening to cancel; support refunds her "
       "the next morning and adds a free month; she thanks us warmly and apologises for the 'grumpy first "
       "email' — quoting it in full below her happy reply.",
       "Recovering thread that must not be flagged, and the quoted-anger trap: her angry first message "
       "('you have taken £29 TWICE', 'I want the duplicate payment refunded immediately or I'm "
       "cancelling') is quoted inside the final, happy reply and must not count. One reply from an iPhone "
       "without References.")

m("hc1-01", "HC1", MD, "helen", ["support"], "2026-05-04 21:13:40", flags="RS", body="""\
Hello,

I've just looked at my bank statement and you have taken £29 TWICE this month (1 May and 2 May). This is the second time I've had to chase a billing problem with you this year.

I'm a one-woman business. I don't have money to lend to software companies. I want the duplicate payment refunded immediately or I'm cancelling my subscription.

Helen Carter
Carter Clayworks""")

m("hc1-02", "HC1", MD, "einar", ["helen"], "2026-05-05 08:30:22", cc=["support"], body="""\
Hi Helen,

I'm really sorry about this. You're right: our card processor retried a payment that had in fact gone through on 1 May, so you were charged twice.

I've refunded the duplicate £29 this morning. It usually takes 3 to 5 working days to show on your statement. I've also credited your account with May's subscription as an apology, so you won't be charged on 1 June.

I've also looked at the earlier problem you mentioned (the VAT on your February invoice), and that one is fixed for good too.

Best regards,
Einar""")

m("hc1-03", "HC1", MD, "helen", ["einar"], "2026-05-05 12:41:09", cc=["support"], client="iphone", refs=False, body="""\
Ok thanks. I'll keep an eye out for it.""")

m("hc1-04", "HC1", MD, "einar", ["helen"], "2026-05-11 09:05:50", cc=["support"], body="""\
Hi Helen,

Just checking in: has the refund reached your account?

Best regards,
Einar""")

m("hc1-05", "HC1", MD, "helen", ["einar"], "2026-05-11 19:22:15", cc=["support"], depth=4, flags="RS", body="""\
Hi Einar,

Yes, it came through on Friday, thank you! And thanks for the free month, that was a really nice touch.

Sorry for the grumpy first email - it had been a long day at the kiln. Honestly, apart from that the app has been brilliant for keeping track of my orders.

Helen""")

m("hc1-06", "HC1", MD, "einar", ["helen"], "2026-05-12 08:20:40", cc=["support"], body="""\
Hi Helen,

That's great to hear, and no need to apologise at all, you had every reason to be annoyed.

Good luck with the summer markets!

Best regards,
Einar""")

# --- BA1 · Björn Ágústsson: a pricing question we never answer -------------------------------------------

thread("BA1", "Afli – tenging við vigt", "bjorn", "is", "flag", ["unanswered"],
       "A small-boat owner we met at a trade show gets quick, friendly help in June. In August he asks a "
       "direct question — what would two boats cost, can he pay yearly — and needs to know before the end of "
       "the month. Two weeks later he asks again. Nobody ever answers; both messages are still unread.",
       "A counterparty's direct question left unanswered for weeks: his last message (25 August) is more "
       "than five weeks older than the newest message in the world (30 September). Casual Icelandic with "
       "lower-case 'kv' sign-offs.")

m("ba1-01", "BA1", GM, "bjorn", ["gudrun"], "2026-06-02 21:40:12", labels="Inbox,Opened", body="""\
Sæl Guðrún

Við hittumst á sjávarútvegssýningunni í vor og þú sagðir mér að hafa samband ef eitthvað kæmi upp. Ég er búinn að skrá Sæunni ÍS 48 á Afla og það virkar fint en ég finn ekki hvernig ég tengi vigtina um borð við appið. Er það hægt með vigt sem er orðin 12 ára gömul?

kv Björn""")

m("ba1-02", "BA1", GM, "gudrun", ["bjorn"], "2026-06-03 09:12:40", body="""\
Sæll Björn,

Gaman að heyra frá þér og gott að Afli virkar vel!

Já, það er hægt. Flestar vigtar frá því eftir 2010 eru með raðtengi, og þá þarftu lítið Bluetooth-millistykki sem við sendum þér að kostnaðarlausu. Svo ferðu í Stillingar > Tæki > Bæta við vigt í appinu og velur „Raðtengd vigt“.

Ég bið Einar í þjónustuverinu að senda þér millistykkið í dag. Hvert á ég að senda það?

Bestu kveðjur,
Guðrún""")

m("ba1-03", "BA1", GM, "bjorn", ["gudrun"], "2026-06-03 12:05:33", labels="Inbox,Opened", body="""\
Takk kærlega. Sendu það á Hafnargötu 8, 415 Bolungarvík.

kv Björn""")

m("ba1-04", "BA1", GM, "gudrun", ["bjorn"], "2026-06-03 13:30:05", body="""\
Frábært, það fer í póst í dag.

Guðrún""")

m("ba1-05", "BA1", GM, "bjorn", ["gudrun"], "2026-08-11 22:15:08", labels="Inbox,Category Personal", body="""\
Sæl aftur Guðrún

Millistykkið virkar eins og í sögu, takk fyrir það.

Ég er að spá í að bæta við öðrum bát fyrir haustið, Gullu ÍS 112. Hvað myndi kosta á mánuði að vera með tvo báta á Afla? Og er hægt að borga fyrir árið í einu lagi, og hvað kostar það þá?

Þarf að vita þetta fyrir mánaðamót.

kv Björn""")

m("ba1-06", "BA1", GM, "bjorn", ["gudrun"], "2026-08-25 08:02:41", labels="Inbox,Category Personal", body="""\
Sæl Guðrún, hef ekki fengið svar við þessu hér fyrir neðan. Gætirðu látið mig vita sem fyrst?

kv Björn""")

# --- SS1 · Selkie Seafoods: healthy thread full of traps ---------------------------------------------------

thread("SS1", "Phase 2 timeline and cutover", "ss", "en", "healthy", [],
       "A project that goes well: plan, printer tests, go/no-go, cutover, thanks, and a reference offered "
       "at the end. Along the way Fiona pastes Callum's furious email from March into a happy message, "
       "for a laugh.",
       "Healthy thread with traps: business idioms ('aggressive timeline', 'critical path', 'kill the old "
       "process', 'execute the plan', 'officially dead'), negated negatives ('no problem at all', 'not bad "
       "at all', 'can't complain', 'no worries', 'no objections', 'no issues to report'), an old angry "
       "message quoted inside a happy reply, and a long legal disclaimer ('strictly prohibited', 'no "
       "liability', 'negligence') that Selkie's server appends below the quoted history. Apple Mail "
       "HTML-only messages, an iPhone reply with an emoji, and a .msg file.")

m("ss1-01", "SS1", TB, "ari", ["fiona", "callum"], "2026-06-29 10:12:40", cc=["kristin"], body="""\
Hi Fiona, hi Callum,

Thanks again for Thursday's workshop in Aberdeen. Here is the plan for phase 2 as we left it:

- July: label templates and printer integration at Peterhead
- 3 August: Marta and Óli from our consulting team on site for two weeks
- 20 August: go/no-go meeting
- 5-6 September: cutover weekend

I won't pretend otherwise: it's an aggressive timeline. The critical path is the label printer integration at Peterhead. If that slips, everything slips, so that's where we'll focus first.

Once the cutover is done we kill the old process (the order spreadsheet and the emailed PDFs) for good. No parallel running after the first week.

Let me know if anything looks off.

Best,
Ari""")

m("ss1-02", "SS1", AP, "fiona", ["ari"], "2026-06-29 18:45:02", cc=["callum", "kristin"], html_only=True,
  inline_quote=("On 12 Mar 2026, at 07:58, Callum Reid <callum.reid@selkieseafoods.co.uk> wrote:", """\
This is a disaster. The import has failed AGAIN and nobody at your end seems to care. We have three lorries waiting at Peterhead and no labels. If this isn't sorted by Monday I'm taking it to Fiona and we'll be looking at other suppliers."""),
  body="""\
Ari, this is great, thank you. No problem at all with the dates from our side. Callum will confirm on the printers.

And honestly, remember where we were in March? I found Callum's email from back then and it still makes me laugh:

[[QUOTE]]

Look at us now!

Fiona""")

m("ss1-03", "SS1", TB, "callum", ["ari"], "2026-07-01 11:20:14", cc=["fiona", "kristin"], body="""\
Hi Ari,

Printers: not bad at all. The Zebra units at Peterhead already support the ZPL template you sent, so that's one thing off the critical path. Can't complain.

I'll need your final test labels by 20 July to leave us time to print a full day's run.

Cheers,
Callum""")

m("ss1-04", "SS1", TB, "ari", ["callum"], "2026-07-01 13:02:55", cc=["fiona", "kristin"], body="""\
Hi Callum,

Good news, thanks. The test labels will be with you by 15 July, no worries.

Best,
Ari""")

m("ss1-05", "SS1", TB, "callum", ["ari"], "2026-07-16 09:40:31", cc=["fiona", "kristin"], body="""\
Ari,

Labels printed fine on all three printers, 600 of them. Nothing to report, which is teh best kind of report.

Callum""")

m("ss1-06", "SS1", TB, "ari", ["fiona", "callum"], "2026-08-20 15:30:12", cc=["kristin"], body="""\
Hi Fiona, hi Callum,

Go/no-go summary from today's meeting:

- Printers: green (600 test labels, no errors)
- Order import: green (two weeks of shadow running, 100% match)
- Training: green (all 14 warehouse staff done, thanks to Marta and Óli)
- Rollback plan: written and tested

Our recommendation is to execute the plan as written: cutover on the weekend of 5-6 September. Any objections?

Best,
Ari""")

m("ss1-07", "SS1", AP, "fiona", ["ari"], "2026-08-20 17:02:40", cc=["callum", "kristin"], client="iphone", body="""\
No objections here. Go! 🚀

Fiona""")

m("ss1-08", "SS1", TB, "ari", ["fiona", "callum"], "2026-09-07 11:15:44", cc=["kristin"], body="""\
Hi Fiona, hi Callum,

Cutover done. Since Saturday morning 1,214 orders have gone through Straumur, with zero manual re-keying and no labels reprinted. The old spreadsheet is officially dead.

Thank you both, and the whole Peterhead team, for making it look easy. We'll keep the daily check-ins going until the end of the month.

Best,
Ari""")

m("ss1-09", "SS1", "eml/selkie-golive.msg", "callum", ["ari"], "2026-09-08 08:05:10", cc=["fiona", "kristin"], body="""\
Cheers Ari,

Smoothest go-live I've been part of, and I've been part of some shockers. No issues to report from the warehouse, and the drivers have stopped phoning me at 6am, which is a first.

Thanks to you and the team.

Callum""")

m("ss1-10", "SS1", AP, "fiona", ["ari"], "2026-09-30 13:20:18", cc=["kristin"], html_only=True, depth=1, body="""\
Hi Ari, hi Kristín,

Three weeks in and nobody here would go back to the old way. Peterhead had its busiest week of the year and it was the calmest I've ever seen the dispatch office.

I've also put you forward as a reference for our sister company in Shetland; their MD will be in touch. Hope that's OK!

Have a lovely weekend when it comes.

Fiona""")

m("ss1-11", "SS1", TB, "ari", ["fiona"], "2026-09-30 15:40:02", cc=["kristin"], body="""\
Hi Fiona,

Of course, and thank you! That means a lot to all of us. I'll look out for the email from Shetland.

Best,
Ari""")

# --- NR1 · Norðurljós ráðgjöf: routine internal invoicing (Icelandic) --------------------------------------

thread("NR1", "Innri reikningsfærsla – ráðgjafatímar 3. ársfjórðungs", "nr", "is", "healthy", [],
       "Our consulting unit sends the quarter's hours for internal invoicing; our CFO approves with one "
       "correction; done in four short messages.",
       "Routine internal-unit thread: short, businesslike, no greetings in the later replies, and that is "
       "normal here — brevity alone must not read as disengagement.")

m("nr1-01", "NR1", GM, "thora", ["hildur"], "2026-09-28 10:05:14", cc=["gudrun"], labels="Innri,Inbox,Opened", body="""\
Sæl Hildur,

Hér er yfirlit yfir tímana sem ráðgjafar okkar unnu fyrir Norðurljós á 3. ársfjórðungi:

Selkie Seafoods, 2. áfangi: 212 klst.
Orkulind, mæligagnatenging: 64 klst.
Hafbrún, aflaskráning: 42 klst.
Samtals: 318 klst.

Á innra verði, 14.500 kr. á klst., gerir það 4.611.000 kr. án vsk. Má ég senda innri reikninginn út á þessum forsendum?

Kveðja,
Þóra""")

m("nr1-02", "NR1", GM, "hildur", ["thora"], "2026-09-28 13:22:40", cc=["gudrun"], labels="Innri,Inbox,Opened", body="""\
Sæl Þóra,

Takk fyrir þetta, lítur vel út. Sendu hann endilega.

Athugaðu bara að Orkulind-tímarnir eiga að fara á verknúmer 2026-041 en ekki 2026-017 eins og síðast.

Kv. Hildur""")

m("nr1-03", "NR1", GM, "thora", ["hildur"], "2026-09-29 09:10:05", cc=["gudrun"], labels="Innri,Inbox,Opened", body="""\
Gert, og búin að laga verknúmerið. Reikningur IR-2026-09 er kominn inn í kerfið.

Þóra""")

m("nr1-04", "NR1", GM, "hildur", ["thora"], "2026-09-29 09:45:30", cc=["gudrun"], labels="Innri,Inbox,Opened", body="""\
Takk, samþykkt.

Hildur""")

# --- NR2 · Norðurljós ráðgjöf: routine internal resourcing (English) -------------------------------------

thread("NR2", "Consultants for Selkie phase 2", "nr", "en", "healthy", [],
       "Ari borrows two consultants from our consulting unit for the Selkie project; agreed in an hour.",
       "Routine internal-unit thread in English (one consultant does not speak Icelandic), with idioms "
       "('aggressive timeline', 'critical path') and 'no problem'.")

m("nr2-01", "NR2", TB, "ari", ["gunnar", "marta"], "2026-06-30 09:20:11", body="""\
Hi Gunnar, hi Marta,

(Writing in English so Marta is in the loop.)

Selkie phase 2 is confirmed, with the cutover on 5-6 September. Could we borrow two of your consultants from 3 August for about five weeks? Two weeks on site in Aberdeen and Peterhead, the rest remote.

It's an aggressive timeline and the critical path runs through the warehouse at Peterhead, so someone who knows the site would be ideal.

Thanks,
Ari""")

m("nr2-02", "NR2", TB, "gunnar", ["ari"], "2026-06-30 11:02:40", cc=["marta"], body="""\
Hi Ari,

No problem. Marta and Óli are both free from 3 August. Marta worked at Peterhead last year, so she knows the site.

Internal rate as usual, Þóra will invoice at the end of the quarter.

Gunnar""")

m("nr2-03", "NR2", TB, "marta", ["ari"], "2026-07-01 08:14:09", cc=["gunnar"], body="""\
Happy to! Not a steep learning curve for me, I still remember where the coffee machine is in Peterhead :)

I'll book flights for 2 August.

Marta""")

m("nr2-04", "NR2", TB, "ari", ["gunnar", "marta"], "2026-07-01 09:30:20", body="""\
Brilliant, thanks both. I'll send a kick-off invite for Monday 3 August at 09:00 Aberdeen time.

Ari""")


# =============================================================================================
# MARK: - Exports: where each message is filed
# =============================================================================================

EXPORTS = {
    TB: dict(path="mbox/thunderbird-ari-accounts.mbox", owners=["ari@nordurljos.is"], format="mboxo", eol="LF",
             title="Ari's Thunderbird folder \"Accounts\" (inbox and sent mail filed together)",
             how="Thunderbird 128 export: mboxo ('From - <date>' separators, body lines starting with 'From ' "
                 "quoted as '>From '), X-Mozilla-Status headers. Ari writes format=flowed UTF-8 8bit "
                 "(soft line breaks end in a space, a line starting with 'From ' is space-stuffed)."),
    GM: dict(path="mbox/gmail-takeout-gudrun.mbox", owners=["gudrun@nordurljos.is"], format="mboxrd", eol="LF",
             title="Guðrún's Google Takeout export (all mail, including Sent)",
             how="Gmail Takeout: mboxrd ('From <id>@xxx <date>' separators; every line matching '>*From ' gets one "
                 "more '>'), X-GM-THRID and X-Gmail-Labels (raw UTF-8 label names such as "
                 "'Viðskiptavinir/Hafbrún'), Delivered-To and Google Received headers."),
    AP: dict(path="mbox/Kristin-Sales.mbox/mbox", owners=["kristin@nordurljos.is"], format="mboxo", eol="CRLF",
             title="Kristín's Apple Mail export of her \"Sales\" mailbox (a .mbox folder holding a file named mbox)",
             how="Apple Mail style with CRLF line endings throughout; 'From <sender> <asctime>' separators; "
                 "quoted-printable UTF-8, HTML-only messages, attachments between two text parts."),
    MD: dict(path="maildir", owners=["support@nordurljos.is", "einar@nordurljos.is", "rekstur@nordurljos.is"],
             format="maildir", eol="LF",
             title="Einar's Maildir (support@, his own address and the operations alias)",
             how="Maildir with cur/ (':2,S', ':2,RS' flags), new/ (unread, no info suffix) and an empty tmp/. "
                 "Filenames in the Dovecot style '<epoch>.M<usec>P<pid>Q<n>.<host>:2,<flags>'."),
}

EML = {
    "eml/brightwater-notice-of-breach": dict(
        owner="kristin@nordurljos.is",
        how="No file extension. Outlook (Exchange Online) multipart/mixed + alternative, windows-1252 "
            "quoted-printable, CRLF line endings, a PDF notice attached; General Counsel's formal notice."),
    "eml/cascade-renewal-counter.eml": dict(
        owner="kristin@nordurljos.is",
        how="Outlook for Mac: multipart/alternative with base64 UTF-8 text and HTML parts; the competitor "
            "offer ('CompetitorX has quoted us 30% less'); quoted history under a From/Date/To/Subject block."),
    "eml/orkulind-tilbod-2027.eml": dict(
        owner="kristin@nordurljos.is",
        how="Apple Mail (Kristín's sent copy): text, PDF, text (multipart/mixed with the attachment between two "
            "text/plain parts); the PDF's Icelandic filename uses RFC 2231 with continuations "
            "(filename*0*=utf-8''…; filename*1*=…) and an RFC 2047 name= parameter."),
    "eml/hafbrun-sla-juni.eml": dict(
        owner="gudrun@nordurljos.is",
        how="Outlook 2010 (Microsoft Outlook 14.0): text/plain ISO-8859-1 quoted-printable, Thread-Index "
            "but no References; a CSV (windows-1252, semicolons, decimal commas) whose filename is RFC 2047 "
            "inside a quoted parameter (name=\"=?iso-8859-1?Q?…?=\")."),
    "eml/fjordbridge-invoice-dispute.eml": dict(
        owner="ari@nordurljos.is",
        how="Outlook 16.0, windows-1252 quoted-printable with curly quotes, en dashes and the € sign (0x80), "
            "an HTML alternative, CRLF line endings, and '-----Original Message-----' history."),
    "eml/eldborg-atvik-aframsent.eml": dict(
        owner="einar@nordurljos.is",
        how="Evolution: a reply that forwards the supplier's incident report as an attached message/rfc822 "
            "part (the inner message has raw UTF-8 headers and its own Received chain)."),
    "eml/selkie-golive.msg": dict(
        owner="ari@nordurljos.is",
        how="A .msg file that is plain RFC 5322 text (not Outlook's binary format): Outlook, multipart/"
            "alternative, with Selkie's disclaimer appended after the quoted history."),
}


def owner_for(msg, owners, maildir=False):
    """Whose copy this is: the sender's Sent copy, or the first owner address it was delivered to."""
    if not maildir and msg.sender.addr == owners[0]:
        return msg.sender.addr
    recipients = [p.addr for p in msg.to + msg.cc]
    for addr in owners:
        if addr in recipients:
            return addr
    return owners[0]


def gmail_id(key):
    return "18" + str(number(key, 17))


def mbox_escape(data, fmt):
    if fmt == "mboxrd":
        return re.sub(rb"(?m)^(>*From )", rb">\1", data)
    return re.sub(rb"(?m)^From ", b">From ", data)


def asctime(local):
    return f"{EN_WD[local.weekday()]} {EN_MON[local.month - 1]} {local.day:2d} {local:%H:%M:%S} {local.year}"


def messages_in(file_key):
    return sorted((x for x in MESSAGES if x.file == file_key), key=lambda x: (x.stamp.utc, x.key))


def write_mbox(file_key):
    spec = EXPORTS[file_key]
    out = bytearray()
    thread_ids = {}
    for msg in messages_in(file_key):
        owner = owner_for(msg, spec["owners"])
        data = render(msg, owner)
        if file_key == TB:
            local, _ = msg.stamp.at("is")
            sent = msg.sender.addr == owner
            status = "0001" if sent else ("0003" if msg.flags == "RS" else "0001")
            prefix = (f"X-Mozilla-Status: {status}\nX-Mozilla-Status2: 00000000\n"
                      f"X-Mozilla-Keys: {' ' * 80}\n")
            if sent:
                prefix += "X-Account-Key: account1\nX-Identity-Key: id1\n"
            head = f"From - {EN_WD[local.weekday()]} {EN_MON[local.month - 1]} {local.day:02d} {local:%H:%M:%S} {local.year}\n"
            data = prefix.encode() + data
        elif file_key == GM:
            gid = gmail_id(msg.key)
            tid = thread_ids.setdefault(msg.thread.key, gid)
            sent = msg.sender.addr == owner
            labels = msg.labels or ("Sent" if sent else "Inbox,Opened")
            if sent and msg.labels is None and msg.thread.key in ("HB1", "OR1"):
                labels = "Sent,Viðskiptavinir/" + ("Hafbrún" if msg.thread.key == "HB1" else "Orkulind")
            utc = msg.stamp.utc
            head = f"From {gid}@xxx {EN_WD[utc.weekday()]} {EN_MON[utc.month - 1]} {utc.day:02d} {utc:%H:%M:%S} +0000 {utc.year}\n"
            data = f"X-GM-THRID: {tid}\nX-Gmail-Labels: {labels}\n".encode("utf-8") + data
        else:
            local, _ = msg.stamp.at("is")
            head = f"From {msg.sender.addr} {asctime(local)}\n"
        body = mbox_escape(data, spec["format"])
        if not body.endswith(b"\n"):
            body += b"\n"
        out += head.encode("ascii") + body + b"\n"
    data = bytes(out)
    if spec["eol"] == "CRLF":
        data = crlf(data)
    path = ROOT / spec["path"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def maildir_name(msg, n):
    epoch = int(msg.stamp.utc.replace(tzinfo=dt.timezone.utc).timestamp()) + 7  # delivered seconds later
    base = f"{epoch}.M{number(msg.key, 6)}P{number(msg.key + 'pid', 5)}Q{n}.einar-x1"
    return base if msg.folder == "new" else f"{base}:2,{msg.flags}"


def write_maildir():
    spec = EXPORTS[MD]
    root = ROOT / spec["path"]
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for n, msg in enumerate(messages_in(MD), 1):
        data = render(msg, owner_for(msg, spec["owners"], maildir=True))
        (root / msg.folder / maildir_name(msg, n)).write_bytes(data)


def write_eml(file_key):
    msg = next(x for x in MESSAGES if x.file == file_key)
    data = render(msg, EML[file_key]["owner"])
    if msg.crlf:
        data = crlf(data)
    path = ROOT / file_key
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def write_all():
    for folder in ("mbox", "eml", "maildir"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)
    for key in (TB, GM, AP):
        write_mbox(key)
    write_maildir()
    for key in EML:
        write_eml(key)
    (ROOT / "README.md").write_text(readme(), encoding="utf-8")
    (ROOT / "expectations.tsv").write_text(expectations(), encoding="utf-8")


# =============================================================================================
# MARK: - README.md and expectations.tsv
# =============================================================================================

def account_domain(thread_):
    if thread_.account in ORGS:
        return ORGS[thread_.account].domain
    return PEOPLE[thread_.account].addr


def account_label(thread_):
    if thread_.account in ORGS:
        o = ORGS[thread_.account]
        return f"{o.name} ({o.kind}, `{o.domain}`)"
    p = PEOPLE[thread_.account]
    return f"{p.name} (individual customer, `{p.addr}`)"


def files_of(thread_):
    out = []
    for msg in thread_.messages:
        path = EXPORTS[msg.file]["path"] if msg.file in EXPORTS else msg.file
        if path not in out:
            out.append(path)
    return out


def expectations():
    lines = ["# thread_subject\taccount_domain\texpected\tkinds — one line per thread in Samples/. "
             "thread_subject is the subject without Re:/RE:/SV:/Fwd: prefixes or [EXTERNAL] tags; "
             "account_domain is the counterparty's domain, or the full address for free-mail contacts "
             "(they group by address); expected is 'flag' or 'healthy' (recovering threads are healthy); "
             "kinds is a comma-separated list of the flag kinds the thread is built to show "
             "(empty when healthy)."]
    for t in THREADS.values():
        lines.append(f"{t.subject}\t{account_domain(t)}\t{t.expected}\t{','.join(t.kinds)}")
    return "\n".join(lines) + "\n"


def md_escape(text):
    return text.replace("|", "\\|")


def readme():
    total = sum(1 for x in MESSAGES if x.file != "embedded")
    stamps = [x.stamp.utc for x in MESSAGES if x.file != "embedded"]
    out = []
    w = out.append
    w("# Samples: the demo world\n")
    w("A fictional but realistic mailbox world that Rapport's features, tests and README examples use. "
      "Every company, person, address, phone number and event here is invented (phone numbers come from "
      "ranges reserved for fiction; IP addresses of the invented companies are documentation ranges).\n")
    w(f"**{total} messages in {len(THREADS)} threads**, from {min(stamps):%-d %B %Y} to {max(stamps):%-d %B %Y} "
      f"(the newest message is {max(stamps):%Y-%m-%d %H:%M} UTC), in English and Icelandic, written by "
      f"{len({x.sender.key for x in MESSAGES})} people using {len({x.client for x in MESSAGES})} different "
      "mail clients.\n")
    w("Everything here except `notes/` is generated by `make_samples.py` from the data inside it (standard "
      "library only, deterministic: a re-run writes byte-identical files). Change the world by editing the "
      "script and re-running it, never by editing the generated files:\n")
    w("```sh\npython3 Samples/make_samples.py           # write every file, then verify it\n"
      "python3 Samples/make_samples.py --verify  # verify the files as they are\n```\n")
    w("`notes/` holds meeting notes for the same accounts and has its own README.\n")

    w("## Us\n")
    us = ORGS["us"]
    w(f"**{us.name}** (`{us.domain}`). {us.about}\n")
    w("| Person | Role | Address | Mail client |\n|---|---|---|---|")
    clients = {"thunderbird": "Thunderbird", "gmail": "Gmail (Workspace)", "apple": "Apple Mail and iPhone",
               "mutt": "NeoMutt", "outlook": "Outlook", "evolution": "Evolution"}
    for p in PEOPLE.values():
        if p.ours and p.key not in ("support", "rekstur"):
            w(f"| {p.name} | {p.title} | `{p.addr}` | {clients[p.client]} |")
    w("\nShared addresses: `support@nordurljos.is` (support mailbox) and `rekstur@nordurljos.is` "
      "(operations alias, receives the hosting provider's notices).\n")

    w("## Accounts\n")
    w("| Account | Type | Domain | Language | People | About |\n|---|---|---|---|---|---|")
    for o in ORGS.values():
        if o.key in ("us", "gm"):
            continue
        ppl = "; ".join(f"{p.name}, {p.title}" for p in PEOPLE.values() if p.org is o)
        w(f"| {o.name} | {o.kind} | `{o.domain}` | {o.language} | {ppl} | {o.about} |")
    for key in ("helen", "bjorn"):
        p = PEOPLE[key]
        w(f"| {p.name} | individual customer (free mail: group by address) | `{p.addr}` | "
          f"{'is' if p.locale.startswith('is') else 'en'} | {p.name} | {p.title} |")
    w("\n`nordurljos-radgjof.is` is **our own** consulting unit: an internal business unit with its own domain, "
      "not a customer. A configuration that maps it as `internal` (and `nordurljos.is` as us) matches this "
      "README; without one, the domain that sends and receives the most mail is `nordurljos.is`.\n")

    w("## Files\n")
    w("| File | Format | Line endings | Messages | What it shows |\n|---|---|---|---|---|")
    for key, spec in EXPORTS.items():
        count = len(messages_in(key))
        w(f"| `{spec['path']}` | {spec['format']} | {spec['eol']} | {count} | {spec['title']}. {spec['how']} |")
    for key, spec in EML.items():
        msg = next(x for x in MESSAGES if x.file == key)
        fmt = "single message" + (" (.msg text)" if key.endswith(".msg") else "")
        w(f"| `{key}` | {fmt} | {'CRLF' if msg.crlf else 'LF'} | 1 | {spec['how']} |")
    w(f"\nTotal: {total} messages (plus one incident report embedded as message/rfc822 in "
      "`eml/eldborg-atvik-aframsent.eml`). Each message is stored exactly once; threads span files, so "
      "threading must work across all inputs together.\n")

    w("## Threads\n")
    w("| # | Subject | Account | Files | Lang | Msgs | Expected | Meant to show |\n"
      "|---|---|---|---|---|---|---|---|")
    for t in THREADS.values():
        files = "<br>".join(f"`{f}`" for f in files_of(t))
        span = f"{t.messages[0].stamp.utc:%d %b} – {t.messages[-1].stamp.utc:%d %b}"
        expected = "**flag**: " + ", ".join(t.kinds) if t.expected == "flag" else "healthy"
        w(f"| {t.key} | {md_escape(t.subject)} | {account_label(t)} | {files} | {t.lang} | "
          f"{len(t.messages)} ({span}) | {expected} | {md_escape(t.story)} {md_escape(t.shows)} |")
    w("\n`expectations.tsv` holds the same verdicts in machine-readable form (one line per thread: subject "
      "without reply prefixes, account domain or free-mail address, `flag` or `healthy`, kinds). The kinds "
      "are what each thread is built to show; a thread may legitimately raise more (HB1 and BW1 also "
      "contain deadlines, CO2 ends with a postponed decision). The newest message in the world is the "
      "default `--as-of` date, so BA1's last message is more than five weeks old at that date.\n")

    w("## Traps for ingestion\n")
    for line in TRAPS:
        w(f"- {line}")
    w("")
    return "\n".join(out) + "\n"


TRAPS = [
    "mboxo vs mboxrd: in the Thunderbird file, Einar's body line 'From the logs…' is stored as '>From the logs…'; "
    "in the Gmail file, Guðrún's 'From our side…' is stored as '>From our side…' and Søren's quoted line "
    "'>From our side…' as '>>From our side…' (mboxrd: it must come back as '>From our side…').",
    "format=flowed (Thunderbird): soft breaks end in a space; Ari's line 'From tomorrow…' is space-stuffed "
    "(' From tomorrow…').",
    "Charsets and transfer encodings: UTF-8 quoted-printable (Gmail, Apple Mail, iPhone), UTF-8 base64 "
    "(Hildur's and Sigurður's Outlook, Tom's Outlook for Mac), UTF-8 8bit (Thunderbird, NeoMutt, Claws), "
    "ISO-8859-1 quoted-printable (eml/hafbrun-sla-juni.eml) and raw ISO-8859-1 8bit (Jón's messages in the "
    "Maildir), windows-1252 quoted-printable with “curly quotes”, – and € (Brightwater, Fjordbridge).",
    "Headers: RFC 2047 Q and B encoded words in UTF-8, ISO-8859-1 and windows-1252, long subjects split into "
    "several encoded words on folded lines, encoded words inside quotes (Sigurður's Exchange: "
    "\"=?utf-8?B?…?=\" <…>), raw UTF-8 headers (the hosting provider's notices, X-Gmail-Labels), an obsolete "
    "Date without weekday and with a named zone ('10 Sep 2026 14:00:00 GMT'), folded To/Cc lists, "
    "X-Mozilla-Keys padded with trailing spaces.",
    "Attachments: RFC 2231 filename with continuations and charset (Apple Mail), RFC 2047 inside quoted "
    "filename parameters (Gmail, Outlook 2010), PDFs, a CSV, message/rfc822 (a forwarded incident report), "
    "Apple Mail's text–attachment–text layout.",
    "HTML: Apple Mail HTML-only messages (one with an old angry email pasted in a blockquote), Gmail and "
    "Outlook multipart/alternative with the quoted history in gmail_quote blockquotes and Outlook border-top "
    "header blocks.",
    "Quoted history in many shapes: 'On … wrote:' (Thunderbird, Gmail en-US and en-GB, Apple Mail, NeoMutt), "
    "'Þann … skrifaði …:' (Gmail in Icelandic, even on English mail; Evolution; iPhone in Icelandic), "
    "'-----Original Message-----' and '-----Upprunaleg skilaboð-----' blocks, Outlook From/Sent/To/Subject "
    "blocks in English, Icelandic (Frá/Sent/Til/Afrit/Efni) and Danish (Fra/Sendt/Til/Emne), Outlook for "
    "Mac's From/Date block, iPhone replies whose whole history is '>'-quoted, Claws-style '>' quoting "
    "without a space and inline (interleaved) replies.",
    "Signatures and footers: '-- ' separators (Thunderbird, Gmail, NeoMutt, Evolution, Claws), Outlook and "
    "Apple Mail signatures without a separator, 'Sent from my iPhone', 'Sent úr iPhone', 'Sækja Outlook fyrir "
    "iOS', and long disclaimers in English and Icelandic — inside the signature (Brightwater, Hafbrún, "
    "Orkulind, Hildur) or appended by a server after the quoted history (Selkie).",
    "Threading: References and In-Reply-To on most replies; Jón's replies (HB2) and Ragnheiður's (HB1) carry "
    "neither, Þorsteinn's and Helen's iPhone replies carry In-Reply-To only, so subject threading must "
    "catch them. Subjects mix 'Re:', 'RE:', 'SV:', 'Re: SV:' and Brightwater's '[EXTERNAL]' tag "
    "('RE: [EXTERNAL] Re: Order sync…').",
    "Time zones: Iceland (+0000 all year), UK and Denmark before and after the March change, US Pacific "
    "(PST/PDT); Google's Received headers are stamped in Pacific time.",
]


# =============================================================================================
# MARK: - Verification
# =============================================================================================

def split_mbox(data, fmt):
    data = data.replace(b"\r\n", b"\n")
    chunks = re.split(rb"(?m)^From .*\n", data)[1:]
    out = []
    for chunk in chunks:
        if chunk.endswith(b"\n\n"):
            chunk = chunk[:-1]
        if fmt == "mboxrd":
            chunk = re.sub(rb"(?m)^>(>*From )", rb"\1", chunk)
        else:
            chunk = re.sub(rb"(?m)^>From ", b"From ", chunk)
        out.append(chunk)
    return out


def normalise(text):
    return re.sub(r"\s+", " ", text).strip()


def visible_text(message):
    """All text a reader would see: text/plain parts, else text/html without tags."""
    plains, htmls = [], []
    for part in message.walk():
        if part.get_content_type() == "message/rfc822":
            continue
        if part.get_content_type() == "text/plain":
            plains.append(part.get_content())
        elif part.get_content_type() == "text/html":
            htmls.append(html.unescape(re.sub(r"<[^>]+>", " ", part.get_content())))
    return normalise(" ".join(plains or htmls))


def check_message(msg, raw, problems, where):
    parsed = email.message_from_bytes(raw, policy=policy.default)
    if msg.client == "noc":  # raw UTF-8 headers (RFC 6532): Python decodes those only from str
        headers = email.message_from_string(raw.decode("utf-8"), policy=policy.default)
    else:
        headers = parsed
    if str(headers["Message-ID"] or "").strip() != message_id(msg):
        problems.append(f"{where}: Message-ID does not round-trip")
    if normalise(str(headers["Subject"])) != normalise(subject_of(msg)):
        problems.append(f"{where}: subject decodes to {headers['Subject']!r}")
    sender = headers["From"].addresses[0]
    if sender.display_name != msg.sender.name or sender.addr_spec != msg.sender.addr:
        problems.append(f"{where}: From decodes to {headers['From']!r}")
    if email.utils.parsedate_to_datetime(str(headers["Date"])).astimezone(dt.timezone.utc).replace(tzinfo=None) != msg.stamp.utc:
        problems.append(f"{where}: Date does not round-trip")
    seen = visible_text(parsed)
    for piece in body_with_inline_quote(msg, "html").split("[[QUOTE]]"):
        if normalise(piece) not in seen:
            problems.append(f"{where}: body text not found after decoding")
    for att in msg.attach:
        found = [p for p in parsed.iter_attachments()]
        if att.inner:
            if not any(p.get_content_type() == "message/rfc822" for p in found):
                problems.append(f"{where}: forwarded message missing")
            continue
        match = [p for p in found if p.get_filename() == att.filename]
        if not match or match[0].get_content() != att.data:
            problems.append(f"{where}: attachment {att.filename!r} does not round-trip")


def verify():
    problems, counts = [], {}
    for key, spec in EXPORTS.items():
        expected = messages_in(key)
        path = ROOT / spec["path"]
        if spec["format"] == "maildir":
            box = mailbox.Maildir(path, factory=None, create=False)
            raws = []
            for sub in ("cur", "new"):
                for name in sorted((path / sub).iterdir()):
                    raws.append((name.stat().st_mtime, name.read_bytes()))
            by_id = {}
            for _, raw in raws:
                mid = email.message_from_bytes(raw, policy=policy.default)["Message-ID"]
                by_id[str(mid).strip()] = raw
            if len(box) != len(expected):
                problems.append(f"{spec['path']}: mailbox.Maildir sees {len(box)} messages")
            for msg in expected:
                raw = by_id.get(message_id(msg))
                if raw is None:
                    problems.append(f"{spec['path']}: {msg.key} missing")
                else:
                    check_message(msg, raw, problems, f"{spec['path']} {msg.key}")
            counts[spec["path"]] = len(by_id)
            continue
        data = path.read_bytes()
        if spec["eol"] == "CRLF" and data.replace(b"\r\n", b"").count(b"\n"):
            problems.append(f"{spec['path']}: bare LF in a CRLF file")
        if spec["eol"] == "LF" and b"\r\n" in data:
            problems.append(f"{spec['path']}: CRLF in an LF file")
        raws = split_mbox(data, spec["format"])
        if len(mailbox.mbox(str(path), create=False)) != len(expected):
            problems.append(f"{spec['path']}: mailbox.mbox count differs")
        if len(raws) != len(expected):
            problems.append(f"{spec['path']}: {len(raws)} messages, expected {len(expected)}")
        for msg, raw in zip(expected, raws):
            if spec["eol"] == "CRLF":
                raw = raw.replace(b"\n", b"\r\n")
            check_message(msg, raw, problems, f"{spec['path']} {msg.key}")
        counts[spec["path"]] = len(raws)
    for key in EML:
        msg = next(x for x in MESSAGES if x.file == key)
        check_message(msg, (ROOT / key).read_bytes(), problems, key)
        counts[key] = 1

    # mbox quoting that later tests rely on
    gm = (ROOT / EXPORTS[GM]["path"]).read_bytes()
    if b"\n>>From our side" not in gm or b"\n>From our side" not in gm:
        problems.append("gmail mbox: the mboxrd >From lines are missing")
    tb = (ROOT / EXPORTS[TB]["path"]).read_bytes()
    if b"\n>From the logs" not in tb or re.search(rb"(?m)^>>+From ", tb):
        problems.append("thunderbird mbox: the mboxo >From line is missing or ambiguous")
    ap = (ROOT / EXPORTS[AP]["path"]).read_bytes()
    if re.search(rb"(?m)^>+From ", ap.replace(b"\r\n", b"\n")):
        problems.append("apple mbox: contains an ambiguous >From line")

    # threads, stories and expectations
    ids = {message_id(x) for x in MESSAGES}
    newest = max(x.stamp.utc for x in MESSAGES if x.file != "embedded")
    subjects = set()
    for t in THREADS.values():
        norm = t.subject.lower()
        if norm in subjects:
            problems.append(f"{t.key}: duplicate thread subject")
        subjects.add(norm)
        for x in t.messages:
            if x.parent is not None and message_id(x.parent) not in ids:
                problems.append(f"{x.key}: parent unknown")
            if x.parent is not None and x.parent.stamp.utc >= x.stamp.utc:
                problems.append(f"{x.key}: replies before its parent")
        last = max(t.messages, key=lambda x: x.stamp.utc)
        theirs = not last.sender.ours
        if "unanswered" in t.kinds:
            if not theirs or (newest - last.stamp.utc).days < 21 or "?" not in last.body:
                problems.append(f"{t.key}: not an unanswered question weeks old")
        elif theirs and "?" in last.body:
            problems.append(f"{t.key}: ends with a counterparty question nobody answers")
    total = sum(counts.values())
    size = sum(f.stat().st_size for f in ROOT.rglob("*") if f.is_file() and "notes" not in f.parts)
    return problems, counts, total, size


def main():
    if "--verify" not in sys.argv:
        write_all()
    problems, counts, total, size = verify()
    for path, count in counts.items():
        print(f"{count:4d}  {path}")
    print(f"{total:4d}  messages in total, {len(THREADS)} threads, {size / 1024:.0f} KiB on disk")
    for problem in problems:
        print("PROBLEM:", problem)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
