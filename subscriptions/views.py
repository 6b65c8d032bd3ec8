"""The signed-link pages people open from an e-mail: confirm, manage, leave. No account.

`unsubscribe` answers RFC 8058: a POST (the mail client's one-click, or the page's button)
leaves at once; a GET only shows the button, since mail scanners follow links.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from .lists import confirmed_subscriptions
from .models import Frequency, Subscription
from .services import confirm, subscriber_for_token, unsubscribe

INVALID_LINK = "링크가 올바르지 않거나 이미 해지된 구독입니다."


def invalid(request, message: str = INVALID_LINK) -> HttpResponse:
    return render(request, "subscriptions/message.html", {"message": message}, status=404)


@never_cache
@require_http_methods(["GET"])
def confirm_view(request, token: str):
    subscription = confirm(token)
    if subscription is None:
        return invalid(
            request, "확인 링크가 올바르지 않거나 기한이 지났습니다. 다시 신청해 주세요."
        )
    return render(
        request,
        "subscriptions/message.html",
        {
            "message": f"'{subscription.subscriber_list.title}' 구독이 확인되었습니다.",
            "manage_token": token_for(subscription),
        },
    )


def token_for(subscription: Subscription) -> str:
    from .services import manage_token

    return manage_token(subscription.subscriber)


@never_cache
@csrf_exempt  # the link itself is the credential; mail clients POST without a session
@require_http_methods(["GET", "POST"])
def manage_view(request, token: str):
    subscriber = subscriber_for_token(token)
    if subscriber is None:
        return invalid(request)
    message = ""
    if request.method == "POST":
        remove = set(request.POST.getlist("remove"))
        Subscription.objects.filter(
            subscriber=subscriber, pk__in=[int(pk) for pk in remove if pk.isdigit()]
        ).delete()
        frequency = request.POST.get("frequency", "")
        if frequency in Frequency.values:
            subscriber.frequency = frequency
            subscriber.save(update_fields=["frequency"])
        elif frequency:
            return render(
                request,
                "subscriptions/message.html",
                {"message": "받는 방식을 다시 골라 주세요."},
                status=400,
            )
        message = "변경 내용을 저장했습니다."
    return render(
        request,
        "subscriptions/manage.html",
        {
            "subscriber": subscriber,
            "subscriptions": confirmed_subscriptions(subscriber),
            "frequencies": Frequency.choices,
            "token": token,
            "message": message,
        },
    )


@never_cache
@csrf_exempt  # RFC 8058: the one-click POST comes from the mail provider, not a session
@require_http_methods(["GET", "POST"])
def unsubscribe_view(request, token: str):
    subscriber = subscriber_for_token(token)
    if subscriber is None:
        return invalid(request)
    if request.method == "GET":
        return render(request, "subscriptions/unsubscribe.html", {"token": token})
    unsubscribe(subscriber)
    return render(request, "subscriptions/message.html", {"message": "구독을 모두 해지했습니다."})
