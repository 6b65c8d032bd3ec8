"""/api/v2/subscriptions/: the app's and the frontend's subscription operations.

Anonymous: a registered device gets a management token (signed, revoked when the device
leaves) and sends it as `X-Subscription-Token`. Errors use the one JSON envelope.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django_ratelimit.core import get_usage
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from content.errors import error_response
from infra.ratelimit import Quota, add_quota_headers, too_many_requests
from pages.vocabulary import InvalidFilter

from .lists import confirmed_subscriptions, list_for
from .models import Subscriber, Subscription
from .serializers import (
    DeviceRegisterSerializer,
    DeviceStateSerializer,
    EmailSubscribeSerializer,
    ListAddSerializer,
    MessageSerializer,
    SubscribedListSerializer,
    VapidKeySerializer,
)
from .services import (
    SubscriptionError,
    add_list,
    email_address_hash,
    manage_token,
    register_device,
    subscribe_email,
    subscriber_for_token,
    unsubscribe,
)

TOKEN_HEADER = "X-Subscription-Token"  # noqa: S105 - a header name
NO_STORE = {"Cache-Control": "no-store"}
ERROR = OpenApiResponse(OpenApiTypes.OBJECT, description='`{"error": {"code", "message"}}`')
TOKEN_PARAMETER = OpenApiParameter(
    TOKEN_HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="기기를 등록할 때 받은 관리 토큰",
)


def _subscribe_rate(group, request):
    return settings.SUBSCRIPTIONS_SUBSCRIBE_RATE or None


def _manage_rate(group, request):
    return settings.SUBSCRIPTIONS_MANAGE_RATE or None


class QuotaUsedUp(exceptions.Throttled):
    def __init__(self, quota: Quota):
        super().__init__()
        self.quota = quota


class SubscriptionAPIView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    parser_classes = [JSONParser]
    rate = staticmethod(_manage_rate)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        rate = self.rate(None, request)
        if not rate:
            return
        usage = get_usage(
            request,
            group=f"subscriptions:{type(self).__name__}",
            key="ip",
            rate=rate,
            increment=True,
        )
        if usage is not None and usage["should_limit"]:
            raise QuotaUsedUp(Quota.of("subscriptions", rate, usage))

    def handle_exception(self, exc):
        if isinstance(exc, QuotaUsedUp):
            return too_many_requests(exc.quota, "요청이 너무 많습니다. 잠시 후 다시 시도해 주세요.")
        if isinstance(exc, exceptions.ParseError):
            return error_response(
                "malformed", "요청 본문을 읽을 수 없습니다. JSON을 확인해 주세요.", 400
            )
        if isinstance(exc, exceptions.UnsupportedMediaType):
            return error_response(
                "unsupported_media_type", "application/json으로 보내 주세요.", 415
            )
        if isinstance(exc, InvalidFilter | SubscriptionError):
            return error_response("invalid", str(exc), 400)
        return super().handle_exception(exc)

    def valid(self, serializer_class, request: Request):
        if not isinstance(request.data, dict):
            raise exceptions.ParseError
        serializer = serializer_class(data=request.data)
        if not serializer.is_valid():
            raise InvalidFields(serializer.errors)
        return serializer.validated_data

    def subscriber(self, request: Request) -> Subscriber:
        subscriber = subscriber_for_token(request.headers.get(TOKEN_HEADER, ""))
        if subscriber is None:
            raise exceptions.NotFound
        return subscriber


class InvalidFields(exceptions.ValidationError):
    pass


def fields_error(exc: InvalidFields):
    return error_response("invalid", "입력한 내용을 확인해 주세요.", 400, fields=exc.detail)


def device_state(subscriber: Subscriber) -> dict:
    return DeviceStateSerializer(
        {
            "token": manage_token(subscriber),
            "channel": subscriber.channel,
            "language": subscriber.language,
            "subscriptions": confirmed_subscriptions(subscriber),
        }
    ).data


class ValidatingView(SubscriptionAPIView):
    def handle_exception(self, exc):
        if isinstance(exc, InvalidFields):
            return fields_error(exc)
        if isinstance(exc, exceptions.NotFound):
            return error_response(
                "not_found", "구독을 찾을 수 없습니다. 관리 토큰을 확인해 주세요.", 404
            )
        return super().handle_exception(exc)


class EmailSubscribeView(ValidatingView):
    rate = staticmethod(_subscribe_rate)

    @extend_schema(
        operation_id="subscriptions_email_subscribe",
        summary="이메일 구독 신청 (확인 메일 발송)",
        request=EmailSubscribeSerializer,
        responses={202: MessageSerializer, 400: ERROR, 429: ERROR},
        tags=["subscriptions"],
    )
    def post(self, request: Request) -> HttpResponse:
        data = self.valid(EmailSubscribeSerializer, request)
        quota = address_quota(request, data["email"])
        if quota is not None and quota.limited:
            return too_many_requests(
                quota.quota,
                "이 주소로 확인 메일을 이미 여러 번 보냈습니다. 잠시 후 다시 시도해 주세요.",
            )
        subscribe_email(
            data["email"], data["filters"], data["frequency"], language_of(request.data)
        )
        response = Response(
            {"message": "확인 메일을 보냈습니다. 메일의 링크를 열면 구독이 시작됩니다."},
            status=status.HTTP_202_ACCEPTED,
            headers=NO_STORE,
        )
        return add_quota_headers(response, quota.quota) if quota is not None else response


def language_of(data: dict):
    """The subscriber's language as the client names it: `language`, or `locale` as the
    content API spells it (the frontend sends its current language); validated in services."""
    return data.get("language", data.get("locale"))


@dataclass(frozen=True)
class AddressQuota:
    quota: Quota
    limited: bool


def address_quota(request: Request, email: str) -> AddressQuota | None:
    """Count a confirmation e-mail against its address (keyed hash, never the address), so
    one address cannot be flooded from many IPs; None when the limit is off."""
    rate = settings.SUBSCRIPTIONS_ADDRESS_RATE
    if not rate:
        return None
    digest = email_address_hash(email)  # a Korean 400 for a malformed address
    usage = get_usage(
        request,
        group="subscriptions:address",
        key=lambda group, request: digest,
        rate=rate,
        increment=True,
    )
    if usage is None or not usage["limit"]:
        return None
    return AddressQuota(Quota.of("subscribe-address", rate, usage), usage["should_limit"])


class DeviceRegisterView(ValidatingView):
    rate = staticmethod(_subscribe_rate)

    @extend_schema(
        operation_id="subscriptions_device_register",
        summary="웹 푸시 구독 또는 앱 기기 등록",
        request=DeviceRegisterSerializer,
        responses={201: DeviceStateSerializer, 400: ERROR, 429: ERROR},
        tags=["subscriptions"],
    )
    def post(self, request: Request) -> Response:
        data = self.valid(DeviceRegisterSerializer, request)
        subscriber = register_device(
            data["channel"], request.data.get("device"), data["filters"], language_of(request.data)
        )
        return Response(device_state(subscriber), status=201, headers=NO_STORE)


class DeviceView(ValidatingView):
    @extend_schema(
        operation_id="subscriptions_device_read",
        summary="기기의 구독 목록",
        parameters=[TOKEN_PARAMETER],
        responses={200: DeviceStateSerializer, 404: ERROR, 429: ERROR},
        tags=["subscriptions"],
    )
    def get(self, request: Request) -> Response:
        return Response(device_state(self.subscriber(request)), headers=NO_STORE)

    @extend_schema(
        operation_id="subscriptions_device_unsubscribe",
        summary="구독 모두 해지 (기기 삭제)",
        parameters=[TOKEN_PARAMETER],
        responses={200: MessageSerializer, 404: ERROR, 429: ERROR},
        tags=["subscriptions"],
    )
    def delete(self, request: Request) -> Response:
        unsubscribe(self.subscriber(request))
        return Response({"message": "구독을 모두 해지했습니다."}, headers=NO_STORE)


class DeviceListsView(ValidatingView):
    @extend_schema(
        operation_id="subscriptions_device_add_list",
        summary="기기에 구독 목록 추가",
        parameters=[TOKEN_PARAMETER],
        request=ListAddSerializer,
        responses={201: SubscribedListSerializer, 400: ERROR, 404: ERROR, 429: ERROR},
        tags=["subscriptions"],
    )
    def post(self, request: Request) -> Response:
        subscriber = self.subscriber(request)
        data = self.valid(ListAddSerializer, request)
        subscription = add_list(subscriber, list_for(data["filters"]))
        return Response(SubscribedListSerializer(subscription).data, status=201, headers=NO_STORE)


class DeviceListView(ValidatingView):
    @extend_schema(
        operation_id="subscriptions_device_remove_list",
        summary="기기의 구독 목록 하나 해지",
        parameters=[TOKEN_PARAMETER],
        responses={200: MessageSerializer, 404: ERROR, 429: ERROR},
        tags=["subscriptions"],
    )
    def delete(self, request: Request, list_id: str) -> Response:
        subscriber = self.subscriber(request)
        if not list_id.isdigit() or len(list_id) > 18:
            raise exceptions.NotFound
        deleted, _ = Subscription.objects.filter(
            subscriber=subscriber, subscriber_list_id=int(list_id)
        ).delete()
        if not deleted:
            raise exceptions.NotFound
        return Response({"message": "구독 목록 하나를 해지했습니다."}, headers=NO_STORE)


class VapidKeyView(SubscriptionAPIView):
    @extend_schema(
        operation_id="subscriptions_vapid_key",
        summary="웹 푸시 applicationServerKey",
        responses={200: VapidKeySerializer},
        tags=["subscriptions"],
    )
    def get(self, request: Request) -> Response:
        return Response({"public_key": settings.WEBPUSH_VAPID_PUBLIC_KEY})
