// The dashboards' trends: one line chart per indicator, from the figures the page carries in
// <script id="trend-charts" type="application/json">. Each chart has a table of the same figures beside it,
// which is what screen readers use; the canvas itself is an image with a label.
(function () {
  "use strict";
  const source = document.getElementById("trend-charts");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const green = getComputedStyle(document.documentElement).getPropertyValue("--cec-green").trim() || "#1f5f4a";
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Numbers on the axes and in the tooltips are written as the page's language writes them (fr-CA: 1 234,5;
  // es-MX: 1,234.5), not as the browser's own language would.
  const LOCALES = { fr: "fr-CA", es: "es-MX", en: "en-CA" };
  const locale = LOCALES[(document.documentElement.lang || "en").slice(0, 2)] || "en-CA";

  document.querySelectorAll("canvas[data-trend]").forEach(function (canvas) {
    const trend = data[canvas.dataset.trend];
    if (!trend) return;
    const datasets = [{ label: trend.label, data: trend.values, borderColor: green, backgroundColor: green,
                        spanGaps: false, tension: 0.2 }];
    if (trend.target !== null) {
      datasets.push({ label: canvas.dataset.targetLabel || "Target", data: trend.dates.map(function () { return trend.target; }),
                      borderColor: "#6c757d", borderDash: [6, 4], pointRadius: 0 });
    }
    new Chart(canvas, {
      type: "line",
      data: { labels: trend.dates, datasets: datasets },
      options: {
        locale: locale,
        maintainAspectRatio: false,
        animation: still ? false : undefined,
        plugins: { legend: { display: trend.target !== null } },
        scales: { y: { beginAtZero: true } },
      },
    });
  });
})();
