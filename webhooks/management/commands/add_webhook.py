"""`manage.py add_webhook URL --events page.published,page.deleted [--secret whsec_…]`."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from webhooks.models import Subscription, WebhookEvent
from webhooks.signing import secret_key


class Command(BaseCommand):
    help = (
        "웹훅 구독을 추가하거나(같은 주소가 있으면) 고칩니다. 비밀키는 생략하면 만들어 보여 줍니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", help="웹훅을 받을 주소 (https://…)")
        parser.add_argument(
            "--events",
            required=True,
            help=f"쉼표로 구분한 이벤트: {', '.join(WebhookEvent.values)}",
        )
        parser.add_argument("--secret", default="", help="whsec_로 시작하는 비밀키 (생략하면 생성)")
        parser.add_argument("--owner", default="", help="담당자 사용자 이름")
        parser.add_argument("--email", default="", help="실패 알림을 받을 이메일")

    @transaction.atomic
    def handle(self, *args, url: str, events: str, secret: str, owner: str, email: str, **options):
        chosen = [event.strip() for event in events.split(",") if event.strip()]
        unknown = sorted(set(chosen) - set(WebhookEvent.values))
        if unknown or not chosen:
            raise CommandError(
                f"알 수 없는 이벤트입니다: {', '.join(unknown) or events!r}. "
                f"가능한 값: {', '.join(WebhookEvent.values)}"
            )
        if secret:
            try:
                secret_key(secret)
            except ValueError as error:
                raise CommandError(
                    "비밀키는 whsec_ 뒤에 24바이트 이상을 base64로 적은 값이어야 합니다."
                ) from error
        subscription = Subscription.objects.filter(url=url).first() or Subscription(url=url)
        created = subscription.pk is None
        subscription.events = chosen
        subscription.is_active = True
        if secret:
            subscription.secret = secret
        if owner:
            user = get_user_model().objects.filter(username=owner).first()
            if user is None:
                raise CommandError(f"사용자를 찾을 수 없습니다: {owner}")
            subscription.owner = user
        if email:
            subscription.owner_email = email
        try:
            subscription.full_clean()
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from error
        subscription.save()
        self.stdout.write(
            f"웹훅 구독을 {'추가' if created else '수정'}했습니다: {url} ({', '.join(chosen)})"
        )
        if created and not secret:
            # Shown once, when it is made: it is never printed or displayed again.
            self.stdout.write(f"비밀키 (받는 쪽에 전달하세요): {subscription.secret}")
