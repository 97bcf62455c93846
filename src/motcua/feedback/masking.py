"""What the public page may show of a sender and their words: initials, and no contacts or ID numbers.

Content is shown as text (templates autoescape; nothing here marks anything safe); these functions only
take personal data out of it.
"""

import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
# Runs of 8 or more digits, with the spaces, dots and dashes people put in phone and ID numbers.
NUMBER = re.compile(r"(?<!\w)\+?\d[\d .\-]{6,}\d(?!\w)")
HIDDEN = "***"


def mask_name(name: str) -> str:
    """ "Nguyễn Văn An" → "N. V. A.": enough to recognise one's own item, not to identify anyone."""
    return " ".join(f"{part[0]}." for part in name.split() if part) or HIDDEN


def mask_text(text: str, *, names: tuple[str, ...] = ()) -> str:
    """The text without e-mail addresses, phone or ID numbers, and the sender's name replaced."""
    text = EMAIL.sub(HIDDEN, text)
    text = NUMBER.sub(lambda m: HIDDEN if sum(c.isdigit() for c in m.group()) >= 8 else m.group(), text)
    for name in names:
        if name.strip():
            text = re.sub(re.escape(name.strip()), mask_name(name), text, flags=re.IGNORECASE)
    return text
