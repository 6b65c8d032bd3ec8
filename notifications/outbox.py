"""Sending a notice: after the change commits, in the task worker, on every channel it has.

A feature calls `notify_after_commit(builder, object_id, template)`. Only those three (no
address, no number, no text) go into the task queue, which lives in the database; the worker
calls `builder(object_id, template, extra)` — a dotted path to the feature's function — to
get `Notice`s with the recipient's contacts and the template's context, and sends them.

Templates are Django templates named `<template>.email.txt` (first line: the subject) and
`<template>.sms.txt`; a notice is sent on the channels it has a contact for.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django_tasks import task

from .email import send_email
from .models import Channel, Delivery
from .sms import send_sms

logger = logging.getLogger(__name__)


@dataclass
class Notice:
    template: str
    reference: str
    context: dict
    email: str = ""
    phone: str = ""
    channels: tuple[str, ...] = field(default=(Channel.EMAIL, Channel.SMS))


def notify_after_commit(builder: str, object_id: int, template: str, extra: dict | None = None):
    """Queue the notice once the current transaction commits (at once outside one)."""
    backend = settings.BACKGROUND_TASK_BACKEND

    def enqueue():
        deliver_notices.using(backend=backend).enqueue(builder, object_id, template, extra or {})

    transaction.on_commit(enqueue)


@task()
def deliver_notices(builder: str, object_id: int, template: str, extra: dict) -> int:
    """The worker's side: build the notices (the object may be gone: nothing to send)."""
    notices = import_string(builder)(object_id, template, extra)
    return sum(deliver(notice) for notice in notices)


def deliver(notice: Notice) -> int:
    """Send on each channel with a contact; log each attempt. Returns how many went out."""
    sent = 0
    for channel, contact in ((Channel.EMAIL, notice.email), (Channel.SMS, notice.phone)):
        if not contact or channel not in notice.channels:
            continue
        error = ""
        try:
            if channel == Channel.EMAIL:
                subject, _, body = render(notice, "email").partition("\n")
                send_email(contact, subject.strip(), body.lstrip("\n"))
            else:
                send_sms(contact, render(notice, "sms").strip())
        except Exception as failure:
            error = type(failure).__name__
            # The reference only: never the contact or the text.
            logger.warning(
                "알림 발송 실패: %s %s %s (%s)", notice.template, channel, notice.reference, error
            )
        Delivery.objects.create(
            template=notice.template,
            channel=channel,
            reference=notice.reference,
            delivered=not error,
            error=error,
        )
        sent += not error
    return sent


def render(notice: Notice, channel: str) -> str:
    return render_to_string(f"{notice.template}.{channel}.txt", notice.context)
