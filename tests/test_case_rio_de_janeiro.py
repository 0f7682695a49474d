"""Rio de Janeiro, the UPP and UPP Social / Rio+Social: the case's facts, asserted by value against the report
(data/source/making-cities-safer-2016.txt, lines 668-1045, Figure 3)."""

from __future__ import annotations

from decimal import Decimal

from helpers import footnotes, observation, quotes, select, value, values_of

UPP = "csd:upp"
UPPS = "csd:upp-social"
AREA = "csd:upp-selected-communities"
CASES = "Average Monthly Cases per Community"
RATE = "Monthly Rate (Average) per 100,000 in each community"


def _cell(graph, row: str, column: str, period: str):
    return observation(graph, 3, AREA, rowLabel=row, columnLabel=column, periodLabel=period)


def test_upp_names_launched_in_2008_in_rio_de_janeiro(graph):
    # "a change of approach occurred in 2008, however, with the launch of the so-called
    #  Unidades de Polícia Pacificadora (police pacification units), or UPP"
    assert values_of(graph, UPP, "rdfs:label") == ["Pacification Police Units (UPP)", "Unidades de Polícia Pacificadora"]
    assert values_of(graph, UPP, "skos:altLabel") == ["UPP", "police pacification units"]
    assert value(graph, UPP, "cs:startYear") == 2008
    assert value(graph, UPP, "cs:caseSection") == "csd:section-rio-de-janeiro"
    assert value(graph, UPP, "cs:country") == "csd:brazil"
    assert "csd:rio-de-janeiro" in values_of(graph, UPP, "cs:servesPlace")
    assert value(graph, UPP, "cs:periodNote") == (
        "launched in 2008 (the pilot UPP); the report expects the experiment to 'likely continue into 2016 and 2017'")


def test_upp_social_announced_2010_renamed_rio_plus_social_2014(graph):
    # "announced in 2010, two years after the pilot UPP was launched" ; "the program was renamed rio+Social in 2014.55"
    assert value(graph, UPPS, "cs:startYear") == 2010
    assert value(graph, UPPS, "cs:partOf") == UPP
    assert "Rio+Social" in values_of(graph, UPPS, "skos:altLabel")
    rows = select(graph, """
        SELECT ?order ?start ?end WHERE { csd:upp-social cs:hasPhase ?p . ?p cs:phaseOrder ?order .
          OPTIONAL { ?p cs:startYear ?start } OPTIONAL { ?p cs:endYear ?end } } ORDER BY ?order""")
    assert [(r["order"], r.get("start"), r.get("end")) for r in rows] == [(1, 2010, 2014), (2, 2014, None)]
    assert footnotes(graph, "csd:upp-social-phase-2-rio-plus-social") == [55]
    assert values_of(graph, "csd:decision-upp-social-part-of-upp", "cs:concerns") == [UPPS]


def test_upp_phases_bope_intervention_then_social_development_without_years(graph):
    # "beginning first with the intervention of the Special Operations Battalion (BOPE) ...
    #  Once the area is cleared, a second phase ..."
    rows = select(graph, """
        SELECT ?p ?order WHERE { csd:upp cs:hasPhase ?p . ?p cs:phaseOrder ?order .
          FILTER NOT EXISTS { ?p cs:startYear ?y } } ORDER BY ?order""")
    assert [(r["p"], r["order"]) for r in rows] == [
        ("csd:upp-phase-1-bope-intervention", 1), ("csd:upp-phase-2-social-development", 2)]
    assert value(graph, "csd:upp-phase-1-bope-intervention", "cs:ledBy") == "csd:bope"
    assert values_of(graph, "csd:decision-upp-phases", "cs:concerns") == [
        "csd:upp-phase-1-bope-intervention", "csd:upp-phase-2-social-development"]


def test_upp_components_policing_territorial_control_training_and_2015_policy(graph):
    assert values_of(graph, UPP, "cs:hasComponent") == [
        "csd:upp-component-pacification-policy", "csd:upp-component-proximity-policing",
        "csd:upp-component-territorial-occupation", "csd:upp-component-training-bonuses"]
    assert values_of(graph, "csd:upp-component-proximity-policing", "cs:componentType") == ["it:community-policing"]
    assert values_of(graph, "csd:upp-component-territorial-occupation", "cs:componentType") == ["it:territorial-control"]
    assert value(graph, "csd:upp-component-territorial-occupation", "cs:ledBy") == "csd:bope"
    # "all UPP officers were newly trained (especially in human rights and conflict mediation) and received bonuses"
    assert values_of(graph, "csd:upp-component-training-bonuses", "cs:componentType") == [
        "it:monitoring-evaluation", "it:police-reform-training"]
    assert footnotes(graph, "csd:upp-component-training-bonuses") == [50, 51]
    # "in 2015 the government established, through two different decrees, a Pacification Policy and the Pacification Police Program"
    assert values_of(graph, "csd:upp-component-pacification-policy", "cs:componentType") == ["it:legal-policy-reform"]
    assert value(graph, "csd:upp-component-pacification-policy", "cs:startYear") == 2015


def test_upp_social_components_diagnostics_coordination_and_investment(graph):
    assert values_of(graph, "csd:upp-social-component-community-diagnostics", "cs:componentType") == [
        "it:community-participation", "it:monitoring-evaluation"]
    assert values_of(graph, "csd:upp-social-component-service-coordination", "cs:componentType") == ["it:coordination-body"]
    # footnote 56: "invested by the program in education, health, urbanization, elimination of areas at risk,
    # and the provision of services such as installation of streetlights and garbage collection."
    assert values_of(graph, "csd:upp-social-component-investment", "cs:componentType") == [
        "it:health-services", "it:lighting", "it:schooling-support", "it:urban-upgrading"]


def test_actors_and_roles_of_upp_and_upp_social(graph):
    rows = select(graph, """
        SELECT ?program ?agent ?role WHERE { VALUES ?program { csd:upp csd:upp-social }
          ?program cs:qualifiedParticipation ?p . ?p cs:agent ?agent ; cs:role ?role }""")
    roles = {(r["program"], r["agent"], r["role"]) for r in rows}
    assert {
        (UPP, "csd:rio-de-janeiro-state-government", "role:commissioner"),
        (UPP, "csd:rio-de-janeiro-state-government", "role:implementer"),
        (UPP, "csd:bope", "role:implementer"),
        (UPP, "csd:lav-uerj", "role:evaluator"),
        (UPP, "csd:world-bank", "role:evaluator"),
        (UPP, "csd:isp-rio-de-janeiro", "role:data-provider"),
        (UPP, "csd:ibge", "role:data-provider"),
        (UPP, "csd:rio-de-janeiro-civil-police", "role:data-provider"),
        (UPP, "csd:icma", "role:partner"),
        (UPP, "csd:iser", "role:partner"),
        (UPP, "csd:usaid", "role:partner"),
        (UPPS, "csd:ipp", "role:data-provider"),
        (UPPS, "csd:rio-de-janeiro-city-government", "role:partner"),
        (UPPS, "csd:rio-de-janeiro-state-government", "role:partner"),
    } <= roles
    assert value(graph, "csd:seseg-rio-de-janeiro", "cs:subOrganisationOf") == "csd:rio-de-janeiro-state-government"
    assert values_of(graph, "csd:lav-uerj", "rdfs:label") == [
        "Laboratory for the Analysis of Violence (LAV)", "Laboratório de Análise da Violência"]


def test_upp_sites_cantagalo_alemao_mare_rocinha_from_footnote_69(graph):
    rows = select(graph, "SELECT ?place WHERE { csd:upp cs:hasSite ?s . ?s cs:place ?place }")
    assert sorted(r["place"] for r in rows) == ["csd:cantagalo", "csd:complexo-do-alemao", "csd:mare", "csd:rocinha"]
    assert footnotes(graph, "csd:upp-site-mare") == [69]
    assert value(graph, "csd:complexo-do-alemao", "rdfs:label") == "Complexo do Alemão"


def test_more_than_9000_officers_across_38_areas_over_500000_residents_2009_2015(graph):
    # "More than 9,000 new UPP officers were deployed between 2009 and 2015 across 38 geographic areas
    #  (a catchment of over 500,000 residents)."
    officers = "csd:upp-output-officers-deployed"
    assert (value(graph, officers, "cs:value"), value(graph, officers, "cs:valueQualifier"),
            value(graph, officers, "cs:valueAsPrinted")) == (9000, "vq:more-than", "More than 9,000")
    assert (value(graph, officers, "cs:startYear"), value(graph, officers, "cs:endYear")) == (2009, 2015)
    areas = "csd:upp-output-areas-covered"
    assert (value(graph, areas, "cs:value"), value(graph, areas, "cs:startYear"), value(graph, areas, "cs:endYear")) == (38, 2009, 2015)
    residents = "csd:upp-output-residents-covered"
    assert (value(graph, residents, "cs:value"), value(graph, residents, "cs:valueQualifier"),
            value(graph, residents, "cs:valueAsPrinted")) == (500000, "vq:more-than", "over 500,000")


def test_two_decrees_in_2015_and_the_2015_toolkit(graph):
    # "the decrees were No 45.146, of February 5th 2015, and No 45.186, of March 17th 2015, respectively."
    decrees = "csd:upp-output-decrees-2015"
    assert (value(graph, decrees, "cs:value"), value(graph, decrees, "cs:valueAsPrinted"), value(graph, decrees, "cs:year")) == (2, "two", 2015)
    assert footnotes(graph, decrees) == [71, 71]
    toolkit = "csd:upp-output-toolkit-2015"
    assert (value(graph, toolkit, "cs:year"), value(graph, toolkit, "cs:supportedBy")) == (2015, "csd:work-seseg-2015")
    assert value(graph, "csd:work-seseg-2015", "cs:year") == 2015


def test_rio_plus_social_41_communities_and_30_territories_in_2015(graph):
    # footnote 56: "in 2015, rio + Social was operating in 41 communities with UPPs ..., reaching a total of 30 territories."
    communities = "csd:upp-social-output-communities-2015"
    territories = "csd:upp-social-output-territories-2015"
    assert (value(graph, communities, "cs:value"), value(graph, communities, "cs:year")) == (41, 2015)
    assert (value(graph, territories, "cs:value"), value(graph, territories, "cs:year")) == (30, 2015)
    assert footnotes(graph, communities) == [56]
    assert value(graph, "csd:upp-social-output-all-upp-communities", "cs:population") == "all communities with UPPs"
    assert values_of(graph, "csd:decision-rio-plus-social-coverage", "cs:concerns") == [
        "csd:upp-output-areas-covered", "csd:upp-social-output-all-upp-communities",
        "csd:upp-social-output-communities-2015", "csd:upp-social-output-territories-2015"]


def test_rio_plus_social_invested_r_1_8_billion_or_us_460_million_2009_2014(graph):
    # footnote 56: "between 2009 and 2014 approximately r$ 1.8 billion (US$ 460 million, based on the exchange rate
    # of February 5th, 2016, with 1 US$ at r$ 3.91)"
    brl = "csd:upp-social-budget-investment-brl"
    usd = "csd:upp-social-budget-investment-usd"
    assert values_of(graph, UPPS, "cs:hasBudget") == [brl, usd]
    assert (value(graph, brl, "cs:value"), value(graph, brl, "cs:unit"), value(graph, brl, "cs:valueAsPrinted"),
            value(graph, brl, "cs:valueQualifier")) == (1800000000, "unit:brl", "r$ 1.8 billion", "vq:approximately")
    assert (value(graph, usd, "cs:value"), value(graph, usd, "cs:unit"), value(graph, usd, "cs:valueAsPrinted")) == (
        460000000, "unit:usd", "US$ 460 million")
    for line in (brl, usd):
        assert (value(graph, line, "cs:startYear"), value(graph, line, "cs:endYear")) == (2009, 2014)
        assert value(graph, line, "cs:budgetKind") == "bk:investment"
        assert footnotes(graph, line) == [56]
    assert values_of(graph, usd, "cs:derived") == []


def test_murder_rate_fell_more_than_65_percent_across_the_city_2009_2014(graph):
    outcome = "csd:upp-outcome-city-murder-rate-65pct"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:valueQualifier"), value(graph, outcome, "cs:direction"),
            value(graph, outcome, "cs:unit")) == (65, "vq:more-than", "dir:decrease", "unit:percent")
    assert (value(graph, outcome, "cs:startYear"), value(graph, outcome, "cs:endYear")) == (2009, 2014)
    assert value(graph, outcome, "cs:place") == "csd:rio-de-janeiro"
    assert quotes(graph, outcome) == ["Between 2009 and 2014, the murder rate declined by more than 65% across the city"]
    # the "(see Figure 3)" reference goes to the claim only (csd:decision-figure-3-scope)
    assert values_of(graph, "csd:decision-figure-3-scope", "cs:concerns") == ["csd:upp-claim-impacts-impressive", outcome]


def test_lav_homicide_reduction_in_the_order_of_75_percent_versus_control_communities(graph):
    outcome = "csd:upp-outcome-homicide-75pct-vs-control"
    assert (value(graph, outcome, "cs:value"), value(graph, outcome, "cs:valueQualifier"), value(graph, outcome, "cs:valueAsPrinted"),
            value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
        75, "vq:approximately", "in the order of 75%", "dir:decrease", "eff:beneficial")
    assert value(graph, outcome, "cs:comparison") == "control communities"
    assert values_of(graph, outcome, "cs:significance") == []  # csd:decision-lav-significance
    assert value(graph, "csd:decision-lav-significance", "cs:concerns") == outcome


def test_lav_reported_rape_domestic_violence_and_intimidation_increased_adverse(graph):
    # "the LaV assessment determined that while lethal crime decreased62 reported rates of rape, domestic violence,
    #  and local intimidation increased.63"
    expected = {"csd:upp-outcome-reported-rape": "ind:rape",
                "csd:upp-outcome-reported-domestic-violence": "ind:domestic-violence",
                "csd:upp-outcome-reported-intimidation": "ind:threats"}
    for outcome, indicator in expected.items():
        # "the increase in reporting on criminality may be a function of increased confidence among residents to report"
        assert (value(graph, outcome, "cs:indicator"), value(graph, outcome, "cs:direction"), value(graph, outcome, "cs:effect")) == (
            indicator, "dir:increase", "eff:ambiguous")
        assert footnotes(graph, outcome) == [63]
    lethal = "csd:upp-outcome-lethal-crime-decreased-lav"
    assert (value(graph, lethal, "cs:direction"), value(graph, lethal, "cs:effect"), footnotes(graph, lethal)) == (
        "dir:decrease", "eff:beneficial", [62])


def test_mixed_outcomes_non_lethal_uneven_and_police_community_relations(graph):
    # "the impacts of pacification on a wider range of non-lethal criminal indicators are more uneven."
    assert (value(graph, "csd:upp-outcome-non-lethal-uneven", "cs:direction"),
            value(graph, "csd:upp-outcome-non-lethal-uneven", "cs:effect")) == ("dir:mixed", "eff:mixed")
    assert value(graph, "csd:upp-outcome-non-lethal-uneven", "cs:appraisedLevel") == 2  # before and after only
    # "while in some UPP areas police-community relations had improved, in others relations were tense"
    relations = "csd:upp-outcome-police-community-relations-mixed"
    # semi-structured interviews: a mixed change observed, not an estimate
    assert (value(graph, relations, "cs:indicator"), value(graph, relations, "cs:valence"), value(graph, relations, "cs:effect")) == (
        "ind:police-community-relations", "val:mixed", "eff:not-attributed")
    assert (value(graph, "csd:upp-outcome-stray-bullets", "cs:direction"), value(graph, "csd:upp-outcome-public-investment", "cs:direction")) == (
        "dir:decrease", "dir:increase")
    assert footnotes(graph, "csd:upp-outcome-public-investment") == [61]


def test_footnote_62_homicide_fell_2009_2013_rose_2014_2015_still_60_percent_below_2008_high(graph):
    drop = "csd:upp-outcome-homicide-drop-2009-2013"
    rise = "csd:upp-outcome-homicide-increase-2014-2015"
    creeping = "csd:upp-outcome-homicide-rising-2015-2016"
    assert (value(graph, drop, "cs:startYear"), value(graph, drop, "cs:endYear"), value(graph, drop, "cs:direction")) == (2009, 2013, "dir:decrease")
    assert (value(graph, rise, "cs:startYear"), value(graph, rise, "cs:endYear"), value(graph, rise, "cs:direction"),
            value(graph, rise, "cs:effect")) == (2014, 2015, "dir:increase", "eff:not-attributed")
    assert (value(graph, creeping, "cs:startYear"), value(graph, creeping, "cs:endYear"), value(graph, creeping, "cs:valence")) == (
        2015, 2016, "val:undesirable")
    below = "csd:upp-outcome-homicide-below-2008-high"
    assert (value(graph, below, "cs:value"), value(graph, below, "cs:valueQualifier"), value(graph, below, "cs:baselineYear"),
            value(graph, below, "cs:direction")) == (60, "vq:more-than", 2008, "dir:decrease")
    assert footnotes(graph, drop) == footnotes(graph, rise) == footnotes(graph, below) == [62]


def test_2010_survey_80_percent_tensions_persisted_68_percent_satisfied(graph):
    # "While 80% of respondents to a 2010 survey stated that police-community tensions persisted in the community,
    #  68% of the same respondents stated that they were satisfied with the behavior of the police.66"
    tensions = "csd:upp-outcome-tensions-persisted-2010"
    satisfied = "csd:upp-outcome-satisfied-police-2010"
    assert (value(graph, tensions, "cs:value"), value(graph, tensions, "cs:unit"), value(graph, tensions, "cs:year"),
            value(graph, tensions, "cs:effect")) == (80, "unit:percent", 2010, "eff:not-measured")  # a level, not an effect
    assert (value(graph, satisfied, "cs:value"), value(graph, satisfied, "cs:unit"), value(graph, satisfied, "cs:year"),
            value(graph, satisfied, "cs:effect")) == (68, "unit:percent", 2010, "eff:not-measured")
    survey = "csd:upp-evaluation-2010-survey"
    assert values_of(graph, survey, "cs:hasFinding") == [satisfied, tensions]
    assert (value(graph, survey, "cs:design"), value(graph, survey, "cs:year")) == ("des:cross-sectional", 2010)
    assert value(graph, "des:cross-sectional", "cs:marylandLevel") == 1
    assert values_of(graph, survey, "cs:sampleSize") == []  # the report gives no number of respondents
    assert footnotes(graph, survey) == [66]


def test_lav_evaluation_quasi_experiment_level_3_year_2012_82_interviews(graph):
    evaluation = "csd:upp-evaluation-lav"
    assert (value(graph, evaluation, "cs:evaluates"), value(graph, evaluation, "cs:evaluator")) == (UPP, "csd:lav-uerj")
    # design and year follow csd:decision-lav-evaluation-design and csd:decision-lav-evaluation-year
    assert value(graph, evaluation, "cs:design") == "des:quasi-experiment"
    assert value(graph, "des:quasi-experiment", "cs:marylandLevel") == 3
    assert value(graph, evaluation, "cs:year") == 2012
    assert value(graph, "csd:decision-lav-evaluation-design", "cs:concerns") == evaluation
    assert value(graph, "csd:decision-lav-evaluation-year", "cs:concerns") == evaluation
    # footnote 59: "resident and police perceptions were measured on the basis of 82 semi-structured interviews."
    assert value(graph, evaluation, "cs:sampleSize") == 82
    assert values_of(graph, evaluation, "cs:hasFinding") == [
        "csd:upp-outcome-homicide-75pct-vs-control", "csd:upp-outcome-lethal-crime-decreased-lav",
        "csd:upp-outcome-non-lethal-uneven", "csd:upp-outcome-police-community-relations-mixed", "csd:upp-outcome-public-investment",
        "csd:upp-outcome-reported-domestic-violence", "csd:upp-outcome-reported-intimidation",
        "csd:upp-outcome-reported-rape"]
    assert footnotes(graph, evaluation) == [59, 59, 60, 60]


def test_figure_3_first_and_last_cells(graph):
    # first printed row: "all violent deaths 0.94 0.25 10.03 2.21"
    first = [_cell(graph, "all violent deaths", CASES, "Pre UPP"), _cell(graph, "all violent deaths", CASES, "Post UPP"),
             _cell(graph, "all violent deaths", RATE, "Pre UPP"), _cell(graph, "all violent deaths", RATE, "Post UPP")]
    assert [value(graph, o, "cs:value") for o in first] == [Decimal("0.94"), Decimal("0.25"), Decimal("10.03"), Decimal("2.21")]
    assert value(graph, first[0], "cs:unit") == "unit:cases-per-month-per-community"
    assert value(graph, first[2], "cs:unit") == "unit:per-100k-monthly-average"
    # last printed row: "Drug related crime 1.91 5.83 24.13 63.93"
    last = _cell(graph, "Drug related crime", RATE, "Post UPP")
    assert (value(graph, last, "cs:value"), value(graph, last, "cs:valueAsPrinted"), value(graph, last, "cs:indicator")) == (
        Decimal("63.93"), "63.93", "ind:drug-crime")
    assert value(graph, _cell(graph, "Drug related crime", CASES, "Pre UPP"), "cs:value") == Decimal("1.91")


def test_figure_3_rows_resistance_deaths_disappearances_and_injury(graph):
    def row(label):
        return [value(graph, _cell(graph, label, c, p), "cs:valueAsPrinted")
                for c, p in ((CASES, "Pre UPP"), (CASES, "Post UPP"), (RATE, "Pre UPP"), (RATE, "Post UPP"))]
    assert row("“resistance deaths” (Police shooting deaths)") == ["0.50", "0.01", "5.70", "0.12"]
    assert row("intentional homicide") == ["0.36", "0.15", "3.37", "0.87"]
    assert row("Disappearances") == ["0.32", "0.71", "3.60", "6.92"]
    assert row("intentional injury") == ["3.34", "11.66", "41.33", "127.36"]
    assert row("robbery") == ["5.87", "2.70", "61.23", "20.58"]
    assert value(graph, _cell(graph, "Disappearances", CASES, "Pre UPP"), "cs:indicator") == "ind:disappearance"


def test_figure_3_has_44_cells_and_the_unreadable_bold_italic_note(graph):
    rows = select(graph, """SELECT (COUNT(?o) AS ?n) (SUM(?v) AS ?total) WHERE {
        ?o qb:dataSet csd:figure-3 ; cs:refArea csd:upp-selected-communities ; cs:value ?v }""")
    printed = ["0.94", "0.25", "10.03", "2.21", "0.36", "0.15", "3.37", "0.87", "0.50", "0.01", "5.70", "0.12",
               "0.32", "0.71", "3.60", "6.92", "3.34", "11.66", "41.33", "127.36", "2.17", "8.47", "27.12", "84.66",
               "2.30", "7.97", "29.45", "99.24", "0.14", "0.37", "1.35", "4.84", "5.87", "2.70", "61.23", "20.58",
               "3.48", "5.38", "46.46", "64.99", "1.91", "5.83", "24.13", "63.93"]
    assert rows == [{"n": 44, "total": sum(Decimal(p) for p in printed)}]
    assert value(graph, "csd:figure-3", "cs:expectedObservations") == 44
    assert value(graph, "csd:figure-3", "cs:sourceAsPrinted") == (
        "Source: instituto de Segurança Pública do rio de Janeiro (iSP) and iBgE")
    assert value(graph, "csd:decision-figure-3-bold-italic", "cs:concerns") == "csd:figure-3"
    assert value(graph, "csd:decision-figure-3-communities", "cs:concerns") == AREA
    assert values_of(graph, "csd:decision-figure-3-sources", "cs:concerns") == [
        "csd:figure-3", "csd:upp-role-ibge", "csd:upp-role-isp-rio-de-janeiro"]
    assert values_of(graph, "csd:work-lav-uerj-2012", "cs:citedInFootnote") == [46, 57, 59, 61, 63, 66]


def test_text_statistics_80_per_100k_peak_800_favelas_20_percent_of_population(graph):
    peak = "csd:stat-rio-de-janeiro-homicide-rate-peak"
    assert (value(graph, peak, "cs:value"), value(graph, peak, "cs:valueQualifier"), value(graph, peak, "cs:unit"),
            value(graph, peak, "cs:refArea")) == (80, "vq:more-than", "unit:per-100k", "csd:rio-de-janeiro")
    assert values_of(graph, peak, "cs:refPeriod") == []  # csd:decision-homicide-peak-year: no year stated
    assert footnotes(graph, peak) == [46]
    favelas = "csd:stat-rio-de-janeiro-metropolitan-region-favelas"
    assert (value(graph, favelas, "cs:value"), value(graph, favelas, "cs:valueAsPrinted"), value(graph, favelas, "cs:refArea")) == (
        800, "800 or so", "csd:rio-de-janeiro-metropolitan-region")
    share = "csd:stat-rio-de-janeiro-metropolitan-region-favela-population-share"
    assert (value(graph, share, "cs:value"), value(graph, share, "cs:valueAsPrinted"), value(graph, share, "cs:unit")) == (
        20, "some 20%", "unit:percent")
    assert footnotes(graph, share) == [47]


def test_conflict_homicide_upturn_timing_links_the_four_trend_statements(graph):
    assert values_of(graph, "csd:conflict-homicide-upturn-timing", "cs:conflictingStatement") == [
        "csd:upp-outcome-city-murder-rate-65pct", "csd:upp-outcome-homicide-drop-2009-2013",
        "csd:upp-outcome-homicide-increase-2014-2015", "csd:upp-outcome-homicide-rising-2015-2016"]
    rows = select(graph, "SELECT ?c WHERE { ?c a cs:SourceConflict ; cs:conflictingStatement csd:upp-outcome-homicide-below-2008-high }")
    assert rows == []


def test_conflict_effective_against_non_lethal_violence_versus_reported_increases(graph):
    # "the UPP process has been effective in terms of reducing lethal and non-lethal violence" versus
    # "reported rates of rape, domestic violence, and local intimidation increased"
    assert values_of(graph, "csd:conflict-non-lethal-violence", "cs:conflictingStatement") == [
        "csd:upp-claim-effective-violence-less-development", "csd:upp-outcome-non-lethal-uneven",
        "csd:upp-outcome-reported-domestic-violence", "csd:upp-outcome-reported-intimidation",
        "csd:upp-outcome-reported-rape"]
    # the disappearances rise is an ambiguity, not a conflict
    assert values_of(graph, "csd:decision-lethal-crime-disappearances", "cs:concerns") == [
        "csd:figure-3-disappearances-cases-post-upp", "csd:figure-3-disappearances-cases-pre-upp",
        "csd:figure-3-disappearances-rate-post-upp", "csd:figure-3-disappearances-rate-pre-upp",
        "csd:upp-outcome-lethal-crime-decreased-lav"]


def test_influences_plan_cuadrantes_and_unnamed_brazil_us_experiments(graph):
    rows = select(graph, "SELECT ?influencer WHERE { csd:upp cs:qualifiedInfluence/cs:influencer ?influencer }")
    # Fica Vivo's influence on the UPP is stated in the Belo Horizonte section and lives in that file
    assert sorted(r["influencer"] for r in rows) == [
        "csd:brazil-us-public-security-experiments", "csd:fica-vivo", "csd:plan-cuadrantes"]
    assert footnotes(graph, "csd:upp-influence-plan-cuadrantes") == [52]
    assert value(graph, "csd:upp-influence-brazil-us-experiments", "cs:supportedBy") == "csd:work-dos-ramos-muggah-2014"
    assert value(graph, "csd:decision-brazil-us-experiments", "cs:concerns") == "csd:brazil-us-public-security-experiments"


def test_gpae_ended_prematurely_over_political_disputes_and_graft(graph):
    assert values_of(graph, "csd:gpae", "rdfs:label") == [
        "Grupamento de Policiamento em Áreas Especiais", "Policing Group for Special Areas (GPAE)"]
    assert values_of(graph, "csd:gpae", "cs:startYear") == []  # the report gives no dates
    assert values_of(graph, "csd:gpae-challenge-ended-prematurely", "cs:theme") == [
        "theme:corruption", "theme:political-support", "theme:sustainability"]
    assert footnotes(graph, "csd:gpae-challenge-ended-prematurely") == [49]


def test_upp_challenges_are_typed(graph):
    rows = select(graph, "SELECT ?theme WHERE { ?c a cs:Challenge ; cs:about csd:upp ; cs:theme ?theme }")
    assert {"theme:police-conduct", "theme:legitimacy", "theme:community-engagement", "theme:accountability",
            "theme:crime-dynamics"} <= {r["theme"] for r in rows}
    assert values_of(graph, "csd:upp-social-challenge-priorities-coordination", "cs:theme") == [
        "theme:coordination", "theme:design-planning"]
