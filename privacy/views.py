"""`/privacy-policy/`: the 개인정보 처리방침, rendered from `privacy.policy.processings()`."""

from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe

from .policy import processings


@require_safe
def privacy_policy(request):
    return TemplateResponse(request, "privacy/policy.html", {"processings": processings()})
