from .base import (
    BaseStreamBlock,
    DocumentLinkBlock,
    HeadingBlock,
    ImageWithCaptionBlock,
    LinkBlock,
    QuoteBlock,
)
from .report import (
    DataSourceBlock,
    KeyFindingsBlock,
    ReportStreamBlock,
    StatisticsTableBlock,
)

__all__ = [
    "BaseStreamBlock",
    "DataSourceBlock",
    "DocumentLinkBlock",
    "HeadingBlock",
    "ImageWithCaptionBlock",
    "KeyFindingsBlock",
    "LinkBlock",
    "QuoteBlock",
    "ReportStreamBlock",
    "StatisticsTableBlock",
]
