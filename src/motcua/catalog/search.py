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
from django.db.models.functions import Length
from django.utils import timezone

from motcua.org.models import Agency

from .models import ENDING_KINDS, ProcedureVersion, Sector
from .search_query import Query, load_synonyms, parse, words
from .search_vocabulary import vocabulary

BODY_SHARE = 0.35
PAIR_SHARE = 0.5
PHRASE_SHARE = 0.2
RELEVANT_SHARE = 0.3
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
    # Each condition on `score` makes the database compute it again: one threshold, nothing else.
    if parsed.known <= 0 and not code:
        return versions.none()  # no word of the query is a word of any name: nothing relevant
    relevant = Q(score__gte=RELEVANT_SHARE * parsed.known) if parsed.known > 0 else Q(code_hit=1)
    if parsed.needed > 1:
        versions = versions.annotate(hits=_hits(parsed.concepts))
        relevant &= Q(hits__gte=parsed.needed)
    if code:
        relevant |= Q(code_hit=1)
    required = _required_words(parsed)
    if connection.vendor == "postgresql" and required:
        # A version holding none of `required` cannot reach the relevance threshold (see _required_words),
        # so asking the GIN index for them first drops only rows the filter would drop: same answers as
        # SQLite, but the score is computed on a few rows instead of the whole catalog.
        matched = RawSQL(
            "search_vector @@ to_tsquery('simple', %s)", [" | ".join(required)], output_field=BooleanField()
        )
        versions = versions.filter(Q(matched) | Q(code_hit=1)) if code else versions.filter(matched)
    return versions.filter(relevant).order_by("-code_hit", "-score", "name_length", "name", "id")


# The largest length scale a name can get (an empty name): 2.2 / (1 + 1.2 × (1 − b)).
SCALE_MAX = 2.2 / (1.0 + 1.2 * (1 - LENGTH_SHARE))


def _required_words(parsed: Query) -> list[str]:
    """The fewest heaviest words such that a version holding none of them scores below the threshold.

    Without those words, the most a version can score is the rest of the words and the pairs between them
    found in a name of the most favourable length (SCALE_MAX), plus the whole-phrase bonus when the phrase
    needs none of them; once that is below RELEVANT_SHARE × known, no relevant version lacks them all.
    """
    threshold = RELEVANT_SHARE * parsed.known
    if threshold <= 0:
        return []
    phrase_words = set(parsed.phrase.split())
    required: list[str] = []
    for word in sorted(parsed.weights, key=lambda w: -parsed.weights[w]):
        rest = sum(w for other, w in parsed.weights.items() if other not in required) * SCALE_MAX
        rest += sum(
            w * PAIR_SHARE * SCALE_MAX
            for (left, right), w in parsed.pairs.items()
            if left not in required and right not in required
        )
        if parsed.phrase and not phrase_words & set(required):
            rest += parsed.known * PHRASE_SHARE
        if rest < threshold:
            return required
        required.append(word)
    return []


def _score(parsed: Query, average_length: float) -> RawSQL:
    """The score of a version for `parsed`, as one SQL expression (the same text on both vendors).

    Name hits (words and pairs) are scaled by the name's length as BM25 does (k1 = 1.2, b = LENGTH_SHARE):
    among names that hold the same query words, the one with fewer other words is the better answer.
    Written as SQL text because the ORM's nested Case expressions for 30-odd terms took longer to compile
    than the query takes to run; the words are parameters, the weights numbers computed here.
    """
    # "Thủ tục …" opening many names says nothing; very long names (the land ones) count as twice the mean.
    opening = "CASE WHEN search_name LIKE ' thu tuc %%' THEN 8 ELSE 0 END"
    length = f"((CAST(LENGTH(search_name) AS {FLOAT}) - {opening}) / {_number(max(average_length, 1.0))})"
    capped = f"(CASE WHEN {length} > 2 THEN {_number(2)} ELSE {length} END)"
    base, slope = _number(1.0 + 1.2 * (1 - LENGTH_SHARE)), _number(1.2 * LENGTH_SHARE)
    scale = f"({_number(2.2)} / ({base} + {slope} * {capped}))"
    # search_text holds the name too, so "found elsewhere only" = text hits − name hits: each word is looked
    # for once in the name and once in the text, whatever the other finds.
    in_name = [f"CASE WHEN search_name LIKE %s THEN {_number(w)} ELSE 0 END" for w in parsed.weights.values()]
    in_text = [f"CASE WHEN search_text LIKE %s THEN {_number(w)} ELSE 0 END" for w in parsed.weights.values()]
    pairs = [
        f"CASE WHEN search_name LIKE %s THEN {_number(w * PAIR_SHARE)} ELSE 0 END"
        for w in parsed.pairs.values()
    ]
    needles = [f"% {word} %" for word in parsed.weights]
    sql = (
        f"(({' + '.join(in_name) or '0'}) * ({scale} - {_number(BODY_SHARE)})"
        f" + ({' + '.join(pairs) or '0'}) * {scale}"
        f" + ({' + '.join(in_text) or '0'}) * {_number(BODY_SHARE)}"
    )
    params = needles + [f"% {left} {right} %" for left, right in parsed.pairs] + needles
    if parsed.phrase:
        sql += f" + CASE WHEN search_name LIKE %s THEN {_number(parsed.known * PHRASE_SHARE)} ELSE 0 END"
        params.append(f"% {parsed.phrase} %")
    return RawSQL(sql + ")", params, output_field=FloatField())


# Double precision on both vendors: PostgreSQL reads 3.7 as NUMERIC, whose arithmetic is several times slower.
FLOAT = "DOUBLE PRECISION"


def _number(value: float) -> str:
    return f"CAST({value:.6f} AS {FLOAT})"


def _hits(concepts: list[list[str]]) -> RawSQL:
    """How many of the query's concepts the version holds (one of the concept's words, anywhere)."""
    cases, params = [], []
    for concept in concepts:
        cases.append(
            "CASE WHEN " + " OR ".join(["search_text LIKE %s"] * len(concept)) + " THEN 1 ELSE 0 END"
        )
        params += [f"% {word} %" for word in concept]
    return RawSQL(f"({' + '.join(cases) or '0'})", params, output_field=IntegerField())


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
