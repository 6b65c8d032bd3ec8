"""Every character of the book must have a glyph in the embedded fonts.

Typst draws a character its fonts lack as an empty box and says nothing, so the text is
checked against the fonts' character maps before typesetting.
"""

from collections.abc import Iterable
from functools import cache

from fontTools.ttLib import TTFont


@cache
def covered_code_points(font_paths: tuple[str, ...]) -> frozenset[int]:
    code_points: set[int] = set()
    for path in font_paths:
        code_points.update(TTFont(path, lazy=True).getBestCmap())
    return frozenset(code_points)


def strings_in(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings_in(item)


def missing_characters(data, font_paths: tuple[str, ...]) -> list[str]:
    """Characters in `data` (text, not file names) that no font can draw, in order of appearance."""
    covered = covered_code_points(font_paths)
    missing: dict[str, None] = {}
    for text in strings_in(data):
        for character in text:
            if character.isspace() or ord(character) in covered:
                continue
            missing[character] = None
    return list(missing)
