"""Where an edition's printed copies go: the default plan and the rule that it adds up."""

from typing import Any

from django.core.exceptions import ValidationError

from pages.snippets import District

from .models import DistributionRecipient, RecipientKind

# City departments that receive the report every year, with their usual number of copies.
DEPARTMENTS = [
    ("여성가족정책실", 30),
    ("서울특별시의회 여성가족정책위원회", 20),
    ("서울시여성가족재단", 20),
    ("서울시 육아종합지원센터", 10),
]
COPIES_PER_DISTRICT = 10
KEEPER = "가족담당관 (보관·추가 배포)"
COPIES_PER_BOX = 50


def default_plan(print_run: int) -> list[dict]:
    """25 districts and the usual departments; the family policy office keeps the rest."""
    rows: list[dict[str, Any]] = [
        {"kind": RecipientKind.DEPARTMENT, "name": name, "copies": copies, "district": None}
        for name, copies in DEPARTMENTS
    ]
    rows += [
        {
            "kind": RecipientKind.DISTRICT,
            "name": f"{district.name}청",
            "copies": COPIES_PER_DISTRICT,
            "district": district,
        }
        for district in District.objects.order_by("pk")
    ]
    rest = print_run - sum(row["copies"] for row in rows)
    if rest > 0:
        rows.insert(
            0, {"kind": RecipientKind.DEPARTMENT, "name": KEEPER, "copies": rest, "district": None}
        )
    return rows


def check_total(total: int, print_run: int) -> None:
    """The copies sent must be exactly the copies printed."""
    if total == print_run:
        return
    if total < print_run:
        hint = f"{print_run - total:,}부를 더 배정하세요."
    else:
        hint = f"{total - print_run:,}부를 줄이세요."
    raise ValidationError(
        f"배포 부수 합계({total:,}부)가 발간 부수({print_run:,}부)와 다릅니다. {hint}",
        code="total_mismatch",
    )


def create_default_plan(edition) -> list[DistributionRecipient]:
    return DistributionRecipient.objects.bulk_create(
        DistributionRecipient(edition=edition, sort_order=number, **row)
        for number, row in enumerate(default_plan(edition.print_run), start=1)
    )


def packing_rows(edition) -> list[dict]:
    """Recipients with the boxes of 50 and loose copies the print shop packs for each."""
    rows = []
    for number, recipient in enumerate(edition.distribution.select_related("district"), start=1):
        boxes, loose = divmod(recipient.copies, COPIES_PER_BOX)
        rows.append({"number": number, "recipient": recipient, "boxes": boxes, "loose": loose})
    return rows
