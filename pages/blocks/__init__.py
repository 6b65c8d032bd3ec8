from .base import (
    BaseStreamBlock,
    DocumentLinkBlock,
    HeadingBlock,
    ImageWithCaptionBlock,
    LinkBlock,
    QuoteBlock,
)
from .report import (
    ChartBlock,
    DataSourceBlock,
    KeyFindingsBlock,
    ReportStreamBlock,
    StatisticsTableBlock,
)

__all__ = [
    "BaseStreamBlock",
    "ChartBlock",
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
