// A table that scrolls sideways inside .table-responsive (on a phone) must be reachable by keyboard and
// named for screen readers (WCAG 2.1.1, axe "scrollable-region-focusable"): the frame gets tabindex=0,
// role=region and the table's caption or the nearest heading as its name, only while it actually scrolls.
(function () {
  "use strict";

  function nameOf(frame) {
    var caption = frame.querySelector("caption");
    if (caption && caption.textContent.trim()) { return caption.textContent.trim(); }
    var section = frame.closest("section[aria-labelledby]");
    if (section) {
      var heading = document.getElementById(section.getAttribute("aria-labelledby"));
      if (heading) { return heading.textContent.trim(); }
    }
    return document.title;
  }

  function mark() {
    document.querySelectorAll(".table-responsive").forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1) {
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        if (!frame.hasAttribute("aria-label")) {
          frame.setAttribute("aria-label", nameOf(frame));
          frame.dataset.mcNamed = "1";
        }
      } else if (frame.getAttribute("tabindex") === "0") {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        if (frame.dataset.mcNamed) {
          frame.removeAttribute("aria-label");
          delete frame.dataset.mcNamed;
        }
      }
    });
  }

  document.addEventListener("DOMContentLoaded", mark);
  window.addEventListener("resize", mark);
  document.addEventListener("htmx:afterSettle", mark);
})();
