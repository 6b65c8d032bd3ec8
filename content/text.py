"""The one normaliser of Korean text that people type or paste: paths, searches, filters, imports.

The same words reach the portal in several encodings: decomposed Hangul (NFD) from macOS file
names and some keyboards, full-width Latin letters and digits (`ＡＢＣ１２３`) from Korean input
methods, invisible control and format characters from spreadsheets and PDFs. After
`normalise_text` they compare equal to what editors wrote:

- NFC (composed syllables, as Wagtail stores titles and slugs);
- full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space folded to their ASCII forms;
- whitespace controls (tab, newline …) become spaces, unless `keep_newlines`; every other
  control, format (zero-width, BOM), surrogate or private-use character is dropped (PostgreSQL
  refuses NUL in any query).

Not NFKC: it would also turn Hangul compatibility jamo (ㄱ, ㅏ, typed alone in chosung searches
such as "ㅎㅂㅁ") into conjoining jamo that no index holds, and rewrite ①, ㎡ and the like.
"""

import unicodedata

FULL_WIDTH_TO_ASCII = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
WHITESPACE_CONTROLS = frozenset("\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85")


def normalise_text(text: str, *, keep_newlines: bool = False) -> str:
    """`text` in the one form the portal stores and compares (see the module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(FULL_WIDTH_TO_ASCII)
    kept = []
    for char in text:
        if char == "\n" and keep_newlines:
            kept.append(char)
        elif char in WHITESPACE_CONTROLS:
            kept.append(" ")
        elif unicodedata.category(char)[0] != "C":
            kept.append(char)
    return "".join(kept)
