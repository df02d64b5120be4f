// The stakeholder matrix as a bubble chart: engagement level across, potential up, one bubble per cell
// sized by its organizations, from <script id="matrix-data" type="application/json">. A bubble opens its
// organizations. The table above the chart holds the same figures (what screen readers use). The
// "Download the chart (PNG)" button saves the canvas as drawn.
(function () {
  "use strict";
  const source = document.getElementById("matrix-data");
  const canvas = document.getElementById("matrix-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const green = getComputedStyle(document.documentElement).getPropertyValue("--cec-green").trim() || "#1f5f4a";
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const most = Math.max(1, ...data.points.map(function (point) { return point.count; }));
  const format = new Intl.NumberFormat(document.documentElement.lang || undefined);

  // A white background drawn under the chart, so that the PNG is not transparent.
  const background = {
    id: "background",
    beforeDraw: function (chart) {
      const context = chart.ctx;
      context.save();
      context.fillStyle = "#fff";
      context.fillRect(0, 0, chart.width, chart.height);
      context.restore();
    },
  };

  function axis(labels, title) {
    return {
      min: -0.5, max: labels.length - 0.5, offset: false,
      title: { display: true, text: title },
      grid: { color: "#dee2e6" },
      // One tick per level or potential, labelled with its name (not the half steps the padding adds).
      afterBuildTicks: function (scale) { scale.ticks = labels.map(function (_, index) { return { value: index }; }); },
      ticks: { callback: function (value) { return labels[value]; }, font: { size: 13 } },
    };
  }

  const chart = new Chart(canvas, {
    type: "bubble",
    data: {
      datasets: [{
        label: data.organizations,
        data: data.points.map(function (point) {
          return { x: point.x, y: point.y, r: 6 + 30 * Math.sqrt(point.count / most), count: point.count, url: point.url };
        }),
        backgroundColor: green + "b3",
        borderColor: green,
      }],
    },
    options: {
      maintainAspectRatio: false,
      animation: still ? false : undefined,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            label: function (item) {
              const point = item.raw;
              return data.potentials[point.y] + " · " + data.levels[point.x] + ": " + format.format(point.count);
            },
          },
        },
      },
      scales: { x: axis(data.levels, data.levelTitle), y: axis(data.potentials, data.potentialTitle) },
      onClick: function (event, elements) {
        if (elements.length) window.location.href = data.points[elements[0].index].url;
      },
      onHover: function (event, elements) {
        canvas.classList.toggle("cursor-pointer", elements.length > 0);
      },
    },
    plugins: [background],
  });

  const button = document.querySelector("[data-chart-download='matrix-chart']");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      const link = document.createElement("a");
      link.href = chart.toBase64Image("image/png");
      link.download = button.dataset.filename || "chart.png";
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }
})();
