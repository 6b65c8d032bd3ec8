"""SMS senders: the interface a Korean SMS gateway implements, and the doubles used off production.

`SMS_BACKEND` names the sender class (a dotted path). A gateway adapter implements `send_messages`
and returns how many messages the gateway accepted; it never logs the number or the text.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class SmsMessage:
    to: str
    body: str


class BaseSmsSender:
    def send_messages(self, messages: list[SmsMessage]) -> int:
        raise NotImplementedError


class ConsoleSmsSender(BaseSmsSender):
    """For `make run`: prints each message so a developer sees what a citizen would receive."""

    def send_messages(self, messages: list[SmsMessage]) -> int:
        for message in messages:
            sys.stdout.write(f"[SMS → {message.to}] {message.body}\n")
        sys.stdout.flush()
        return len(messages)


class LoopbackSmsSender(BaseSmsSender):
    """For tests: keeps what was sent in `outbox`, as Django's locmem e-mail backend does."""

    outbox: list[SmsMessage] = []

    def send_messages(self, messages: list[SmsMessage]) -> int:
        type(self).outbox.extend(messages)
        return len(messages)


def get_sms_sender() -> BaseSmsSender:
    return import_string(settings.SMS_BACKEND)()


def send_sms(to: str, body: str) -> int:
    return get_sms_sender().send_messages([SmsMessage(to=to, body=body)])
