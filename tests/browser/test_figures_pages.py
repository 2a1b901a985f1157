"""Issue 15, line 7 in the browser: staff read the figures with small groups
added together or not shown, and the pages pass axe."""

from datetime import date

from playwright.sync_api import expect

from members.models import Assembly, Membership, User
from tests.figures_fixtures import took_part, work

from . import BROWSER_TEST, helpers
from .helpers import assert_accessible

pytestmark = BROWSER_TEST


def test_staff_read_the_figures_with_small_groups_hidden(page, site):
    # 2017: only two people took part, so no split can be shown.
    wales = Assembly.objects.first()
    for number in (1, 2):
        user = User.objects.create_user(email=f"person{number}@example.org")
        Membership.objects.create(
            user=user, assembly=wales, started_on=date(2010, 1, 1)
        )
        took_part(work(2017), user.email)
    helpers.sign_in(page, site, "staff@example.org")
    assert_accessible(page, "/members/figures/?year=2017", site, "figures for 2017")
    by_assembly = page.get_by_role("table", name="By Assembly")
    expect(by_assembly.get_by_role("row", name="Other (small groups)")).to_contain_text(
        "Fewer than 3 people: not shown"
    )
    expect(by_assembly).not_to_contain_text(wales.name)
    expect(page.get_by_text("The engagement lead sees every group.")).to_be_visible()

    # The demo's own year: whatever the groups, each shown has 3 or more.
    page.get_by_role("link", name="2023").click()
    assert_accessible(page, page.url, site, "figures for 2023")
    for caption in ("By workstream", "By Assembly"):
        rows = page.get_by_role("table", name=caption).locator("tbody tr")
        assert rows.count() >= 1
        for number in range(rows.count()):
            people = rows.nth(number).locator("td").nth(1).inner_text()
            assert int(people) >= 3, (caption, rows.nth(number).inner_text())
