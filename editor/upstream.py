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
    # What to do on the screen before the problem shows: press or focus the
    # button of that name.
    then: str = ""
    then_focus: bool = False
    width: int = 1280
    # The file that holds the workaround, blocked to see the problem again.
    asset: str = "upstream-fixes.js"


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
        "DIALOG_NAME",
        "aria-dialog-name",
        "/admin/pages/add/stories/storypage/{index}/",
        "Give a page an image field, open its editor and press 'Choose an "
        "image': the chooser's <div class=modal role=dialog> has no name.",
        "names the dialog by its heading",
        then="Choose an image",
    ),
    UpstreamProblem(
        "CHOOSER_PICTURE_ALT",
        "image-redundant-alt",
        "/admin/pages/add/stories/storypage/{index}/",
        "Upload an image, then open the image chooser: each picture's alt is "
        "its title, printed again just under it in the same link.",
        "empties the repeated alt, so the link is named once, by the title",
        then="Choose an image",
    ),
    UpstreamProblem(
        "TOOLTIP_OUTSIDE_LANDMARKS",
        "region",
        "/admin/pages/add/stories/storypage/{index}/",
        "Open a page's editor and move the focus to the 'Toggle checks' "
        "button: its tooltip is added at the end of <body>, outside every "
        "landmark.",
        "hides tooltips without controls in them from screen readers (the "
        "control's own name says the same)",
        then="Toggle checks",
        then_focus=True,
    ),
    UpstreamProblem(
        "FILTER_TOGGLE_NAME",
        "label-content-name-mismatch",
        "/admin/emails/?state=failed",
        "Open a listing with filters, turn one on: the 'Show filters' "
        "button shows '1' and is named 'Show filters'.",
        "adds the number to the button's name",
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

# Worked around in editor/static/editor/editor.css (insert_global_admin_css).
STYLED = [
    UpstreamProblem(
        "MINIMAP_TOGGLE_SIZE",
        "target-size",
        "/admin/pages/{story}/edit/",
        "Open a page with comments in the editor at 320 CSS pixels wide: the "
        "'Toggle side panel' button is 20 by 20 pixels, next to other "
        "buttons.",
        "makes the button 24 pixels square",
        width=320,
        asset="editor.css",
    ),
]

# In a page listing at 320 CSS pixels, a title that wraps is a link of
# several lines under 24 pixels tall, and the row's "More options" button
# (ul.actions, after the title) sits in among them, covering part of the
# link. axe-core reports it where the fonts make the gap under 24 pixels
# (the CI machine's did, ours did not), so the upstream test
# measures the boxes instead of asking axe.
LISTING_TITLE_TARGET = UpstreamProblem(
    "LISTING_TITLE_TARGET",
    "target-size",
    "/admin/pages/usage/library/resourcepage/",
    "Open any page listing (Reports > Page types > a type's pages) at 320 "
    "CSS pixels: a wrapped title's link lines are 19 pixels tall and the "
    "'More options for …' button overlaps the link's box.",
    "makes each title link one inline block at least 24 pixels square",
    width=320,
    asset="editor.css",
)

# In the document listing at 320 CSS pixels, each title and each file name
# wraps into link lines under 24 pixels tall, side by side. Whether axe-core
# finds two of them too close depends on the fonts (the CI machine's did, on
# the sixth row; ours did not), so the upstream test measures the boxes.
DOCUMENT_FILE_TARGET = UpstreamProblem(
    "DOCUMENT_FILE_TARGET",
    "target-size",
    "/admin/documents/",
    "Open Documents at 320 CSS pixels with a few documents uploaded: a "
    "title's link lines are 19 pixels tall and the file name's beside it 15, "
    "and axe-core finds a title and a file name under 24 pixels apart.",
    "makes each title link and each file name link one inline block at least "
    "24 pixels square",
    width=320,
    asset="editor.css",
)

# Asked for less motion, a chooser's dialog still fades in (Bootstrap's
# .fade): editor.css turns the transition off; the upstream test reads the
# dialog's transition.
MODAL_FADE = UpstreamProblem(
    "MODAL_FADE",
    "(not an axe rule; axe measures colours half-way through the fade: color-contrast)",
    "/admin/pages/add/stories/storypage/{index}/",
    "With the system set to reduce motion, open a page's editor and press "
    "'Choose an image': the dialog fades in over 0.15 s.",
    "no transition on .fade when prefers-reduced-motion is reduce",
    then="Choose an image",
    asset="editor.css",
)

# While a chooser is open, the page behind it can still be reached by Tab and
# read (Bootstrap's modal does not make it inert): MODAL_BACKGROUND_INERT in
# upstream-fixes.js makes it inert; tests/browser/test_editor_upstream.py
# checks that Wagtail still leaves it open.
MODAL_BACKGROUND = UpstreamProblem(
    "MODAL_BACKGROUND_INERT",
    "(not an axe rule; axe then measures the half-hidden targets behind: target-size)",
    "/admin/pages/add/stories/storypage/{index}/",
    "Open a page's editor, press 'Choose an image', press Shift+Tab from the "
    "dialog's first control: the focus leaves the dialog for the page behind.",
    "sets inert on everything but the dialog while it is open",
    then="Choose an image",
)

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
