"""The checks against the report text, on small graphs built for each rule."""

from __future__ import annotations

import pytest
from rdflib import BNode, Graph, Literal, URIRef

from citysafe_kg.fidelity import check
from citysafe_kg.graph import load_files
from citysafe_kg.namespaces import CS, CSC, CSD
from citysafe_kg.source_text import fold, parse_printed_number

OST_INTERPRETED = URIRef(f"{CSC}obs-status/interpreted")


@pytest.fixture(scope="module")
def sections(project) -> Graph:
    """The report and its sections (their headings delimit the sections in the text)."""
    return load_files(project, [project.data_dir / "shared" / "report.ttl"]).graph


def node_with(sections: Graph, quote: str, section: str = "section-belo-horizonte", **values) -> tuple[Graph, URIRef]:
    graph = Graph()
    for triple in sections:
        graph.add(triple)
    node = CSD["t-node"]
    locator = BNode()
    graph.add((node, CS.locator, locator))
    graph.add((locator, CS.section, CSD[section]))
    graph.add((locator, CS.quote, Literal(quote)))
    for name, value in values.items():
        graph.add((node, CS[name], value if isinstance(value, URIRef) else Literal(value)))
    return graph, node


def checks(project, graph: Graph) -> set[str]:
    return {issue.check for issue in check(graph, project.report_text) if issue.node == "csd:t-node"}


def test_fold_joins_line_end_hyphens_and_collapses_space():
    assert fold("re-\nestablishing   state\n presence") == "re-establishing state presence"
    assert fold("short- and long-term") == "short- and long-term"


@pytest.mark.parametrize("token, expected", [("11,770", 11770), ("33.9", 33.9), ("1589", 1589), ("8,1", None), ("1,00", None)])
def test_printed_numbers_follow_the_reports_convention(token, expected):
    assert parse_printed_number(token) == expected


def test_an_exact_quote_passes(project, sections):
    graph, _ = node_with(sections, "Silveira et al (2010, 2008) reported a 69% reduction in the mean number of homicides.",
                         valueAsPrinted="69%", value=69)
    assert checks(project, graph) == set()


def test_a_quote_across_a_line_break_passes(project, sections):
    graph, _ = node_with(sections, "the homicide rate surged from 17 per 100,000 in 1998 to 33.9 per 100,000 by 2002.")
    assert checks(project, graph) == set()


def test_a_reworded_quote_fails(project, sections):
    graph, _ = node_with(sections, "Silveira et al. reported a 70% reduction in homicides.")
    assert checks(project, graph) == {"quote-in-text"}


def test_a_quote_from_another_section_fails(project, sections):
    graph, _ = node_with(sections, "the UPP initiative drew inspiration from a range of public security models.")
    assert checks(project, graph) == {"quote-in-section"}


def test_a_printed_value_outside_the_quote_fails(project, sections):
    graph, _ = node_with(sections, "the results were breathtaking.", valueAsPrinted="69%", value=69)
    assert checks(project, graph) == {"printed-in-quote"}


def test_a_value_that_is_not_a_reading_of_the_print_fails(project, sections):
    graph, _ = node_with(sections, "Fica Vivo has benefited more than 11,000 youth per year since 2005",
                         valueAsPrinted="more than 11,000", value=11700)
    assert checks(project, graph) == {"value-matches-printed"}


def test_an_ambiguous_print_needs_an_interpretation_flag(project, sections):
    graph, _ = node_with(sections, "cucta 2.8 2.3 2.1 8,1 2.5 4.7 25.8 0.7", section="section-colombia",
                         valueAsPrinted="8,1", value=8.1)
    assert checks(project, graph) == {"value-matches-printed"}
    graph.add((CSD["t-node"], CS.obsStatus, OST_INTERPRETED))
    assert checks(project, graph) == set()


def test_scale_words_and_number_words_are_read(project, sections):
    graph, _ = node_with(sections, "the police assigned to the program received fifteen days of training",
                         section="section-dominican-republic", valueAsPrinted="fifteen days", value=15)
    assert checks(project, graph) == set()


def test_a_citation_label_must_be_printed(project, sections):
    graph, node = node_with(sections, "See Braga et al (2001).")
    graph.add((node, CS.citationLabel, Literal("Braga, Kennedy and Piehl (2001)")))
    assert checks(project, graph) == {"citation-label-in-text"}
