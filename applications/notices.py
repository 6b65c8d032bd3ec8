"""What applicants are told, built in the task worker from an application's id.

`notifications.outbox` calls `build` with the id it was queued with, so no contact detail
ever sits in the task queue. Templates: templates/applications/<kind>.{email,sms}.txt.
"""

from django.conf import settings

from notifications.outbox import Notice

from .models import Application


def build(application_id: int, template: str, extra: dict) -> list[Notice]:
    application = Application.objects.select_related("program").filter(pk=application_id).first()
    if application is None:  # purged or deleted before the worker got to it
        return []
    program = application.program
    context = {
        "program": program.title,
        "start_date": program.start_date,
        "schedule_note": program.schedule_note,
        "venue": "온라인" if program.is_online else program.venue,
        "name": application.name,
        "receipt_number": application.receipt_number,
        "waitlist_number": application.waitlist_number(),
        "participants": application.participants,
        "lookup_url": settings.APPLICATIONS_LOOKUP_URL,
        "message": extra.get("message", ""),
    }
    return [
        Notice(
            template=template,
            reference=application.receipt_number,
            context=context,
            email=application.email,
            phone=application.phone,
        )
    ]
