"""A logging filter that masks personal data in every log line (settings.LOGGING, the console handler).

Handlers log event names and ids, but an exception's text can carry what the user typed (an e-mail address
in a unique-constraint error, a verification code in a failed send). Masked, message and traceback alike:
e-mail addresses, Vietnamese phone numbers, personal ID numbers (12 digits; the old 9-digit CMND),
6-digit verification and one-time codes, and 40-character API tokens. A 6-digit record id is masked too:
logs name records by their keys, which are rarely that long, and a code leaking costs more.
"""

import logging
import re

PATTERNS = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[email]"),
    (re.compile(r"\b[0-9a-f]{40}\b"), "[token]"),
    (re.compile(r"(?<![\d-])(?:\d{12}|\d{9})(?![\d-])"), "[id-number]"),
    (re.compile(r"(?<![\d\w])(?:\+84|84|0)(?:[ .-]?\d){8,10}(?!\d)"), "[phone]"),
    (re.compile(r"(?<![\d\w-])\d{6}(?![\d-])"), "[code]"),
)


SECRETS = (PATTERNS[1], PATTERNS[4])


def mask(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def mask_secrets(text: str) -> str:
    """Only the verification codes and tokens: for a page that shows a message to someone who may read its
    addressee but must not be able to use its code (the notification outbox, issue 17)."""
    for pattern, replacement in SECRETS:
        text = pattern.sub(replacement, text)
    return text


class MaskPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True
