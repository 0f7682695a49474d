"""Dominican Republic, Democratic Security Plan and Barrio Seguro: the case's facts, asserted by value
against the report (lines 1574-1790)."""

from __future__ import annotations

from helpers import footnotes, quotes, select, value, values_of

BS = "csd:barrio-seguro"
PSD = "csd:dr-democratic-security-plan"
VT = "csd:vivir-tranquilo"


# --- the programs -----------------------------------------------------------------------------

def test_barrio_seguro_is_the_case_program_started_2005_part_of_the_psd(graph):
    assert values_of(graph, BS, "rdfs:label") == ["Barrio Seguro", "Barrio Seguro"]
    assert value(graph, BS, "cs:caseSection") == "csd:section-dominican-republic"
    assert value(graph, BS, "cs:country") == "csd:dominican-republic"
    assert value(graph, BS, "cs:startYear") == 2005
    assert value(graph, BS, "cs:partOf") == PSD
    assert values_of(graph, BS, "cs:servesPlace") == [
        "csd:barrio-seguro-13-contiguous-neighbourhoods", "csd:capotillo", "csd:northern-santo-domingo", "csd:santo-domingo"]


def test_psd_plan_de_seguridad_democratica_by_president_fernandez_elected_2004(graph):
    assert values_of(graph, PSD, "rdfs:label") == ["Democratic Security Plan (Dominican Republic)", "Plan de Seguridad Democratica"]
    assert values_of(graph, PSD, "skos:altLabel") == ["PSD"]
    assert value(graph, PSD, "cs:country") == "csd:dominican-republic"
    assert quotes(graph, PSD) == [
        "President Fernandez, elected in 2004, developed the Plan de Seguridad Democratica (PSD) as an overarching strategy"]
    assert value(graph, "csd:dr-democratic-security-plan-role-president-fernandez", "cs:agent") == "csd:president-fernandez"
    assert value(graph, "csd:dr-democratic-security-plan-role-president-fernandez", "cs:role") == "role:designer"


def test_viver_tranquilo_announced_late_2012_replaces_barrio_seguro(graph):
    assert value(graph, BS, "cs:replacedBy") == VT
    assert values_of(graph, VT, "rdfs:label") == ["Viver tranquilo", "Viver tranquilo (Live peacefully)"]
    assert value(graph, VT, "cs:periodNote") == "announced in late 2012"
    assert footnotes(graph, VT) == [119]
    assert value(graph, "csd:vivir-tranquilo-role-interior-minister", "cs:agent") == "csd:dr-interior-minister"
    assert value(graph, "csd:vivir-tranquilo-role-interior-minister", "cs:role") == "role:commissioner"
    # the printed spelling "Viver" is kept, as the recorded decision says
    assert value(graph, "csd:decision-vivir-tranquilo-name", "cs:concerns") == VT


def test_pilot_in_capotillo_august_2005_then_13_neighbourhoods_then_beyond_the_capital(graph):
    rows = select(graph, """
        SELECT ?order ?start ?end ?place WHERE { csd:barrio-seguro cs:hasPhase ?p . ?p cs:phaseOrder ?order ; cs:servesPlace ?place .
          OPTIONAL { ?p cs:startYear ?start } OPTIONAL { ?p cs:endYear ?end } } ORDER BY ?order""")
    assert [(r["order"], r.get("start"), r.get("end"), r["place"]) for r in rows] == [
        (1, 2005, 2006, "csd:capotillo"),
        (2, None, None, "csd:barrio-seguro-13-contiguous-neighbourhoods"),
        (3, None, None, "csd:dominican-republic"),
    ]
    assert value(graph, "csd:barrio-seguro-phase-1-pilot-capotillo", "cs:periodNote") == "August 2005 and 2006"
    assert value(graph, "csd:barrio-seguro-site-capotillo", "cs:launchYear") == 2005
    assert value(graph, "csd:capotillo", "cs:locatedIn") == "csd:santo-domingo"
    assert values_of(graph, "csd:decision-barrio-seguro-pilot-dates", "cs:concerns") == [
        "csd:barrio-seguro-phase-1-pilot-capotillo", "csd:barrio-seguro-site-capotillo"]


# --- components ---------------------------------------------------------------------------------

def test_first_component_police_deployment_with_problem_solving_and_street_patrolling(graph):
    comp = "csd:barrio-seguro-component-police-deployment"
    assert values_of(graph, comp, "cs:componentType") == ["it:community-policing", "it:police-reform-training", "it:problem-oriented-policing"]
    assert value(graph, comp, "cs:ledBy") == "csd:dr-police"
    assert ("the first component of the program entailed police deployment to selected neighborhoods. Police were also encouraged "
            "to adopt problem solving activities similar to problem-oriented policing (POP), with a focus on street patrolling.") in quotes(graph, comp)


def test_second_axis_and_social_initiatives_banco_becas_techo_and_young_entrepreneurs(graph):
    assert values_of(graph, "csd:barrio-seguro-component-community-organisations", "cs:componentType") == [
        "it:community-participation"]
    assert values_of(graph, "csd:barrio-seguro-component-micro-credit", "rdfs:label") == ["Banco de mi barrio", "Banco de mi barrio (micro-credit)"]
    assert values_of(graph, "csd:barrio-seguro-component-micro-credit", "cs:componentType") == ["it:economic-support"]
    assert values_of(graph, "csd:barrio-seguro-component-scholarships", "rdfs:label") == ["Becas para mi barrio", "Becas para mi barrio (scholarships)"]
    assert values_of(graph, "csd:barrio-seguro-component-scholarships", "cs:componentType") == ["it:schooling-support"]
    assert values_of(graph, "csd:barrio-seguro-component-home-repair", "rdfs:label") == [
        "Techo para me barrio", "Techo para me barrio (aid to repair homes)"]
    # aid to households, not a change to places (review/appraisal/dominican-republic.md)
    assert values_of(graph, "csd:barrio-seguro-component-home-repair", "cs:componentType") == ["it:economic-support"]
    assert values_of(graph, "csd:barrio-seguro-component-young-entrepreneurs", "cs:componentType") == ["it:economic-support"]
    assert len(values_of(graph, BS, "cs:hasComponent")) == 6


def test_psd_criminal_justice_reforms_and_social_programs_for_high_risk_areas(graph):
    assert values_of(graph, PSD, "cs:hasComponent") == [
        "csd:dr-democratic-security-plan-component-criminal-justice-reform", "csd:dr-democratic-security-plan-component-social-programs"]
    assert values_of(graph, "csd:dr-democratic-security-plan-component-criminal-justice-reform", "cs:componentType") == ["it:police-reform-training"]
    assert values_of(graph, "csd:dr-democratic-security-plan-component-social-programs", "cs:componentType") == ["it:social-prevention"]
    assert value(graph, "csd:dr-democratic-security-plan-target-high-risk-areas", "cs:riskGroup") == "high-risk areas"


# --- actors and influences ------------------------------------------------------------------------

def test_actors_police_implement_undp_commissions_and_evaluates_government_supplies_data(graph):
    rows = select(graph, "SELECT ?agent ?role WHERE { csd:barrio-seguro cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }")
    assert sorted((r["agent"], r["role"]) for r in rows) == [
        ("csd:dr-government", "role:data-provider"),
        ("csd:dr-police", "role:implementer"),
        ("csd:undp", "role:commissioner"),
        ("csd:undp", "role:evaluator"),
    ]
    assert value(graph, "csd:dr-police", "cs:actorType") == "atype:police-force"
    assert value(graph, "csd:president-fernandez", "cs:actorType") == "atype:elected-official"


def test_psd_inspired_by_colombia_and_by_minas_gerais_and_sao_paulo_experiences(graph):
    rows = select(graph, "SELECT ?influencer WHERE { csd:dr-democratic-security-plan cs:qualifiedInfluence/cs:influencer ?influencer }")
    assert sorted(r["influencer"] for r in rows) == [
        "csd:brazil-multidimensional-prevention-experiences", "csd:colombia-democratic-security-plan"]
    assert values_of(graph, "csd:brazil-multidimensional-prevention-experiences", "cs:servesPlace") == [
        "csd:minas-gerais", "csd:sao-paulo-state"]
    assert footnotes(graph, "csd:dr-democratic-security-plan-influence-colombia-democratic-security-plan") == [103, 103]
    assert value(graph, "csd:decision-dr-democratic-security-plan-colombia-influence", "cs:concerns") == (
        "csd:dr-democratic-security-plan-influence-colombia-democratic-security-plan")


# --- outputs --------------------------------------------------------------------------------------

def test_extended_to_13_neighbourhoods_of_about_170000_people_five_per_cent_of_northern_santo_domingo(graph):
    assert (value(graph, "csd:barrio-seguro-output-13-neighbourhoods", "cs:value"),
            value(graph, "csd:barrio-seguro-output-13-neighbourhoods", "cs:unit")) == (13, "unit:count")
    pop = "csd:barrio-seguro-output-population-covered"
    assert (value(graph, pop, "cs:value"), value(graph, pop, "cs:valueQualifier"), value(graph, pop, "cs:valueAsPrinted")) == (
        170000, "vq:approximately", "approximately 170,000")
    share = "csd:barrio-seguro-output-share-northern-santo-domingo"
    assert (value(graph, share, "cs:value"), value(graph, share, "cs:unit"), value(graph, share, "cs:valueAsPrinted")) == (
        5, "unit:percent", "about five per cent")
    assert value(graph, share, "cs:place") == "csd:northern-santo-domingo"
    assert footnotes(graph, pop) == [107]


def test_patrolling_officers_900_1000_a_day_2005_to_9000_11000_a_day_2006(graph):
    before, after = "csd:barrio-seguro-output-patrolling-officers-2005", "csd:barrio-seguro-output-patrolling-officers-2006"
    assert (value(graph, before, "cs:valueMin"), value(graph, before, "cs:valueMax"), value(graph, before, "cs:year")) == (900, 1000, 2005)
    assert (value(graph, after, "cs:valueMin"), value(graph, after, "cs:valueMax"), value(graph, after, "cs:year")) == (9000, 11000, 2006)
    assert value(graph, after, "cs:valueQualifier") == "vq:range"
    assert value(graph, after, "cs:valueAsPrinted") == "9,000-11,000"
    assert footnotes(graph, after) == [108]
    assert values_of(graph, "csd:decision-barrio-seguro-patrolling-officers-scope", "cs:concerns") == [before, after]


def test_fifteen_days_of_training_instead_of_three_months_planned(graph):
    out = "csd:barrio-seguro-output-training-fifteen-days"
    assert (value(graph, out, "cs:value"), value(graph, out, "cs:unit"), value(graph, out, "cs:valueAsPrinted")) == (15, "unit:days", "fifteen days")
    assert value(graph, out, "cs:comparison") == "the initial plan had been for the police to receive three months of training"
    assert value(graph, "csd:barrio-seguro-challenge-training-shortened", "cs:theme") == "theme:implementation-capacity"


# --- budget ---------------------------------------------------------------------------------------

def test_salary_bonus_31_to_413_dollars_a_month_currency_unspecified(graph):
    bonus = "csd:barrio-seguro-budget-salary-bonus"
    assert value(graph, BS, "cs:hasBudget") == bonus
    assert (value(graph, bonus, "cs:valueMin"), value(graph, bonus, "cs:valueMax")) == (31, 413)
    assert value(graph, bonus, "cs:valueAsPrinted") == "$31 to $413"
    assert (value(graph, bonus, "cs:unit"), value(graph, bonus, "cs:currencyAsPrinted")) == ("unit:dollar-unspecified", "$")
    assert value(graph, bonus, "cs:budgetKind") == "bk:salary-bonus"
    assert footnotes(graph, bonus) == [109]
    assert value(graph, "csd:decision-barrio-seguro-salary-bonus-currency", "cs:concerns") == bonus


# --- outcomes -------------------------------------------------------------------------------------

def test_homicide_fell_from_26_in_2005_to_22_in_2007(graph):
    out = "csd:barrio-seguro-outcome-homicide-rate-26-to-22"
    assert (value(graph, out, "cs:baselineValue"), value(graph, out, "cs:baselineYear"), value(graph, out, "cs:value"), value(graph, out, "cs:year")) == (
        26, 2005, 22, 2007)
    assert (value(graph, out, "cs:unit"), value(graph, out, "cs:direction")) == ("unit:per-100k", "dir:decrease")
    assert footnotes(graph, out) == [114]
    assert value(graph, out, "cs:place") == "csd:dominican-republic"  # the recorded area decision
    assert "csd:barrio-seguro-outcome-homicide-rate-26-to-22" in values_of(
        graph, "csd:decision-dominican-republic-homicide-rate-2005-2007-area", "cs:concerns")


def test_violent_victimisation_reportedly_declined_30_percent(graph):
    out = "csd:barrio-seguro-outcome-violent-victimisation-30pct"
    assert (value(graph, out, "cs:value"), value(graph, out, "cs:unit"), value(graph, out, "cs:direction")) == (30, "unit:percent", "dir:decrease")
    assert quotes(graph, out) == ["rates of violent victimization also reportedly declined by 30%, though longitudinal data is limited."]


def test_roughly_60_percent_of_residents_judged_the_program_successful(graph):
    out = "csd:barrio-seguro-outcome-residents-judged-successful-60pct"
    assert (value(graph, out, "cs:value"), value(graph, out, "cs:valueQualifier"), value(graph, out, "cs:valueAsPrinted")) == (
        60, "vq:approximately", "roughly 60%")
    assert value(graph, out, "cs:periodNote") == "in its first years"
    assert value(graph, out, "cs:population") == "residents of targeted communities"


def test_fiscalia_complaints_grew_from_around_900_to_nearly_1200(graph):
    out = "csd:barrio-seguro-outcome-fiscalia-complaints"
    assert (value(graph, out, "cs:baselineValue"), value(graph, out, "cs:value"), value(graph, out, "cs:valueQualifier")) == (900, 1200, "vq:almost")
    assert value(graph, out, "cs:valueAsPrinted") == "nearly 1,200"
    assert (value(graph, out, "cs:direction"), value(graph, out, "cs:indicator")) == ("dir:increase", "ind:trust-in-justice")
    assert footnotes(graph, out) == [115]


def test_survey_and_focus_groups_perceived_less_crime_fewer_gunfights_more_security(graph):
    assert value(graph, "csd:barrio-seguro-outcome-gunfights", "cs:direction") == "dir:decrease"
    assert value(graph, "csd:barrio-seguro-outcome-feelings-of-security", "cs:direction") == "dir:increase"
    survey = "csd:barrio-seguro-outcome-perceived-crime-survey"
    # "a perceived decrease in crime" recorded as an increase of perceived security, per the recorded decision
    assert (value(graph, survey, "cs:indicator"), value(graph, survey, "cs:direction")) == ("ind:perceived-security", "dir:increase")
    assert value(graph, "csd:decision-barrio-seguro-perceived-security-direction", "cs:concerns") == survey
    assert footnotes(graph, survey) == [116]


def test_mixed_evidence_corruption_continued_and_homicide_fell_before_implementation(graph):
    # the report's mixed and negative points are recorded as challenges beside the beneficial outcomes
    corruption = "csd:barrio-seguro-challenge-corruption-persisted"
    assert values_of(graph, corruption, "cs:theme") == ["theme:corruption", "theme:police-conduct"]
    assert footnotes(graph, corruption) == [111, 117]
    assert "However, some criminal activities and police corruption continued.117" in quotes(graph, corruption)
    trend = "csd:barrio-seguro-challenge-pre-existing-trend"
    assert quotes(graph, trend) == [
        "though homicide rates often began their downward trend prior to program implementation in the particular neighborhood."]
    assert value(graph, "csd:barrio-seguro-challenge-no-rigorous-evaluation", "cs:theme") == "theme:evaluation-gap"
    assert values_of(graph, "csd:barrio-seguro-challenge-limited-data", "cs:theme") == ["theme:data-monitoring"]
    rows = select(graph, "SELECT ?c WHERE { ?c a cs:Challenge ; cs:about csd:barrio-seguro }")
    assert len(rows) == 9


# --- evaluations ----------------------------------------------------------------------------------

def test_undp_contracted_impact_evaluation_is_quasi_experimental_2007(graph):
    ev = "csd:barrio-seguro-evaluation-undp-contracted"
    assert value(graph, ev, "cs:design") == "des:quasi-experiment"
    assert value(graph, "des:quasi-experiment", "cs:marylandLevel") == 3
    assert value(graph, ev, "cs:year") == 2007  # the recorded decision dates it by Cano (2007)
    assert values_of(graph, ev, "cs:supportedBy") == ["csd:work-cano-2007", "csd:work-undp-2006"]
    assert value(graph, ev, "cs:sampleDescription").startswith("neighbourhood-level homicide data for the program neighbourhoods")
    assert "csd:barrio-seguro-outcome-homicide-vs-similar-neighbourhoods" in values_of(graph, ev, "cs:hasFinding")
    # the national 26 -> 22 trend is not a finding of the evaluation (review/appraisal/dominican-republic.md)
    assert len(values_of(graph, ev, "cs:hasFinding")) == 6
    assert "csd:barrio-seguro-outcome-homicide-rate-26-to-22" not in values_of(graph, ev, "cs:hasFinding")
    assert values_of(graph, "csd:decision-barrio-seguro-evaluation-design", "cs:concerns") == [ev]
    assert values_of(graph, "csd:decision-barrio-seguro-evaluation-year", "cs:concerns") == [ev]


def test_community_survey_is_cross_sectional_and_undp_2006_2007_reports_are_process_assessments(graph):
    survey = "csd:barrio-seguro-evaluation-community-survey"
    assert value(graph, survey, "cs:design") == "des:cross-sectional"
    assert value(graph, "des:cross-sectional", "cs:marylandLevel") == 1
    assert values_of(graph, survey, "cs:year") == []  # "Departamento de Seguridad Pública (n.d)"
    assert value(graph, survey, "cs:supportedBy") == "csd:work-departamento-seguridad-publica-nd"
    for year in (2006, 2007):
        ev = f"csd:barrio-seguro-evaluation-undp-{year}"
        assert (value(graph, ev, "cs:design"), value(graph, ev, "cs:year"), value(graph, ev, "cs:evaluator")) == (
            "des:process-assessment", year, "csd:undp")
    assert value(graph, "des:process-assessment", "cs:marylandLevel") == 0
    assert value(graph, "csd:barrio-seguro-challenge-conceptual-framework", "cs:theme") == "theme:design-planning"


# --- Figure 8 -------------------------------------------------------------------------------------

def test_figure_8_homicide_rates_1999_2012_has_no_values_and_is_not_available(graph):
    assert value(graph, "csd:figure-8", "cs:headingAsPrinted") == "Figure 8. Dominican republic Homicide rates 1999-2012"
    assert value(graph, "csd:figure-8", "cs:section") == "csd:section-dominican-republic"
    assert value(graph, "csd:figure-8", "cs:dataAvailability") == "avail:not-available"
    assert value(graph, "csd:figure-8", "cs:expectedObservations") == 0
    assert select(graph, "SELECT ?o WHERE { ?o qb:dataSet csd:figure-8 }") == []


# --- text statistics ------------------------------------------------------------------------------

def test_national_homicide_rates_14_in_2002_26_in_2006_26_in_2005_22_in_2007(graph):
    rows = select(graph, """SELECT ?year ?v WHERE { ?o qb:dataSet csd:text-statistics ; cs:refArea csd:dominican-republic ;
        cs:indicator ind:homicide ; cs:unit unit:per-100k ; cs:refPeriod ?year ; cs:value ?v } ORDER BY ?year""")
    assert [(r["year"], int(r["v"])) for r in rows] == [(2002, 14), (2005, 26), (2006, 26), (2007, 22)]
    assert value(graph, "csd:stat-dominican-republic-homicide-rate-change-decade", "cs:valueAsPrinted") == "doubled"
    assert value(graph, "csd:stat-dominican-republic-homicide-rate-change-decade", "cs:direction") == "dir:increase"


def test_capital_region_over_40_in_2005_police_16_percent_of_murders_some_20_after_2014(graph):
    capital = "csd:stat-dominican-republic-capital-region-homicide-rate-2005"
    assert (value(graph, capital, "cs:value"), value(graph, capital, "cs:valueQualifier"), value(graph, capital, "cs:refPeriod")) == (
        40, "vq:more-than", 2005)
    assert value(graph, capital, "cs:refArea") == "csd:dominican-republic-capital-region"
    police = "csd:stat-dominican-republic-police-share-of-murders"
    assert (value(graph, police, "cs:value"), value(graph, police, "cs:unit"), value(graph, police, "cs:indicator")) == (
        16, "unit:percent", "ind:police-killing")
    assert footnotes(graph, police) == [101]
    after = "csd:stat-dominican-republic-homicide-rate-after-2014-deployment"
    assert (value(graph, after, "cs:value"), value(graph, after, "cs:valueAsPrinted"), value(graph, after, "cs:direction")) == (
        20, "some 20", "dir:decrease")
    assert values_of(graph, after, "cs:refPeriod") == []
    assert value(graph, "csd:decision-dominican-republic-homicide-rate-2014-period", "cs:concerns") == after


# --- conflicts and citations ----------------------------------------------------------------------

def test_conflict_rate_of_26_given_for_2006_and_for_2005(graph):
    conflict = "csd:conflict-dominican-republic-homicide-rate-26-year"
    assert values_of(graph, conflict, "rdf:type") == ["cs:SourceConflict"]
    assert values_of(graph, conflict, "cs:conflictingStatement") == [
        "csd:barrio-seguro-outcome-homicide-rate-26-to-22",
        "csd:stat-dominican-republic-homicide-rate-2005",
        "csd:stat-dominican-republic-homicide-rate-2006",
    ]
    assert (value(graph, "csd:stat-dominican-republic-homicide-rate-2006", "cs:value"),
            value(graph, "csd:stat-dominican-republic-homicide-rate-2005", "cs:value")) == (26, 26)


def test_cited_works_and_their_footnotes(graph):
    assert values_of(graph, "csd:work-cano-2007", "cs:citedInFootnote") == [106, 108, 109, 111, 114, 115, 117]
    assert sorted(values_of(graph, "csd:work-bobea-2011", "cs:citedInFootnote")) == [98, 99, 100]
    assert values_of(graph, "csd:work-bobea-2012", "cs:citedInFootnote") == [101, 103, 105]
    assert values_of(graph, "csd:work-howard-2009", "cs:citedInFootnote") == [101, 104, 106, 107]
    assert values_of(graph, "csd:work-undp-2006", "cs:citedInFootnote") == [112, 113]
    assert value(graph, "csd:work-fieser-2014", "cs:citedInFootnote") == 102
    assert value(graph, "csd:work-apoinar-2013", "cs:citationLabel") == "apoinar (2013)"
    assert value(graph, "csd:work-departamento-seguridad-publica-nd", "cs:citationLabel") == "Departamento de Seguridad Pública (n.d)"
