"""Issue 19, lines 5 and 6 in the browser: the impact dashboard, the annual
report, its Easy Read page and the lead's words form (with an error) pass
axe at 1280 and 320 CSS pixels without scrolling sideways, in the site's
high contrast too; the charts' tables are there beside their pictures, and
printed a chart is never split. A member's own part last. Two sign-ins."""

from playwright.sync_api import expect

from . import BROWSER_TEST, helpers

pytestmark = BROWSER_TEST

DASHBOARD = "/members/impact/?year=2023"
REPORT = "/members/impact/report/2023/"


def test_the_dashboard_the_report_and_its_words_read_everywhere(page, site):
    helpers.sign_in(page, site, "lead@example.org")
    helpers.check(page, site, DASHBOARD, "The group's impact, 2023")
    chart = page.get_by_role("figure", name="Paid engagements, 2022 and 2023")
    expect(chart.get_by_role("img")).to_have_accessible_name(
        "Paid engagements, 2022 and 2023 Paid engagements went up from 6 in 2022 "
        "to 11 in 2023 (up 83%)."
    )
    row = chart.get_by_role("row", name="Paid engagements")
    expect(row.get_by_role("cell")).to_have_text(["6", "11", "up 83%"])

    # The report and its Easy Read page.
    page.get_by_role("link", name="The annual report for 2023").click()
    helpers.check(page, site, None, "annual report 2023")
    expect(
        page.get_by_text("Paid engagement went up 83% from 2022 to 2023")
    ).to_be_visible()
    expect(
        page.get_by_role("listitem").filter(has_text="Staff Away Day (")
    ).to_be_visible()
    helpers.check(page, site, "/members/impact/report/", "Annual reports")
    helpers.check(page, site, "/members/impact/report/2023/easy-read/", "Easy Read")

    # The lead's words: an empty introduction is refused by the field, the
    # rest kept.
    helpers.check(
        page, site, "/members/impact/manage/report/2023/edit/", "The words of the 2023"
    )
    page.get_by_label("Introduction").fill("")
    page.get_by_label("Priorities for next year").fill(
        "Measure the value of the group."
    )
    page.get_by_role("button", name="Save the words").click()
    helpers.check(page, site, None, "The words of the 2023")
    expect(page.get_by_label("Introduction")).to_have_accessible_description(
        "Opens the report. Leave a blank line between paragraphs. Do not type the "
        "year's figures: the report works them out from the records. Error: Write "
        "a few words to open the report: what the year was about."
    )
    expect(page.get_by_label("Priorities for next year")).to_have_value(
        "Measure the value of the group."
    )

    # The site's own high contrast: the same pages, still clean.
    page.goto(site + "/reader-settings/?next=/members/")
    page.locator('input[name="contrast"][value="high"]').check()
    page.get_by_role("button", name="Save my reader settings").click()
    for path, heading in (
        (DASHBOARD, "The group's impact"),
        (REPORT, "annual report 2023"),
        ("/members/impact/manage/report/2023/edit/", "The words of the 2023"),
    ):
        page.goto(site + path)
        assert "pref-contrast-high" in page.locator("html").get_attribute("class")
        helpers.check(page, site, None, heading)

    # Printed: a chart is never split across pages, its table not cut off.
    page.goto(site + DASHBOARD)
    page.emulate_media(media="print")
    chart = page.locator(".chart").first
    assert chart.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    region = page.locator(".chart .table-scroll").first
    assert region.evaluate("el => getComputedStyle(el).overflowX") == "visible"
    page.emulate_media(media="screen")
    helpers.sign_out(page)

    # A member's own part.
    helpers.sign_in(page, site, "member@example.org")
    helpers.check(page, site, DASHBOARD, "Your part in the group's work, 2023")
    expect(page.get_by_role("link", name="The annual report for 2023")).to_have_count(0)
