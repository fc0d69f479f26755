"""Which numbered paragraphs of a report discuss an improvement point, and reading paragraph citations."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from inspections.draft_points import numbers_in

# Words too common in these reports to say which paragraph a point is about.
_STOP = frozenset(
    re.findall(
        r"\w+",
        """
    a about after all also an and any are as at be been being between both but by can children child childrens
    families family for from has have how in including into is it its more most need needs not of on or other so
    some such than that the their them there these they this those through to under was were what when where which
    while who whom will with within work young people person ensure improve improvement quality effective
    effectiveness consistent consistently all local authority service services social workers worker practice
    support
""",
    )
)
_CITATION = re.compile(r"\bpara(?:graph)?s?\.?\s+((?:\d{1,3}(?:\s*-\s*\d{1,3})?(?:\s*(?:,|and|&)\s*)?)+)", re.I)
_ITEM = re.compile(r"\b(?:item|no\.|recommendation|point)\s+(\d{1,3})\b", re.I)
MAX_SUGGESTED = 3
KEEP_WITHIN = 0.5  # a second or third paragraph is suggested only if it scores at least this share of the best
# BM25's usual constants; a word pair counts half a word, so a paragraph sharing "management oversight" beats one
# sharing only "management" without drowning the single telling words. Measured with bench/bench_draft.py.
K1, B, PAIR_WEIGHT = 1.2, 0.75, 0.5


@dataclass(frozen=True)
class Suggestion:
    number: int
    score: float
    shared: tuple[str, ...]  # the point's words the paragraph also uses, most telling first


def cited_paragraphs(text: str) -> set[int]:
    """Paragraph numbers in a citation: "What needs to improve (p. 2); paras 6, 8" -> {6, 8}; pages are ignored."""
    found: set[int] = set()
    for match in _CITATION.finditer(text or ""):
        found.update(numbers_in(match.group(1)))
    return found


def cited_items(text: str) -> set[int]:
    """List positions in a citation ("Recommendations, item 3", "no. 3", "recommendation 3", "point 3")."""
    return {int(n) for n in _ITEM.findall(text or "")}


def terms(text: str) -> list[str]:
    """Content words, lower case and singular, without the words every paragraph uses."""
    words = re.findall(r"[a-z0-9]+", text.casefold().replace("'s", ""))
    return [_stem(w) for w in words if w not in _STOP and len(w) > 2 and not w.isdigit()]


_SUFFIXES = ("ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s")


def _stem(word: str) -> str:
    """A crude stem, so that fostered, fostering and foster, or plans and planning, count as one word."""
    for suffix in _SUFFIXES:
        shortest = 3 if suffix == "s" else 4  # IROs -> IRO, but "ing" is not stripped from "bring"
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest and not word.endswith("ss"):
            stem = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # planning -> plann -> plan
            return stem
    return word


def _grams(words: list[str]) -> list[str]:
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def _as_printed(gram: str, printed: dict[str, str]) -> str:
    """A stem as the point spells it ("identific" -> "identification"), so the draft's comment reads as words."""
    return " ".join(printed.get(part, part) for part in gram.split())


def suggest(point: str, paragraphs: dict[int, str], candidates: set[int] | None = None) -> list[Suggestion]:
    """The paragraphs sharing most of the point's telling words (BM25 over words and word pairs), best first.

    Only `candidates` are considered (all paragraphs when None); the best is always kept, others if they score
    close to it. An empty list means no paragraph shares a telling word with the point.
    """
    pool = {n: _grams(terms(t)) for n, t in paragraphs.items() if candidates is None or n in candidates}
    if not pool:
        return []
    frequency = Counter(g for grams in pool.values() for g in set(grams))
    average = sum(len(g) for g in pool.values()) / len(pool) or 1.0
    query = list(dict.fromkeys(_grams(terms(point))))
    printed = {_stem(w): w for w in reversed(re.findall(r"[a-z0-9]+", point.casefold().replace("'s", "")))}
    scored = []
    for number, grams in pool.items():
        counts = Counter(grams)
        score, shared = 0.0, []
        for gram in query:
            if gram not in counts:
                continue
            idf = math.log(1 + (len(pool) - frequency[gram] + 0.5) / (frequency[gram] + 0.5))
            tf = counts[gram]
            weight = PAIR_WEIGHT if " " in gram else 1.0
            score += weight * idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * len(grams) / average))
            shared.append((idf, gram))
        if score > 0:
            words = tuple(_as_printed(g, printed) for _, g in sorted(shared, reverse=True))
            scored.append(Suggestion(number, round(score, 3), words))
    scored.sort(key=lambda s: (-s.score, s.number))
    if not scored:
        return []
    best = scored[0].score
    return [s for s in scored[:MAX_SUGGESTED] if s.score >= KEEP_WITHIN * best]
