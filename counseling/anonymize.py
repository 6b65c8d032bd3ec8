"""Removing personal data from counseling text before it becomes a public FAQ."""

import re

REDACTED = "[개인정보 삭제]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Resident registration numbers (주민등록번호) and foreigner registration numbers.
REGISTRATION_NUMBER = re.compile(r"(?<!\d)\d{6}\s*-?\s*[1-8]\d{6}(?!\d)")
# Mobile (010 …), Seoul (02), regional (031 … 064) and internet (070) numbers,
# with hyphens, dots, spaces or nothing between the parts; +82 international form too.
PHONE = re.compile(
    r"(?<!\d)(?:\+82[\s.-]?|0)(?:1[016789]|2|[3-6][1-5]|70)[\s.)-]?\d{3,4}[\s.-]?\d{4}(?!\d)"
)


def anonymize(text: str, *, names: tuple[str, ...] = ()) -> str:
    """Replace e-mail addresses, phone and registration numbers and the given names."""
    text = EMAIL.sub(REDACTED, text)
    text = REGISTRATION_NUMBER.sub(REDACTED, text)
    text = PHONE.sub(REDACTED, text)
    for name in names:
        if name and name.strip():
            text = text.replace(name.strip(), REDACTED)
    return text
