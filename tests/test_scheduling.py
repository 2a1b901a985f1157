"""Scheduled tasks count from the moment they were meant for."""

from datetime import date

import time_machine

from core.scheduling import intended_day


def test_a_late_run_counts_from_the_local_day_it_was_meant_for():
    # 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
    assert intended_day("2026-05-31T23:30:00+00:00") == date(2026, 6, 1)
    # A time without a zone is London's.
    assert intended_day("2026-01-05T08:00:00") == date(2026, 1, 5)


@time_machine.travel("2026-11-27 23:59:00+00:00", tick=False)
def test_a_run_by_hand_counts_from_today():
    assert intended_day(None) == date(2026, 11, 27)
