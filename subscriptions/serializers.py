"""API fields of the subscription operations (documented with examples, as wagtail/api/v2)."""

from rest_framework import serializers

from .lists import CRITERIA
from .models import Channel, Frequency


class FiltersField(serializers.DictField):
    """The filters of one subscriber list, spelled as the content API's filters.

    Example: `{"topic": "한부모", "district": "jongno", "section": "family-school"}`
    """

    child = serializers.CharField(max_length=500)

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        unknown = sorted(set(value) - set(CRITERIA))
        if unknown:
            raise serializers.ValidationError(
                f"구독할 수 없는 조건입니다: {', '.join(unknown)}. 가능한 값: {', '.join(CRITERIA)}"
            )
        return value


class LanguageFields(serializers.Serializer):
    """The language messages come in: a content language (ko, zh-hans, vi, en), ko when
    absent. `locale` is the same, spelled as the content API's `?locale=`."""

    language = serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text="예: vi"
    )
    locale = serializers.CharField(
        max_length=20, required=False, allow_blank=True, help_text="language와 같음"
    )


class EmailSubscribeSerializer(LanguageFields):
    email = serializers.CharField(max_length=254, help_text="예: family@example.com")
    filters = FiltersField(required=False, default=dict)
    frequency = serializers.ChoiceField(
        Frequency.choices, default=Frequency.IMMEDIATE, help_text="immediate, daily, weekly"
    )


class PushKeysSerializer(serializers.Serializer):
    p256dh = serializers.CharField(max_length=200)
    auth = serializers.CharField(max_length=100)


class DeviceSerializer(serializers.Serializer):
    """A browser's `PushSubscription.toJSON()` (`endpoint`, `keys`) or an app's token.

    Example (Web Push): `{"endpoint": "https://fcm.googleapis.com/fcm/send/…",
    "keys": {"p256dh": "BNc…", "auth": "tBH…"}}`; (app): `{"platform": "fcm", "token": "dQw…"}`
    """

    endpoint = serializers.CharField(max_length=1000, required=False)
    keys = PushKeysSerializer(required=False)
    platform = serializers.ChoiceField(["fcm", "apns"], required=False)
    token = serializers.CharField(max_length=4096, required=False)


class DeviceRegisterSerializer(LanguageFields):
    channel = serializers.ChoiceField([Channel.WEB_PUSH, Channel.APP], help_text="webpush 또는 app")
    device = DeviceSerializer()
    filters = FiltersField(required=False, allow_null=True, default=None)


class ListAddSerializer(serializers.Serializer):
    filters = FiltersField()


class SubscribedListSerializer(serializers.Serializer):
    """One list a device is on. Example: `{"id": 3, "title": "주제: 육아 · 지역: 종로구",
    "criteria": {"topic": ["parenting"], "district": ["jongno-gu"]}}`"""

    id = serializers.IntegerField(source="subscriber_list.id")
    title = serializers.CharField(source="subscriber_list.title")
    criteria = serializers.DictField(source="subscriber_list.criteria")


class DeviceStateSerializer(serializers.Serializer):
    """A device's subscriptions, and the token that manages them (keep it on the device)."""

    token = serializers.CharField(help_text="X-Subscription-Token 헤더로 보낼 관리 토큰")
    channel = serializers.CharField()
    language = serializers.CharField(help_text="알림 언어. 예: vi")
    subscriptions = SubscribedListSerializer(many=True)


class MessageSerializer(serializers.Serializer):
    message = serializers.CharField(help_text="사람이 읽는 한국어 안내")


class VapidKeySerializer(serializers.Serializer):
    public_key = serializers.CharField(help_text="applicationServerKey (base64url)")
