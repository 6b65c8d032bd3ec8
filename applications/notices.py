"""What applicants are told, built in the task worker from an application's id.

`notifications.outbox` calls `build` with the id it was queued with, so no contact detail
ever sits in the task queue. Templates: templates/applications/<kind>.{email,sms}.txt.
"""

from django.conf import settings

from notifications.outbox import Notice

from .models import Application


def build(application_id: int, template: str, extra: dict) -> list[Notice]:
    application = (
        Application.objects.select_related("program", "session").filter(pk=application_id).first()
    )
    if application is None:  # purged or deleted before the worker got to it
        return []
    program, session = application.program, application.session
    context = {
        # "영유아 부모 놀이 코칭 2회차": every template names the session where there is one.
        "program": f"{program.title} {session.title}" if session else program.title,
        "start_date": session.date if session else program.start_date,
        "schedule_note": (session.time_note or program.schedule_note)
        if session
        else program.schedule_note,
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
