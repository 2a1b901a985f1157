"""Each of Wagtail's problems that editor/upstream-fixes.js works around is
still Wagtail's: with the script blocked, axe-core finds it again. The day
one of these fails, Wagtail has fixed it: delete that fix and its entry in
editor/upstream.py."""

import pytest
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from editor.upstream import SCRIPTED
from stories.models import StoryPage

from . import BROWSER_TEST, helpers
from .axe import inject

pytestmark = BROWSER_TEST


def rule_found(page, rule):
    inject(page)
    result = page.evaluate(
        "rule => axe.run(document, {runOnly: {type: 'rule', values: [rule]}})", rule
    )
    return bool(result["violations"])


def address(problem):
    story = StoryPage.objects.get(slug="getting-to-meetings-by-bus")
    state = WorkflowState.objects.filter(
        base_content_type__model="page", object_id=str(story.pk)
    ).first()
    return problem.where.format(
        story=story.pk,
        workflow_state=state.pk,
        document=get_document_model().objects.first().pk,
    )


@pytest.mark.parametrize("problem", SCRIPTED, ids=lambda problem: problem.name)
def test_wagtail_still_has_the_problem_the_editor_works_around(page, site, problem):
    helpers.sign_in(page, site, "lead@example.org", next_path="/admin/")
    url = site + address(problem)
    helpers.admin_goto(page, url)
    assert not rule_found(page, problem.rule), "the workaround did not work"

    page.route("**/editor/upstream-fixes.js", lambda route: route.abort())
    helpers.admin_goto(page, url)
    assert rule_found(page, problem.rule), (
        f"Wagtail has fixed {problem.name}: remove its workaround"
    )
