"""Finding procedures the way citizens type: without diacritics, in their own words.

One interface, two backends chosen by the database vendor, the same results on both for the cases that
matter (the tests run on both):

- the query is folded (core.text.fold: "Giấy phép" → "giay phep"), split into words, citizens' words are
  replaced by the officer's synonyms ("so do" → "giay chung nhan quyen su dung dat"), filler words
  ("tôi muốn xin …") are dropped, and the remaining words are OR-ed: any word may match;
- ranking, on both backends: the whole query found in the name first, then a score in which words found in
  the name weigh far more than words found elsewhere, then the shorter name;
- PostgreSQL scores with full text (`to_tsquery('simple', 'w1 | w2')` against a generated tsvector, name
  weighted A above the other fields B); trigram similarity of the name lets a query with typos match;
- SQLite scores by counting query words in the folded name (×10) and in the folded `search_text`.
"""

import re
from datetime import date, datetime

from django.db import connection
from django.db.models import BooleanField, Case, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Length
from django.utils import timezone

from motcua.core.text import fold
from motcua.org.models import Agency

from .models import ENDING_KINDS, ProcedureVersion, Sector, Synonym

# Words citizens put around what they want; dropped unless nothing else is left.
FILLER_WORDS = frozenset(
    [
        "toi",
        "minh",
        "em",
        "anh",
        "chi",
        "muon",
        "can",
        "xin",
        "lam",
        "the",
        "nao",
        "o",
        "dau",
        "gi",
        "cho",
        "cua",
        "va",
        "la",
        "thi",
        "voi",
        "a",
        "nhe",
        "di",
        "duoc",
        "khong",
    ]
)
MAX_TERMS = 12
# Long texts a result list never shows; the procedure page reads the whole version.
LIST_DEFERRED = (
    "sequence",
    "legal_basis",
    "requirements",
    "fees",
    "notes",
    "result",
    "search_text",
    "procedure__name",
    "sector__managing_body",
)
CODE_RE = re.compile(r"^\d+\.\d+")
_WORD_RE = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Folded words of `text`: 'Đăng ký, kết hôn!' → ['dang', 'ky', 'ket', 'hon']."""
    return _WORD_RE.findall(fold(text or ""))


def search_column(text: str) -> str:
    """Folded words with a space on each side, so ' word ' finds whole words with LIKE."""
    return f" {' '.join(words(text))} "


def query_terms(query: str) -> list[str]:
    """The words to look for, after synonyms and without filler words; empty for an empty query."""
    found = words(query)
    if not found:
        return []
    found = _apply_synonyms(found)
    meaningful = [w for w in found if w not in FILLER_WORDS] or found
    return list(dict.fromkeys(meaningful))[:MAX_TERMS]


def _apply_synonyms(found: list[str]) -> list[str]:
    text = f" {' '.join(found)} "
    for term, expansion in Synonym.objects.values_list("term_folded", "expansion"):
        needle = f" {term} "
        if needle in text:
            text = text.replace(needle, f" {' '.join(words(expansion))} ")
    return text.split()


def in_force(at: date | datetime | None = None) -> QuerySet[ProcedureVersion]:
    """Published versions in force on the day of `at` (now by default)."""
    day = day_of(at)
    return (
        ProcedureVersion.objects.filter(decision__isnull=False, valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .exclude(change_kind__in=ENDING_KINDS)
    )


def search_procedures(
    query: str = "",
    *,
    at: date | datetime | None = None,
    sector: Sector | str | None = None,
    level: str | None = None,
    agency: Agency | str | None = None,
) -> QuerySet[ProcedureVersion]:
    """Versions in force at `at` matching `query`, best first; each carries its `procedure`.

    An empty query lists every procedure in force (filtered), by sector and name.
    """
    versions = (
        _filtered(in_force(at), sector=sector, level=level, agency=agency)
        .select_related("procedure", "sector")
        .defer(*LIST_DEFERRED)
    )
    terms = query_terms(query)
    if not terms:
        return versions.order_by("sector__name", "name", "id")
    code = query.strip() if CODE_RE.match(query.strip()) else ""
    phrase = " ".join(terms)
    versions = versions.annotate(
        phrase_hit=Case(
            When(search_name__contains=f" {phrase} ", then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        ),
        code_hit=Case(
            When(procedure__national_code__startswith=code, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        if code
        else Value(0, output_field=IntegerField()),
        # Among equal matches the shorter, more specific name comes first.
        name_length=Length("name"),
    )
    if connection.vendor == "postgresql":
        versions = _postgresql(versions, terms, phrase, code)
    else:
        versions = _portable(versions, terms, code)
    return versions.order_by("-code_hit", "-phrase_hit", "-score", "name_length", "name", "id")


def _postgresql(versions: QuerySet, terms: list[str], phrase: str, code: str) -> QuerySet:
    """Weight A (name) is 20 times weight B (other fields), so any name match outranks body matches.

    The terms are folded already (the same result as `unaccent(lower(…))`, checked by a test), which keeps
    `to_tsquery('simple', …)` a constant the planner evaluates once. Trigram similarity only rescues
    queries whose words all miss (typos); computing it for every row would cost more than the rest.
    """
    tsquery = " | ".join(terms)
    matched = RawSQL(
        "(search_vector @@ to_tsquery('simple', %s) OR search_name %% %s)",
        [tsquery, phrase],
        output_field=BooleanField(),
    )
    score = RawSQL(
        "ts_rank('{0.0, 0.0, 0.05, 1.0}', search_vector, to_tsquery('simple', %s))",
        [tsquery],
        output_field=FloatField(),
    )
    versions = versions.annotate(matched=matched, score=score)
    condition = Q(matched=True)
    if code:
        condition |= Q(code_hit=1)
    return versions.filter(condition)


def _portable(versions: QuerySet, terms: list[str], code: str) -> QuerySet:
    condition = Q()
    for term in terms:
        condition |= Q(search_text__contains=f" {term} ")
    if code:
        condition |= Q(procedure__national_code__startswith=code)
    # Name hits count ten times as much as hits elsewhere, as weight A over B does on PostgreSQL.
    score = _hit_count("search_name", terms) * Value(10) + _hit_count("search_text", terms)
    return versions.filter(condition).annotate(score=score)


def _hit_count(column: str, terms: list[str]):
    """How many of `terms` occur as whole words in `column` (an SQL expression, same on both vendors)."""
    total = Value(0, output_field=IntegerField())
    for term in terms:
        total = total + Case(
            When(**{f"{column}__contains": f" {term} "}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    return total


def _filtered(versions: QuerySet, *, sector, level, agency) -> QuerySet:
    if sector:
        versions = versions.filter(sector__code=sector.code if isinstance(sector, Sector) else sector)
    if level:
        versions = versions.filter(levels__code=level)
    if agency:
        key = "procedure__applications__agency"
        versions = versions.filter(
            **{key: agency} if isinstance(agency, Agency) else {f"{key}__code": agency}
        )
    return versions


def day_of(at: date | datetime | None) -> date:
    if at is None:
        return timezone.localdate()
    if isinstance(at, datetime):
        return timezone.localdate(at) if timezone.is_aware(at) else at.date()
    return at


__all__ = ["day_of", "in_force", "query_terms", "search_column", "search_procedures", "words"]
