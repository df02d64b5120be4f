#!/usr/bin/env python3
"""Build stakeholders/data/demo-organizations.csv from the public company lists in ../shared/data/.

Takes a deterministic sample of companies from Mexico's RETC (2022), Canada's GHGRP (2023) and the US
TRI parent companies (2019), one row per company, with its province or state and NAICS code as
reported. Run it again only to change the sample; `seed_demo` reads the CSV it writes.
"""

import csv
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "data"
OUT = ROOT / "stakeholders" / "data" / "demo-organizations.csv"
PER_COUNTRY = 80
KEEP_UPPER = {
    "SA",
    "DE",
    "CV",
    "RL",
    "SAB",
    "SAPI",
    "AC",
    "SC",
    "SPR",
    "II",
    "III",
    "IV",
    "USA",
    "LLC",
    "US",
    "NA",
    "IAP",
}
LOWER = {"de", "del", "la", "las", "los", "y", "el", "and", "of", "the", "for"}
# Public bodies and facility labels that the registries list among companies.
NOT_COMPANY = re.compile(
    r"\d|agency|department|\bu\.?s\.? |army|navy|air force|authority|county|city of|university|government",
    re.IGNORECASE,
)


def tidy(name: str) -> str:
    """Title-case names reported in capitals ("ALMEXA ALUMINIO SA DE CV" → "Almexa Aluminio SA de CV")."""
    name = re.sub(r"\s+", " ", name).strip()
    if not name.isupper():
        return name
    words = []
    for i, word in enumerate(name.split(" ")):
        bare = word.replace(".", "").strip(",")
        if bare in KEEP_UPPER and not (bare == "DE" and i == 0):
            words.append(word if bare != "DE" else word.lower())
        elif word.lower() in LOWER and i > 0:
            words.append(word.lower())
        else:
            words.append(word.capitalize())
    return " ".join(words)


def regions(country: str) -> dict[str, str]:
    """Province or state names and codes → code, from the app's own regions.csv."""
    lookup = {}
    with open(ROOT / "stakeholders" / "data" / "regions.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["country"] == country:
                for name in (row["code"], row["name_en"], row["name_fr"], row["name_es"], *row["aliases"].split("|")):
                    lookup[name.strip().lower()] = row["code"]
    return lookup


def sample(rows: list[dict], seed: int) -> list[dict]:
    unique = {}
    for row in rows:
        if not NOT_COMPANY.search(row["name"]):
            unique.setdefault(row["name"].lower(), row)
    chosen = sorted(unique.values(), key=lambda r: r["name"].lower())
    random.Random(seed).shuffle(chosen)
    return sorted(chosen[:PER_COUNTRY], key=lambda r: r["name"].lower())


def read(name: str) -> list[dict]:
    with open(SHARED / name, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def main() -> None:
    mx, ca, us = regions("MX"), regions("CA"), regions("US")
    rows = []
    rows += sample(
        [
            {
                "name": tidy(r["company"]),
                "country": "MX",
                "region": mx.get(r["state"].lower(), ""),
                "naics": r["naics_code"],
                "source": "RETC 2022",
            }
            for r in read("facilities-mx-retc-2022.csv")
        ],
        seed=2022,
    )
    rows += sample(
        [
            {
                "name": tidy(r["company"]),
                "country": "CA",
                "region": ca.get(r["province"].lower(), ""),
                "naics": r["naics_code"],
                "source": "GHGRP 2023",
            }
            for r in read("facilities-ca-ghgrp-2023.csv")
        ],
        seed=2023,
    )
    rows += sample(
        [
            {
                "name": tidy(r["company"]),
                "country": "US",
                "region": us.get(r["states"].split()[0].lower(), "") if r["states"] else "",
                "naics": "",
                "source": "TRI 2019",
            }
            for r in read("parent-companies-us-tri-2019.csv")
        ],
        seed=2019,
    )
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["name", "country", "region", "naics", "source"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} organizations written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
