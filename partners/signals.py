"""Keep cached API-key checks in step with the admin: a revoked key or suspended partner is
refused on the next request, not when the cache entry expires."""

from django.db.models.signals import post_delete, post_save

from .access import forget_key
from .models import Partner, PartnerAPIKey


def on_key_changed(sender, instance: PartnerAPIKey, **kwargs) -> None:
    forget_key(instance.prefix)


def on_partner_changed(sender, instance: Partner, **kwargs) -> None:
    for prefix in PartnerAPIKey.objects.filter(partner=instance).values_list("prefix", flat=True):
        forget_key(prefix)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            on_key_changed, sender=PartnerAPIKey, dispatch_uid=f"partners-key-{id(signal)}"
        )
    post_save.connect(on_partner_changed, sender=Partner, dispatch_uid="partners-partner-saved")
