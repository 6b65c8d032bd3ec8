"""Korean-aware "did you mean": edit distance over jamo, so 한부머 is one step from 한부모.

Counted in syllables, 한부머 and 한부모 differ by one of three letters, as do 한부머 and 한부채;
counted in jamo (ㅎㅏㄴㅂㅜㅁㅓ / ㅎㅏㄴㅂㅜㅁㅗ) one vowel of nine differs, which tells a typo
from another word. Candidates are the indexed terms, read once per content version.
"""

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_LEADS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_TAILS = " ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"


def jamo(text: str) -> str:
    """`text` with each Hangul syllable written as its letters (한 → ㅎㅏㄴ)."""
    letters = []
    for char in text:
        code = ord(char)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            offset = code - _HANGUL_FIRST
            letters.append(_LEADS[offset // 588])
            letters.append(_VOWELS[(offset % 588) // 28])
            if offset % 28:
                letters.append(_TAILS[offset % 28])
        else:
            letters.append(char)
    return "".join(letters)


def max_distance(term: str) -> int:
    """Typos allowed: one letter in a short word, two in a word of four syllables or more."""
    return 1 if len(term) < 4 else 2


class Speller:
    """The closest known term to a word that is not known."""

    def __init__(self, terms: list[str]):
        self.known = {term for term in terms if len(term) > 1}
        # By length in syllables: a correction is at most one syllable longer or shorter, so
        # a word is compared with those lengths only, not the whole vocabulary.
        self.by_length: dict[int, tuple[list[str], list[str]]] = {}
        for term in sorted(self.known):
            terms_of_length, spelled = self.by_length.setdefault(len(term), ([], []))
            terms_of_length.append(term)
            spelled.append(jamo(term))

    def corrections(self, word: str, limit: int = 5) -> list[str]:
        """Known terms within `max_distance` jamo edits of `word`, closest first."""
        if word in self.known or len(word) < 2:
            return []
        spelled = jamo(word)
        found: list[tuple[int, int, str]] = []
        for length in (len(word) - 1, len(word), len(word) + 1):
            terms, candidates = self.by_length.get(length, ((), ()))
            matches = process.extract(
                spelled,
                candidates,
                scorer=Levenshtein.distance,
                score_cutoff=max_distance(word),
                limit=limit * 4,
            )
            found.extend(
                (distance, abs(length - len(word)), terms[index]) for _, distance, index in matches
            )
        return [term for *_, term in sorted(found)[:limit]]


def _trigrams(spelled: str) -> set[str]:
    return {spelled[start : start + 3] for start in range(len(spelled) - 2)}


class LookalikeTitles:
    """Titles that look like a text, over jamo (for a search that found nothing).

    Rapidfuzz's partial ratio decides, but only among the titles sharing the most jamo
    trigrams with the text, counted over every title at once: comparing 20,000 titles one by
    one took longer than the search itself.
    """

    CANDIDATES = 200

    def __init__(self, titles: list[str]):
        self.spelled = [jamo(title) for title in titles]
        numbers_by_gram: dict[str, list[int]] = {}
        for number, spelled in enumerate(self.spelled):
            for gram in _trigrams(spelled):
                numbers_by_gram.setdefault(gram, []).append(number)
        self.titles_by_gram = {
            gram: np.array(numbers, dtype=np.int32) for gram, numbers in numbers_by_gram.items()
        }

    def find(self, text: str, limit: int, score_cutoff: int) -> list[int]:
        """Positions of the titles most like `text` (0–100 over jamo, at least the cutoff)."""
        spelled = jamo(text)
        postings = [
            self.titles_by_gram[gram] for gram in _trigrams(spelled) if gram in self.titles_by_gram
        ]
        if not postings:
            return []
        shared = np.bincount(np.concatenate(postings), minlength=len(self.spelled))
        count = min(self.CANDIDATES, len(shared))
        best = np.argpartition(-shared, count - 1)[:count]
        candidates = [int(number) for number in best if shared[number]]
        matches = process.extract(
            spelled,
            [self.spelled[number] for number in candidates],
            scorer=fuzz.partial_ratio,
            limit=limit,
            score_cutoff=score_cutoff,
        )
        return [candidates[position] for *_, position in matches]
