"""Korean phone numbers as citizens type them, in the one form the portal stores."""

import re

PHONE_PATTERN = re.compile(
    r"^(?:"
    r"01[016789]-?\d{3,4}-?\d{4}"  # mobile
    r"|02-?\d{3,4}-?\d{4}"  # Seoul
    r"|0(?:3[1-3]|4[1-4]|5[1-5]|6[1-4])-?\d{3,4}-?\d{4}"  # other regions
    r"|070-?\d{3,4}-?\d{4}"  # internet phone
    r")$"
)


def normalize_phone(value: str) -> str | None:
    """`01012345678`, `010-1234-5678` or `010 1234 5678` → `010-1234-5678`; None if not Korean."""
    compact = re.sub(r"[\s.()]", "", value)
    if not PHONE_PATTERN.match(compact):
        return None
    digits = compact.replace("-", "")
    area_length = 2 if digits.startswith("02") else 3
    area, rest = digits[:area_length], digits[area_length:]
    return f"{area}-{rest[:-4]}-{rest[-4:]}"
