"""Who may apply to a program: district residents first (or only), and the program's audience
as the applicant's own answers state it (예비부부만, 초등 자녀를 둔 부모 …).

The portal cannot verify the answers; it refuses, with the editor's Korean message, an
applicant whose answers say they are not the audience — never a silent accept.
"""

import datetime

from pages.blocks.education import QuestionKind
from pages.models import EducationProgramPage

from .refusal import Refused


def check(program: EducationProgramPage, data: dict, today: datetime.date) -> None:
    """Raise `Refused("not_eligible", …)` when the applicant may not apply to `program` today."""
    _check_district(program, data.get("district"), today)
    answers = data.get("answers", {})
    for block in program.application_questions:
        question = block.value
        if question.limits_eligibility() and not _eligible(question, answers.get(question["key"])):
            message = question.get("ineligible_message") or _default_message(question)
            raise Refused("not_eligible", message, question=question["key"])


def _check_district(program: EducationProgramPage, district: int | None, today) -> None:
    if not program.priority_period_on(today) or district == program.priority_district_id:
        return
    if program.priority_district_only:
        raise Refused(
            "not_eligible", f"이 프로그램은 {program.priority_district} 주민만 신청할 수 있습니다."
        )
    last_day = program.application_start + datetime.timedelta(days=program.priority_days - 1)
    raise Refused(
        "not_eligible",
        f"{last_day:%m월 %d일}까지는 {program.priority_district} 주민만 신청할 수 있습니다.",
    )


def _eligible(question, answer: str | None) -> bool:
    if not answer:
        return False
    if question["kind"] == QuestionKind.CHOICE:
        allowed = question.eligible_list()
        return not allowed or answer in allowed
    if question["kind"] == QuestionKind.NUMBER and answer.isdecimal():
        low, high = question.get("eligible_min"), question.get("eligible_max")
        return (low is None or int(answer) >= low) and (high is None or int(answer) <= high)
    return False


def _default_message(question) -> str:
    label = question["label"]
    if question["kind"] == QuestionKind.CHOICE:
        allowed = ", ".join(question.eligible_list())
        return f"이 프로그램은 '{label}'이(가) {allowed}인 분만 신청할 수 있습니다."
    low, high = question.get("eligible_min"), question.get("eligible_max")
    span = f"{'' if low is None else low}~{'' if high is None else high}"
    return f"이 프로그램은 '{label}'이(가) {span}인 분만 신청할 수 있습니다."
