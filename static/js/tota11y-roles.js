/* tota11y (wagtail-accessibility) marks each item of its toolbar's plain
   lists as a menu item with no menu around it, which axe-core reports
   (aria-required-parent, list). The items are buttons in a list: take the
   role away once the toolbar is built. Loaded in previews only. */
(() => {
  "use strict";
  const fix = () => {
    document.querySelectorAll("li.tota11y-plugin[role=menuitem]").forEach((item) => {
      item.removeAttribute("role");
    });
  };
  fix();
  new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
})();
