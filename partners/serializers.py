"""JSON of partner news items, each crediting the agency it comes from."""

from rest_framework import serializers

from .models import PartnerItem


class SourceField(serializers.Field):
    """Who published the item and where the original is.

    Example: `{"agency": {"id": 3, "name": "서울시립 청소년미디어센터",
    "url": "https://www.youthnavi.net/"}, "feed": "유스내비 소식",
    "link": "https://www.youthnavi.net/news/1"}`
    """

    def __init__(self, **kwargs):
        kwargs["source"] = "*"
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, item: PartnerItem) -> dict:
        agency = item.feed.agency
        return {
            "agency": {"id": agency.pk, "name": agency.name, "url": agency.url},
            "feed": item.feed.title,
            "link": item.link,
        }


class PartnerItemSerializer(serializers.ModelSerializer):
    """One item of 협력기관 소식.

    Example: `{"id": 12, "title": "청소년 미디어 캠프 참가자 모집", "link": "https://…",
    "summary_html": "<p>…</p>", "published": "2026-11-30T09:00:00+09:00",
    "section": "family-info", "source": {…}}`. `summary_html` is sanitised
    (text markup and links only).
    """

    section = serializers.CharField(source="feed.section", read_only=True)
    source = SourceField()

    class Meta:
        model = PartnerItem
        fields = ["id", "title", "link", "summary_html", "published", "section", "source"]
        read_only_fields = fields
