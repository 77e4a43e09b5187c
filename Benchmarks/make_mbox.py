#!/usr/bin/env python3
"""Generates a large, realistic, deterministic mailbox (or a file of sentences) for benchmarks.

    python3 Benchmarks/make_mbox.py SIZE_MB OUTPUT.mbox [--seed N]
    python3 Benchmarks/make_mbox.py SIZE_MB MORE.mbox --continue-from OUTPUT.mbox   # later mail, new IDs
    python3 Benchmarks/make_mbox.py --sentences SIZE_MB OUTPUT.txt [--seed N]       # one text per line

The mailbox is the invented company Vörðuberg's mail with about a hundred accounts (customers,
partners, suppliers, internal units, free-mail individuals), about a quarter of it in Icelandic:
threads of 2-12 messages with In-Reply-To/References and Re:/SV:/Fwd: subjects, quoted history
with attributions or Outlook header blocks, signatures, legal footers and mobile footers, written
by seven kinds of mail client (HTML alternatives, base64 and quoted-printable bodies, utf-8,
iso-8859-1 and windows-1252, RFC 2047 names and subjects, a few PDF and ZIP attachments).
Megabytes are MiB (SIZE_MB x 1048576 bytes); the file ends at the first message boundary past it.

The same seed and size give the same bytes (random.Random with string seeds; no hash-order or
clock dependence). Next to OUTPUT it writes OUTPUT.meta.json (messages, threads, bytes, the
clock), which --continue-from reads so the appended mail starts after the base mail ends.
"""
import argparse
import base64
import binascii
import html
import json
import os
import random
import re
import sys
import time
from urllib.parse import quote as url_quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import corpus_words as W  # noqa: E402

GENERATOR_VERSION = 1
MIB = 1024 * 1024
# Calibrates the clock: mail of SIZE MiB spans about min(SPAN_DAYS, 30 + 5 x SIZE) days, so a small
# mailbox is not spread so thin that every thread looks abandoned.
AVERAGE_MESSAGE_BYTES = 8500
SPAN_DAYS = 540
WORK_FRACTION = (5 / 7) * (11 / 24)
START_EPOCH = 1736150400  # 2025-01-06 08:00 UTC, a Monday
ACTIVE_THREADS = 12
QUOTE_MAX_LINES = 140

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
DAYS_LONG = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
IS_DAYS_SHORT = ["mán.", "þri.", "mið.", "fim.", "fös.", "lau.", "sun."]
IS_DAYS_LONG = ["mánudagur", "þriðjudagur", "miðvikudagur", "fimmtudagur", "föstudagur", "laugardagur",
                "sunnudagur"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ASCII_FOLD = str.maketrans({
    "á": "a", "ð": "d", "é": "e", "í": "i", "ó": "o", "ú": "u", "ý": "y", "þ": "th", "æ": "ae", "ö": "o",
    "ø": "o", "å": "a", "Á": "a", "Ð": "d", "É": "e", "Í": "i", "Ó": "o", "Ú": "u", "Ý": "y", "Þ": "th",
    "Æ": "ae", "Ö": "o", "'": "", " ": "",
})
# Characters iso-8859-1 lacks that our text uses; what a Latin-1 mail client would have sent instead.
LATIN1_FIXES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "€": "EUR "})
PYTHON_CHARSET = {"utf-8": "utf-8", "iso-8859-1": "latin-1", "windows-1252": "cp1252"}
FROM_LINE = re.compile(rb"^From ", re.M)
CLIENT_WEIGHTS = {
    "en": [("outlook", 38), ("gmail", 20), ("apple", 14), ("outlook2010", 6), ("thunderbird", 8),
           ("iphone", 8), ("mutt", 6)],
    "is": [("outlook", 34), ("gmail", 24), ("apple", 14), ("outlook2010", 12), ("thunderbird", 6),
           ("iphone", 10)],
}
OUTLOOK_STYLE = (
    '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" '
    'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; '
    'charset={charset}">\n<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
    '@font-face {{font-family:"Cambria Math";}}\n@font-face {{font-family:Aptos;}}\n'
    'p.MsoNormal, li.MsoNormal, div.MsoNormal {{margin:0cm;font-size:11.0pt;font-family:"Aptos",sans-serif;}}\n'
    'a:link, span.MsoHyperlink {{color:#467886;text-decoration:underline;}}\n'
    'span.EmailStyle17 {{mso-style-type:personal-compose;font-family:"Aptos",sans-serif;color:windowtext;}}\n'
    '.MsoChpDefault {{mso-style-type:export-only;font-size:11.0pt;}}\n'
    '@page WordSection1 {{size:612.0pt 792.0pt;margin:72.0pt 72.0pt 72.0pt 72.0pt;}}\n'
    'div.WordSection1 {{page:WordSection1;}}\n--></style>\n</head>\n'
    '<body lang="{lang}" link="#467886" vlink="#96607D" style="word-wrap:break-word">\n'
    '<div class="WordSection1">\n'
)


def weighted(rng, pairs):
    """Picks the first item of one (item, weight) pair, in proportion to the weights."""
    total = sum(w for _, w in pairs)
    x = rng.random() * total
    for item, w in pairs:
        x -= w
        if x < 0:
            return item
    return pairs[-1][0]


def encoded_word(text, charset="utf-8", q=False):
    """RFC 2047 encoded words for a header value that is not ASCII, split so each stays short."""
    if text.isascii():
        return text
    words = []
    for start in range(0, len(text), 24):
        chunk = text[start:start + 24].encode(PYTHON_CHARSET[charset], "replace")
        if q:
            body = binascii.b2a_qp(chunk, header=True).decode("ascii").replace("=\n", "").replace("?", "=3F")
            words.append(f"=?{charset}?Q?{body}?=")
        else:
            words.append(f"=?{charset}?B?{base64.b64encode(chunk).decode('ascii')}?=")
    return "\n ".join(words)


def mailbox_address(person, charset="utf-8", q=False):
    name = person.name
    if name.isascii():
        shown = f'"{name}"' if any(c in name for c in ".,'") else name
    else:
        # Outlook puts a short encoded name in quotes; a long one is left as bare encoded words.
        words = encoded_word(name, charset, q)
        shown = f'"{words}"' if not q and "\n" not in words else words
    return f"{shown} <{person.address}>"


def wrap(line, width=72, soft=""):
    """Greedy word wrap; soft is appended to lines that continue (format=flowed uses a space)."""
    if len(line) <= width:
        return [line]
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current + soft)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return out


class Clock:
    """Wall-clock time of the mail: advances by random steps, skipping nights and most weekends."""

    def __init__(self, rng, start, step):
        self.rng, self.now, self.step = rng, start, step

    def tick(self):
        self.now += int(self.step * self.rng.expovariate(1.0)) + 7
        tm = time.gmtime(self.now)
        if tm.tm_hour >= 18 or tm.tm_hour < 7:
            days = 1 if tm.tm_hour >= 18 else 0
            self.now += days * 86400 - (tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec) + 7 * 3600
            self.now += self.rng.randrange(0, 3600)
            tm = time.gmtime(self.now)
        if tm.tm_wday >= 5 and self.rng.random() < 0.9:
            self.now += (7 - tm.tm_wday) * 86400
        return self.now


class Person:
    __slots__ = ("first", "last", "name", "female", "address", "title", "title_is", "client", "lang", "phone",
                 "account", "ours", "signature_style", "mid_prefix")

    def __init__(self, **fields):
        for key, value in fields.items():
            setattr(self, key, value)


class Account:
    __slots__ = ("name", "domain", "kind", "lang", "tz", "people", "disclaimer", "currency", "towns", "country")

    def __init__(self, **fields):
        for key, value in fields.items():
            setattr(self, key, value)

    @property
    def staff(self):
        return self.people[1:] or self.people

    @property
    def executive(self):
        return self.people[0]


# MARK: - The world: us, accounts, people


class World:
    """Accounts and people, built from the seed alone so every part of a corpus shares them."""

    def __init__(self, seed):
        rng = random.Random(f"world/{seed}")
        self.rng = rng
        self.used_names = {}
        self.us = self.make_us()
        self.accounts = []
        for index in range(96):
            self.accounts.append(self.make_company(index))
        for domain, name, lang in (("vorduberg-radgjof.is", "Vörðuberg ráðgjöf ehf.", "is"),
                                   ("vorduberg.co.uk", "Vörðuberg UK Ltd", "en")):
            self.accounts.append(self.make_company(0, fixed=(domain, name, lang)))
        for _ in range(14):
            self.accounts.append(self.make_individual())

    def make_us(self):
        people = []
        account = Account(name=W.OUR_COMPANY, domain=W.OUR_DOMAIN, kind="us", lang="is", tz=0, people=people,
                          disclaimer=True, currency="kr.", towns=W.IS_TOWNS, country="is")
        for first, last, female, title, title_is, client in W.OUR_PEOPLE:
            local = first.lower().translate(ASCII_FOLD)
            people.append(self.person(first, last, female, f"{local}@{W.OUR_DOMAIN}", title, title_is, client,
                                      "is", "+354 555 " + str(1200 + len(people)), account, True))
        return account

    def person(self, first, last, female, address, title, title_is, client, lang, phone, account, ours):
        rng = self.rng
        return Person(first=first, last=last, name=f"{first} {last}", female=female, address=address, title=title,
                      title_is=title_is, client=client, lang=lang, phone=phone, account=account, ours=ours,
                      signature_style=rng.randrange(4), mid_prefix=f"{rng.choice('ADGLV')}{rng.choice('BMS')}"
                      f"{rng.randrange(1, 9)}PR0{rng.randrange(1, 9)}MB{rng.randrange(1000, 9999)}")

    def unique(self, name):
        count = self.used_names.get(name, 0)
        self.used_names[name] = count + 1
        return name if count == 0 else f"{name} {count + 1}"

    def make_company(self, index, fixed=None):
        rng = self.rng
        if fixed:
            domain, name, lang = fixed
            kind, country = "internal", ("is" if lang == "is" else "uk")
        else:
            lang = "is" if rng.random() < 0.27 else "en"
            kind = weighted(rng, [("customer", 64), ("partner", 16), ("supplier", 16), ("internal", 4)])
            if lang == "is":
                country = "is"
                stem = self.unique(rng.choice(W.IS_COMPANY_FIRST) + rng.choice(W.IS_COMPANY_SECOND))
                name = stem + rng.choice(W.IS_COMPANY_SUFFIX)
                domain = stem.lower().translate(ASCII_FOLD) + ".is"
            else:
                country = weighted(rng, [("uk", 50), ("us", 22), ("dk", 12), ("no", 8), ("ie", 8)])
                tld, suffixes, _, _, _ = W.EN_COUNTRIES[country]
                stem = self.unique(f"{rng.choice(W.EN_COMPANY_FIRST)} {rng.choice(W.EN_COMPANY_SECOND)}")
                name = f"{stem} {rng.choice(suffixes)}"
                domain = stem.lower().translate(ASCII_FOLD) + tld
        if country == "is":
            tz, currency, towns = 0, "kr.", W.IS_TOWNS
        else:
            _, _, currency, tz, towns = W.EN_COUNTRIES[country]
        account = Account(name=name, domain=domain, kind=kind, lang=lang, tz=tz, people=[],
                          disclaimer=rng.random() < 0.35, currency=currency, towns=towns, country=country)
        style = rng.randrange(3)
        for slot in range(rng.randrange(2, 6)):
            self.add_employee(account, style, executive=(slot == 0))
        return account

    def add_employee(self, account, style, executive):
        rng = self.rng
        lang = account.lang
        female = rng.random() < 0.5
        if lang == "is":
            first = rng.choice(W.IS_FIRST_FEMALE if female else W.IS_FIRST_MALE)
            last = rng.choice(W.IS_PATRONYMS) + ("dóttir" if female else "son")
            titles = W.IS_EXEC_TITLES if executive else W.IS_TITLES
            phone = f"+354 555 {rng.randrange(1000, 9999)}"
        else:
            first = rng.choice(W.EN_FIRST_FEMALE if female else W.EN_FIRST_MALE)
            last = rng.choice(W.EN_SURNAMES)
            titles = W.EN_EXEC_TITLES if executive else W.EN_TITLES
            phone = {"uk": f"+44 20 7946 0{rng.randrange(100, 999)}",
                     "us": f"+1 503 555 01{rng.randrange(10, 99)}"}.get(account.country, "")
        f, l = first.lower().translate(ASCII_FOLD), last.lower().translate(ASCII_FOLD)
        local = [f"{f}.{l}", f, f"{f[0]}{l}"][style] if lang == "en" else [f, f"{f}{l[0]}", f"{f}.{l}"][style]
        taken = {p.address for p in account.people}
        address = f"{local}@{account.domain}"
        while address in taken:
            local += str(len(taken))
            address = f"{local}@{account.domain}"
        title = rng.choice(titles)
        client = weighted(rng, CLIENT_WEIGHTS[lang])
        account.people.append(self.person(first, last, female, address, title, title, client, lang, phone,
                                          account, False))

    def make_individual(self):
        rng = self.rng
        lang = "is" if rng.random() < 0.4 else "en"
        account = Account(name="", domain=rng.choice(W.FREE_MAIL), kind="customer", lang=lang, tz=0, people=[],
                          disclaimer=False, currency="kr." if lang == "is" else "£",
                          towns=W.IS_TOWNS if lang == "is" else W.EN_COUNTRIES["uk"][4],
                          country="is" if lang == "is" else "uk")
        self.add_employee(account, 2, executive=False)
        person = account.people[0]
        person.client = rng.choice(["gmail", "apple", "iphone"])
        person.title = ""
        account.name = person.name
        return account


# MARK: - Threads


class Thread:
    """A conversation with one account: who takes part, what it is about, and what was said."""

    def __init__(self, gen, number):
        rng = gen.rng
        self.number = number
        self.account = account = rng.choice(gen.world.accounts)
        self.lang = account.lang
        if account.kind == "internal":
            self.kind = weighted(rng, [("routine", 50), ("appreciation", 20), ("negotiation", 30)])
        else:
            self.kind = weighted(rng, W.THREAD_KIND_WEIGHTS)
        self.stages = W.THREAD_KINDS[self.kind]
        # We are the customer of a supplier: then our side complains and negotiates.
        self.customer_is_us = account.kind == "supplier"
        self.length = rng.choice((2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 9, 10, 12))
        ours = [p for p in gen.world.us.people if self.lang == "en" or p.first != "Oliver"]
        self.ours = [rng.choice(ours)]
        if rng.random() < 0.25:
            extra = rng.choice(ours)
            if extra is not self.ours[0]:
                self.ours.append(extra)
        staff = account.staff
        self.theirs = [rng.choice(staff)]
        if len(staff) > 1 and rng.random() < 0.3:
            extra = rng.choice(staff)
            if extra is not self.theirs[0]:
                self.theirs.append(extra)
        self.escalated = False
        self.module = rng.choice(W.IS_MODULES if self.lang == "is" else W.EN_MODULES)
        self.site = rng.choice(account.towns)
        self.doc = rng.choice(W.IS_DOCS if self.lang == "is" else W.EN_DOCS)
        self.competitor = rng.choice(W.COMPETITORS)
        self.ticket = f"#{rng.randrange(10000, 99999)}"
        self.invoice = (f"nr. {rng.randrange(10000, 99999)}" if self.lang == "is"
                        else f"INV-{rng.randrange(2025, 2027)}-{rng.randrange(1000, 99999):05d}")
        subject_slots = {"module": self.module, "site": self.site, "doc": self.doc, "ticket": self.ticket,
                         "year": str(rng.randrange(2025, 2028)),
                         "month": rng.choice(W.IS_MONTHS if self.lang == "is" else W.EN_MONTHS)}
        self.subject = rng.choice(W.SUBJECTS[self.lang][self.kind]).format_map(subject_slots)
        self.first_side = "them" if rng.random() < 0.6 else "us"
        self.messages = []  # MessageRecord
        self.forwarded = False

    @property
    def done(self):
        return len(self.messages) >= self.length

    def stage(self, index):
        return self.stages[min(len(self.stages) - 1, index * len(self.stages) // self.length)]


class MessageRecord:
    __slots__ = ("message_id", "sender", "to", "when", "subject", "plain")

    def __init__(self, message_id, sender, to, when, subject, plain):
        self.message_id, self.sender, self.to, self.when = message_id, sender, to, when
        self.subject, self.plain = subject, plain


# MARK: - The generator


class Generator:
    def __init__(self, seed, part, start, step):
        self.world = World(seed)
        self.rng = random.Random(f"stream/{seed}/{part}")
        self.part = part
        self.clock = Clock(self.rng, start, step)
        self.counter = 0
        self.threads_started = 0
        self.active = [self.new_thread() for _ in range(ACTIVE_THREADS)]

    def new_thread(self):
        self.threads_started += 1
        return Thread(self, self.threads_started)

    def messages(self):
        """Yields one mbox entry (bytes, From line included) after another, forever."""
        rng = self.rng
        while True:
            slot = rng.randrange(len(self.active))
            thread = self.active[slot]
            yield self.next_message(thread)
            if thread.done:
                self.active[slot] = self.new_thread()

    # MARK: Who writes, to whom, what

    def next_message(self, thread):
        rng = self.rng
        index = len(thread.messages)
        when = self.clock.tick()
        previous = thread.messages[-1] if thread.messages else None
        if previous is None:
            side = thread.first_side
        else:
            last_side = "us" if previous.sender.ours else "them"
            side = last_side if rng.random() < 0.15 else ("them" if last_side == "us" else "us")
        follow_up = previous is not None and (previous.sender.ours == (side == "us"))
        forward = (index == 1 and not thread.forwarded and side == "us" and rng.random() < 0.08
                   and len(self.world.us.people) > 1)
        if forward:
            thread.forwarded = True
            sender = thread.ours[0]
            colleague = rng.choice([p for p in self.world.us.people if p is not sender])
            to, cc = [colleague], []
        else:
            senders = thread.ours if side == "us" else thread.theirs
            sender = rng.choice(senders)
            to = list(thread.theirs if side == "us" else thread.ours)
            cc = [p for p in senders if p is not sender]
        customer_side = "us" if thread.customer_is_us else "them"
        role = "them" if side == customer_side else "us"
        categories = thread.stage(index)[role]
        if follow_up and role == "them":
            categories = categories + ["followup"]
        if role == "them" and not thread.escalated and ("escalation" in categories or "threat" in categories):
            executive = thread.account.executive if side == "them" else self.world.us.executive
            if executive is not sender and rng.random() < 0.5:
                cc.append(executive)
                thread.escalated = True
        settles = (index == thread.length - 1 and thread.kind in W.SETTLING_KINDS and not forward
                   and rng.random() < 0.75)
        authored = self.compose(thread, sender, to, ["ack"] if settles else categories, forward)
        record = self.render(thread, sender, to, cc, when, authored, previous, forward)
        return record

    def slots(self, thread, sender, reader):
        rng = self.rng
        lang = thread.lang
        n = rng.randrange(3, 40)
        month = rng.randrange(12)
        day = rng.randrange(1, 29)
        weekday = rng.randrange(5)
        ours = self.world.us.people
        if lang == "is":
            amount = f"{rng.randrange(4, 90) * 100000:,} kr.".replace(",", ".")
            date = f"{day}. {W.IS_MONTHS[month]}"
            days, months, numbers, modules = W.IS_WEEKDAYS, W.IS_MONTHS, W.IS_NUMBER_WORDS, W.IS_MODULES
        else:
            amount = f"{thread.account.currency}{rng.randrange(8, 240) * 500:,}"
            date = f"{day} {W.EN_MONTHS[month]}"
            days, months, numbers, modules = W.EN_WEEKDAYS, W.EN_MONTHS, W.EN_NUMBER_WORDS, W.EN_MODULES
        # Colleagues named in the text ("I have asked ...", "your consultant ...") are always ours.
        colleague = rng.choice(ours)
        if colleague is sender:
            colleague = ours[(ours.index(sender) + 1) % len(ours)]
        return {
            "first": reader.first, "me": sender.first, "colleague": colleague.first,
            "module": thread.module if rng.random() < 0.8 else rng.choice(modules), "doc": thread.doc,
            "site": thread.site, "weekday": days[weekday], "weekday2": days[(weekday + 2) % 5],
            "daginn": W.IS_WEEKDAYS[weekday] + "inn", "date": date, "month": months[month],
            "pct": str(rng.choice((5, 8, 10, 12, 15, 18, 20, 25, 30))), "n": str(n), "m": str(n + rng.randrange(1, 25)),
            "amount": amount, "ticket": thread.ticket, "invoice": thread.invoice,
            "clause": f"{rng.randrange(2, 14)}.{rng.randrange(1, 6)}", "competitor": thread.competitor,
            "hours": str(rng.randrange(2, 9)), "numword": rng.choice(numbers), "company": thread.account.name,
            "us": W.OUR_SHORT, "product": W.OUR_PRODUCT, "year": str(rng.randrange(2025, 2028)),
            "hello": "Sæl" if reader.female else "Sæll", "bless": "Blessuð" if reader.female else "Blessaður",
        }

    def compose(self, thread, sender, to, categories, forward):
        """The author's own lines: greeting, paragraphs, sign-off, signature and footers."""
        rng = self.rng
        lang = thread.lang
        templates = W.TEMPLATES[lang]
        slots = self.slots(thread, sender, to[0])
        fill = str.format_map
        lines = []
        if forward:
            lines += [fill(rng.choice(templates["forward"]), slots), "", sender.first]
            return lines
        lines += [fill(rng.choice(templates["greeting"]), slots), ""]
        if categories == ["ack"]:
            lines += [fill(rng.choice(templates["ack"]), slots), "", rng.choice(templates["signoff"]), sender.first]
            return lines
        paragraphs = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
        used = set()
        for index in range(paragraphs):
            sentences = []
            if index == 0 and rng.random() < 0.45:
                sentences.append(fill(rng.choice(templates["opener"]), slots))
            for _ in range(rng.choice((1, 2, 2, 3, 3, 4))):
                pool = categories if rng.random() < 0.6 else W.NEUTRAL_CATEGORIES
                options = templates[rng.choice(pool)]
                template = rng.choice(options)
                if template in used:  # one more draw, so a message rarely says the same thing twice
                    template = rng.choice(options)
                    if template in used:
                        continue
                used.add(template)
                sentences.append(fill(template, slots))
            if sentences:
                lines += [" ".join(sentences), ""]
        if rng.random() < 0.6:
            lines += [fill(rng.choice(templates["closing"]), slots), ""]
        lines.append(rng.choice(templates["signoff"]))
        lines += self.signature(sender, lang)
        if sender.client == "iphone":
            lines += ["", W.MOBILE_FOOTERS[lang]]
        if sender.account.disclaimer:
            lines += ["", W.DISCLAIMERS[lang].format(company=sender.account.name)]
        return lines

    def signature(self, person, lang):
        """Four habits: first name only, first name over a block, a block with the web site, `-- ` block."""
        title = person.title_is if lang == "is" else person.title
        individual = not person.title  # free-mail customers have no title, company or web site
        company = "" if individual else person.account.name
        style = 3 if person.client == "mutt" else person.signature_style
        if style == 0:
            return [person.first]
        block = [line for line in (person.name, " | ".join(x for x in (title, company) if x), person.phone) if line]
        if style == 1:
            return [person.first, ""] + block
        if style == 2:
            return block if individual else block + [f"www.{person.account.domain}"]
        return ["", "-- "] + block

    # MARK: Rendering a message

    def render(self, thread, sender, to, cc, when, authored, previous, forward):
        rng = self.rng
        client = sender.client
        lang = thread.lang
        self.counter += 1
        tz = sender.account.tz
        local = time.gmtime(when + tz * 3600)
        message_id = self.message_id(sender, local)
        subject = self.subject(thread, client, lang, previous, forward)
        quote = self.quote_lines(client, lang, previous, sender) if previous else []
        wrap_width = 72 if client in ("thunderbird", "mutt") else 0
        soft = " " if client == "thunderbird" else ""
        if wrap_width:
            own = [piece for line in authored for piece in wrap(line, wrap_width, soft)]
        else:
            own = authored
        plain_lines = own + ([""] + quote if quote else [])
        plain = "\n".join(plain_lines) + "\n"
        if client == "outlook":
            plain = plain.replace("'", "’")
        record = MessageRecord(message_id, sender, to, when, subject, plain)
        thread.messages.append(record)

        charset = "utf-8"
        if client == "outlook2010":
            charset = "iso-8859-1" if rng.random() < 0.7 else "windows-1252"
        elif client == "outlook" and rng.random() < 0.3:
            charset = "windows-1252" if lang == "en" else "iso-8859-1"
        q_headers = client == "outlook2010"
        header_charset = charset if q_headers else "utf-8"

        headers = []
        recipient_domain = to[0].account.domain
        headers.append(f"Received: from mail.{sender.account.domain} (mail.{sender.account.domain} "
                       f"[198.51.100.{rng.randrange(2, 250)}])\n\tby mx.{recipient_domain} with ESMTPS id "
                       f"{rng.getrandbits(48):012x}\n\tfor <{to[0].address}>; {self.rfc_date(when, tz)}")
        headers.append(f"From: {mailbox_address(sender, header_charset, q_headers)}")
        headers.append("To: " + ",\n\t".join(mailbox_address(p, header_charset, q_headers) for p in to))
        if cc:
            headers.append("Cc: " + ",\n\t".join(mailbox_address(p, header_charset, q_headers) for p in cc))
        headers.append(f"Subject: {encoded_word(subject, header_charset, q_headers)}")
        headers.append(f"Date: {self.rfc_date(when, tz)}")
        headers.append(f"Message-ID: {message_id}")
        if previous:
            refs = [m.message_id for m in thread.messages[:-1]][-10:]
            headers.append(f"In-Reply-To: {previous.message_id}")
            headers.append("References: " + "\n ".join(refs))
        headers += self.client_headers(client, thread, lang)
        headers.append("MIME-Version: 1.0")

        entity = self.body_entity(client, lang, charset, plain, own, quote, sender)
        if rng.random() < (0.08 if thread.kind == "negotiation" else 0.025):
            entity = self.with_attachment(entity, thread, lang)
        content_headers, body = entity
        message = ("\n".join(headers + content_headers) + "\n\n").encode("utf-8") + body
        if not message.endswith(b"\n"):
            message += b"\n"
        message = FROM_LINE.sub(b">From ", message)
        envelope = f"From {sender.address} {self.asctime(when)}\n".encode("ascii")
        return envelope + message + b"\n"

    def message_id(self, sender, local):
        rng = self.rng
        n = self.part * 100_000_000 + self.counter
        client = sender.client
        if client in ("outlook", "outlook2010"):
            pfx = sender.mid_prefix
            return f"<{pfx}{n:08X}{rng.getrandbits(32):08X}@{pfx}.eurprd0{pfx[-1]}.prod.outlook.com>"
        if client == "gmail":
            return f"<CA{rng.getrandbits(96):024x}+{n:x}@mail.gmail.com>"
        if client == "mutt":
            return f"<{time.strftime('%Y%m%d%H%M%S', local)}.GA{n}@{sender.account.domain}>"
        return (f"<{n:08X}-{rng.getrandbits(16):04X}-{rng.getrandbits(16):04X}-{rng.getrandbits(16):04X}-"
                f"{rng.getrandbits(48):012X}@{sender.account.domain}>")

    def subject(self, thread, client, lang, previous, forward):
        base = thread.subject
        if forward:
            prefix = {"outlook": "FW: ", "outlook2010": "FW: "}.get(client, "Fwd: ")
            return prefix + base
        if previous is None:
            return base
        if client in ("outlook", "outlook2010"):
            prefix = "SV: " if lang == "is" else "RE: "
        else:
            prefix = "Sv: " if lang == "is" and client == "thunderbird" else "Re: "
        if self.rng.random() < 0.04:
            prefix += "Re: "
        return prefix + base

    def client_headers(self, client, thread, lang):
        rng = self.rng
        if client in ("outlook", "outlook2010"):
            index = base64.b64encode(rng.getrandbits(176).to_bytes(22, "big")).decode("ascii")
            out = [f"Thread-Topic: {encoded_word(thread.subject)}", f"Thread-Index: {index}"]
            if client == "outlook":
                language = "is-IS" if lang == "is" else "en-GB"
                out += [f"Accept-Language: {language}, en-US", f"Content-Language: {language}",
                        "X-MS-Has-Attach: ", "X-MS-TNEF-Correlator: "]
            else:
                out.append("X-Mailer: Microsoft Outlook 14.0")
            return out
        return {
            "apple": ["X-Mailer: Apple Mail (2.3826.600.51.1.1)"],
            "iphone": ["X-Mailer: iPhone Mail (22F76)"],
            "thunderbird": ["User-Agent: Mozilla Thunderbird"],
            "mutt": ["User-Agent: NeoMutt/20241002"],
            "gmail": [],
        }[client]

    # MARK: Quoting

    def quote_lines(self, client, lang, previous, replier):
        """The history under a reply, the way the replier's client writes it."""
        lines = previous.plain.rstrip("\n").split("\n")[:QUOTE_MAX_LINES]
        sender = previous.sender
        when, tz = previous.when, replier.account.tz
        tm = time.gmtime(when + tz * 3600)
        to = "; ".join(f"{p.name} <{p.address}>" for p in previous.to)
        if client == "outlook":
            if lang == "is":
                sent = f"{IS_DAYS_LONG[tm.tm_wday]}, {tm.tm_mday}. {W.IS_MONTHS[tm.tm_mon - 1]} {tm.tm_year} " \
                       f"{tm.tm_hour:02}:{tm.tm_min:02}"
                block = [f"Frá: {sender.name} <{sender.address}>", f"Sent: {sent}", f"Til: {to}",
                         f"Efni: {previous.subject}"]
            else:
                hour12 = tm.tm_hour % 12 or 12
                sent = f"{DAYS_LONG[tm.tm_wday]}, {W.EN_MONTHS[tm.tm_mon - 1]} {tm.tm_mday}, {tm.tm_year} " \
                       f"{hour12}:{tm.tm_min:02} {'PM' if tm.tm_hour >= 12 else 'AM'}"
                block = [f"From: {sender.name} <{sender.address}>", f"Sent: {sent}", f"To: {to}",
                         f"Subject: {previous.subject}"]
            return ["________________________________"] + block + [""] + lines
        if client == "outlook2010":
            sent = f"{tm.tm_mday}. {W.IS_MONTHS[tm.tm_mon - 1]} {tm.tm_year} {tm.tm_hour:02}:{tm.tm_min:02}" \
                if lang == "is" else f"{tm.tm_mday} {W.EN_MONTHS[tm.tm_mon - 1]} {tm.tm_year} {tm.tm_hour:02}:{tm.tm_min:02}"
            return ["-----Original Message-----", f"From: {sender.name} [mailto:{sender.address}]",
                    f"Sent: {sent}", f"To: {to}", f"Subject: {previous.subject}", ""] + lines
        hm = f"{tm.tm_hour:02}:{tm.tm_min:02}"
        if lang == "is":
            attribution = {
                "gmail": f"Þann {IS_DAYS_SHORT[tm.tm_wday]}, {tm.tm_mday}. {W.IS_MONTHS[tm.tm_mon - 1]} "
                         f"{tm.tm_year} kl. {hm} skrifaði {sender.name} <{sender.address}>:",
                "thunderbird": f"Þann {tm.tm_mday}.{tm.tm_mon}.{tm.tm_year} kl. {hm} skrifaði {sender.name}:",
            }.get(client, f"{tm.tm_mday}. {W.IS_MONTHS[tm.tm_mon - 1]} {tm.tm_year} kl. {hm} skrifaði "
                          f"{sender.name} <{sender.address}>:")
        else:
            month = W.EN_MONTHS[tm.tm_mon - 1]
            attribution = {
                "gmail": f"On {DAYS[tm.tm_wday]}, {tm.tm_mday} {MONTHS[tm.tm_mon - 1]} {tm.tm_year} at {hm}, "
                         f"{sender.name} <{sender.address}> wrote:",
                "thunderbird": f"On {tm.tm_mday:02}/{tm.tm_mon:02}/{tm.tm_year} {hm}, {sender.name} wrote:",
                "mutt": f"On {DAYS[tm.tm_wday]}, {MONTHS[tm.tm_mon - 1]} {tm.tm_mday}, {tm.tm_year} at "
                        f"{hm}:{tm.tm_sec:02}, {sender.name} wrote:",
            }.get(client, f"On {tm.tm_mday} {month} {tm.tm_year}, at {hm}, {sender.name} <{sender.address}> wrote:")
        return [attribution, ""] + [("> " + line) if line else ">" for line in lines]

    # MARK: MIME

    def body_entity(self, client, lang, charset, plain, own, quote, sender):
        """(content headers, body bytes) of the message's text, as the client would send it."""
        rng = self.rng
        if client == "outlook":
            cte = "base64" if charset == "utf-8" else "quoted-printable"
            text_html = self.outlook_html(own, quote, charset, lang)
            return self.alternative([self.leaf("text/plain", charset, cte, plain),
                                     self.leaf("text/html", charset, cte, text_html)], f"_000_{rng.getrandbits(64):016X}_")
        if client == "outlook2010":
            return self.leaf("text/plain", charset, "quoted-printable", plain)
        if client == "gmail":
            cte = "7bit" if plain.isascii() else "quoted-printable"
            text_html = self.gmail_html(own, quote)
            return self.alternative([self.leaf("text/plain", "utf-8", cte, plain),
                                     self.leaf("text/html", "utf-8", "quoted-printable", text_html)],
                                    f"000000000000{rng.getrandbits(48):012x}")
        if client == "apple":
            text_html = self.apple_html(own, quote)
            if rng.random() < 0.3:
                return self.leaf("text/html", "utf-8", "quoted-printable", text_html)
            return self.alternative([self.leaf("text/plain", "utf-8", "quoted-printable", plain),
                                     self.leaf("text/html", "utf-8", "quoted-printable", text_html)],
                                    f"Apple-Mail={rng.getrandbits(64):016X}")
        if client == "iphone":
            return self.leaf("text/plain", "utf-8", "7bit" if plain.isascii() else "quoted-printable", plain)
        if client == "thunderbird":
            return self.leaf("text/plain", "UTF-8", "8bit", plain, flowed=True)
        return self.leaf("text/plain", "utf-8", "8bit", plain)

    @staticmethod
    def leaf(ctype, charset, cte, text, flowed=False):
        data = text
        if charset == "iso-8859-1":
            data = data.translate(LATIN1_FIXES)
        raw = data.encode(PYTHON_CHARSET[charset.lower()], "replace")
        if cte == "base64":
            body = base64.encodebytes(raw)
        elif cte == "quoted-printable":
            body = binascii.b2a_qp(raw, istext=True)
        else:
            body = raw
        if not body.endswith(b"\n"):
            body += b"\n"
        params = f"; charset={charset}; format=flowed" if flowed else f'; charset="{charset}"'
        return [f"Content-Type: {ctype}{params}", f"Content-Transfer-Encoding: {cte}"], body

    @staticmethod
    def alternative(parts, boundary, subtype="alternative"):
        chunks = []
        for headers, body in parts:
            chunks.append(f"--{boundary}\n".encode("ascii") + "\n".join(headers).encode("utf-8") + b"\n\n" + body)
        chunks.append(f"--{boundary}--\n".encode("ascii"))
        return [f'Content-Type: multipart/{subtype};\n\tboundary="{boundary}"'], b"\n".join(chunks)

    def with_attachment(self, entity, thread, lang):
        rng = self.rng
        number = rng.randrange(1000, 99999)
        if rng.random() < 0.75:
            mime = "application/pdf"
            name = (rng.choice(["Reikningur", "Tilboð", "Þjónustuskýrsla", "Samningsdrög"]) if lang == "is"
                    else rng.choice(["Invoice", "Quote", "SLA_report", "Draft_agreement"])) + f"_{number}.pdf"
            payload = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + rng.randbytes(rng.randrange(2000, 30000)) + b"\n%%EOF\n"
        else:
            mime = "application/zip"
            name = ("Annálar" if lang == "is" else "logs") + f"_{number}.zip"
            payload = b"PK\x03\x04" + rng.randbytes(rng.randrange(1000, 20000))
        if name.isascii():
            params = [f'Content-Type: {mime}; name="{name}"', f'Content-Disposition: attachment; filename="{name}"']
        else:
            params = [f'Content-Type: {mime}; name="{encoded_word(name)}"',
                      f"Content-Disposition: attachment; filename*=utf-8''{url_quote(name)}"]
        attachment = (params + ["Content-Transfer-Encoding: base64"], base64.encodebytes(payload))
        return self.alternative([entity, attachment], f"----=_Part_{rng.getrandbits(40)}", "mixed")

    @staticmethod
    def outlook_html(own, quote, charset, lang):
        esc = html.escape
        out = [OUTLOOK_STYLE.format(charset=charset, lang="IS" if lang == "is" else "EN-GB")]
        for line in own:
            out.append(f'<p class="MsoNormal">{esc(line, False) if line else "&nbsp;"}<o:p></o:p></p>\n')
        if quote:
            out.append('<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">\n')
            for line in quote[1:]:
                out.append(f'<p class="MsoNormal">{esc(line, False) if line else "&nbsp;"}<o:p></o:p></p>\n')
            out.append("</div>\n")
        out.append("</div>\n</body>\n</html>\n")
        return "".join(out)

    @staticmethod
    def gmail_html(own, quote):
        esc = html.escape
        out = ['<div dir="ltr">']
        out += [f"<div>{esc(line, False)}</div>" if line else "<div><br></div>" for line in own]
        out.append("</div>")
        if quote:
            out.append(f'<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{esc(quote[0], False)}<br></div>'
                       '<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid '
                       'rgb(204,204,204);padding-left:1ex">')
            out += [f"{esc(line[2:], False)}<br>" for line in quote[2:]]
            out.append("</blockquote></div>")
        return "\n".join(out) + "\n"

    @staticmethod
    def apple_html(own, quote):
        esc = html.escape
        out = ['<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
               '<body style="overflow-wrap: break-word; -webkit-nbsp-mode: space; line-break: after-white-space;">']
        out += [f"<div>{esc(line, False)}</div>" if line else "<div><br></div>" for line in own]
        if quote:
            out.append(f'<div><br><blockquote type="cite"><div>{esc(quote[0], False)}</div>')
            out += [f"<div>{esc(line[2:], False)}</div>" for line in quote[2:]]
            out.append("</blockquote></div>")
        out.append("</body></html>")
        return "\n".join(out) + "\n"

    # MARK: Dates

    @staticmethod
    def rfc_date(when, tz):
        tm = time.gmtime(when + tz * 3600)
        sign = "+" if tz >= 0 else "-"
        return (f"{DAYS[tm.tm_wday]}, {tm.tm_mday} {MONTHS[tm.tm_mon - 1]} {tm.tm_year} "
                f"{tm.tm_hour:02}:{tm.tm_min:02}:{tm.tm_sec:02} {sign}{abs(tz):02}00")

    @staticmethod
    def asctime(when):
        tm = time.gmtime(when)
        return (f"{DAYS[tm.tm_wday]} {MONTHS[tm.tm_mon - 1]} {tm.tm_mday:2} "
                f"{tm.tm_hour:02}:{tm.tm_min:02}:{tm.tm_sec:02} {tm.tm_year}")


# MARK: - Sentences for `rapport score`


def sentence_lines(seed):
    """Yields texts of one to three sentences, one per line, about a quarter of them Icelandic."""
    rng = random.Random(f"sentences/{seed}")
    world = World(seed)
    gen = Generator.__new__(Generator)
    gen.rng, gen.world = rng, world
    categories = [c for kinds in W.THREAD_KINDS.values() for stage in kinds for side in stage.values() for c in side]
    categories += ["opener", "closing", "apology", "positive"] + W.NEUTRAL_CATEGORIES * 4
    while True:
        thread = Thread(gen, 0)
        account = thread.account
        templates = W.TEMPLATES[thread.lang]
        for _ in range(20):
            sender = rng.choice(account.people)
            slots = gen.slots(thread, sender, rng.choice(world.us.people))
            count = rng.choice((1, 1, 2, 2, 3))
            yield " ".join(rng.choice(templates[rng.choice(categories)]).format_map(slots) for _ in range(count))


# MARK: - Command line


def write_mbox(args):
    target = int(args.size * MIB)
    base_meta = None
    if args.continue_from:
        with open(args.continue_from + ".meta.json") as f:
            base_meta = json.load(f)
        if base_meta["seed"] != args.seed:
            sys.exit("make_mbox: --continue-from needs the base mailbox's --seed")
        part, start, step = base_meta["part"] + 1, base_meta["clock_end"] + 3600, base_meta["step"]
    else:
        part, start = 0, START_EPOCH
        days = min(SPAN_DAYS, 30 + 5 * args.size)
        step = days * 86400 * WORK_FRACTION * AVERAGE_MESSAGE_BYTES / max(target, MIB)
    gen = Generator(args.seed, part, start, step)
    written, messages, buffer, buffered = 0, 0, [], 0
    with open(args.output, "wb") as out:
        for entry in gen.messages():
            buffer.append(entry)
            buffered += len(entry)
            written += len(entry)
            messages += 1
            if buffered >= 4 * MIB or written >= target:
                out.write(b"".join(buffer))
                buffer, buffered = [], 0
            if written >= target:
                break
    meta = {"generator": GENERATOR_VERSION, "seed": args.seed, "part": part, "size_mb": args.size,
            "bytes": written, "messages": messages, "threads": gen.threads_started, "clock_start": start,
            "clock_end": gen.clock.now, "step": step}
    with open(args.output + ".meta.json", "w") as f:
        json.dump(meta, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{args.output}: {written / MIB:.1f} MB, {messages} messages, {gen.threads_started} threads",
          file=sys.stderr)


def write_sentences(args):
    target = int(args.size * MIB)
    written, buffer = 0, []
    with open(args.output, "wb") as out:
        for line in sentence_lines(args.seed):
            data = (line + "\n").encode("utf-8")
            buffer.append(data)
            written += len(data)
            if len(buffer) >= 20000 or written >= target:
                out.write(b"".join(buffer))
                buffer = []
            if written >= target:
                break
    print(f"{args.output}: {written / MIB:.1f} MB of sentences", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=float, help="size in MiB")
    parser.add_argument("output")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--continue-from", metavar="BASE.mbox",
                        help="write mail that follows BASE.mbox (same world, later dates, new Message-IDs)")
    parser.add_argument("--sentences", action="store_true", help="write one text per line for rapport score")
    args = parser.parse_args()
    if args.size <= 0:
        parser.error("size must be positive")
    (write_sentences if args.sentences else write_mbox)(args)


if __name__ == "__main__":
    main()
