"""`citysafe site`: the static evidence site in English, Spanish and Portuguese.

The pages are rendered with the Jinja2 templates of templates/ from the records of
model.py (read through queries/site-*.rq), interface strings come from the message
catalogues messages/<lang>.json, charts are SVG drawn at build time (charts.py), and
Pagefind indexes the pages for search. Everything is written to a staging folder that
replaces the output folder at the end (io.replace_directory, as `build` does); a page
that cannot be made (a program without an English label, a figure said to have data
but with none, a missing interface string) stops the build with a message naming the
node and the page, unless keep_going is set, when the other pages are still written.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import RuntimeFailure, UserError
from ..io import claim_folder, replace_directory
from ..resources import Project, default_project
from . import charts
from .model import GROUP_ORDER, LANGUAGES, Fact, Figure, Place, Program, SiteData, load, slug

HERE = Path(__file__).resolve().parent
REPORT_IRI = "https://w3id.org/citysafe/id/making-cities-safer-2016"
RATING_CONCEPTS = {1: "rat:effective", 2: "rat:promising", 3: "rat:no-effect", 4: "rat:harmful", 5: "rat:inconclusive",
                   6: "rat:not-rated"}


class SiteError(UserError):
    """A page cannot be made from the graph as it is: the message names the node and the page."""


@dataclass
class SiteResult:
    out: Path
    pages: dict[str, int] = field(default_factory=dict)  # language -> pages written
    errors: list[str] = field(default_factory=list)
    files: int = 0
    seconds: float = 0.0


class Messages:
    """The interface strings of one language (messages/<lang>.json)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.path = HERE / "messages" / f"{lang}.json"
        self.strings: dict[str, str] = json.loads(self.path.read_text(encoding="utf-8"))

    def get(self, key: str, page: str, **values: Any) -> str:
        if key not in self.strings:
            raise SiteError(f'Missing translation "{key}" in citysafe_kg/site/messages/{self.lang}.json '
                            f"(page {page}): add it, in {self.lang}.")
        text = self.strings[key]
        return text.format(**values) if values else text


def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=False, lstrip_blocks=False)
    env.filters["slugify"] = slug
    return env


def markdown_html(path: Path) -> str:
    import markdown

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SiteError(f"{path}: {exc.strerror}; the methods page (methods.html) shows it. Restore the file.") from None
    html = markdown.markdown(text, extensions=["tables", "fenced_code"])
    # Links into the repository lead nowhere on the site: keep their words. Headings go one level
    # down, under the page's own title.
    html = re.sub(r'<a href="(?!#|https?:)[^"]*">(.*?)</a>', r"\1", html, flags=re.S)
    return re.sub(r"<(/?)h([1-5])\b", lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", html)


class SiteBuilder:
    def __init__(self, data: SiteData, store: Any, project: Project, keep_going: bool = False,
                 languages: tuple[str, ...] = LANGUAGES) -> None:
        self.data = data
        self.languages = languages
        self.store = store
        self.project = project
        self.keep_going = keep_going
        self.env = _environment()
        self.messages = {lang: Messages(lang) for lang in LANGUAGES}
        self.errors: list[str] = []
        self.pages: dict[str, int] = defaultdict(int)
        self.bad_programs: set[str] = set()
        self.chart_cache: dict[str, Any] = {}
        self.docs: dict[str, str] = {}
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="citysafe-charts")

    # -- checks before any page -------------------------------------------------
    def check(self) -> None:
        for node, program in sorted(self.data.programs.items()):
            if not program.label:
                self.fail(f"{node} has no English label (rdfs:label \"...\"@en), so its page "
                          f"en/programs/{program.slug}.html (and es/, pt/) cannot be made: add the label in data/.")
                self.bad_programs.add(node)

    def fail(self, message: str) -> None:
        if not self.keep_going:
            raise SiteError(message)
        self.errors.append(message)

    # -- links and labels -------------------------------------------------------
    def page_path(self, kind: str, target: Any = None) -> str:
        if kind == "home":
            return "index.html"
        if kind == "program":
            return f"programs/{slug(target)}.html"
        if kind == "place":
            return f"places/{slug(target)}.html"
        if kind == "figure":
            figure = self.data.figures.get(target)
            return f"figures/{figure.slug if figure else slug(target)}.html"
        if kind == "figures":
            return "figures/index.html"
        if kind == "gap":
            return f"gap/{slug(target.type)}--{slug(target.group)}.html"
        return f"{kind}.html"

    def program_name(self, node: str) -> str:
        program = self.data.programs.get(node)
        if program is not None and program.label:
            return program.label
        return self.data.label(node)[0]

    # -- rendering --------------------------------------------------------------
    def render(self, out: Path, lang: str, path: str, template: str, title_key: str | None = None,
               title: str | None = None, node: str | None = None, jsonld: dict[str, Any] | None = None,
               **context: Any) -> None:
        from markupsafe import Markup, escape

        depth = path.count("/") + 1
        root = "../" * depth
        page = f"{lang}/{path}"
        messages = self.messages[lang]
        fallbacks = [0]

        def t(key: str, **values: Any) -> str:
            return messages.get(key, page, **values)

        def label(node: Any) -> Markup:
            text, shown = self.data.label(node, lang)
            if shown != lang:
                fallbacks[0] += 1
                return Markup(f'<span lang="{shown}">{escape(text)}</span>')
            return Markup(escape(text))

        def link(kind: str, target: Any = None) -> str:
            return f"{root}{lang}/{self.page_path(kind, target)}"

        try:
            page_title = title if title is not None else t(title_key or "site.name")
            html = self.env.get_template(template).render(
                lang=lang, languages=LANGUAGES, root=root, path=path, title=page_title, t=t, L=label, link=link,
                program_name=self.program_name, fallbacks=lambda: fallbacks[0],
                rating_concepts=RATING_CONCEPTS, node_files=slug(node) if node else None,
                place_pages=self.data.places, jsonld=json.dumps(jsonld or {}, ensure_ascii=False).replace("</", "<\\/"),
                **context)
        except SiteError as error:
            self.fail(error.message)
            return
        target = out / lang / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
        self.pages[lang] += 1

    def jsonld(self, node: str, kind: str, name: str, **extra: Any) -> dict[str, Any]:
        from ..prefixes import PREFIXES

        prefix, _, local = node.partition(":")
        iri = PREFIXES.get(prefix, "") + local if prefix in PREFIXES else node
        return {"@context": "https://schema.org", "@type": kind, "@id": iri, "name": name,
                "isBasedOn": {"@type": "Report", "@id": REPORT_IRI,
                              "name": "Making Cities Safer: Citizen Security Innovations from Latin America"},
                **extra}

    def submit(self, key: str, make: Any) -> Any:
        """A chart drawn on the pool's threads (vl-convert releases the GIL), started once per key."""
        if key not in self.chart_cache:
            self.chart_cache[key] = self.pool.submit(make)
        return self.chart_cache[key]

    def timeline(self, program: Program) -> Any:
        return self.submit(f"timeline {program.node}",
                           lambda: charts.timeline_chart(program, lambda n: self.data.label(n)[0]))

    def place_charts(self, place: Place) -> list[tuple[str, str, Any]]:
        series = sorted({(o.indicator, o.unit) for o in place.observations
                         if o.indicator == "ind:homicide" and o.unit and isinstance(o.value, (int, float))})
        return [(indicator, unit, self.submit(f"place {place.node} {indicator} {unit}", functools.partial(
            charts.place_chart, place, indicator, unit, self.program_name, lambda n: self.data.label(n)[0])))
            for indicator, unit in series]

    def figure_chart(self, figure: Figure) -> Any:
        return self.submit(f"figure {figure.node}",
                           lambda: charts.figure_chart(figure, lambda n: self.data.label(n)[0]))

    def map_chart(self) -> Any:
        points = [{"lat": float(p.lat), "long": float(p.long), "name": self.data.label(p.node)[0]}
                  for p in self.data.places.values() if p.cls == "cs:City" and p.lat is not None and p.long is not None]
        return self.submit("map", lambda: charts.map_chart(points))

    def prefetch(self, programs: list[Program]) -> None:
        """Start every chart before the first page needs one."""
        self.map_chart()
        for program in programs:
            self.timeline(program)
        for place in self.data.places.values():
            self.place_charts(place)
        for figure in self.data.figures.values():
            if figure.has_data:
                self.figure_chart(figure)

    # -- pages ------------------------------------------------------------------
    def build(self, out: Path) -> None:
        self.check()
        programs = [p for p in self.data.programs.values() if p.node not in self.bad_programs]
        programs.sort(key=lambda p: (p.cls != "cs:Program", (p.label or "").casefold()))
        self.prefetch(programs)
        (out / "assets").mkdir(parents=True)
        for asset in (HERE / "static").iterdir():
            shutil.copyfile(asset, out / "assets" / asset.name)
        self.write_node_files(out, [p.node for p in programs] + list(self.data.places) + list(self.data.figures))
        self.write_csv(out)
        for lang in self.languages:
            self.home(out, lang, programs)
            for program in programs:
                self.program(out, lang, program)
            for cell in self.data.gap.values():
                if cell.findings:
                    self.gap(out, lang, cell)
            for place in self.data.places.values():
                self.place(out, lang, place)
            self.figures(out, lang)
            for figure in self.data.figures.values():
                self.figure(out, lang, figure)
            self.methods(out, lang)
            self.render(out, lang, "search.html", "search.html", "search.title",
                        jsonld={"@context": "https://schema.org", "@type": "SearchResultsPage"})
        (out / "index.html").write_text(ROOT_INDEX, encoding="utf-8")

    def home(self, out: Path, lang: str, programs: list[Program]) -> None:
        data = self.data
        gap_rows = []
        tops = list(dict.fromkeys(top for top, _ in data.types))
        for top in tops:
            rows = [(type_, [data.gap[(type_, g)] for g in GROUP_ORDER]) for t_, type_ in data.types if t_ == top]
            gap_rows.append((top, rows))
        def options(values: set[Any], labeller: Any) -> list[tuple[str, str]]:
            return sorted(((str(v), labeller(v)) for v in values if v is not None), key=lambda o: o[1].casefold())
        labels = lambda v: data.label(v, lang)[0]  # noqa: E731
        filters = [
            ("country", options({p.country for p in programs}, labels)),
            ("type", options({t for p in programs for t in p.types}, labels)),
            ("stage", options({s for p in programs for s in p.stages}, labels)),
            ("rating", sorted((str(n), data.label(RATING_CONCEPTS[n], lang)[0])
                              for n in {p.best_rating for p in programs if p.best_rating})),
            ("level", [(str(n), str(n)) for n in sorted({p.best_level for p in programs if p.best_level is not None})]),
        ]
        counts = [("programs", sum(p.cls == "cs:Program" for p in programs)),
                  ("models", sum(p.cls == "cs:ReferenceModel" for p in programs)),
                  ("outcomes", sum(len(p.aspect("outcome")) for p in programs)),
                  ("ratings", len(data.ratings)),
                  ("statistics", len(data.observations)),
                  ("figures", len(data.figures)),
                  ("places", len(data.places)),
                  ("notes", len(data.notes))]
        map_svg = self.map_chart().result()
        places = sorted(data.places.values(), key=lambda p: data.label(p.node, lang)[0].casefold())
        self.render(out, lang, "index.html", "home.html", "home.title", node=None,
                    jsonld={"@context": "https://schema.org", "@type": "Dataset",
                            "name": "citysafe-kg evidence base",
                            "description": "Programs, results, ratings and statistics of the report Making Cities "
                                           "Safer (2016), with the report's words behind every number.",
                            "isBasedOn": {"@type": "Report", "@id": REPORT_IRI},
                            "inLanguage": lang},
                    counts=counts, groups=GROUP_ORDER, gap_rows=gap_rows, programs=programs, filters=filters,
                    map_svg=map_svg, places=places)

    def program(self, out: Path, lang: str, program: Program) -> None:
        data = self.data
        facts = program.facts
        components: dict[str, list[Fact]] = {}
        for fact in program.aspect("component"):
            components.setdefault(fact.concept or "", []).append(fact)
        ratings = sorted((r for r in data.ratings if r.program == program.node), key=lambda r: (r.notation, r.indicator))
        outcomes = program.aspect("outcome")
        by_indicator: dict[str, list[Fact]] = {}
        for fact in outcomes:
            by_indicator.setdefault(fact.concept or "", []).append(fact)
        rated = {r.indicator for r in ratings}
        unrated = [f for f in outcomes if f.concept not in rated]
        nodes = {program.node} | {f.node for f in facts}
        timeline = self.timeline(program).result()
        self.render(out, lang, self.page_path("program", program.node), "program.html", title=program.label,
                    node=program.node,
                    jsonld=self.jsonld(program.node, "Project", program.label or program.node,
                                       description=program.description or "",
                                       **({"startDate": str(program.start)} if program.start else {})),
                    p=program, phases=program.aspect("phase"), sites=program.aspect("site"), timeline=timeline,
                    components=sorted(components.items(), key=lambda kv: data.label(kv[0], lang)[0].casefold()),
                    actors=program.aspect("actor"), targets=program.aspect("target"), outputs=program.aspect("output"),
                    outcomes=outcomes, ratings=ratings, outcomes_by_indicator=by_indicator, unrated=unrated,
                    evaluations=program.aspect("evaluation"), budgets=program.aspect("budget"),
                    inspired_by=program.aspect("inspired-by"), inspired=program.aspect("inspired"),
                    statements=[("challenges", program.aspect("challenge")), ("lessons", program.aspect("lesson")),
                                ("claims", program.aspect("claim"))],
                    notes=data.notes_about(nodes))

    def gap(self, out: Path, lang: str, cell: Any) -> None:
        by_program: dict[str, list[tuple[Fact, int | None]]] = {}
        for finding, (program, _indicator, rating) in sorted(cell.findings.items()):
            record = self.data.programs.get(program)
            if record is None or program in self.bad_programs:
                continue
            fact = next((f for f in record.aspect("outcome") if f.node == finding), None)
            if fact is not None:
                by_program.setdefault(program, []).append((fact, rating))
        title = f"{self.data.label(cell.type, lang)[0]} × {self.data.label(cell.group, lang)[0]}"
        self.render(out, lang, self.page_path("gap", cell), "gap.html", title=title,
                    jsonld={"@context": "https://schema.org", "@type": "ItemList", "name": title},
                    cell=cell, by_program=sorted(by_program.items(), key=lambda kv: self.program_name(kv[0]).casefold()))

    def place(self, out: Path, lang: str, place: Place) -> None:
        data = self.data
        chart_list = [{"svg": future.result(), "indicator": indicator, "unit": unit}
                      for indicator, unit, future in self.place_charts(place) if future.result()]
        observations = sorted(place.observations, key=lambda o: (o.indicator, str(o.year), o.dataset, o.node))
        programs = sorted(((p, y) for p, y in place.programs.items() if p not in self.bad_programs),
                          key=lambda kv: (str(kv[1]), self.program_name(kv[0])))
        name = data.label(place.node)[0]
        geo = ({"geo": {"@type": "GeoCoordinates", "latitude": float(place.lat), "longitude": float(place.long)}}
               if place.lat is not None and place.long is not None else {})
        self.render(out, lang, self.page_path("place", place.node), "place.html", title=data.label(place.node, lang)[0],
                    node=place.node,
                    jsonld=self.jsonld(place.node, "City" if place.cls == "cs:City" else "Country", name, **geo),
                    place=place, programs=programs, charts=chart_list, observations=observations,
                    notes=[n for n in data.notes_about({o.node for o in place.observations}) if n.kind == "conflict"])

    def figures(self, out: Path, lang: str) -> None:
        self.render(out, lang, "figures/index.html", "figures.html", "figures.title",
                    jsonld={"@context": "https://schema.org", "@type": "CollectionPage", "name": "Figures"},
                    figures=list(self.data.figures.values()))

    def figure(self, out: Path, lang: str, figure: Figure) -> None:
        data = self.data
        path = self.page_path("figure", figure.node)
        chart = None
        if figure.has_data:
            chart = self.figure_chart(figure).result()
            if chart is None:
                self.fail(f"{figure.node} ({figure.label}) is marked as having data but the graph holds no numeric cell "
                          f"for it, so the chart of page {lang}/{path} cannot be drawn: add its cells, or mark it "
                          f"cs:dataAvailability avail:not-available.")
                return
        conflicts = sorted({c for o in figure.cells for c in o.conflicts})
        self.render(out, lang, path, "figure.html", title=figure.label or figure.slug, node=figure.node,
                    jsonld=self.jsonld(figure.node, "Dataset", figure.label or figure.slug,
                                       **({"distribution": {"@type": "DataDownload", "encodingFormat": "text/csv",
                                                            "contentUrl": f"../../figures/{figure.slug}.csv"}}
                                          if figure.has_data else {})),
                    figure=figure, chart=chart, conflicts=conflicts,
                    notes=[data.notes[c] for c in conflicts if c in data.notes])

    def methods(self, out: Path, lang: str) -> None:
        if not self.docs:
            self.docs["rating"] = markdown_html(self.project.root / "docs" / "RATING.md")
            self.docs["curation"] = markdown_html(self.project.root / "docs" / "CURATION.md")
        kinds = defaultdict(list)
        for note in self.data.notes.values():
            kinds[note.kind].append(note)
        self.render(out, lang, "methods.html", "methods.html", "methods.title",
                    jsonld={"@context": "https://schema.org", "@type": "TechArticle", "name": "Methods"},
                    rating_html=self.docs["rating"], curation_html=self.docs["curation"],
                    notes_by_kind=[(k, kinds[k]) for k in ("conflict", "ambiguity", "appraisal") if kinds[k]])

    # -- files beside the pages -------------------------------------------------
    def write_node_files(self, out: Path, nodes: list[str]) -> None:
        """Each page's node as Turtle and JSON-LD (queries/site-node.rq, a CONSTRUCT)."""
        import pyoxigraph as ox

        from ..prefixes import PREFIXES
        from ..queries import get_query

        query = get_query("site-node", self.project)
        folder = out / "data"
        folder.mkdir(parents=True)
        for node in nodes:
            prefix, _, local = node.partition(":")
            iri = PREFIXES[prefix] + local if prefix in PREFIXES else node
            try:
                triples = list(self.store.store.query(query.text, substitutions={ox.Variable("node"): ox.NamedNode(iri)},
                                                      use_default_graph_as_union=True))
            except (OSError, ValueError, RuntimeError) as exc:
                raise RuntimeFailure(f"queries/site-node.rq failed in Oxigraph for {node}: {exc}") from None
            name = slug(node)
            (folder / f"{name}.ttl").write_bytes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES))
            (folder / f"{name}.jsonld").write_bytes(ox.serialize(triples, format=ox.RdfFormat.JSON_LD))

    def write_csv(self, out: Path) -> None:
        folder = out / "figures"
        folder.mkdir(parents=True)
        for figure in self.data.figures.values():
            if not figure.has_data:
                continue
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(["figure", "area", "row_label", "column_label", "value_as_printed", "value", "unit",
                             "conflict", "quote"])
            for cell in figure.cells:
                writer.writerow([figure.number, self.data.label(cell.area)[0] if cell.area else "", cell.row_label or "",
                                 cell.column_label or "", cell.value_as_printed or "",
                                 "" if cell.value is None else cell.value, cell.unit or "",
                                 " ".join(sorted(cell.conflicts)), cell.sources[0].quote if cell.sources else ""])
            (folder / f"{figure.slug}.csv").write_text(buffer.getvalue(), encoding="utf-8")


ROOT_INDEX = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>citysafe-kg evidence site</title>
<link rel="icon" href="data:,"><meta http-equiv="refresh" content="0; url=en/index.html"></head>
<body><main><h1>citysafe-kg</h1><ul>
<li><a href="en/index.html" hreflang="en" lang="en">English</a></li>
<li><a href="es/index.html" hreflang="es" lang="es">Español</a></li>
<li><a href="pt/index.html" hreflang="pt" lang="pt">Português</a></li></ul></main></body></html>
"""


def run_pagefind(folder: Path) -> None:
    """Index the pages for search (Pagefind, the binary of the `pagefind[bin]` package)."""
    try:
        done = subprocess.run([sys.executable, "-m", "pagefind", "--site", str(folder), "--silent"],
                              capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise RuntimeFailure(f"Pagefind could not index the site: {exc}. Install it: pip install 'pagefind[bin]'.") from None
    if done.returncode != 0 or not (folder / "pagefind" / "pagefind-ui.js").is_file():
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise RuntimeFailure(f"Pagefind failed to index the site ({detail[0]}). Install it: pip install 'pagefind[bin]'.")


SITE_MARK = ".citysafe-site.json"  # what a site build wrote at the top of its folder (io.claim_folder)


def _site_files(folder: Path) -> set[str] | None:
    """The names an earlier `citysafe site` wrote into ``folder``, or None if none did."""
    try:
        names = json.loads((folder / SITE_MARK).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        names = None
    if isinstance(names, list):
        return {str(name) for name in names}
    if (folder / "en" / "index.html").is_file() and (folder / "pagefind").is_dir():
        return {entry.name for entry in os.scandir(folder)}  # a site written before the mark
    return None


def build_site(out: Path, store: Any = None, project: Project | None = None, keep_going: bool = False,
               search: bool = True, data: SiteData | None = None,
               languages: tuple[str, ...] = LANGUAGES) -> SiteResult:
    """Write the site to ``out`` (replaced whole at the end). Raises SiteError on bad input
    unless ``keep_going``; then the result lists the errors and the pages that could be made.
    ``data`` replaces what the queries give (tests pass a damaged copy); ``languages`` limits the
    pages to some languages (the language switch still links all three)."""
    from ..compiled import compiled_store

    started = time.perf_counter()
    project = project or default_project()
    out = claim_folder(out, "-o", project.source_dirs, _site_files, "site")  # never replace a folder not ours
    store = store if store is not None else compiled_store(project)
    data = data if data is not None else load(store, project)
    builder = SiteBuilder(data, store, project, keep_going, languages)

    def write(folder: Path) -> None:
        try:
            builder.build(folder)
        finally:
            builder.pool.shutdown(cancel_futures=True)
        if search:
            run_pagefind(folder)
        names = sorted({*os.listdir(folder), SITE_MARK})
        (folder / SITE_MARK).write_text(json.dumps(names) + "\n", encoding="utf-8")

    replace_directory(out, write)
    files = sum(1 for p in out.rglob("*") if p.is_file())
    return SiteResult(out, dict(builder.pages), builder.errors, files, time.perf_counter() - started)


def serve_site(folder: Path, port: int = 8000, host: str = "127.0.0.1") -> Any:
    """An HTTP server on loopback for the built site (call serve_forever(), or shutdown())."""
    import functools
    import http.server

    if not (folder / "index.html").is_file():
        raise UserError(f"{folder}/ holds no site: build it first with citysafe site -o {folder}.")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise RuntimeFailure(f"Cannot serve on {host}:{port}: {exc.strerror}. Try another --port.") from None
