// The survey builder: drag a question to a new place; the new order is saved at once. The arrow
// buttons do the same without JavaScript.
(function () {
  "use strict";
  const list = document.querySelector("[data-questions][data-order-url]");
  if (!list) return;
  let dragged = null;

  list.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("[data-question]");
    if (dragged) event.dataTransfer.effectAllowed = "move";
  });

  list.addEventListener("dragover", function (event) {
    const over = event.target.closest("[data-question]");
    if (!dragged || !over || over === dragged || over.parentNode !== dragged.parentNode) return;
    event.preventDefault();
    const box = over.getBoundingClientRect();
    over.parentNode.insertBefore(dragged, event.clientY < box.top + box.height / 2 ? over : over.nextSibling);
  });

  list.addEventListener("drop", function (event) {
    if (!dragged) return;
    event.preventDefault();
    const body = new URLSearchParams();
    list.querySelectorAll("[data-question]").forEach(function (item) { body.append("order", item.dataset.question); });
    fetch(list.dataset.orderUrl, {
      method: "POST",
      headers: { "X-CSRFToken": list.dataset.csrf },
      credentials: "same-origin",
      body: body,
    }).then(function () { window.location.reload(); });
    dragged = null;
  });
})();
