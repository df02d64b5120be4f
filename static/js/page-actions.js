// What pages used to do with inline handlers and style attributes, which the Content-Security-Policy refuses:
// buttons marked data-action="print" or "back", and progress bars whose width is given by data-progress.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-action]");
    if (!button) return;
    if (button.dataset.action === "print") window.print();
    if (button.dataset.action === "back") window.history.back();
  });

  // Setting a width through the style property is allowed; only markup's style attributes are not.
  function sizeProgressBars(root) {
    root.querySelectorAll("[data-progress]").forEach(function (bar) {
      bar.style.width = Math.max(0, Math.min(100, Number(bar.dataset.progress) || 0)) + "%";
    });
  }

  if (window.htmx) {
    window.htmx.onLoad(sizeProgressBars); // the page itself, then each fragment htmx swaps in (polled progress)
  } else {
    document.addEventListener("DOMContentLoaded", function () { sizeProgressBars(document); });
  }
})();
