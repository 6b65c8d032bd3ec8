"""JSON of partner news items, each crediting the agency it comes from."""

from rest_framework import serializers

from .models import PartnerItem


class PartnerAgencyCreditSerializer(serializers.Serializer):
    """The agency an item comes from.

    Example: `{"id": 3, "name": "서울시립 청소년미디어센터", "url": "https://www.youthnavi.net/"}`
    """

    id = serializers.IntegerField()
    name = serializers.CharField()
    url = serializers.URLField()


class PartnerItemSourceSerializer(serializers.Serializer):
    """Who published the item and where the original is.

    Example: `{"agency": {…}, "feed": "유스내비 소식", "link": "https://www.youthnavi.net/news/1"}`
    """

    agency = PartnerAgencyCreditSerializer(source="feed.agency")
    feed = serializers.CharField(source="feed.title")
    link = serializers.URLField()


class PartnerItemSerializer(serializers.ModelSerializer):
    """One item of 협력기관 소식.

    Example: `{"id": 12, "title": "청소년 미디어 캠프 참가자 모집", "link": "https://…",
    "summary_html": "<p>…</p>", "published": "2026-11-30T09:00:00+09:00",
    "section": "family-info", "source": {…}}`. `summary_html` is sanitised
    (text markup and links only).
    """

    section = serializers.CharField(source="feed.section", read_only=True)
    # An API field named "source": DRF's metaclass takes it out of the class attributes, so it
    # does not shadow `Field.source` as the stubs believe.
    source = PartnerItemSourceSerializer(source="*", read_only=True)  # type: ignore[assignment]

    class Meta:
        model = PartnerItem
        fields = ["id", "title", "link", "summary_html", "published", "section", "source"]
        read_only_fields = fields
