// A survey's results: one horizontal bar chart per choice or scale question, from the figures the page
// carries in <script id="survey-charts" type="application/json">. Each chart has a table beside it with the
// same figures, which is what screen readers use; the canvas itself is an image with a label.
(function () {
  "use strict";
  const source = document.getElementById("survey-charts");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const green = getComputedStyle(document.documentElement).getPropertyValue("--cec-green").trim() || "#1f5f4a";
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  // Numbers on the axes and in the tooltips are written as the page's language writes them (fr-CA: 1 234,5;
  // es-MX: 1,234.5), not as the browser's own language would.
  const LOCALES = { fr: "fr-CA", es: "es-MX", en: "en-CA" };
  const locale = LOCALES[(document.documentElement.lang || "en").slice(0, 2)] || "en-CA";
  const BAR = 26; // pixels per bar, so that a long list of choices stays legible
  const LONGEST = 48; // characters of a label on the axis; the table has the whole text

  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    const chart = data.charts[canvas.dataset.chart];
    if (!chart) return;
    canvas.parentElement.style.height = chart.labels.length * BAR + 48 + "px";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: chart.labels,
        datasets: [{ label: data.label, data: chart.counts, backgroundColor: green }],
      },
      options: {
        locale: locale,
        indexAxis: "y",
        maintainAspectRatio: false,
        animation: still ? false : undefined,
        plugins: { legend: { display: false } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: {
            ticks: {
              autoSkip: false,
              callback: function (value) {
                const label = this.getLabelForValue(value);
                return label.length > LONGEST ? label.slice(0, LONGEST - 1) + "…" : label;
              },
            },
          },
        },
      },
    });
  });
})();
