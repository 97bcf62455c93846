"""Finding procedures the way citizens type: without diacritics, with typos, in their own words.

One interface, the same SQL on PostgreSQL and SQLite, so both give the same answers (the relevance tests in
tests/catalog/test_search_relevance.py run on both):

- the query becomes weighted folded words (`search_query`): synonyms kept by the officer, spelling
  corrections, filler words dropped, each word weighted by its rarity among procedure names;
- a version's score: the weights of the query words found in its name, a small share (BODY_SHARE) of those
  found only elsewhere (sector, result, documents), a bonus for neighbouring query words found side by side
  in the name, and a bonus for the whole query found as it was typed; ties go to the shorter name;
- a version is an answer only when its score reaches RELEVANT_SHARE of what the query could score: a query
  nothing in the catalog matches answers "no match" instead of listing every procedure that shares "cấp";
- on PostgreSQL the full-text index (`search_vector @@ …`) narrows the rows first; it can only drop rows
  that score nothing, so both vendors return the same list.

A national code ("1.001193") finds its procedure first.
"""

import re
from datetime import date, datetime

from django.db import connection
from django.db.models import BooleanField, Case, FloatField, IntegerField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast, Least, Length
from django.utils import timezone

from motcua.org.models import Agency

from .models import ENDING_KINDS, ProcedureVersion, Sector
from .search_query import Query, load_synonyms, parse, words
from .search_vocabulary import vocabulary

BODY_SHARE = 0.35
PAIR_SHARE = 0.5
PHRASE_SHARE = 0.2
RELEVANT_SHARE = 0.3
STRONG_SHARE = 0.6
LENGTH_SHARE = 0.5
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


def search_column(text: str) -> str:
    """Folded words with a space on each side, so ' word ' finds whole words with LIKE."""
    return f" {' '.join(words(text))} "


def parse_query(query: str) -> Query:
    """The weighted words `search_procedures` looks for (synonyms, spelling and rarity applied)."""
    return parse(query, vocabulary(), load_synonyms())


def query_terms(query: str) -> list[str]:
    """The words to look for, heaviest first; empty for an empty query."""
    return parse_query(query).terms()


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
    """Versions in force at `at` relevant to `query`, best first; each carries its `procedure`.

    An empty query lists every procedure in force (filtered), by sector and name; a query that matches
    nothing relevant gives an empty list (the pages and the API say "no match").
    """
    versions = (
        _filtered(in_force(at), sector=sector, level=level, agency=agency)
        .select_related("procedure", "sector")
        .defer(*LIST_DEFERRED)
    )
    stripped = (query or "").strip()
    if not words(stripped):
        return versions.order_by("sector__name", "name", "id")
    code = stripped if CODE_RE.match(stripped) else ""
    parsed = parse_query(stripped)
    versions = versions.annotate(
        score=_score(parsed, vocabulary().average_length),
        hits=_hits(parsed.concepts),
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
    relevant = Q(score__gte=RELEVANT_SHARE * parsed.known, score__gt=0) & (
        Q(hits__gte=parsed.needed) | Q(score__gte=STRONG_SHARE * parsed.known)
    )
    if code:
        relevant |= Q(code_hit=1)
    if connection.vendor == "postgresql" and parsed.weights:
        # Exact superset of the relevant rows (each holds a query word), read from the GIN index.
        matched = RawSQL(
            "search_vector @@ to_tsquery('simple', %s)",
            [" | ".join(parsed.weights)],
            output_field=BooleanField(),
        )
        versions = versions.annotate(indexed=matched).filter(Q(indexed=True) | Q(code_hit=1))
    return versions.filter(relevant).order_by("-code_hit", "-score", "name_length", "name", "id")


def _score(parsed: Query, average_length: float):
    """The score of a version for `parsed`, as one SQL expression (the same on both vendors).

    Name hits (words and pairs) are scaled by the name's length as BM25 does (k1 = 1.2, b = LENGTH_SHARE):
    among names that hold the same query words, the one with fewer other words is the better answer.
    """
    in_name = Value(0.0, output_field=FloatField())
    elsewhere = Value(0.0, output_field=FloatField())
    for word, weight in parsed.weights.items():
        needle = f" {word} "
        in_name = in_name + _bonus(needle, weight)
        elsewhere = elsewhere + Case(
            When(search_name__contains=needle, then=Value(0.0)),
            When(search_text__contains=needle, then=Value(weight * BODY_SHARE)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    for (left, right), weight in parsed.pairs.items():
        in_name = in_name + _bonus(f" {left} {right} ", weight * PAIR_SHARE)
    # "Thủ tục …" opening many names says nothing; very long names (the land ones) count as twice the mean.
    length = Cast(Length("search_name"), FloatField()) - Case(
        When(search_name__startswith=" thu tuc ", then=Value(8.0)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    length = Least(length / Value(max(average_length, 1.0)), Value(2.0))
    scale = Value(2.2) / (Value(1.0 + 1.2 * (1 - LENGTH_SHARE)) + Value(1.2 * LENGTH_SHARE) * length)
    total = in_name * scale + elsewhere
    if parsed.phrase:
        total = total + _bonus(f" {parsed.phrase} ", parsed.known * PHRASE_SHARE)
    return total


def _hits(concepts: list[list[str]]):
    """How many of the query's concepts the version holds (one of the concept's words, anywhere)."""
    total = Value(0, output_field=IntegerField())
    for concept in concepts:
        held = Q()
        for word in concept:
            held |= Q(search_text__contains=f" {word} ")
        total = total + Case(When(held, then=Value(1)), default=Value(0), output_field=IntegerField())
    return total


def _bonus(needle: str, weight: float):
    return Case(
        When(search_name__contains=needle, then=Value(weight)),
        default=Value(0.0),
        output_field=FloatField(),
    )


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


__all__ = ["day_of", "in_force", "parse_query", "query_terms", "search_column", "search_procedures", "words"]
