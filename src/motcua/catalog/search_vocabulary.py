"""What the published catalog's names are made of: how many names use each folded word, for search.

Search weighs a query word by how rare it is among procedure names (a word in every name — "cấp",
"đăng ký" — tells little; "thế chấp" or "căn cước" tells a lot) and corrects a misspelt word to the
nearest word that names actually use. Both read this vocabulary, built from the folded names of the
published versions and kept per process until the catalog changes. A change is noticed by a cheap
fingerprint (count, highest key and total name length of published versions), so a new publication
decision, an import or another process's write is picked up on the next search without signals.
"""

from dataclasses import dataclass, field
from itertools import pairwise
from math import log
from threading import Lock

from django.db.models import Count, Max, Sum
from django.db.models.functions import Length

from .models import ProcedureVersion

_CACHE: dict[tuple, "Vocabulary"] = {}
_LOCK = Lock()
_KEEP = 4


@dataclass(frozen=True)
class Vocabulary:
    names: int
    frequency: dict[str, int] = field(default_factory=dict)
    pair_frequency: dict[tuple[str, str], int] = field(default_factory=dict)
    average_length: float = 1.0

    def weight(self, word: str) -> float:
        """Inverse document frequency: rare words weigh more; a word no name uses weighs the most."""
        return log(1 + (self.names + 1) / (self.frequency.get(word, 0) + 0.5))

    def pair_weight(self, left: str, right: str) -> float:
        """The same for two words side by side ("khai tu" is rare even though "tu" is everywhere)."""
        return log(1 + (self.names + 1) / (self.pair_frequency.get((left, right), 0) + 0.5))

    def knows(self, word: str) -> bool:
        return word in self.frequency

    def nearest(self, word: str) -> list[str]:
        """Known words one edit away (two for words of seven letters or more), most used first; at most two.

        Shorter words have too many neighbours among Vietnamese syllables ("luat" is one edit from
        "xuat" and "tuat"): they are left to the regional spelling variants of `search_query`.
        """
        if len(word) < 5 or word.isdigit():
            return []
        limit = 1 if len(word) < 7 else 2
        found: list[tuple[int, int, str]] = []
        for known, count in self.frequency.items():
            if abs(len(known) - len(word)) > limit or known.isdigit():
                continue
            distance = _distance(word, known, limit)
            if distance <= limit:
                found.append((distance, -count, known))
        return [known for _distance_, _count, known in sorted(found)[:2]]


def vocabulary() -> Vocabulary:
    published = ProcedureVersion.objects.filter(decision__isnull=False)
    stamp = published.aggregate(rows=Count("id"), last=Max("id"), size=Sum(Length("search_name")))
    key = (stamp["rows"], stamp["last"], stamp["size"])
    cached = _CACHE.get(key)
    if cached is not None:
        return cached
    frequency: dict[str, int] = {}
    pair_frequency: dict[tuple[str, str], int] = {}
    for name in published.values_list("search_name", flat=True).iterator(chunk_size=2000):
        split = name.split()
        for word in set(split):
            frequency[word] = frequency.get(word, 0) + 1
        for pair in set(pairwise(split)):
            pair_frequency[pair] = pair_frequency.get(pair, 0) + 1
    rows = stamp["rows"] or 0
    built = Vocabulary(
        names=rows,
        frequency=frequency,
        pair_frequency=pair_frequency,
        average_length=(stamp["size"] or 0) / rows if rows else 1.0,
    )
    with _LOCK:
        if len(_CACHE) >= _KEEP:
            _CACHE.clear()
        _CACHE[key] = built
    return built


def _distance(a: str, b: str, limit: int) -> int:
    """Damerau–Levenshtein distance (adjacent swaps count once), giving up above `limit`."""
    previous_previous: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous_previous[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous_previous, previous = previous, current
    return previous[-1]
