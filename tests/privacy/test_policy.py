"""The 개인정보 처리방침 comes from the settings and the model, so it cannot contradict them."""

import re

import pytest

from counseling.models import ENCRYPTED_FIELDS, CounselingCase

pytestmark = pytest.mark.django_db


def test_policy_states_the_retention_days_the_purge_uses(client, settings):
    settings.COUNSELING_RETENTION_DAYS = 400
    settings.COUNSELING_ACCESS_LOG_RETENTION_DAYS = 800

    html = client.get("/privacy-policy/").content.decode()

    assert 'data-retention-days="400"' in html
    assert "400일이 지나면 파기" in html
    assert 'data-log-retention-days="800"' in html


def test_policy_lists_every_personal_data_field_the_model_stores(client):
    html = client.get("/privacy-policy/").content.decode()

    stored = {
        str(CounselingCase._meta.get_field(name).verbose_name)
        for name in ENCRYPTED_FIELDS
        if name != "answer"  # the counselor's answer, not collected from the citizen
    }
    listed = set(re.findall(r"(?:필수|선택): ([^<]+)", html))
    items = {item.strip() for line in listed for item in line.split(",")}
    assert stored <= items
    assert "법정대리인" in html
