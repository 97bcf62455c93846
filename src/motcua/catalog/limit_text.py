"""Reading a published time limit ("Thời hạn giải quyết") into structured cases the clock can use.

    "05 ngày làm việc"                                    -> 5 d
    "Trong ngày; sau 15 giờ thì ngày làm việc tiếp theo"  -> same day, cut-off 15:00
    "Giải quyết ngay"                                     -> immediate
    "Từ 3 đến 5 ngày làm việc"                            -> 3..5 d (the clock counts to 5)
    "Không quá 10 ngày"                                   -> at most 10 calendar days
    "10 ngày; trường hợp phải xác minh 20 ngày"           -> 10 cd, and the case "phải xác minh": 20 cd

"ngày" alone is read as a calendar day and "ngày làm việc" as a working day (how publication decisions
distinguish them; the article of law is not verified here — chưa xác minh điều khoản); a published text
keeps its wording beside the parsed cases, so nothing of the law is lost when the reading is approximate.
A text that holds no amount is refused with a message, never guessed.
"""

import re
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from motcua.core.text import fold

from .models import TimeUnit


@dataclass(frozen=True)
class Case:
    condition: str  # "" for the default case
    time_limit: Decimal
    time_unit: str
    time_limit_min: Decimal | None = None
    cutoff: time | None = None
    at_most: bool = False


class Unreadable(ValueError):
    """The text names no time limit this reader understands."""


NUMBER = r"(\d+(?:[.,]\d+)?)"
# Folded (accent-free, lower-case) unit words, longest first.
UNITS = (
    ("ngay lam viec", TimeUnit.WORKING_DAYS),
    ("gio lam viec", TimeUnit.WORKING_HOURS),
    ("ngay", TimeUnit.CALENDAR_DAYS),
    ("gio", TimeUnit.WORKING_HOURS),
    ("thang", TimeUnit.MONTHS),
)
UNIT = "(" + "|".join(word for word, _unit in UNITS) + ")"
RANGE = re.compile(rf"(?:tu\s+)?{NUMBER}\s*(?:{UNIT}\s*)?(?:den|-|–)\s*{NUMBER}\s*{UNIT}")
AMOUNT = re.compile(rf"{NUMBER}\s*{UNIT}")
CUTOFF = re.compile(r"(?:sau|truoc)\s+(\d{1,2})\s*(?:gio|h)\s*(\d{2})?")
IMMEDIATE_WORDS = ("ngay", "giai quyet ngay", "tra ngay", "cap ngay")
LEAD = re.compile(r"^(?:doi voi|truong hop|neu)\s+")
CONDITION_END = re.compile(r"\s+thi\b|\s+la\b|:|,|\s+(?:khong qua|toi da|tu)\s+\d|\s+\d")


def _unit(word: str) -> str:
    return dict(UNITS)[word]


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def parse_segment(original: str, folded: str, condition: str = "") -> Case:
    at_most = "khong qua" in folded or "toi da" in folded
    if "trong ngay" in folded or "trong ngay lam viec" in folded:
        found = CUTOFF.search(folded)
        cutoff = time(int(found.group(1)), int(found.group(2) or 0)) if found else None
        return Case(condition, Decimal(0), TimeUnit.SAME_DAY, cutoff=cutoff)
    if not AMOUNT.search(folded) and (folded.startswith(IMMEDIATE_WORDS) or "ngay sau khi" in folded):
        return Case(condition, Decimal(0), TimeUnit.IMMEDIATE)
    if found := RANGE.search(folded):
        low, low_unit, high, unit = found.groups()
        if low_unit and _unit(low_unit) != _unit(unit):
            raise Unreadable(original)
        return Case(condition, _number(high), _unit(unit), time_limit_min=_number(low), at_most=at_most)
    if found := AMOUNT.search(folded):
        return Case(condition, _number(found.group(1)), _unit(found.group(2)), at_most=at_most)
    raise Unreadable(original)


def parse(text: str) -> list[Case]:
    """The cases of a published time limit, the default (first, unnamed) case first."""
    segments = [part.strip() for part in re.split(r"[;\n]+", text or "") if part.strip()]
    if not segments:
        raise Unreadable(text)
    cases: list[Case] = []
    for number, segment in enumerate(segments):
        folded = " ".join(fold(segment).split())
        if number and CUTOFF.search(folded) and cases and cases[-1].time_unit == TimeUnit.SAME_DAY:
            # "…; sau 15 giờ thì trả trong ngày làm việc tiếp theo": the cut-off of the same-day case.
            hour = CUTOFF.search(folded)
            assert hour is not None
            last = cases[-1]
            cases[-1] = Case(
                last.condition,
                last.time_limit,
                last.time_unit,
                cutoff=time(int(hour.group(1)), int(hour.group(2) or 0)),
            )
            continue
        if number and segment.startswith("("):
            continue  # a note in brackets ("(không tính thời gian niêm yết)") is wording, not a case
        condition = _condition(segment, folded) if number else ""
        try:
            cases.append(parse_segment(segment, folded, condition))
        except Unreadable:
            if number == 0:
                raise
            # A later segment without an amount is a note ("(không tính thời gian niêm yết)"): the
            # published wording keeps it, the clock has nothing to count.
            continue
    return cases


def _condition(segment: str, folded: str) -> str:
    """The case a later segment names, in its published spelling: "Trường hợp phải xác minh thì 20 ngày"
    -> "phải xác minh". Folding keeps the number of words, so the words are counted on the folded text."""
    lead = LEAD.match(folded)
    if not lead and (inside := re.search(r"\(([^)]*)\)", segment)):
        return inside.group(1).strip(" .")  # "27 ngày (vùng khó khăn, hải đảo)"
    if not lead and ":" in segment:
        before, after = segment.split(":", 1)  # "20 ngày: nếu chưa có GCN" or "Xã miền núi: 10 ngày"
        return (after if AMOUNT.search(fold(before)) else before).strip(" .")
    start = len(lead.group(0).split()) if lead else 0
    rest = folded[lead.end() :] if lead else folded
    end = CONDITION_END.search(rest)
    count = len((rest[: end.start()] if end else rest).split())
    words = segment.replace(":", " : ").replace(",", " , ").split()
    return " ".join(words[start : start + count]).strip() or segment
