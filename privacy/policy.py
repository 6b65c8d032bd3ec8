"""The 개인정보 처리방침 (privacy policy), generated from what the code actually does.

Each feature that processes personal data names a function in `PRIVACY_PROCESSING` (settings)
returning its `Processing`: purposes, the items read from its model fields' labels, and the
retention days from its settings. The page can therefore never say something the code does
not do, and a feature added later (applications) joins by adding one dotted path.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Processing:
    name: str  # 업무 (온라인 상담 …)
    purposes: list[str]
    required_items: list[str]
    optional_items: list[str]
    retention_days: int
    log_retention_days: int | None
    legal_basis: str


def processings() -> list[Processing]:
    return [import_string(path)() for path in settings.PRIVACY_PROCESSING]
