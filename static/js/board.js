// The partnership board: drag a card to another column to move it. The server applies the same gates as
// the move form; a refused move leaves the card where it was and says why.
(function () {
  "use strict";
  const board = document.querySelector("[data-board]");
  if (!board) return;
  const status = document.getElementById("board-status");
  const dialog = document.getElementById("reason-dialog");
  let dragged = null;

  function announce(message, ok) {
    status.innerHTML = "";
    const alert = document.createElement("div");
    alert.className = "alert py-2 " + (ok ? "alert-success" : "alert-danger");
    alert.textContent = message;
    status.appendChild(alert);
  }

  function askReason() {
    return new Promise(function (resolve) {
      const text = dialog.querySelector("textarea");
      text.value = "";
      dialog.addEventListener("close", function onClose() {
        dialog.removeEventListener("close", onClose);
        resolve(dialog.returnValue === "ok" && text.value.trim() ? text.value.trim() : null);
      });
      dialog.showModal();
    });
  }

  function shiftCount(column, by) {
    const badge = column.querySelector("[data-count]");
    badge.textContent = String(parseInt(badge.textContent, 10) + by);
    const empty = column.querySelector(".board-empty");
    if (empty) empty.remove();
  }

  board.addEventListener("dragstart", function (event) {
    const card = event.target.closest("[data-card]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.moveUrl);
    card.classList.add("dragging");
  });

  board.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    board.querySelectorAll(".drop-target").forEach(function (el) { el.classList.remove("drop-target"); });
  });

  board.addEventListener("dragover", function (event) {
    const column = event.target.closest("[data-stage]");
    if (!column || !dragged) return;
    event.preventDefault();
    board.querySelectorAll(".drop-target").forEach(function (el) { if (el !== column) el.classList.remove("drop-target"); });
    column.classList.add("drop-target");
  });

  board.addEventListener("drop", async function (event) {
    const column = event.target.closest("[data-stage]");
    const card = dragged;
    if (!column || !card) return;
    event.preventDefault();
    column.classList.remove("drop-target");
    const from = card.closest("[data-stage]");
    if (from === column) return;
    let note = "";
    if (column.dataset.needsReason === "1") {
      note = await askReason();
      if (note === null) return;
    }
    const body = new URLSearchParams({ stage: column.dataset.stage, version: card.dataset.version, note: note });
    let data;
    try {
      const response = await fetch(card.dataset.moveUrl, {
        method: "POST",
        headers: { "X-CSRFToken": board.dataset.csrf, Accept: "application/json" },
        credentials: "same-origin",
        body: body,
      });
      data = await response.json();
    } catch (error) {
      data = { ok: false, message: board.dataset.error };
    }
    announce(data.message, data.ok);
    if (!data.ok) return;
    card.dataset.version = data.version;
    card.querySelector("[data-days]").textContent = data.days;
    column.querySelector("[data-cards]").prepend(card);
    shiftCount(from, -1);
    shiftCount(column, 1);
    if (data.closed) {
      card.removeAttribute("draggable");
      const link = card.querySelector("a[href*='/move/']");
      if (link) link.remove();
    }
  });
})();
