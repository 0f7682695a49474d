"""Ciudad Juárez, Todos Somos Juárez: the case's facts, asserted by value against the report (lines 2143-2510)."""

from __future__ import annotations

from decimal import Decimal

from helpers import footnotes, observation, quotes, select, value, values_of

TSJ = "csd:todos-somos-juarez"
OCC = "csd:ciudad-juarez-occupation-and-purge"
CJ = "csd:ciudad-juarez"
HOMICIDES = "Homicides"
RATE = "Estimated homicide rate per 100.000"


def _cell(graph, year: int, column: str):
    return observation(graph, 12, CJ, year, columnLabel=column)


def test_todos_somos_juarez_names_2010_launch_and_place(graph):
    assert values_of(graph, TSJ, "rdfs:label") == ["Todos Somos Juárez", "Todos Somos Juárez (We Are All Juárez)"]
    assert values_of(graph, TSJ, "skos:altLabel") == ["Todo Somos Juárez", "We are all Juárez"]
    assert value(graph, TSJ, "cs:startYear") == 2010
    assert values_of(graph, TSJ, "cs:endYear") == []
    assert value(graph, TSJ, "cs:caseSection") == "csd:section-ciudad-juarez"
    assert value(graph, TSJ, "cs:country") == "csd:mexico"
    assert value(graph, TSJ, "cs:servesPlace") == CJ
    assert value(graph, TSJ, "dcterms:language") == "es"
    assert values_of(graph, TSJ, "cs:relatedProgram") == [OCC, "csd:oportunidades"]
    assert quotes(graph, TSJ) == [
        "First, the program was multi-sectoral in orientation. it purposefully moved beyond a narrow law enforcement approach to one that more comprehensively addressed persistent social and economic risks associated with vulnerability and insecurity.",
        "in 2010, spurred by the high-profile massacre of 15 people in Villa Salvarcar, the federal authorities together with the state government of chihuahua launched todos Somos Juárez (We are all Juárez).",
        "the strategy focused on six core sectors – public security, economic growth, employment, health, education and social development – and 160 pledges aimed at providing more opportunities to the city’s residents in order to address social factors that lead to violence.",
    ]


def test_villa_salvarcar_massacre_of_15_people_in_2010(graph):
    stat = "csd:stat-villa-salvarcar-homicides-2010"
    assert (value(graph, stat, "cs:value"), value(graph, stat, "cs:refPeriod"), value(graph, stat, "cs:refArea")) == (15, 2010, "csd:villa-salvarcar")
    assert value(graph, "csd:villa-salvarcar", "cs:locatedIn") == CJ


def test_design_and_implementation_phases(graph):
    rows = select(graph, """
        SELECT ?phase ?order WHERE { csd:todos-somos-juarez cs:hasPhase ?phase . ?phase cs:phaseOrder ?order } ORDER BY ?order""")
    assert [(r["phase"], r["order"]) for r in rows] == [
        ("csd:todos-somos-juarez-phase-1-design-planning", 1),
        ("csd:todos-somos-juarez-phase-2-implementation", 2),
    ]


def test_occupation_and_purge_2008_to_2010_with_three_yearly_phases(graph):
    assert (value(graph, OCC, "cs:startYear"), value(graph, OCC, "cs:endYear")) == (2008, 2010)
    rows = select(graph, """
        SELECT ?order ?start ?end WHERE { csd:ciudad-juarez-occupation-and-purge cs:hasPhase ?p . ?p cs:phaseOrder ?order .
          OPTIONAL { ?p cs:startYear ?start } OPTIONAL { ?p cs:endYear ?end } } ORDER BY ?order""")
    assert [(r["order"], r.get("start"), r.get("end")) for r in rows] == [(1, 2008, None), (2, 2009, 2009), (3, 2010, 2010)]
    assert values_of(graph, "csd:decision-ciudad-juarez-occupation-and-purge-program", "cs:concerns") == [OCC, TSJ]


def test_soldiers_and_federal_police_deployed_2008_and_2009(graph):
    first = "csd:ciudad-juarez-occupation-and-purge-output-soldiers-2008"
    assert (value(graph, first, "cs:value"), value(graph, first, "cs:valueQualifier"), value(graph, first, "cs:year")) == (2000, "vq:more-than", 2008)
    assert value(graph, first, "cs:valueAsPrinted") == "more than 2,000"
    soldiers = "csd:ciudad-juarez-occupation-and-purge-output-soldiers-2009"
    police = "csd:ciudad-juarez-occupation-and-purge-output-federal-police-2009"
    assert (value(graph, soldiers, "cs:value"), value(graph, soldiers, "cs:year")) == (8000, 2009)
    assert (value(graph, police, "cs:value"), value(graph, police, "cs:year")) == (2000, 2009)
    assert values_of(graph, "csd:ciudad-juarez-occupation-and-purge-component-military-deployment", "cs:componentType") == [
        "it:military-deployment", "it:territorial-control"]
    assert values_of(graph, "csd:ciudad-juarez-occupation-and-purge-component-police-purge", "cs:componentType") == ["it:police-reform-training"]
    assert value(graph, "csd:ciudad-juarez-occupation-and-purge-challenge-human-rights", "cs:about") == OCC


def test_component_types_mesa_participation_education_public_space(graph):
    types = {
        r["c"]: r["t"]
        for r in select(graph, "SELECT ?c (GROUP_CONCAT(STR(?t); separator=' ') AS ?t) WHERE { csd:todos-somos-juarez cs:hasComponent ?c . ?c cs:componentType ?t } GROUP BY ?c")
    }
    assert len(types) == 10

    def short(component: str) -> list[str]:
        return sorted(t.rsplit("/", 1)[1] for t in types[f"csd:todos-somos-juarez-component-{component}"].split())

    assert short("mesa-de-seguridad") == ["community-participation", "coordination-body"]
    assert short("citizen-participation") == ["community-participation"]
    assert short("education") == ["schooling-support"]
    assert short("public-spaces") == ["culture-sport", "public-space"]
    assert short("harm-reduction") == ["health-services", "substance-abuse-treatment"]
    assert short("oportunidades-expansion") == ["economic-support"]
    assert short("credit-job-retraining") == ["economic-support", "vocational-training"]
    assert short("three-level-coordination") == ["coordination-body"]
    assert short("public-security") == ["crime-data-system", "police-enforcement"]  # the "public security" sector
    assert value(graph, "csd:todos-somos-juarez-component-citizen-participation", "cs:ledBy") == "csd:juarez-citizen-councils"


def test_actors_and_roles_federal_state_mesa_and_usaid(graph):
    rows = select(graph, """
        SELECT ?agent ?role WHERE { csd:todos-somos-juarez cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    roles = {(r["agent"], r["role"]) for r in rows}
    assert {("csd:mexico-federal-government", "role:commissioner"), ("csd:mexico-federal-government", "role:funder"),
            ("csd:mexico-federal-government", "role:implementer"),
            ("csd:chihuahua-state-government", "role:commissioner"), ("csd:chihuahua-state-government", "role:implementer"),
            ("csd:ciudad-juarez-municipal-government", "role:implementer"),
            ("csd:juarez-citizen-councils", "role:coordinator"), ("csd:mexico-presidents-office", "role:coordinator"),
            ("csd:juarez-private-sector", "role:partner"), ("csd:mexican-army", "role:partner"),
            ("csd:mexico-federal-police", "role:partner"), ("csd:ciudad-juarez-municipal-police", "role:partner"),
            ("csd:juarez-attorney-generals-office", "role:partner"), ("csd:juarez-civil-society-stakeholders", "role:partner"),
            ("csd:usaid", "role:partner")} == roles
    assert value(graph, "csd:mexican-army", "cs:actorType") == "atype:military"
    assert value(graph, "csd:chihuahua-state-government", "cs:actorType") == "atype:state-government"


def test_mesa_de_seguridad_team_of_25_most_successful_task_force(graph):
    team = "csd:todos-somos-juarez-output-mesa-team-25"
    assert value(graph, team, "cs:value") == 25
    assert footnotes(graph, team) == [146]
    assert value(graph, team, "cs:supportedBy") == "csd:work-conger-2014"
    claim = "csd:todos-somos-juarez-claim-mesa-most-successful"
    assert footnotes(graph, claim) == [146]
    assert quotes(graph, claim) == ["according to conger (2014), “the Mesa de Seguridad, and several social initiatives of other todos Somos Juárez task forces, are considered by analysts to have improved conditions for reducing violence and high-impact crimes. Of all the task forces created by todos Somos Juárez, the Mesa de Seguridad is widely recognized as the most successful and enduring.”"]
    assert values_of(graph, "csd:work-conger-2014", "cs:citedInFootnote") == [146, 147, 148, 154]


def test_pledges_actions_and_100_day_target(graph):
    assert value(graph, "csd:todos-somos-juarez-output-pledges-160", "cs:value") == 160
    actions = "csd:todos-somos-juarez-output-additional-actions-2011"
    assert (value(graph, actions, "cs:value"), value(graph, actions, "cs:year")) == (118, 2011)
    target = "csd:todos-somos-juarez-output-100-day-target"
    assert (value(graph, target, "cs:value"), value(graph, target, "cs:unit"), value(graph, target, "cs:valueQualifier")) == (100, "unit:days", "vq:less-than")
    response = "csd:todos-somos-juarez-output-response-time-target"
    assert (value(graph, response, "cs:value"), value(graph, response, "cs:unit"), value(graph, response, "cs:valueAsPrinted")) == (7, "unit:minutes", "seven minutes or less")


def test_outputs_vehicles_schools_university_spaces_families(graph):
    def v(slug: str):
        return value(graph, f"csd:todos-somos-juarez-output-{slug}", "cs:value")

    assert v("police-vehicles-tracking") == 760
    assert (v("new-schools"), value(graph, "csd:todos-somos-juarez-output-new-schools", "cs:valueQualifier")) == (5, "vq:at-least")
    assert v("new-university") == 1
    assert v("public-spaces") == 19
    assert (v("oportunidades-families"), value(graph, "csd:todos-somos-juarez-output-oportunidades-families", "cs:valueQualifier")) == (21800, "vq:more-than")
    assert (v("schools-improved"), v("latch-key-facilities"), v("safe-schools")) == (205, 71, 1000)
    assert footnotes(graph, "csd:todos-somos-juarez-output-schools-improved") == [150]
    assert footnotes(graph, "csd:todos-somos-juarez-output-police-vehicles-tracking") == [149]


def test_budget_380_263_138_and_more_than_400_million(graph):
    def line(slug: str):
        node = f"csd:todos-somos-juarez-budget-{slug}"
        return value(graph, node, "cs:value"), value(graph, node, "cs:valueAsPrinted"), value(graph, node, "cs:unit")

    assert line("investment-2010-2011") == (380000000, "$ 380 million", "unit:dollar-unspecified")
    assert (value(graph, "csd:todos-somos-juarez-budget-investment-2010-2011", "cs:startYear"),
            value(graph, "csd:todos-somos-juarez-budget-investment-2010-2011", "cs:endYear")) == (2010, 2011)
    assert line("federal-2010") == (263000000, "$263 million", "unit:dollar-unspecified")
    assert value(graph, "csd:todos-somos-juarez-budget-federal-2010", "cs:funder") == "csd:mexico-federal-government"
    assert line("additional-2011") == (138000000, "$138 million", "unit:dollar-unspecified")
    assert value(graph, "csd:todos-somos-juarez-budget-additional-2011", "cs:year") == 2011
    assert line("total-costs") == (400000000, "$400 million", "unit:dollar-unspecified")
    assert value(graph, "csd:todos-somos-juarez-budget-total-costs", "cs:valueQualifier") == "vq:more-than"
    assert values_of(graph, "csd:todos-somos-juarez-budget-total-costs", "cs:sumOf") == []
    assert values_of(graph, "csd:decision-todos-somos-juarez-budget-totals", "cs:concerns") == [
        "csd:todos-somos-juarez-budget-additional-2011", "csd:todos-somos-juarez-budget-federal-2010",
        "csd:todos-somos-juarez-budget-investment-2010-2011", "csd:todos-somos-juarez-budget-total-costs"]


def test_266_dollars_per_resident_53_days_wage_and_74_percent_social_share(graph):
    per_resident = "csd:todos-somos-juarez-budget-cost-per-resident"
    assert (value(graph, per_resident, "cs:value"), value(graph, per_resident, "cs:valueQualifier")) == (266, "vq:approximately")
    assert footnotes(graph, per_resident) == [152]
    days = "csd:todos-somos-juarez-budget-cost-per-resident-minimum-wage-days"
    assert (value(graph, days, "cs:value"), value(graph, days, "cs:unit")) == (53, "unit:days")
    share = "csd:todos-somos-juarez-budget-share-social-development"
    assert (value(graph, share, "cs:value"), value(graph, share, "cs:unit"), values_of(graph, share, "cs:valueQualifier")) == (74, "unit:percent", [])
    assert value(graph, share, "cs:supportedBy") == "csd:work-calderon-2012"


def test_homicide_rate_fell_some_89_percent_october_2010_to_october_2012(graph):
    outcome = "csd:todos-somos-juarez-outcome-homicide-rate-89pct"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:valueQualifier"), value(graph, outcome, "cs:direction")) == (
        89, "vq:approximately", "dir:decrease")
    assert (value(graph, outcome, "cs:startYear"), value(graph, outcome, "cs:endYear")) == (2010, 2012)
    assert value(graph, outcome, "cs:periodNote") == "October 2010 to October 2012"
    for slug, indicator in (("car-jackings", "ind:vehicle-theft"), ("kidnappings", "ind:kidnapping"), ("other-victimisation", "ind:crime-general")):
        node = f"csd:todos-somos-juarez-outcome-{slug}"
        assert (value(graph, node, "cs:direction"), value(graph, node, "cs:indicator"), values_of(graph, node, "cs:value")) == ("dir:decrease", indicator, [])
    assert values_of(graph, "csd:decision-ciudad-juarez-89pct-as-did", "cs:concerns") == [
        "csd:todos-somos-juarez-outcome-car-jackings", "csd:todos-somos-juarez-outcome-homicide-rate-89pct",
        "csd:todos-somos-juarez-outcome-kidnappings", "csd:todos-somos-juarez-outcome-other-victimisation"]


def test_violent_deaths_from_more_than_271_in_2010_to_just_under_19_in_2015(graph):
    outcome = "csd:todos-somos-juarez-outcome-violent-deaths-2010-2015"
    assert (value(graph, outcome, "cs:baselineValue"), value(graph, outcome, "cs:baselineYear")) == (271, 2010)
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:valueQualifier"), value(graph, outcome, "cs:year")) == (19, "vq:less-than", 2015)
    # "surely influenced by the victory of the Sinaloa cartel": a desirable change, not attributed to the program
    assert (value(graph, outcome, "cs:unit"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
        "unit:per-100k", "dir:decrease", "eff:not-attributed")
    assert footnotes(graph, outcome) == [155]
    assert values_of(graph, outcome, "cs:supportedBy") == ["csd:work-ainslie-2014", "csd:work-international-crisis-group-2013"]
    decline = "csd:todos-somos-juarez-outcome-homicide-rate-2007-2014"
    assert (value(graph, decline, "cs:startYear"), value(graph, decline, "cs:endYear"), value(graph, decline, "cs:direction")) == (2007, 2014, "dir:decrease")


def test_polls_more_than_78_percent_said_security_not_improved_then_55_5_and_31_percent_approval(graph):
    y2010 = "csd:todos-somos-juarez-outcome-perception-not-improved-2010"
    assert (value(graph, y2010, "cs:value"), value(graph, y2010, "cs:valueQualifier"), value(graph, y2010, "cs:year")) == (78, "vq:more-than", 2010)
    # the share who say security has not improved: a level at one time, no change measured
    assert (value(graph, y2010, "cs:indicator"), value(graph, y2010, "cs:effect")) == ("ind:perceived-insecurity", "eff:not-measured")
    y2011 = "csd:todos-somos-juarez-outcome-perception-not-improved-2011"
    assert (value(graph, y2011, "cs:value"), value(graph, y2011, "cs:year"), value(graph, y2011, "cs:baselineValue")) == (Decimal("55.5"), 2011, 78)
    approval = "csd:todos-somos-juarez-outcome-approval-31pct"
    assert (value(graph, approval, "cs:value"), value(graph, approval, "cs:valueAsPrinted"), value(graph, approval, "cs:effect")) == (
        31, "just 31%", "eff:not-measured")
    assert footnotes(graph, approval) == [159]


def test_qualitative_outcomes_school_performance_displaced_returning_mesa_trust(graph):
    for slug in ("school-performance", "displaced-returning", "mesa-trust"):
        node = f"csd:todos-somos-juarez-outcome-{slug}"
        assert (value(graph, node, "cs:direction"), value(graph, node, "cs:effect"), values_of(graph, node, "cs:value")) == (
            "dir:increase", "eff:not-attributed", [])
    assert value(graph, "csd:todos-somos-juarez-outcome-displaced-returning", "cs:indicator") == "ind:return-of-displaced"
    assert footnotes(graph, "csd:todos-somos-juarez-outcome-mesa-trust") == [154]


def test_no_controlled_assessment_and_resident_polls_evaluations(graph):
    none = "csd:todos-somos-juarez-evaluation-no-controlled-assessment"
    assert value(graph, none, "cs:design") == "des:none"
    assert value(graph, "des:none", "cs:marylandLevel") == 0
    assert value(graph, none, "cs:evaluates") == TSJ
    assert quotes(graph, none) == ["Finally, there were no controlled assessments, experimental or otherwise. the priority was on ensuring that the program was rolled out quickly, thus limiting the time to set up any serious impact evaluations."]
    polls = "csd:todos-somos-juarez-evaluation-resident-polls"
    assert value(graph, polls, "cs:design") == "des:cross-sectional"
    assert value(graph, "des:cross-sectional", "cs:marylandLevel") == 1
    assert (value(graph, polls, "cs:startYear"), value(graph, polls, "cs:endYear"), value(graph, polls, "cs:year")) == (2010, 2011, 2011)
    assert value(graph, polls, "cs:sampleDescription") == "residents of Ciudad Juárez polled in 2010 (after the intervention) and in 2011; sample size not stated"
    assert values_of(graph, polls, "cs:hasFinding") == [
        "csd:todos-somos-juarez-outcome-approval-31pct", "csd:todos-somos-juarez-outcome-perception-not-improved-2010",
        "csd:todos-somos-juarez-outcome-perception-not-improved-2011"]
    appraisal = "csd:todos-somos-juarez-evaluation-replication-appraisal"
    assert (value(graph, appraisal, "cs:design"), value(graph, "des:process-assessment", "cs:marylandLevel"), value(graph, appraisal, "cs:place")) == (
        "des:process-assessment", 0, "csd:nuevo-laredo")


def test_figure_12_first_last_and_every_homicide_count(graph):
    assert value(graph, "csd:figure-12", "cs:expectedObservations") == 18
    # first printed row (2015) and last printed row (2007)
    assert (value(graph, _cell(graph, 2015, HOMICIDES), "cs:value"), value(graph, _cell(graph, 2015, RATE), "cs:value")) == (269, Decimal("18.9"))
    assert (value(graph, _cell(graph, 2007, HOMICIDES), "cs:value"), value(graph, _cell(graph, 2007, RATE), "cs:value")) == (301, Decimal("22.5"))
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:figure-12 ; cs:columnLabel "Homicides" ;
        cs:refArea csd:ciudad-juarez ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], r["v"]) for r in rows] == [
        (2007, 301), (2008, 1623), (2009, 2754), (2010, 3622), (2011, 2086), (2012, 786), (2013, 535), (2014, 299), (2015, 269)]


def test_figure_12_rates_and_the_59_printed_without_decimal(graph):
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:figure-12 ; cs:columnLabel "Estimated homicide rate per 100.000" ;
        cs:unit unit:per-100k ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], Decimal(str(r["v"]))) for r in rows] == [
        (2007, Decimal("22.5")), (2008, Decimal("121.8")), (2009, Decimal("206.7")), (2010, Decimal("271.9")),
        (2011, Decimal("156.6")), (2012, Decimal("59")), (2013, Decimal("40.1")), (2014, Decimal("22.4")), (2015, Decimal("18.9"))]
    cell_2012 = _cell(graph, 2012, RATE)
    assert (value(graph, cell_2012, "cs:valueAsPrinted"), quotes(graph, cell_2012)) == ("59", ["2012 786 59"])
    assert values_of(graph, "csd:decision-figure-12-source-and-header", "cs:concerns") == [
        "csd:figure-12", "csd:figure-12-2007-homicide-rate", "csd:figure-12-2007-homicides", "csd:figure-12-2012-homicide-rate",
        "csd:figure-12-2015-homicide-rate", "csd:figure-12-2015-homicides"]
    assert values_of(graph, _cell(graph, 2010, RATE), "cs:supportedBy") == ["csd:work-el-diario-de-juarez-2008-2014", "csd:work-homicide-monitor"]


def test_conflict_2008_text_192_vs_figure_1623_homicides(graph):
    assert values_of(graph, "csd:conflict-ciudad-juarez-homicides-2008", "cs:conflictingStatement") == [
        "csd:figure-12-2008-homicides", "csd:stat-ciudad-juarez-homicides-2008"]
    assert (value(graph, "csd:stat-ciudad-juarez-homicides-2008", "cs:value"), value(graph, "csd:stat-ciudad-juarez-homicides-2008", "cs:refPeriod")) == (192, 2008)
    assert value(graph, "csd:stat-ciudad-juarez-homicides-2008", "cs:indicator") == "ind:homicide"
    assert value(graph, _cell(graph, 2008, HOMICIDES), "cs:value") == 1623


def test_conflict_2009_text_1589_vs_figure_2754_homicides(graph):
    assert values_of(graph, "csd:conflict-ciudad-juarez-homicides-2009", "cs:conflictingStatement") == [
        "csd:figure-12-2009-homicides", "csd:stat-ciudad-juarez-homicides-2009"]
    assert (value(graph, "csd:stat-ciudad-juarez-homicides-2009", "cs:value"), value(graph, "csd:stat-ciudad-juarez-homicides-2009", "cs:refPeriod")) == (1589, 2009)
    assert value(graph, _cell(graph, 2009, HOMICIDES), "cs:value") == 2754


def test_conflict_2010_text_peak_3766_vs_figure_3622_homicides(graph):
    assert values_of(graph, "csd:conflict-ciudad-juarez-homicides-2010", "cs:conflictingStatement") == [
        "csd:figure-12-2010-homicides", "csd:stat-ciudad-juarez-homicides-2010"]
    stat = "csd:stat-ciudad-juarez-homicides-2010"
    assert (value(graph, stat, "cs:value"), value(graph, stat, "cs:valueAsPrinted"), value(graph, stat, "cs:refPeriod")) == (3766, "3,766", 2010)
    assert value(graph, _cell(graph, 2010, HOMICIDES), "cs:value") == 3622


def test_more_than_700_percent_jump_read_as_2008_to_2009_and_in_conflict_with_figure_12(graph):
    jump = "csd:stat-ciudad-juarez-homicide-change-2008-2009"
    assert (value(graph, jump, "cs:value"), value(graph, jump, "cs:valueQualifier"), value(graph, jump, "cs:direction")) == (700, "vq:more-than", "dir:increase")
    assert (value(graph, jump, "cs:startYear"), value(graph, jump, "cs:endYear")) == (2008, 2009)
    assert values_of(graph, "csd:conflict-ciudad-juarez-homicide-jump-2008-2009", "cs:conflictingStatement") == [
        "csd:figure-12-2008-homicides", "csd:figure-12-2009-homicides", jump]
    assert value(graph, "csd:decision-ciudad-juarez-homicide-jump-interval", "cs:concerns") == jump


def test_population_1_3_million_estimated_vs_1_5_million_assumed_conflict(graph):
    assert value(graph, "csd:stat-ciudad-juarez-population-estimated", "cs:value") == 1300000
    assert value(graph, "csd:stat-ciudad-juarez-population-assumed", "cs:value") == 1500000
    assert values_of(graph, "csd:conflict-ciudad-juarez-population", "cs:conflictingStatement") == [
        "csd:stat-ciudad-juarez-population-assumed", "csd:stat-ciudad-juarez-population-estimated"]
    bracero = "csd:stat-ciudad-juarez-population-1965"
    assert (value(graph, bracero, "cs:value"), value(graph, bracero, "cs:valueQualifier"), value(graph, bracero, "cs:refPeriod")) == (400000, "vq:almost", 1965)


def test_city_statistics_271_rate_1500_police_and_officers_executed(graph):
    rate = "csd:stat-ciudad-juarez-homicide-rate-2009-2011"
    assert (value(graph, rate, "cs:value"), value(graph, rate, "cs:startYear"), value(graph, rate, "cs:endYear")) == (271, 2009, 2011)
    assert value(graph, "csd:stat-ciudad-juarez-police-personnel", "cs:value") == 1500
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:ciudad-juarez ;
        cs:indicator ind:police-officers-killed ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], r["v"]) for r in rows] == [(2008, 71), (2009, 67), (2010, 149)]
    assert value(graph, "csd:stat-ciudad-juarez-police-officers-killed-2008", "cs:periodLabel") == "spring of 2008"
    assert footnotes(graph, "csd:stat-ciudad-juarez-police-officers-killed-2010") == [142]


def test_mexico_context_statistics(graph):
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:mexico ;
        cs:indicator ind:homicide ; cs:unit unit:per-100k ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], r["v"]) for r in rows] == [(1990, 19), (2007, 9)]
    assert (value(graph, "csd:stat-mexico-violent-deaths-since-2006", "cs:value"), value(graph, "csd:stat-mexico-violent-deaths-since-2006", "cs:valueQualifier")) == (120000, "vq:at-least")
    assert value(graph, "csd:stat-mexico-soldiers-deployed", "cs:value") == 60000
    assert value(graph, "csd:stat-mexico-homicide-rate-northern-eastern-cities", "cs:value") == 150
    assert value(graph, "csd:stat-mexico-homicide-drug-related-share-2011", "cs:value") == 73
    assert value(graph, "csd:stat-mexico-homicide-drug-related-change-2007-2011", "cs:value") == 55
    assert (value(graph, "csd:stat-mexico-homicide-non-drug-related-change-2007-2011", "cs:value"),
            value(graph, "csd:stat-mexico-homicide-non-drug-related-change-2007-2011", "cs:direction")) == (4, "dir:decrease")
    assert (value(graph, "csd:stat-mexico-homicide-drug-related-share-2011-eight-states", "cs:value"),
            value(graph, "csd:stat-mexico-homicide-drug-related-share-2011-five-cities", "cs:value")) == (70, 24)


def test_medellin_influence_and_inspired_mesas_across_mexico(graph):
    assert value(graph, "csd:todos-somos-juarez-influence-medellin-social-urbanism", "cs:influencer") == "csd:medellin-social-urbanism"
    assert footnotes(graph, "csd:todos-somos-juarez-influence-medellin-social-urbanism") == [145]
    rows = select(graph, "SELECT ?program WHERE { ?program cs:qualifiedInfluence/cs:influencer csd:todos-somos-juarez }")
    assert [r["program"] for r in rows] == ["csd:mexico-other-mesas-de-seguridad"]


def test_challenges_cost_evaluation_gap_expectations_rights(graph):
    rows = select(graph, "SELECT ?theme WHERE { ?c a cs:Challenge ; cs:about csd:todos-somos-juarez ; cs:theme ?theme }")
    assert {"theme:cost", "theme:evaluation-gap", "theme:expectations", "theme:police-conduct", "theme:legitimacy",
            "theme:corruption", "theme:replicability", "theme:crime-dynamics"} <= {r["theme"] for r in rows}
    assert values_of(graph, "csd:todos-somos-juarez-challenge-rights-violations", "cs:supportedBy") == [
        "csd:work-insight-crime-2013", "csd:work-processo-2012"]


def test_icg_2013_and_2015_kept_as_two_cited_works(graph):
    assert (value(graph, "csd:work-international-crisis-group-2015", "cs:citationLabel"),
            value(graph, "csd:work-international-crisis-group-2015", "cs:citedInFootnote")) == ("international crisis group (2015)", 144)
    assert (value(graph, "csd:work-international-crisis-group-2013", "cs:citationLabel"),
            value(graph, "csd:work-international-crisis-group-2013", "cs:citedInFootnote")) == ("icg (2013)", 155)
    assert value(graph, "csd:work-el-diario-de-juarez-2008-2014", "cs:citedInFootnote") == 156
