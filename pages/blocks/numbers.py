"""Numbers as Korean statistics tables write them: "1,234", "2만5천", "3.5억", "12.5%", "△3".

Agencies send spreadsheets whose cells mix these forms; editors paste them as they are.
A cell without any digit ("", "-", "－", "해당 없음") is text, not a number.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

SMALL_UNITS = {"십": 10, "백": 100, "천": 1000}
LARGE_UNITS = {"만": 10**4, "억": 10**8, "조": 10**12}
NEGATIVE_SIGNS = ("-", "△", "▽")
TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|[십백천만억조]")
EXAMPLES = "예: 1,234 / 2만5천 / 3.5억 / 12.5% / △3"

Number = int | float


class NumberFormatError(ValueError):
    """A cell that looks like a number but cannot be read as one; the message is Korean."""


def has_digit(text: str) -> bool:
    return any(character.isdigit() for character in text)


def parse_korean_number(text: str) -> Number:
    """The number a cell means; raises NumberFormatError with a Korean reason."""
    cleaned = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text)))
    if not has_digit(cleaned):
        raise NumberFormatError(f"'{text}'에 숫자가 없습니다. {EXAMPLES}")
    sign = 1
    if cleaned.startswith(NEGATIVE_SIGNS):
        sign, cleaned = -1, cleaned[1:]
    elif cleaned.startswith("+"):
        cleaned = cleaned[1:]
    cleaned = cleaned.removesuffix("%")
    tokens = TOKEN.findall(cleaned)
    if "".join(tokens) != cleaned:
        raise NumberFormatError(f"'{text}'을(를) 숫자로 읽을 수 없습니다. {EXAMPLES}")
    value = _combine(tokens, text) * sign
    return int(value) if value == value.to_integral_value() else float(value)


def _combine(tokens: list[str], text: str) -> Decimal:
    """Add up Korean place-value groups: 1억 2천만 = 1×10⁸ + (2×10³)×10⁴."""
    total = section = Decimal(0)
    pending: Decimal | None = None
    last_small = last_large = None
    for token in tokens:
        if token in SMALL_UNITS:
            unit = SMALL_UNITS[token]
            if last_small is not None and unit >= last_small:
                raise NumberFormatError(f"'{text}'의 단위 순서가 올바르지 않습니다. {EXAMPLES}")
            section += (pending if pending is not None else 1) * unit
            pending, last_small = None, unit
        elif token in LARGE_UNITS:
            unit = LARGE_UNITS[token]
            if last_large is not None and unit >= last_large:
                raise NumberFormatError(f"'{text}'의 단위 순서가 올바르지 않습니다. {EXAMPLES}")
            group = section + (pending or 0)
            total += (group or 1) * unit
            section, pending, last_small, last_large = Decimal(0), None, None, unit
        else:
            if pending is not None:
                raise NumberFormatError(f"'{text}'을(를) 숫자로 읽을 수 없습니다. {EXAMPLES}")
            try:
                pending = Decimal(token.replace(",", ""))
            except InvalidOperation as error:
                raise NumberFormatError(f"'{text}'을(를) 숫자로 읽을 수 없습니다.") from error
    return total + section + (pending or 0)


def parse_cell(text) -> str | Number:
    """A data cell as stored: a number when it has digits, else its trimmed text.

    Numbers already parsed (from a spreadsheet file or a stored value) pass through.
    """
    if isinstance(text, bool):
        return str(text)
    if isinstance(text, int | float):
        return text
    stripped = str(text or "").strip()
    if not has_digit(stripped):
        return "-" if unicodedata.normalize("NFKC", stripped) in {"-", "–", "—"} else stripped
    return parse_korean_number(stripped)
