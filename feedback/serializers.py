"""What the feedback endpoint reads and answers."""

from rest_framework import serializers
from wagtail.models import Page

from content.visibility import searchable_pages

from .models import COMMENT_MAX_LENGTH, PageFeedback


class FeedbackSubmissionSerializer(serializers.Serializer):
    """A citizen's answer. `page`: the page's id (e.g. 12); `helpful`: true or false;
    `comment`: optional, up to 500 characters, no personal details
    (e.g. "신청 서류 목록이 있으면 좋겠어요")."""

    page = serializers.IntegerField(
        min_value=1, error_messages={"invalid": "페이지 번호가 올바르지 않습니다."}
    )
    helpful = serializers.BooleanField(
        error_messages={"invalid": "도움이 되었는지 예 또는 아니요로 알려 주세요."}
    )
    comment = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=COMMENT_MAX_LENGTH,
        trim_whitespace=True,
        error_messages={"max_length": f"의견은 {COMMENT_MAX_LENGTH}자까지 쓸 수 있습니다."},
    )

    def validate_page(self, value: int) -> Page:
        page = searchable_pages().filter(pk=value).first()
        if page is None:
            raise serializers.ValidationError("의견을 남길 수 있는 공개 페이지가 아닙니다.")
        return page

    def create(self, validated_data) -> PageFeedback:
        return PageFeedback.objects.create(**validated_data)


class FeedbackReceiptSerializer(serializers.Serializer):
    """The answer to a stored feedback: `message` to show the citizen (e.g. "의견 고맙습니다.")."""

    message = serializers.CharField()
