"""Valparaíso, PAMOH: the case's facts, asserted by value against the report (lines 1046-1218)."""

from __future__ import annotations

from decimal import Decimal

from helpers import footnotes, observation, quotes, select, value, values_of

PAMOH = "csd:pamoh"
EVALUATION = "csd:pamoh-evaluation-buenas-practicas-2012"


def _cell(graph, year: int, column: str):
    return observation(graph, 4, "csd:valparaiso", year, columnLabel=column)


def test_pamoh_names_launch_2010_in_valparaiso_chile(graph):
    assert values_of(graph, PAMOH, "rdfs:label") == [
        "PAMOH: Application of the Model of Human Occupation approach in a drug and alcohol treatment program for adolescent offenders",
        "Programa Aplicación del Enfoque del Modelo de Ocupación Humana en Programa de Tratamiento de Drogas y Alcohol para Adolescentes Infractores de Ley",
    ]
    assert values_of(graph, PAMOH, "skos:altLabel") == ["PAMOH", "PaMOH"]
    assert value(graph, PAMOH, "cs:startYear") == 2010
    assert value(graph, PAMOH, "cs:caseSection") == "csd:section-valparaiso"
    assert value(graph, PAMOH, "cs:country") == "csd:chile"
    assert value(graph, PAMOH, "cs:servesPlace") == "csd:valparaiso"
    assert value(graph, "csd:valparaiso", "cs:locatedIn") == "csd:chile"
    # the report gives no budget for PAMOH
    assert select(graph, "SELECT ?b WHERE { ?b a cs:BudgetLine ; ?p csd:pamoh }") == []


def test_applies_the_model_of_human_occupation(graph):
    assert value(graph, "csd:pamoh-influence-moho", "cs:influencer") == "csd:model-of-human-occupation"
    assert value(graph, PAMOH, "cs:qualifiedInfluence") == "csd:pamoh-influence-moho"
    assert values_of(graph, "csd:model-of-human-occupation", "skos:altLabel") == ["MOHO"]
    assert quotes(graph, "csd:pamoh-influence-moho") == [
        "Launched in 2010, it applies the Model of Human Occupation (MOHO) therapy approach."]


def test_target_groups_14_to_18_and_offenders_up_to_20(graph):
    young = "csd:pamoh-target-young-offenders-14-18"
    assert (value(graph, young, "cs:minAge"), value(graph, young, "cs:maxAge")) == (14, 18)
    older = "csd:pamoh-target-offenders-up-to-20"
    assert value(graph, older, "cs:maxAge") == 20
    assert values_of(graph, older, "cs:minAge") == []
    assert value(graph, "csd:pamoh-target-drug-offenders", "cs:riskGroup") == "youth and young adult drug offenders"
    assert values_of(graph, "csd:decision-pamoh-target-ages", "cs:concerns") == [
        "csd:pamoh-target-drug-offenders", "csd:pamoh-target-offenders-up-to-20", "csd:pamoh-target-young-offenders-14-18"]


def test_components_diagnostic_treatment_free_time_labour_reinsertion_and_monitoring(graph):
    assert values_of(graph, PAMOH, "cs:hasComponent") == [
        "csd:pamoh-component-diagnostic-profiles",
        "csd:pamoh-component-free-time-activities",
        "csd:pamoh-component-labour-reinsertion",
        "csd:pamoh-component-monitoring-tools",
        "csd:pamoh-component-treatment-therapy",
    ]
    assert values_of(graph, "csd:pamoh-component-treatment-therapy", "cs:componentType") == [
        "it:health-services", "it:psychosocial-therapy", "it:substance-abuse-treatment", "it:vocational-training"]
    assert values_of(graph, "csd:pamoh-component-free-time-activities", "cs:componentType") == [
        "it:culture-sport", "it:youth-development"]
    assert value(graph, "csd:pamoh-component-labour-reinsertion", "cs:componentType") == "it:vocational-training"
    assert value(graph, "csd:pamoh-component-monitoring-tools", "cs:componentType") == "it:monitoring-evaluation"
    assert value(graph, "csd:pamoh-component-diagnostic-profiles", "cs:componentType") == "it:monitoring-evaluation"
    assert footnotes(graph, "csd:pamoh-component-treatment-therapy") == [76, 76]


def test_actors_ministries_college_and_the_three_assessment_partners(graph):
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:pamoh cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    assert {(r["agent"], r["role"]) for r in rows} == {
        ("csd:chile-ministry-of-health", "role:partner"),
        ("csd:chile-ministry-of-justice", "role:partner"),
        ("csd:chile-ministry-of-the-interior", "role:partner"),
        ("csd:colegio-tecnico-industrial-valparaiso", "role:partner"),
        ("csd:idb", "role:evaluator"),
        ("csd:open-society-foundation", "role:evaluator"),
        ("csd:universidad-de-chile", "role:evaluator"),
    }
    assert value(graph, "csd:colegio-tecnico-industrial-valparaiso", "cs:basedIn") == "csd:valparaiso"
    assert value(graph, "csd:chile-ministry-of-health", "cs:actorType") == "atype:national-government"
    assert values_of(graph, "csd:decision-pamoh-ministries-role", "cs:concerns") == [
        "csd:pamoh-role-chile-ministry-of-health", "csd:pamoh-role-chile-ministry-of-justice",
        "csd:pamoh-role-chile-ministry-of-the-interior"]


def test_law_printed_20_0841_kept_as_printed(graph):
    assert quotes(graph, "csd:pamoh-claim-law-basis") == [
        "PaMOH was established on the basis of Law 20.0841 which set out broad principles for treating adolescent "
        "drug offenders and encouraged coordination between the Ministries of Health, Justice, and the interior."]
    assert values_of(graph, "csd:decision-pamoh-law-number", "cs:concerns") == ["csd:pamoh", "csd:pamoh-claim-law-basis"]


def test_outputs_career_information_and_candidates_without_count(graph):
    info = "csd:pamoh-output-career-information"
    assert value(graph, info, "cs:ofProgram") == PAMOH
    assert value(graph, info, "cs:population") == "newly enrolled students"
    assert values_of(graph, info, "cs:value") == []
    candidates = "csd:pamoh-output-career-candidates"
    assert value(graph, candidates, "cs:indicator") == "ind:people-trained"
    assert value(graph, candidates, "cs:population") == "candidates at the Colegio Técnico Industrial de Valparaíso"
    assert values_of(graph, candidates, "cs:value") == []
    assert values_of(graph, "csd:decision-pamoh-college-candidates", "cs:concerns") == [candidates, info]


def test_improved_health_and_social_skills_noted_in_2012(graph):
    health = "csd:pamoh-outcome-health"
    # program monitoring of participants, no comparison: observed, not attributed
    assert (value(graph, health, "cs:indicator"), value(graph, health, "cs:direction"), value(graph, health, "cs:effect")) == (
        "ind:health", "dir:increase", "eff:not-attributed")
    assert value(graph, health, "cs:year") == 2012
    assert quotes(graph, health) == ["Observed outcomes include improvements in mental, sexual, and physical health of participants."]
    skills = "csd:pamoh-outcome-social-skills"
    assert (value(graph, skills, "cs:indicator"), value(graph, skills, "cs:direction"), value(graph, skills, "cs:effect")) == (
        "ind:social-skills", "dir:increase", "eff:not-attributed")
    assert values_of(graph, health, "cs:value") == values_of(graph, skills, "cs:value") == []


def test_post_intervention_outcomes_undetermined_no_participant_discharged(graph):
    outcome = "csd:pamoh-outcome-post-intervention-undetermined"
    assert (value(graph, outcome, "cs:verdict"), value(graph, outcome, "cs:effect")) == ("vrd:undetermined", "eff:not-measured")
    assert value(graph, outcome, "cs:direction") == "dir:not-stated"
    assert value(graph, outcome, "cs:year") == 2012
    assert quotes(graph, outcome) == [
        "at the time of the evaluation, however, no participants were discharged from the program, so it was "
        "impossible to evaluate individual outcomes post-intervention."]
    assert value(graph, "csd:pamoh-challenge-no-impact-evaluation", "cs:theme") == "theme:evaluation-gap"


def test_2012_buenas_practicas_assessment_is_a_process_assessment_level_0(graph):
    assert value(graph, EVALUATION, "cs:evaluates") == PAMOH
    assert value(graph, EVALUATION, "cs:design") == "des:process-assessment"
    assert value(graph, "des:process-assessment", "cs:marylandLevel") == 0
    assert value(graph, EVALUATION, "cs:year") == 2012
    assert values_of(graph, EVALUATION, "cs:evaluator") == [
        "csd:idb", "csd:open-society-foundation", "csd:universidad-de-chile"]
    assert values_of(graph, EVALUATION, "cs:hasFinding") == [
        "csd:pamoh-outcome-health", "csd:pamoh-outcome-post-intervention-undetermined", "csd:pamoh-outcome-social-skills"]
    assert value(graph, EVALUATION, "cs:sampleDescription") == (
        "program participants, none of whom had yet been discharged from the program at the time of the evaluation; "
        "no comparison group is reported")
    assert value(graph, EVALUATION, "cs:supportedBy") == "csd:work-cardenas"
    assert footnotes(graph, EVALUATION) == [78]
    assert value(graph, "csd:decision-pamoh-evaluation-year", "cs:concerns") == EVALUATION


def test_figure_4_first_row_2005(graph):
    assert value(graph, _cell(graph, 2005, "Arrests for Serious Crimes"), "cs:value") == 3930
    assert value(graph, _cell(graph, 2005, "Arrests for Serious Crimes"), "cs:valueAsPrinted") == "3,930"
    assert value(graph, _cell(graph, 2005, "Homicides"), "cs:value") == 17
    rate = _cell(graph, 2005, "Homicide Rate")
    assert (value(graph, rate, "cs:value"), value(graph, rate, "cs:valueAsPrinted")) == (Decimal("2.00"), "2.00")
    assert value(graph, rate, "cs:unit") == "unit:per-100k"
    assert value(graph, "csd:decision-figure-4-rate-base", "cs:concerns") == "csd:figure-4"


def test_figure_4_homicides_and_rates_2006_to_2013(graph):
    homicides = {y: value(graph, _cell(graph, y, "Homicides"), "cs:value") for y in range(2006, 2014)}
    assert homicides == {2006: 18, 2007: 18, 2008: 23, 2009: 17, 2010: 23, 2011: 19, 2012: 17, 2013: 22}
    rates = {y: value(graph, _cell(graph, y, "Homicide Rate"), "cs:value") for y in range(2006, 2014)}
    assert rates == {2006: Decimal("2.09"), 2007: Decimal("2.06"), 2008: Decimal("2.59"), 2009: Decimal("1.89"),
                     2010: Decimal("2.52"), 2011: Decimal("2.05"), 2012: Decimal("1.83"), 2013: Decimal("2.33")}
    arrests = {y: value(graph, _cell(graph, y, "Arrests for Serious Crimes"), "cs:value") for y in range(2006, 2014)}
    assert arrests == {2006: 3823, 2007: 4436, 2008: 4306, 2009: 4418, 2010: 3904, 2011: 3848, 2012: 3527, 2013: 3487}


def test_figure_4_last_row_2014_arrests_3357_and_two_na_cells(graph):
    assert value(graph, _cell(graph, 2014, "Arrests for Serious Crimes"), "cs:value") == 3357
    for column in ("Homicides", "Homicide Rate"):
        cell = _cell(graph, 2014, column)
        assert value(graph, cell, "cs:valueAsPrinted") == "N/a"
        assert value(graph, cell, "cs:obsStatus") == "ost:not-available"
        assert values_of(graph, cell, "cs:value") == []
    rows = select(graph, "SELECT (COUNT(?o) AS ?n) WHERE { ?o qb:dataSet csd:figure-4 }")
    assert rows == [{"n": value(graph, "csd:figure-4", "cs:expectedObservations")}] == [{"n": 30}]
    assert value(graph, _cell(graph, 2014, "Homicides"), "cs:supportedBy") == "csd:work-chile-spd-crime-statistics"


def test_chile_cocaine_prevalence_2009_6_7_percent_and_us_4_6(graph):
    chile = "csd:stat-chile-cocaine-use-prevalence-2009"
    assert (value(graph, chile, "cs:value"), value(graph, chile, "cs:refArea"), value(graph, chile, "cs:refPeriod")) == (
        Decimal("6.7"), "csd:chile", 2009)
    us = "csd:stat-united-states-cocaine-use-prevalence-2009"
    assert (value(graph, us, "cs:value"), value(graph, us, "cs:refArea"), value(graph, us, "cs:refPeriod")) == (
        Decimal("4.6"), "csd:united-states", 2009)
    assert value(graph, chile, "cs:unit") == value(graph, us, "cs:unit") == "unit:percent"
    assert footnotes(graph, chile) == [73]
    assert value(graph, chile, "cs:supportedBy") == "csd:work-oas-2011b"


def test_pre_launch_80_percent_marijuana_50_cocaine_and_treatment_27_and_46(graph):
    marijuana = "csd:stat-chile-youth-offenders-substance-use-pre-pamoh-marijuana"
    assert (value(graph, marijuana, "cs:value"), value(graph, marijuana, "cs:valueQualifier")) == (80, "vq:approximately")
    assert value(graph, "csd:stat-chile-youth-offenders-substance-use-pre-pamoh-cocaine-derivatives", "cs:value") == 50
    assert value(graph, "csd:stat-chile-drug-treatment-coverage-pre-pamoh-marijuana", "cs:value") == 27
    assert value(graph, "csd:stat-chile-drug-treatment-coverage-pre-pamoh-cocaine", "cs:value") == 46
    assert value(graph, marijuana, "cs:periodLabel") == "Prior to the launch of PaMOH"
    assert footnotes(graph, marijuana) == [74]
    assert value(graph, "csd:decision-pamoh-marijuana-only-scope", "cs:concerns") == (
        "csd:stat-chile-drug-treatment-coverage-pre-pamoh-marijuana")
    assert values_of(graph, "csd:decision-pamoh-pre-launch-statistics-area", "cs:concerns") == [
        "csd:stat-chile-drug-treatment-coverage-pre-pamoh-cocaine", "csd:stat-chile-drug-treatment-coverage-pre-pamoh-marijuana",
        "csd:stat-chile-youth-offenders-substance-use-pre-pamoh-cocaine-derivatives",
        "csd:stat-chile-youth-offenders-substance-use-pre-pamoh-marijuana"]
    assert value(graph, marijuana, "cs:refArea") == "csd:chile"


def test_cardenas_undated_cited_in_footnotes_74_and_78(graph):
    assert values_of(graph, "csd:work-cardenas", "cs:citedInFootnote") == [74, 78]
    assert values_of(graph, "csd:work-cardenas", "cs:year") == []
    assert value(graph, "csd:decision-cardenas-undated", "cs:concerns") == "csd:work-cardenas"
    assert value(graph, "csd:work-chile-spd-crime-statistics", "cs:citedInFootnote") == 77


def test_no_source_conflict_transforming_outcomes_kept_as_a_claim(graph):
    rows = select(graph, """SELECT ?c WHERE { ?c a cs:SourceConflict ; cs:conflictingStatement ?s .
        FILTER(STRSTARTS(STR(?s), STR(csd:pamoh))) }""")
    assert rows == []
    assert values_of(graph, "csd:decision-pamoh-transforming-outcomes", "cs:concerns") == [
        "csd:pamoh-challenge-no-discharged-participants", "csd:pamoh-claim-good-example",
        "csd:pamoh-outcome-post-intervention-undetermined"]
    assert values_of(graph, "csd:pamoh-lesson-investigate-former-participants", "cs:theme") == [
        "theme:evaluation-gap", "theme:replicability"]
    assert footnotes(graph, "csd:pamoh-lesson-investigate-former-participants") == [79]
