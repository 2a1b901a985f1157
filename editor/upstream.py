"""Wagtail's own accessibility problems in the editor, each worked around
through an extension point Wagtail supports and each checked by a test that
fails once Wagtail has fixed it (tests/browser/test_editor_upstream.py,
tests/test_editor.py), so the workaround can go.

Every reproduction is on a new Wagtail 8.0 project (`wagtail start`), signed
in as its superuser, checked with axe-core 4.14.1 and GOV.UK Frontend's rule
set (wcag2a, wcag2aa, wcag21a, wcag21aa, wcag22aa, best-practice).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class UpstreamProblem:
    name: str  # the fix's name in editor/static/editor/upstream-fixes.js
    rule: str  # the axe-core rule that reports it
    where: str  # the screen, with {story} for a story's id
    reproduction: str
    workaround: str


# Worked around in editor/static/editor/upstream-fixes.js (the
# insert_global_admin_js hook).
SCRIPTED = [
    UpstreamProblem(
        "SIDEBAR_SEARCH",
        "landmark-unique",
        "/admin/images/",
        "Open any listing with a search box (/admin/images/) at desktop width: "
        "the sidebar's <form role=search> and the listing's <form role=search> "
        "are two search landmarks with no name.",
        "names the sidebar's search form 'Search all pages'",
    ),
    UpstreamProblem(
        "MULTIPLE_UPLOAD_LABEL",
        "label",
        "/admin/images/multiple/add/",
        "Open /admin/images/multiple/add/ (or /admin/documents/multiple/add/): "
        "<input id=fileupload type=file> has no label; the 'Or choose from "
        "your computer' button beside it is not tied to it.",
        "labels the input by the button beside it",
    ),
    UpstreamProblem(
        "TAG_INPUT_LABEL",
        "label",
        "/admin/documents/edit/{document}/",
        "Open an image's or a document's edit screen: the text box tag-it "
        "adds for the Tags field has no label (the field's label names the "
        "hidden input it replaces).",
        "labels the text box by the field's label",
    ),
    UpstreamProblem(
        "STREAM_RICH_TEXT_NAME",
        "aria-input-field-name",
        "/admin/pages/{story}/edit/",
        "Give a page a StreamField with a RichTextBlock, add a block, save and "
        "edit again: the Draftail editor's role=textbox has no accessible "
        "name.",
        "names the editor by its field's label, or the block's heading",
    ),
    UpstreamProblem(
        "EMPTY_HEADINGS",
        "empty-heading",
        "/admin/reports/workflow/",
        "Submit a page to a workflow, open Reports > Workflows: each row has "
        "an empty <h2> (workflow_results.html prints {{ workflow_name }}, "
        "which is not in its context).",
        "removes the empty headings",
    ),
    UpstreamProblem(
        "EMPTY_TABLE_HEADER",
        "empty-table-header",
        "/admin/pages/{story}/workflow_history/detail/{workflow_state}/",
        "Open a page's workflow history, then one workflow's detail: the "
        "tasks table's first header cell is empty.",
        "marks the empty cell presentational",
    ),
    UpstreamProblem(
        "PAGE_HEADING",
        "page-has-heading-one",
        "/admin/snippets/opportunities/workstream/add/",
        "Register any snippet model, open its 'Add' or 'Edit' screen: the "
        "page has no level-one heading.",
        "adds the page's title as a level-one heading for screen readers",
    ),
]

# Worked around by extending one of Wagtail's template blocks.
PREVIEW_ERROR = UpstreamProblem(
    "PREVIEW_ERROR",
    "region, skip-link",
    "/admin/pages/add/stories/storypage/{index}/preview/",
    "Open a page type's preview address without posting a form "
    "(/admin/pages/add/<app>/<model>/<parent>/preview/): 'Preview not "
    "available' has a 'Skip to main content' link to #main and no main.",
    "editor/templates/wagtailadmin/generic/preview_error.html wraps the "
    "furniture block in <main id=main>",
)
BULK_ACTIONS = UpstreamProblem(
    "BULK_ACTIONS",
    "(not an axe rule: links that answer 404)",
    "/admin/images/",
    "Sign in as an editor who may only add images and open /admin/images/: "
    "the bulk actions footer offers Delete, Add tags and Add to collection, "
    "and the pages listing offers Publish, Unpublish, Move and Delete, "
    "whatever the person may do (bulk_action_choices does not ask).",
    "the bulk_actions blocks of the page, image and document listings "
    "(editor/templates/) are left empty for people who may take none of "
    "them (editor/access.py); editor.css hides the rows' checkboxes then",
)
