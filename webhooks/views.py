"""The admin's replay button: send a delivery again (same event id, a fresh signature)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from .delivery import replay as replay_delivery
from .models import Delivery


def replay(request, pk: int):
    if not request.user.has_perm("webhooks.change_delivery"):
        raise PermissionDenied
    delivery = get_object_or_404(Delivery.objects.select_related("subscription"), pk=pk)
    if request.method == "POST":
        replay_delivery(delivery)
        messages.success(request, f"웹훅 {delivery.event_id}을(를) 다시 보내도록 등록했습니다.")
        return redirect(reverse("wagtailsnippets_webhooks_delivery:list"))
    return TemplateResponse(request, "webhooks/replay_confirm.html", {"delivery": delivery})
