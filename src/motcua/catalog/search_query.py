"""A citizen's query as weighted words: what to look for in procedure names, and how much each word counts.

Steps, each on folded words ("Thẻ căn cước" → "the can cuoc"):

1. synonyms kept by the TTHC-control officer (`Synonym`) add the catalog's words for a citizen's phrase
   ("so do" → "giay chung nhan quyen su dung dat"). The phrase's own words stay, at a lower weight. The
   expansion shares the phrase's weight (`Synonym.weight` × the phrase's word count) among its words, so a
   seven-word expansion of a two-word phrase counts like two words, never like seven: one synonym does not
   swamp the rest of the query;
2. a word no procedure name uses is read as a misspelling: first the usual confusions of Vietnamese
   typing without diacritics (ch/tr, s/x, d/gi/r, l/n, final i/y), then the nearest word names use;
3. FILLER_WORDS are dropped. Once folded, many short words are also content words (thẻ/thế → "the",
   căn/cần → "can", chi trả → "chi", di chúc → "di", chợ → "cho"), so the list holds only words that no
   procedure name uses (a test checks it against the real names in tests/data/catalog_search). LIGHT_WORDS
   are kept at a low weight: they are both sentence glue and parts of names ("xin phép", "lâm nghiệp");
4. each word weighs its share of the query × its rarity among names (`search_vocabulary`).

Pairs of neighbouring words are kept too: a name holding "the chap" side by side outranks one that holds
"the" and "chap" apart.
"""

import re
from dataclasses import dataclass, field
from itertools import pairwise

from motcua.core.text import fold

from .models import Synonym
from .search_vocabulary import Vocabulary

# Words no procedure name uses once folded: said around the request, never part of it.
FILLER_WORDS = frozenset(["toi", "muon", "nhe", "a", "oi", "nao", "gi", "nhu", "ah", "ak", "ne", "nhi"])
# Words that are sentence glue as often as they are parts of names: kept, at LIGHT weight.
LIGHT_WORDS = frozenset(
    [
        "xin",
        "lam",
        "cho",
        "cua",
        "va",
        "la",
        "thi",
        "di",
        "duoc",
        "voi",
        "khong",
        "minh",
        "em",
        "anh",
        "chi",
        "o",
        "bi",
        "de",
        "ma",
        "ve",
        "co",
        "can",
        "con",
        "dau",
        "thu",
        "tuc",
    ]
)
LIGHT = 0.3
# A synonym phrase's own words keep this share; the rest goes to the expansion (times Synonym.weight).
KEPT_SHARE = 0.35
VARIANT = 0.6
MAX_TERMS = 16
MAX_PAIRS = 12
_WORD_RE = re.compile(r"[^\W_]+")  # no underscore: words go into LIKE patterns
# Confusions of Vietnamese typed without diacritics or by ear, as (written, meant) prefixes/suffixes.
_INITIALS = [
    ("ch", "tr"),
    ("tr", "ch"),
    ("s", "x"),
    ("x", "s"),
    ("d", "gi"),
    ("gi", "d"),
    ("r", "d"),
    ("d", "r"),
]
_INITIALS += [("l", "n"), ("n", "l")]
_FINALS = [("i", "y"), ("y", "i"), ("nh", "ng"), ("ng", "nh"), ("c", "t"), ("t", "c")]


def words(text: str) -> list[str]:
    """Folded words of `text`: 'Đăng ký, kết hôn!' → ['dang', 'ky', 'ket', 'hon']."""
    return _WORD_RE.findall(fold(text or ""))


@dataclass
class Query:
    """Weighted words to look for.

    `weights[w]`: share of the query × rarity among names; `pairs[(a, b)]`: the same for two words side
    by side; `known`: the total weight of the words some name uses (the most a version can score from
    words; misspellings and words outside the catalog cannot match, so they do not count); `needed`: how
    many of the query's `concepts` a name must hold to be an answer (two when it asks about four things
    or more: a long sentence is not answered by one of its words).
    """

    weights: dict[str, float] = field(default_factory=dict)
    pairs: dict[tuple[str, str], float] = field(default_factory=dict)
    concepts: list[list[str]] = field(default_factory=list)
    known: float = 0.0
    needed: int = 0
    phrase: str = ""

    def terms(self) -> list[str]:
        return list(self.weights)


@dataclass
class _Slot:
    """One position of the query: the word(s) it may stand for, each with its share (mass)."""

    options: list[tuple[str, float]]
    understood: bool = False  # part of a synonym: never read as a misspelling
    # The words standing for one thing the citizen asked about: a typed word and its spellings, or a
    # synonym's phrase and expansion (held by its first slot; the others hold None).
    concept: list[str] | None = None


def parse(query: str, vocabulary: Vocabulary, synonyms: dict[str, tuple[list[str], float]]) -> Query:
    found = words(query)
    if not found:
        return Query()
    meaningful = [w for w in found if w not in FILLER_WORDS] or found
    slots = [_spelled(slot, vocabulary) for slot in _with_synonyms(meaningful, synonyms)]
    masses: dict[str, float] = {}
    for slot in slots:
        for word, mass in slot.options:
            masses[word] = max(masses.get(word, 0.0), mass)
    weights = {word: mass * vocabulary.weight(word) for word, mass in masses.items()}
    weights = dict(sorted(weights.items(), key=lambda item: -item[1])[:MAX_TERMS])
    pairs: dict[tuple[str, str], float] = {}
    for left, right in pairwise(slots):
        for a, mass_a in left.options:
            for b, mass_b in right.options:
                if a == b or a not in weights or b not in weights:
                    continue
                if (a, b) not in vocabulary.pair_frequency:
                    continue
                # Glue words count fully inside a pair: "di chuc" side by side is content.
                strength = min(_unlit(a, mass_a), _unlit(b, mass_b)) * vocabulary.pair_weight(a, b)
                pairs[(a, b)] = max(pairs.get((a, b), 0.0), strength)
    pairs = dict(sorted(pairs.items(), key=lambda item: -item[1])[:MAX_PAIRS])
    known = [w for w in weights if vocabulary.knows(w)]
    # What the citizen asked about: each typed word that names use (glue words aside), each phrase a
    # synonym understood.
    concepts: list[list[str]] = []
    previous: list[str] = []
    for slot in slots:
        held = [w for w in slot.concept or [] if w in known and w not in LIGHT_WORDS]
        if not held:
            previous = []
            continue
        # Two syllables that names use side by side are one word ("giay phep", "xay dung"): one concept.
        if previous and any((a, b) in vocabulary.pair_frequency for a in previous for b in held):
            concepts[-1] = concepts[-1] + [w for w in held if w not in concepts[-1]]
        elif held not in concepts:
            concepts.append(held)
        previous = held
    return Query(
        weights=weights,
        pairs=pairs,
        concepts=concepts,
        known=sum(weights[w] for w in known),
        needed=2 if len(concepts) >= 4 else min(1, len(concepts)),
        phrase=" ".join(meaningful) if len(meaningful) > 1 else "",
    )


def load_synonyms() -> dict[str, tuple[list[str], float]]:
    return {
        term: (words(expansion), float(weight))
        for term, expansion, weight in Synonym.objects.values_list("term_folded", "expansion", "weight")
    }


def _with_synonyms(found: list[str], synonyms: dict[str, tuple[list[str], float]]) -> list[_Slot]:
    longest = max((len(term.split()) for term in synonyms), default=0)
    slots: list[_Slot] = []
    i = 0
    while i < len(found):
        for size in range(min(longest, len(found) - i), 0, -1):
            phrase = " ".join(found[i : i + size])
            if phrase in synonyms:
                expansion, weight = synonyms[phrase]
                kept = [(w, _light(w) * KEPT_SHARE) for w in found[i : i + size]]
                # The expansion shares the phrase's weight: each of its m words gets weight × √(k/m), so
                # the whole expansion counts like √(k·m) words however long the officer wrote it.
                share = min(1.0, weight * (size / max(len(expansion), 1)) ** 0.5)
                added = [(w, _light(w) * share) for w in expansion]
                concept = [w for w, _m in kept + added]
                slots += [_Slot([option], understood=True) for option in kept + added]
                slots[-len(kept + added)].concept = concept
                i += size
                break
        else:
            slots.append(_Slot([(found[i], _light(found[i]))], concept=[found[i]]))
            i += 1
    return slots


def _spelled(slot: _Slot, vocabulary: Vocabulary) -> _Slot:
    """Add what a word that no name uses probably meant; a known word may also carry a regional variant."""
    if slot.understood:
        return slot
    options = list(slot.options)
    for word, mass in slot.options:
        variants = [v for v in _variants(word) if vocabulary.knows(v)]
        if vocabulary.knows(word):
            options += [(v, mass * VARIANT * 0.5) for v in variants[:1]]
            continue
        guesses = variants[:2] or vocabulary.nearest(word)
        options += [(guess, mass * VARIANT) for guess in guesses]
    # A glue word is not something asked about, and neither are its spellings ("cho" → "tro").
    glue = all(word in LIGHT_WORDS for word, _m in slot.options)
    return _Slot(options, concept=None if glue else [w for w, _m in options])


def _variants(word: str) -> list[str]:
    found = []
    for written, meant in _INITIALS:
        if word.startswith(written) and not (written == "d" and word.startswith("gi")):
            found.append(meant + word[len(written) :])
    for written, meant in _FINALS:
        if word.endswith(written):
            found.append(word[: -len(written)] + meant)
    return list(dict.fromkeys(w for w in found if w != word))


def _light(word: str) -> float:
    return LIGHT if word in LIGHT_WORDS else 1.0


def _unlit(word: str, mass: float) -> float:
    return mass / LIGHT if word in LIGHT_WORDS else mass
