"""The warm-up before gunicorn forks (cms/warmup.py)."""

import gc

import pytest

from cms.warmup import warm_up


@pytest.mark.django_db
def test_the_warm_up_leaves_what_start_up_loaded_out_of_the_collectors_reach():
    gc.unfreeze()
    try:
        warm_up()
        frozen = gc.get_freeze_count()
        assert frozen > 100_000  # Django, Wagtail, the Korean analyser
        # What a full collection still walks is what was made after the warm-up.
        assert len(gc.get_objects()) < frozen
    finally:
        gc.unfreeze()
