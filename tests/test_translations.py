"""Every Vietnamese message has a finished English translation.

Message ids are Vietnamese, so an untranslated entry would show Vietnamese on an English page. Run
`make messages` after adding strings, then translate what this test lists.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import motcua

EN_PO = Path(motcua.__file__).resolve().parent / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdfr]")
KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"$')


@dataclass
class Entry:
    fields: dict[str, str] = field(default_factory=dict)
    fuzzy: bool = False

    @property
    def msgid(self) -> str:
        return self.fields.get("msgid", "")

    @property
    def translations(self) -> list[str]:
        return [value for key, value in self.fields.items() if key.startswith("msgstr")]


def parse_po(text: str) -> list[Entry]:
    """Just enough of the gettext format for this check: keywords, continuation lines, the fuzzy flag.

    Obsolete entries (`#~`) are ignored, as gettext does.
    """
    entries: list[Entry] = []
    entry, key = Entry(), None
    for line in text.splitlines():
        line = line.strip()
        if not line:
            entries.append(entry)
            entry, key = Entry(), None
        elif line.startswith("#,"):
            entry.fuzzy = entry.fuzzy or "fuzzy" in line
        elif line.startswith("#"):
            continue
        elif match := KEYWORD.match(line):
            key = match.group(1)
            entry.fields[key] = match.group(2)
        elif line.startswith('"') and key:
            entry.fields[key] += line[1:-1]
    entries.append(entry)
    return [e for e in entries if e.fields]


def unfinished(entries: list[Entry]) -> list[str]:
    """Message ids whose translation is missing or marked fuzzy (the header, msgid "", excepted)."""
    return [e.msgid for e in entries if e.msgid and (e.fuzzy or not all(e.translations))]


def placeholder_mismatches(entries: list[Entry]) -> list[str]:
    """Translations whose named placeholders differ from the original's.

    `compilemessages` (msgfmt --check-format) rejects the whole catalogue for one such entry.
    """
    bad = []
    for e in entries:
        wanted = set(PLACEHOLDER.findall(e.msgid + e.fields.get("msgid_plural", "")))
        if any(t and set(PLACEHOLDER.findall(t)) != wanted for t in e.translations):
            bad.append(e.msgid)
    return bad


SAMPLE = """
msgid ""
msgstr "Content-Type: text/plain; charset=UTF-8\\n"

msgid "Trang chủ"
msgstr "Home"

#, fuzzy
msgid "Đăng nhập"
msgstr "Log out"

msgid "Mật "
"khẩu"
msgstr ""

msgid "%(n)s hồ sơ"
msgid_plural "%(n)s hồ sơ"
msgstr[0] "%(n)s dossier"
msgstr[1] ""

msgid "Không có cơ quan mã %(code)s."
msgstr "Unknown agency."

#~ msgid "Cũ"
#~ msgstr ""
"""


def test_checker_finds_empty_fuzzy_and_partial_plural_entries():
    assert unfinished(parse_po(SAMPLE)) == ["Đăng nhập", "Mật khẩu", "%(n)s hồ sơ"]


def test_checker_finds_lost_placeholders():
    assert placeholder_mismatches(parse_po(SAMPLE)) == ["Không có cơ quan mã %(code)s."]


def test_every_english_message_is_translated():
    entries = parse_po(EN_PO.read_text(encoding="utf-8"))
    assert len(entries) > 10, f"{EN_PO} looks empty; run `make messages`"
    missing = unfinished(entries)
    assert not missing, f"{len(missing)} untranslated or fuzzy in {EN_PO}:\n" + "\n".join(missing)
    broken = placeholder_mismatches(entries)
    assert not broken, "placeholders differ from the Vietnamese:\n" + "\n".join(broken)
