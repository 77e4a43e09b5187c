#!/usr/bin/env python3
"""The Python reference pipeline that `rapport analyze` is compared with (issue #7).

What a data scientist would write in an afternoon with the standard library and VADER: read the
mbox with `mailbox` and `email` (policy.default), take each message's text body (plain, else HTML
with the tags stripped crudely) and score it with VADER's `polarity_scores`. A message that fails
to parse or score is counted and skipped, so the run always reaches the end.

    python3 Benchmarks/reference.py MAILBOX.mbox

Prints one line: messages, errors, characters scored and a checksum of the compound scores.
"""
import email
import email.policy
import html
import mailbox
import re
import sys

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

TAG = re.compile(r"<[^>]*>")
STYLE = re.compile(r"<(style|script)\b.*?</\1>", re.S | re.I)


def message_text(message):
    """The body a reader sees: the text/plain part, else the text/html one without its markup."""
    body = message.get_body(preferencelist=("plain", "html"))
    if body is None:
        return ""
    content = body.get_content()
    if body.get_content_type() == "text/html":
        content = html.unescape(TAG.sub(" ", STYLE.sub(" ", content)))
    return content


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: reference.py MAILBOX.mbox")
    analyzer = SentimentIntensityAnalyzer()
    box = mailbox.mbox(sys.argv[1], create=False,
                       factory=lambda f: email.message_from_binary_file(f, policy=email.policy.default))
    messages = errors = characters = 0
    checksum = 0
    for key in box.iterkeys():
        messages += 1
        try:
            text = message_text(box[key])
            compound = analyzer.polarity_scores(text)["compound"]
        except Exception:  # noqa: BLE001 - the reference must run to the end, like Rapport does
            errors += 1
            continue
        characters += len(text)
        checksum = (checksum * 31 + round(compound * 10000)) % 1_000_000_007
    print(f"messages {messages} errors {errors} characters {characters} checksum {checksum}")


if __name__ == "__main__":
    main()
