// Where the keyboard lands after a page loads from a form, for people who do not see the whole page:
// on the first field with an error when a form came back refused (its error summary, role="alert", is
// read out), else on the messages region when an action just succeeded. Pages that were simply opened
// keep the browser's own start, at the top.
(function () {
  "use strict";

  var FIELDS = "input:not([type=hidden]), select, textarea";

  function firstInvalidField(root) {
    var marked = root.querySelectorAll(".is-invalid, [aria-invalid='true']");
    for (var i = 0; i < marked.length; i++) {
      var field = marked[i].matches(FIELDS) ? marked[i] : marked[i].querySelector(FIELDS);
      if (field && !field.disabled && field.getClientRects().length) return field;
    }
    return null;
  }

  function focusAfterSubmit() {
    var main = document.getElementById("main") || document.body;
    var summary = main.querySelector(".error-summary, #form-errors");
    var field = firstInvalidField(main);
    if (field) {
      field.focus();
      return;
    }
    if (summary) {
      summary.focus();
      return;
    }
    var messages = main.querySelector(".messages[tabindex]");
    if (messages) messages.focus();
  }

  // The organization picker's search box sits inside the form: Enter there must not submit the form
  // half filled, but take the person to what the search found (or search now, if nothing is shown yet).
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var search = event.target.closest(".org-picker input[type=search]");
    if (!search) return;
    event.preventDefault();
    var picker = search.closest(".org-picker");
    var found = picker.querySelector(".org-picker-results input");
    if (found) {
      found.focus();
    } else if (window.htmx) {
      window.htmx.trigger(search, "search");
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusAfterSubmit);
  } else {
    focusAfterSubmit();
  }
})();
