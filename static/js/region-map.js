// The map of /mapping/regions/: each province, territory and state of the vendored GeoJSON drawn as a
// link to its organizations, shaded by its number of organizations (the shading steps and links come
// from the page, in #region-shapes). The count is written on the regions large enough to hold it; the
// table under the map gives every figure. Until the map is drawn (or without JavaScript) the tiles show.
(function () {
  "use strict";
  const box = document.getElementById("region-map");
  const data = document.getElementById("region-shapes");
  if (!box || !data || !window.d3 || !d3.geoPath) return;
  const shapes = JSON.parse(data.textContent);
  const SVG = "http://www.w3.org/2000/svg";
  const WIDTH = 960;
  const HEIGHT = 760;
  const ROOM = 700; // px² of a region's largest piece, in the drawing's units, to hold its count

  function element(name, attributes) {
    const made = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
    return made;
  }

  // Where a region's count goes: the centre of its largest piece (Michigan's lower peninsula, not the lake).
  function largestPiece(feature, path) {
    if (feature.geometry.type !== "MultiPolygon") return feature;
    let best = null;
    let bestArea = -1;
    for (const coordinates of feature.geometry.coordinates) {
      const piece = { type: "Feature", geometry: { type: "Polygon", coordinates } };
      const area = path.area(piece);
      if (area > bestArea) [best, bestArea] = [piece, area];
    }
    return best;
  }

  function draw(collection) {
    const features = collection.features.filter((feature) => shapes[feature.id]);
    const projection = d3
      .geoConicConformal()
      .rotate([100, 0])
      .parallels([20, 60])
      .fitSize([WIDTH, HEIGHT], { type: "FeatureCollection", features });
    const path = d3.geoPath(projection);
    const svg = element("svg", {
      viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
      class: "region-map-svg",
      role: "group",
      "aria-label": box.dataset.label,
      "aria-describedby": "region-map-legend",
    });
    const counts = element("g", { "aria-hidden": "true", class: "region-map-counts" });
    for (const feature of features) {
      const region = shapes[feature.id];
      const link = element("a", { href: region.url, "aria-label": region.label, class: "region-map-link" });
      const shape = element("path", { d: path(feature), class: `region-shape shade-fill-${region.shade}` });
      const title = element("title", {});
      title.textContent = region.name;
      shape.appendChild(title);
      link.appendChild(shape);
      svg.appendChild(link);
      const piece = largestPiece(feature, path);
      if (path.area(piece) >= ROOM) {
        const [x, y] = path.centroid(piece);
        const count = element("text", { x, y, class: `region-count shade-text-${region.shade}` });
        count.textContent = region.total;
        counts.appendChild(count);
      }
    }
    svg.appendChild(counts); // above every shape, and outside the links: the links' names say the counts
    box.appendChild(svg);
    box.classList.remove("d-none");
    document.getElementById("region-tiles").classList.add("d-none");
  }

  fetch(box.dataset.geojson, { credentials: "same-origin" })
    .then((response) => (response.ok ? response.json() : Promise.reject(response.status)))
    .then(draw)
    .catch(() => {}); // the tiles stay
})();
