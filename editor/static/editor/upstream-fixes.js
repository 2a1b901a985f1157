/* Wagtail's own accessibility problems in the editor, worked around until
   Wagtail fixes them (editor/upstream.py lists each one, with the test that
   fails once Wagtail has fixed it). Each fix names what Wagtail left without
   a name, takes away a role or an element that says nothing, or says aloud
   what Wagtail only shows; they run on load and again (once a frame at
   most) whenever the admin's scripts change the page. */
(() => {
  "use strict";

  const named = (element) =>
    element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby");

  const labelId = (label) => {
    if (!label.id) {
      label.id = `editor-label-${Math.random().toString(36).slice(2, 9)}`;
    }
    return label.id;
  };

  const fixes = {
    // The sidebar's search and a listing's search are both "search"
    // landmarks with no name (landmark-unique).
    SIDEBAR_SEARCH(root) {
      root.querySelectorAll("aside form[role=search]:not([aria-label])").forEach((form) => {
        form.setAttribute("aria-label", "Search all pages");
      });
    },
    // The multiple upload's file input has no label (label).
    MULTIPLE_UPLOAD_LABEL(root) {
      root.querySelectorAll("input#fileupload[type=file]").forEach((input) => {
        if (named(input)) return;
        const button = input.closest(".replace-file-input")?.querySelector("button");
        if (button) input.setAttribute("aria-labelledby", labelId(button));
      });
    },
    // Tag-it's text box has no label; the field's own label names the
    // hidden input it replaces (label).
    TAG_INPUT_LABEL(root) {
      root.querySelectorAll("ul.tagit input.ui-autocomplete-input").forEach((input) => {
        if (named(input)) return;
        const field = input.closest(".w-field__wrapper");
        const label = field?.querySelector("label.w-field__label");
        if (label) input.setAttribute("aria-labelledby", labelId(label));
      });
    },
    // A rich text block inside a StreamField has no name; the block's
    // label is beside it (aria-input-field-name).
    STREAM_RICH_TEXT_NAME(root) {
      root.querySelectorAll(".DraftEditor-root [role=textbox][contenteditable]").forEach((box) => {
        if (named(box)) return;
        const label = box.closest(".w-field")?.querySelector(".w-field__label");
        const heading = box.closest("section.w-panel")?.querySelector(".w-panel__heading");
        const name = label?.textContent.trim() ? label : heading;
        if (name?.textContent.trim()) box.setAttribute("aria-labelledby", labelId(name));
      });
    },
    // The workflow report prints an empty heading for each row
    // (empty-heading).
    EMPTY_HEADINGS(root) {
      root.querySelectorAll("td > h2:empty").forEach((heading) => heading.remove());
    },
    // The workflow history's tasks table has a header cell with nothing in
    // it (empty-table-header).
    EMPTY_TABLE_HEADER(root) {
      root.querySelectorAll("th.workflow-progress-table__left-column:empty").forEach((cell) => {
        cell.setAttribute("role", "presentation");
      });
    },
    // A chooser's dialog has no name; its heading is inside it
    // (aria-dialog-name).
    DIALOG_NAME(root) {
      root.querySelectorAll(".modal[role=dialog]").forEach((dialog) => {
        if (named(dialog)) return;
        const heading = dialog.querySelector("h1, h2");
        if (heading) dialog.setAttribute("aria-labelledby", labelId(heading));
      });
    },
    // While a chooser's dialog is open, what is behind it can still be
    // reached and read, and axe-core measures it half hidden (target-size):
    // make the rest of the page inert until the dialog closes.
    MODAL_BACKGROUND_INERT(root) {
      if (root !== document.body && root !== document) return;
      const open = [...document.querySelectorAll(".modal[role=dialog]")].find(
        (dialog) => dialog.checkVisibility(),
      );
      document.querySelectorAll("[data-editor-inert]").forEach((element) => {
        if (!open || element.contains(open)) {
          element.inert = false;
          element.removeAttribute("data-editor-inert");
        }
      });
      if (!open) return;
      [...document.body.children].forEach((element) => {
        if (element.contains(open) || element.matches(".modal-backdrop, script, template")) return;
        if (!element.inert) {
          element.inert = true;
          element.setAttribute("data-editor-inert", "");
        }
      });
    },
    // A tooltip is added to the end of the page, outside every landmark
    // (region); it repeats the name or description of the control it belongs
    // to. (A dropdown menu is built the same way, with controls in it: those
    // are left alone.)
    TOOLTIP_OUTSIDE_LANDMARKS(root) {
      root.querySelectorAll("[data-tippy-root]:not([aria-hidden])").forEach((tip) => {
        if (!tip.querySelector("a, button, input, select, textarea")) {
          tip.setAttribute("aria-hidden", "true");
        }
      });
    },
    // The image chooser's pictures repeat, as their text alternative, the
    // title printed under them (image-redundant-alt).
    CHOOSER_PICTURE_ALT(root) {
      root.querySelectorAll(".modal a img[alt]:not([alt=''])").forEach((image) => {
        const choice = image.closest("a");
        const words = choice.textContent.trim();
        if (words && words.includes(image.alt.trim())) image.alt = "";
      });
    },
    // With a filter on, a listing's "Show filters" button shows how many
    // are on, and its name leaves the number out
    // (label-content-name-mismatch).
    FILTER_TOGGLE_NAME(root) {
      root.querySelectorAll(".w-slim-header-action-button[aria-label]").forEach((button) => {
        const shown = button.textContent.trim();
        const name = button.getAttribute("aria-label");
        if (shown && !name.includes(shown)) {
          button.setAttribute("aria-label", `${name}: ${shown} in use`);
        }
      });
    },
    // A form that comes back with errors (an upload refused in a chooser,
    // a page that did not save) says so in a status region that is not read
    // on load, and in red by each field, tied to nothing: make the first
    // field's errors an alert, and its control described by them.
    ERRORS_ANNOUNCED(root) {
      const fields = [...document.querySelectorAll(".w-field--error:not([data-editor-announced])")];
      if (!fields.length) return;
      fields.forEach((field) => field.setAttribute("data-editor-announced", ""));
      const field = fields.find((candidate) => candidate.checkVisibility()) || fields[0];
      const errors = field.querySelector("[data-field-errors]");
      if (!errors) return;
      errors.setAttribute("role", "alert");
      const control = field.querySelector(
        "input:not([type=hidden]), select, textarea, [contenteditable=true]",
      );
      const described = (control?.getAttribute("aria-describedby") || "").split(" ");
      if (control && !described.includes(labelId(errors))) {
        control.setAttribute("aria-describedby", [labelId(errors), ...described].join(" ").trim());
      }
    },
    // The multiple upload shows a refused file (too big, not a picture)
    // in red in its list and tells no one: say it in an alert.
    UPLOAD_FAILURE_ANNOUNCED(root) {
      const list = document.getElementById("upload-list");
      if (!list) return;
      let alert = document.querySelector("[data-editor-upload-alert]");
      if (!alert) {
        alert = document.createElement("div");
        alert.setAttribute("role", "alert");
        alert.setAttribute("data-editor-upload-alert", "");
        alert.className = "w-sr-only";
        list.before(alert);
      }
      list.querySelectorAll("li.upload-failure, li.upload-server-error").forEach((item) => {
        const shown = [...item.querySelectorAll(".status-msg")]
          .filter((message) => message.checkVisibility())
          .map((message) => message.textContent.replace(/\s+/g, " ").trim())
          .filter(Boolean)
          .join(" ");
        // Said again when the reason arrives after "Sorry, upload failed."
        if (!shown || item.dataset.editorAnnounced === shown) return;
        item.dataset.editorAnnounced = shown;
        alert.textContent = shown;
      });
    },
    // A snippet's editor has no level-one heading (page-has-heading-one):
    // the page's title, for screen readers.
    PAGE_HEADING(root) {
      if (root !== document || document.querySelector("h1")) return;
      const main = document.querySelector("main");
      if (!main) return;
      const heading = document.createElement("h1");
      heading.className = "w-sr-only";
      heading.textContent = document.title.split(" - ")[0];
      main.prepend(heading);
    },
  };

  const apply = (root) => {
    Object.values(fixes).forEach((fix) => fix(root));
  };

  const start = () => {
    apply(document);
    let scheduled = false;
    const later = () => {
      if (scheduled) return;
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        apply(document.body);
      });
    };
    new MutationObserver(later).observe(document.body, {
      childList: true,
      subtree: true,
      // The multiple upload marks a refused file by its class.
      attributes: true,
      attributeFilter: ["class"],
    });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
