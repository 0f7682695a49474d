"""The VoID/DCAT description of the dataset (data/shared/dataset.ttl): the project's licence, the
report's own terms quoted as printed, and the linkset to GeoNames."""

from __future__ import annotations

import re

from rdflib import Literal, Namespace, URIRef
from rdflib import namespace as ns

from helpers import iri

VOID = Namespace("http://rdfs.org/ns/void#")
CS = Namespace("https://w3id.org/citysafe/ontology#")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_dataset_is_described_with_void_and_dcat(graph):
    dataset = iri("csd:citysafe-kg")
    assert {VOID.Dataset, ns.DCAT.Dataset} <= set(graph.objects(dataset, ns.RDF.type))
    assert graph.value(dataset, ns.DCTERMS.license) == URIRef("https://spdx.org/licenses/MIT")
    assert graph.value(dataset, ns.DCTERMS.source) == iri("csd:making-cities-safer-2016")
    assert graph.value(dataset, VOID.uriSpace) == Literal("https://w3id.org/citysafe/id/")
    assert len(set(graph.objects(dataset, ns.DCAT.distribution))) == 3
    linkset = graph.value(dataset, VOID.subset)
    assert graph.value(linkset, VOID.linkPredicate) == ns.OWL.sameAs


def test_the_reports_terms_are_quoted_as_printed(graph, project):
    rights = str(graph.value(iri("csd:making-cities-safer-2016"), ns.DCTERMS.rights))
    assert rights.startswith("the opinions expressed in this publication are those of the authors alone")
    assert squeeze(rights) in squeeze(project.report_text.read_text(encoding="utf-8"))
    quotes = [str(q) for loc in graph.objects(iri("csd:making-cities-safer-2016"), CS.locator)
              for q in graph.objects(loc, CS.quote)]
    assert rights in quotes  # the fidelity checks hold the quote to the report's text


def test_the_report_prints_no_licence_and_the_note_says_so(graph, project):
    text = project.report_text.read_text(encoding="utf-8").lower()
    assert "licen" not in text and "copyright" not in text and "©" not in text
    issue = str(graph.value(iri("csd:note-report-terms"), CS.issue))
    assert "prints no licence and no copyright line" in issue
    assert graph.value(iri("csd:making-cities-safer-2016"), ns.DCTERMS.license) is None
