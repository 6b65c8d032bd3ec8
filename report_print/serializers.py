"""The edition's printed book in the content API."""

from typing import Any

from api.schema.types import DATE_TIME, INTEGER, URI, nullable, obj
from api.serializers import ReadOnlyObjectField


class PrintPdfField(ReadOnlyObjectField):
    """`print_pdf`: the edition's print-ready PDF, or null until it is built.

    Example: {"url": "https://…/media/print/hope-seoul-happy-family-2017-….pdf",
    "size": 412345, "page_count": 24, "built_at": "2017-12-18T10:00:00+09:00"}
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, edition) -> dict[str, Any] | None:
        from api.representation import absolute_url

        from .models import EditionPrint

        record = EditionPrint.objects.filter(edition_id=edition.pk).first()
        if record is None or not record.file:
            return None
        return {
            "url": absolute_url(self.context.get("request"), record.file.url),
            "size": record.size,
            "page_count": record.page_count,
            "built_at": record.built_at.isoformat(),
        }

    def openapi_schema(self, model_field=None) -> dict:
        return nullable(
            obj(
                {
                    "url": {**URI, "example": "https://family.seoul.go.kr/media/print/2017.pdf"},
                    "size": {**INTEGER, "description": "bytes", "example": 412345},
                    "page_count": {**INTEGER, "example": 24},
                    "built_at": {**DATE_TIME, "example": "2017-12-18T10:00:00+09:00"},
                },
                required=["url", "size", "page_count", "built_at"],
            )
        )
