"""Belo Horizonte, Fica Vivo: the exemplar's facts, asserted by value against the report."""

from __future__ import annotations

from helpers import footnotes, observation, quotes, select, value, values_of

FV = "csd:fica-vivo"


def test_program_names_period_and_case(graph):
    assert values_of(graph, FV, "rdfs:label") == ["Fica Vivo", "Fica Vivo (Stay Alive)"]
    assert value(graph, FV, "cs:startYear") == 2002
    assert value(graph, FV, "cs:caseSection") == "csd:section-belo-horizonte"
    assert value(graph, FV, "cs:country") == "csd:brazil"


def test_pilot_reorganisation_and_expansion_phases(graph):
    rows = select(graph, """
        SELECT ?order ?start ?end WHERE { csd:fica-vivo cs:hasPhase ?p . ?p cs:phaseOrder ?order .
          OPTIONAL { ?p cs:startYear ?start } OPTIONAL { ?p cs:endYear ?end } } ORDER BY ?order""")
    assert [(r["order"], r.get("start"), r.get("end")) for r in rows] == [(1, 2002, 2003), (2, 2004, None), (3, 2004, 2005), (4, None, None)]
    assert value(graph, "csd:fica-vivo-phase-1-pilot", "cs:servesPlace") == "csd:morro-das-pedras"


def test_launch_year_per_location_from_figure_2(graph):
    rows = select(graph, "SELECT ?place ?year WHERE { csd:fica-vivo cs:hasSite ?s . ?s cs:place ?place ; cs:launchYear ?year }")
    assert {r["place"]: r["year"] for r in rows} == {
        "csd:morro-das-pedras-and-ventosa": 2002,
        "csd:pedreira-prado-lopes": 2004,
        "csd:alto-vera-cruz-and-taquaril": 2005,
        "csd:cabana-do-pai-tomas": 2005,
        "csd:paulo-vi-and-ribeiro-de-abreu": 2005,
    }


def test_gepar_policing_and_social_prevention_strands(graph):
    assert values_of(graph, "csd:fica-vivo-component-strategic-intervention", "cs:componentType") == [
        "it:community-policing", "it:hot-spot-policing"]
    assert value(graph, "csd:fica-vivo-component-strategic-intervention", "cs:ledBy") == "csd:gepar"
    assert "it:conflict-mediation" in values_of(graph, "csd:fica-vivo-component-social-prevention", "cs:componentType")
    assert "it:vocational-training" in values_of(graph, "csd:fica-vivo-component-social-prevention", "cs:componentType")


def test_actors_and_roles(graph):
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:fica-vivo cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    roles = {(r["agent"], r["role"]) for r in rows}
    assert ("csd:aecio-neves", "role:commissioner") in roles
    assert ("csd:seds-minas-gerais", "role:designer") in roles
    assert ("csd:ufmg", "role:designer") in roles
    assert ("csd:gepar", "role:implementer") in roles
    assert ("csd:talles-andrade-de-souza", "role:coordinator") in roles


def test_target_group_12_to_24_and_the_recorded_12_to_14_ambiguity(graph):
    assert (value(graph, "csd:fica-vivo-target-young-people", "cs:minAge"), value(graph, "csd:fica-vivo-target-young-people", "cs:maxAge")) == (12, 24)
    assert (value(graph, "csd:fica-vivo-target-social-pillar", "cs:minAge"), value(graph, "csd:fica-vivo-target-social-pillar", "cs:maxAge")) == (12, 14)
    assert values_of(graph, "csd:decision-fica-vivo-target-ages", "cs:concerns") == [
        "csd:fica-vivo-target-social-pillar", "csd:fica-vivo-target-young-people"]


def test_69_percent_reduction_from_the_quasi_experiment(graph):
    outcome = "csd:fica-vivo-outcome-mean-homicides-69pct"
    assert value(graph, outcome, "cs:value") == 69
    assert value(graph, outcome, "cs:direction") == "dir:decrease"
    assert value(graph, outcome, "cs:unit") == "unit:percent"
    assert quotes(graph, outcome) == ["Silveira et al (2010, 2008) reported a 69% reduction in the mean number of homicides."]
    evaluation = "csd:fica-vivo-evaluation-quasi-experiment"
    assert value(graph, evaluation, "cs:hasFinding") == outcome
    assert value(graph, evaluation, "cs:design") == "des:quasi-experiment"
    assert value(graph, "des:quasi-experiment", "cs:marylandLevel") == 3
    assert (value(graph, evaluation, "cs:startYear"), value(graph, evaluation, "cs:endYear")) == (2002, 2006)
    assert footnotes(graph, evaluation) == [38]


def test_more_than_50_percent_average_reduction_in_five_communities(graph):
    outcome = "csd:fica-vivo-outcome-five-communities-50pct"
    assert value(graph, outcome, "cs:value") == 50
    assert value(graph, outcome, "cs:valueQualifier") == "vq:more-than"
    assert (value(graph, outcome, "cs:startYear"), value(graph, outcome, "cs:endYear")) == (2004, 2007)


def test_youth_served_and_prevention_units(graph):
    youth = "csd:fica-vivo-output-youth-per-year"
    assert (value(graph, youth, "cs:value"), value(graph, youth, "cs:valueQualifier"), value(graph, youth, "cs:startYear")) == (11000, "vq:more-than", 2005)
    units = "csd:fica-vivo-output-prevention-units"
    assert (value(graph, units, "cs:value"), value(graph, units, "cs:baselineValue"), value(graph, units, "cs:baselineYear")) == (45, 19, 2005)
    assert value(graph, "csd:fica-vivo-output-prevention-units-bh", "cs:value") == 14


def test_conflict_mediation_cases_and_peaceful_resolution(graph):
    assert value(graph, "csd:conflict-mediation-program-mg-output-cases-total", "cs:value") == 183000
    assert value(graph, "csd:conflict-mediation-program-mg-output-cases-total", "cs:valueAsPrinted") == "more 183,000"
    assert (value(graph, "csd:conflict-mediation-program-mg-output-cases-2005", "cs:value"),
            value(graph, "csd:conflict-mediation-program-mg-output-cases-2014", "cs:value")) == (4000, 23000)
    rate = "csd:conflict-mediation-program-mg-outcome-peaceful-resolution"
    assert (value(graph, rate, "cs:baselineValue"), value(graph, rate, "cs:baselineYear"), value(graph, rate, "cs:value"), value(graph, rate, "cs:year")) == (60, 2005, 90, 2014)
    assert footnotes(graph, rate) == [42]


def test_figure_2_cells(graph):
    assert value(graph, observation(graph, 2, "csd:pedreira-prado-lopes", 2004), "cs:value") == 61
    assert value(graph, observation(graph, 2, "csd:belo-horizonte", 2004), "cs:value") == 1284
    assert value(graph, observation(graph, 2, "csd:morro-das-pedras-and-ventosa", 2007), "cs:value") == 18
    rows = select(graph, "SELECT (COUNT(?o) AS ?n) (SUM(?v) AS ?total) WHERE { ?o qb:dataSet csd:figure-2 ; cs:refPeriod 2007 ; cs:value ?v }")
    assert rows == [{"n": 6, "total": 31 + 11 + 23 + 9 + 18 + 1002}]
    assert value(graph, "csd:decision-figure-2-period", "cs:concerns") == "csd:figure-2"


def test_influences_ceasefire_rio_and_the_upp(graph):
    rows = select(graph, "SELECT ?program ?influencer WHERE { ?program cs:qualifiedInfluence/cs:influencer ?influencer }")
    pairs = {(r["program"], r["influencer"]) for r in rows}
    assert {("csd:fica-vivo", "csd:boston-ceasefire"), ("csd:fica-vivo", "csd:rio-community-policing-projects"),
            ("csd:upp", "csd:fica-vivo")} <= pairs


def test_challenges_are_typed(graph):
    rows = select(graph, "SELECT ?theme WHERE { ?c a cs:Challenge ; cs:about csd:fica-vivo ; cs:theme ?theme }")
    assert {"theme:cost", "theme:police-conduct", "theme:political-support", "theme:coordination"} <= {r["theme"] for r in rows}


def test_context_statistics(graph):
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:belo-horizonte ;
        cs:indicator ind:homicide ; cs:unit unit:per-100k ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], float(r["v"])) for r in rows] == [(1998, 17.0), (2002, 33.9)]
