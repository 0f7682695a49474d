"""The `citysafe` command: a thin layer over the library.

Exit codes: 0 success (the graph conforms); 1 the graph does not conform, or a
user mistake (bad input, unknown name, bad parameter); 2 a runtime failure.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .errors import CitysafeError

EXIT_CODES_HELP = """\b
Exit codes:
  0  success; the graph conforms
  1  the graph does not conform, or a usage error (bad input, unknown name)
  2  runtime error (an engine, server or the disk failed)
  130  interrupted (Ctrl-C)"""


class CitysafeGroup(click.Group):
    """The one error boundary: every failure becomes one line on stderr and a documented exit
    code (1 for a usage error or bad input, 2 for the environment or an engine), never a traceback."""

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        import os

        from .errors import explain

        try:
            value = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
            sys.stdout.flush()  # a full device or a closed pipe fails here, not at interpreter exit
        except click.exceptions.Exit as exc:  # raised by a callback under standalone_mode=False
            value = exc.exit_code
        except click.UsageError as exc:  # README: a usage error exits 1, as pySHACL's do
            exc.show()
            sys.exit(1)
        except click.ClickException as exc:
            exc.show()
            sys.exit(1)
        except click.Abort:
            click.echo("Interrupted; no file was left half-written (run the command again).", err=True)
            sys.exit(130)
        except SystemExit:
            raise
        except BrokenPipeError:  # the reader stopped reading (citysafe report ... | head): not a failure
            _silence_stdout()
            sys.exit(0)
        except BaseException as exc:  # noqa: BLE001 - the boundary: one line, documented code
            if os.environ.get("CITYSAFE_DEBUG") and not isinstance(exc, CitysafeError):
                raise
            message, code = explain(exc)
            if isinstance(exc, OSError) and exc.filename is None:
                _silence_stdout()  # the output itself failed: do not fail again at exit
            click.echo(f"Error: {message}", err=True)
            sys.exit(code)
        if not standalone_mode:
            return value
        sys.exit(value if isinstance(value, int) else 0)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's final flush does not fail (and print) a second time."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both; CliRunner's stdout has no fd
        pass


def output_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """The shared tabular output flags: a table on a terminal, or --csv, --tsv, --json, --md."""

    @click.option("--csv", "fmt", flag_value="csv", help="Comma-separated values.")
    @click.option("--tsv", "fmt", flag_value="tsv", help="Tab-separated values.")
    @click.option("--json", "fmt", flag_value="json", help="A JSON array of objects.")
    @click.option("--md", "fmt", flag_value="md", help="A Markdown table.")
    @click.option("--table", "fmt", flag_value="table", default=True, help="A text table (the default).")
    @click.option("--limit", type=int, default=None, metavar="N", help="Show only the first N rows.")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Where queries run: --backend (auto = compiled Oxigraph build), --endpoint, --timeout."""

    @click.option("--backend", type=click.Choice(["auto", "oxigraph", "rdflib"]), default="auto", show_default=True,
                  help="Query engine: the compiled Oxigraph build (auto) or rdflib's in-memory graph.")
    @click.option("--endpoint", metavar="URL", default=None,
                  help="Query a SPARQL 1.1 endpoint instead, e.g. http://127.0.0.1:7878/query.")
    @click.option("--timeout", type=float, default=60.0, show_default=True, metavar="SECONDS",
                  help="Stop a query that runs longer than this (exit 2).")
    @unvalidated_option
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def unvalidated_option(func: Callable[..., Any]) -> Callable[..., Any]:
    """--unvalidated: answer from the sources as they are (kept in the context, see open_checked)."""

    def remember(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
        ctx.meta["citysafe.unvalidated"] = value
        return value

    return click.option("--unvalidated", is_flag=True, expose_value=False, callback=remember,
                        help="Answer from the sources as they are, even if they do not conform (by default: "
                             "from the last build whose sources conformed, with a note when they changed since).")(func)


def open_checked(backend: str, endpoint: str | None, timeout: float) -> Any:
    """The store a query command reads: the last build whose sources conformed (answer.py)."""
    from .answer import answer_store

    unvalidated = click.get_current_context().meta.get("citysafe.unvalidated", False)
    return answer_store(backend, endpoint, timeout, unvalidated=unvalidated)


def with_timeout(seconds: float, work: Callable[[], Any]) -> Any:
    """Run ``work``; if it outlasts ``seconds``, give up with a RuntimeFailure (exit 2).

    The query keeps running in a daemon thread until the process exits, which it
    then does at once: engines offer no way to cancel a running query.
    """
    import threading

    from .errors import RuntimeFailure

    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed back to the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        raise RuntimeFailure(f"The query ran longer than --timeout {seconds:g} s and was stopped.")
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def parse_params(values: tuple[str, ...]) -> dict[str, str]:
    from .errors import ParameterError

    params: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise ParameterError(f'--param "{item}" must be NAME=VALUE, e.g. --param country=brazil.')
        params[name.strip()] = value
    return params


def show_table(table: Any, fmt: str, limit: int | None, params: tuple[str, ...] = ()) -> None:
    """Print a table; an empty one also says so on stderr (an empty answer is never silent)."""
    from .render import render

    click.echo(render(table, fmt, limit), nl=False)
    if not table.rows:
        given = "".join(f" --param {p}" for p in params)
        click.echo(f"No rows: nothing in the graph matches{given or ' this question'}."
                   + (" Check the values given (see: citysafe query --list)." if given else ""), err=True)


@click.group(cls=CitysafeGroup, epilog=EXIT_CODES_HELP)
@click.version_option(package_name="citysafe-kg")
def cli() -> None:
    """citysafe-kg: an evidence graph of what works in making Latin American cities safer.

    \b
    Example:
        citysafe build
        citysafe report police-social
    """


@cli.command()
@click.option("--dist", type=click.Path(path_type=Path), default=Path("dist"), show_default=True,
              help="Folder to write the exports to (replaced atomically).")
@click.option("--engine", type=click.Choice(["auto", "pyshacl", "shacl"]), default="auto", show_default=True,
              help="SHACL engine: shacl (Rust, proved to report what pyshacl reports) or pyshacl (the reference); auto: shacl if installed.")
@click.option("--warm", is_flag=True,
              help="Also answer every report that takes no argument now, so that its first asking reads the kept answer.")
def build(dist: Path, engine: str, warm: bool) -> None:
    """Validate the graph, then write its exports to DIST and summarise it.

    Writes graph.ttl, graph.jsonld, graph.nt, shapes.ttl, context.jsonld,
    validation.txt and manifest.json. A graph that does not conform stops the
    build (exit 1) and leaves DIST as it was. With --warm, the reports that
    take no argument are answered and kept beside the compiled build (on a big
    graph, worth it when many will ask: at 10,000 programs a cold report takes
    up to 10 s, and the whole `citysafe report` process reading a kept one 0.3-1 s).

    \b
    Example:
        citysafe build --dist dist
        citysafe build --warm
    """
    from .build import build as run_build
    from .render import render
    from .reports import run_report

    result = run_build(dist=dist, engine=engine)
    click.echo(f"Built {result.triples} triples from {len(result.files)} files into {result.dist}/")
    click.echo(f"Validation ({result.engine}): {len(result.report.violations)} violation(s), "
               f"{len(result.report.warnings)} warning(s) (see {result.dist}/validation.txt)")
    if warm:
        from .build import warm as warm_reports

        timings = warm_reports(result.store)
        click.echo(f"Answered {len(timings)} reports ahead in {sum(s for _, s in timings):.1f} s "
                   "(kept with the compiled build): " + ", ".join(name for name, _ in timings))
    click.echo(render(run_report(result.store, "summary")), nl=False)


@cli.command()
@click.option("--warnings/--no-warnings", default=True, show_default=True, help="Show warnings as well as violations.")
@click.option("--limit", type=int, default=None, help="Show at most this many nodes.")
@click.option("--case", "cases", multiple=True, metavar="NAME",
              help="Report only findings in data/cases/NAME.ttl and its figures (repeatable); the whole graph is loaded.")
@click.option("--engine", type=click.Choice(["auto", "pyshacl", "shacl"]), default="auto", show_default=True,
              help="SHACL engine: shacl (Rust, proved to report what pyshacl reports) or pyshacl (the reference); auto: shacl if installed.")
def validate(warnings: bool, limit: int | None, cases: tuple[str, ...], engine: str) -> None:
    """Check the graph against the shapes, the report text and the *-violation queries.

    Prints findings grouped by the node they concern, with the file and line
    where it is described. Exit 1 when any violation is found.

    \b
    Example:
        citysafe validate --no-warnings
    """
    from .answer import validate_sources
    from .render import render_validation
    from .resources import default_project

    project = default_project()
    if cases:
        project.graph_files(list(cases))  # an unknown case name fails here, with suggestions
    report = validate_sources(project, project.graph_files(), engine)
    if cases:
        report = report.only_cases(list(cases))
    click.echo(render_validation(report, show_warnings=warnings, limit=limit), nl=False)
    if not report.conforms:
        sys.exit(1)


@cli.command()
@click.option("-f", "--format", "fmt", default="turtle", show_default=True,
              help="turtle, json-ld, nt or xml.")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=None,
              help="File to write (a regular file is replaced atomically; a link, FIFO or device is written "
                   "through; - is standard output). Default: standard output.")
@click.option("--frame", type=click.Choice(["program"]), default=None,
              help="With -f json-ld: one framed tree per program, plain keys, language maps, numbers as numbers.")
@unvalidated_option
def export(fmt: str, output: Path | None, frame: str | None) -> None:
    """Export the whole graph (ontology, concepts and data) in one RDF format.

    \b
    Example:
        citysafe export -f nt -o graph.nt
        citysafe export -f json-ld --frame program -o programs.jsonld
    """
    from .answer import answer_graph
    from .build import vocabulary_graph
    from .errors import UserError
    from .export import build_context, normalise_format, serialize, write
    from .io import check_output, write_output
    from .resources import default_project, source_folders

    fmt = normalise_format(fmt)
    if frame is not None and fmt != "json-ld":
        raise UserError(f"--frame {frame} writes JSON-LD: use -f json-ld.")
    if output is not None:
        check_output(output, source_folders())  # refuse a folder, a dangling link or a source file before the work
    graph = answer_graph(unvalidated=click.get_current_context().meta.get("citysafe.unvalidated", False))
    if frame is not None:
        from .frames import dumps, program_frames

        text = dumps(program_frames(graph, vocabulary_graph(default_project())))
        if output is None:
            click.echo(text, nl=False)
        else:
            write_output(output, text, source_folders())
            click.echo(f"Wrote the framed programs to {output}", err=True)
        return
    context = build_context(vocabulary_graph(default_project())) if fmt == "json-ld" else None
    if output is None:
        click.echo(serialize(graph, fmt, context), nl=False)
    else:
        write(graph, fmt, output, context)
        click.echo(f"Wrote {len(graph)} triples to {output}", err=True)


@cli.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the named queries.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a query parameter (repeatable).")
@store_options
@output_options
def query(name: str | None, list_: bool, params: tuple[str, ...], backend: str, endpoint: str | None,
          timeout: float, fmt: str, limit: int | None) -> None:
    """Run a named query from queries/NAME.rq.

    \b
    Example:
        citysafe query police-social --param country=brazil --csv
        citysafe query --list
    """
    from .errors import UserError
    from .queries import Table, list_queries, run
    from .render import render

    if list_ or not name:
        if not list_:
            raise UserError("Name a query, or use --list to see them: citysafe query --list")
        rows = [[q.name, q.summary, ", ".join(f"{p.name} ({p.type})" for p in q.params)] for q in list_queries()]
        click.echo(render(Table(["name", "summary", "params"], rows), fmt, limit), nl=False)
        return
    bound = parse_params(params)
    store = open_checked(backend, endpoint, timeout)
    show_table(with_timeout(timeout, lambda: run(store, name, bound)), fmt, limit, params)


@cli.command()
@click.argument("query_text", metavar="FILE_OR_TEXT")
@store_options
@output_options
def sparql(query_text: str, backend: str, endpoint: str | None, timeout: float, fmt: str, limit: int | None) -> None:
    """Run a SPARQL SELECT or ASK query given as a file path or as text.

    \b
    Example:
        citysafe sparql 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    from .queries import sparql_text
    text = sparql_text(query_text)
    store = open_checked(backend, endpoint, timeout)
    show_table(with_timeout(timeout, lambda: store.select(text)), fmt, limit)


@cli.command()
@click.argument("name", required=False)
@click.argument("argument", required=False)
@click.option("--list", "list_", is_flag=True, help="List the reports.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a report parameter.")
@store_options
@output_options
def report(name: str | None, argument: str | None, list_: bool, params: tuple[str, ...], backend: str,
           endpoint: str | None, timeout: float, fmt: str, limit: int | None) -> None:
    """Show a readable report: NAME, and ARGUMENT for `program` and `city`.

    Reports: police-social, ratings, gap-map, evidence, unevaluated, adverse,
    homicide, budgets, actors, influence, lessons, conflicts, ambiguities,
    appraisals, youth, women, program PROGRAM, city PLACE, cases, summary.
    PROGRAM and PLACE may be a name, a label or a slug (accents and case ignored).

    \b
    Example:
        citysafe report police-social
        citysafe report evidence --md
        citysafe report ratings --md
        citysafe report program "Fica Vivo"
        citysafe report city "Belo Horizonte" --csv
    """
    from .errors import UserError
    from .queries import Table
    from .render import render
    from .reports import REPORTS, run_report

    if list_ or not name:
        if not list_:
            raise UserError("Name a report, or use --list to see them: citysafe report --list")
        rows = [[r.name + (f" {r.argument.upper()}" if r.argument else ""), r.summary] for r in REPORTS.values()]
        click.echo(render(Table(["name", "summary"], rows), fmt, limit), nl=False)
        return
    bound = parse_params(params)
    store = open_checked(backend, endpoint, timeout)
    table = with_timeout(timeout, lambda: run_report(store, name, bound, argument=argument))
    show_table(table, fmt, limit, params)


@cli.command()
@click.argument("programs", nargs=-1, required=True, metavar="PROGRAM PROGRAM [PROGRAM...]")
@store_options
@output_options
def compare(programs: tuple[str, ...], backend: str, endpoint: str | None, timeout: float, fmt: str,
            limit: int | None) -> None:
    """Programs side by side, aligned by facet: place, years, components by kind, target
    groups, actors, budget, evaluations, ratings, results and influences.

    A program is given by its name, label or slug (accents and case ignored).

    \b
    Example:
        citysafe compare fica-vivo upp
        citysafe compare "Fica Vivo" "Barrio Seguro" "Plan Cuadrantes" --md
    """
    from .reports import compare as run_compare
    store = open_checked(backend, endpoint, timeout)
    show_table(with_timeout(timeout, lambda: run_compare(store, list(programs))), fmt, limit)


@cli.command()
@output_options
def datacube(fmt: str, limit: int | None) -> None:
    """The 21 integrity constraints of the W3C Data Cube spec, run on the compiled build after the
    spec's normalisation (queries/datacube/, docs/DATACUBE.md); exit 1 if any fails.

    \b
    Example:
        citysafe datacube
        citysafe datacube --md
    """
    from .datacube import check_build, results_table
    from .render import render

    results = check_build()
    click.echo(render(results_table(results), fmt, limit), nl=False)
    if not all(r.holds for r in results):
        sys.exit(1)


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--check", is_flag=True, help="Only list files not in canonical form (exit 1 if any).")
def fmt(files: tuple[Path, ...], check: bool) -> None:
    """Rewrite data/ Turtle files (or only FILES) in their one canonical form.

    \b
    Example:
        citysafe fmt --check
        citysafe fmt data/cases/belo-horizonte.ttl
    """
    from .canonical import drifted, format_files
    from .resources import default_project

    project = default_project()
    if check:
        files = tuple(drifted(project, list(files) or None))
        for path in files:
            click.echo(f"not canonical: {project.relative(path)}")
        if files:
            click.echo("Run `citysafe fmt` to rewrite them.", err=True)
            sys.exit(1)
        return
    for path in format_files(project, list(files) or None):
        click.echo(f"rewrote {project.relative(path)}")


def network_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--graphml and --node-link: export the pattern's network for Gephi, Cytoscape or D3."""

    @click.option("--graphml", type=click.Path(dir_okay=False, path_type=Path), help="Write the network as GraphML.")
    @click.option("--node-link", type=click.Path(dir_okay=False, path_type=Path), help="Write the network as node-link JSON.")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)

    return wrapper


def _show_pattern(pattern: Any, fmt: str, graphml: Path | None, node_link: Path | None, limit: int | None = None) -> None:
    from .patterns import write_network

    show_table(pattern.table, fmt, limit)
    for path in write_network(pattern.network, graphml, node_link):
        click.echo(f"Wrote {path}", err=True)


def _runner(backend: str = "auto", endpoint: str | None = None, timeout: float = 60.0) -> Any:
    from .queries import run
    store = open_checked(backend, endpoint, timeout)
    return lambda name, params: with_timeout(timeout, lambda: run(store, name, params))


@cli.group()
def patterns() -> None:
    """Cross-case patterns with networkx: co-occurrence, similarity, actors, influence.

    \b
    Example:
        citysafe patterns cooccurrence --level group
        citysafe patterns influence --graphml influence.graphml
    """


@patterns.command()
@click.option("--level", type=click.Choice(["type", "group"]), default="type", show_default=True,
              help="Pair intervention types, or their top-level groups (police, social, situational, governance).")
@network_options
@store_options
@output_options
def cooccurrence(level: str, graphml: Path | None, node_link: Path | None, backend: str, endpoint: str | None,
                 timeout: float, fmt: str, limit: int | None) -> None:
    """Which component types appear together, and in how many programs with a reported homicide decrease.

    Counts describe the ten cases; they do not show what causes a decrease.

    \b
    Example:
        citysafe patterns cooccurrence --level group --md
    """
    from .patterns import cooccurrence as run_pattern

    _show_pattern(run_pattern(_runner(backend, endpoint, timeout), level), fmt, graphml, node_link, limit)


@patterns.command()
@click.argument("program")
@click.option("--top", type=int, default=5, show_default=True, help="How many programs to list.")
@network_options
@store_options
@output_options
def similar(program: str, top: int, graphml: Path | None, node_link: Path | None, backend: str,
            endpoint: str | None, timeout: float, fmt: str, limit: int | None) -> None:
    """The programs most similar to PROGRAM by component types and target groups (Jaccard).

    \b
    Example:
        citysafe patterns similar fica-vivo --top 3
    """
    from .patterns import similarity

    _show_pattern(similarity(_runner(backend, endpoint, timeout), program, top), fmt, graphml, node_link, limit)


@patterns.command(name="actors")
@network_options
@store_options
@output_options
def actors_command(graphml: Path | None, node_link: Path | None, backend: str, endpoint: str | None,
                   timeout: float, fmt: str, limit: int | None) -> None:
    """The actor network: actors linked by shared programs, with centrality.

    \b
    Example:
        citysafe patterns actors --graphml actors.graphml
    """
    from .patterns import actors

    _show_pattern(actors(_runner(backend, endpoint, timeout)), fmt, graphml, node_link, limit)


@patterns.command(name="influence")
@network_options
@store_options
@output_options
def influence_command(graphml: Path | None, node_link: Path | None, backend: str, endpoint: str | None,
                      timeout: float, fmt: str, limit: int | None) -> None:
    """The influence network: models with most descendant programs, and the chains.

    \b
    Example:
        citysafe patterns influence --node-link influence.json
    """
    from .patterns import influence

    _show_pattern(influence(_runner(backend, endpoint, timeout)), fmt, graphml, node_link, limit)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=int, default=7878, show_default=True, help="Port to listen on.")
@click.option("--cors", "origin", metavar="ORIGIN", default=None,
              help="Let pages on ORIGIN query the endpoint (Oxigraph's --cors: it answers every origin with *).")
@unvalidated_option
def serve(host: str, port: int, origin: str | None) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint (Oxigraph server).

    Queries go to http://HOST:PORT/query; updates are refused. Stop with Ctrl-C.

    \b
    Example:
        citysafe serve --port 7878
        citysafe serve --cors http://localhost:5173
        citysafe query police-social --endpoint http://127.0.0.1:7878/query
    """
    import os

    from .answer import answer_build
    from .compiled import keep_open_across_exec
    from .server import cors_notice, serve_command

    notice = cors_notice(origin) if origin is not None else None
    store = answer_build(unvalidated=click.get_current_context().meta.get("citysafe.unvalidated", False))
    command = serve_command(store.path, host, port, cors=origin is not None)
    keep_open_across_exec(store)  # the server holds the build's in-use lock: cache prune spares it
    del store  # the server opens the database itself
    click.echo(f"Serving the graph read-only at http://{host}:{port}/query (Ctrl-C to stop)", err=True)
    if notice:
        click.echo(notice, err=True)
    os.execv(command[0], command)


@cli.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol endpoint, e.g. http://127.0.0.1:7878/store.")
@click.option("--graph", "graph_iri", metavar="IRI", default=None, help="Named graph to load into (default graph if omitted).")
@click.option("--append", is_flag=True, help="Add to the graph (POST) instead of replacing it (PUT).")
@click.option("--timeout", type=float, default=300.0, show_default=True, metavar="SECONDS", help="Give up after this long.")
@click.option("--user", default=None, help="Account allowed to write graphs (Virtuoso: dba), with --password.")
@click.option("--password", default=None, help="That account's password (HTTP digest or basic auth).")
def push(endpoint: str, graph_iri: str | None, append: bool, timeout: float, user: str | None,
         password: str | None) -> None:
    """Load the built graph into a SPARQL server through the Graph Store Protocol.

    The sources go to --graph (or the default graph); the derived statements (ratings,
    effects) to https://w3id.org/citysafe/graph/derived. Query the server's union of graphs.

    \b
    Example:
        citysafe push --endpoint http://127.0.0.1:7878/store --graph https://w3id.org/citysafe/graph
        citysafe push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password dba \\
            --graph https://w3id.org/citysafe/graph
        citysafe report police-social --endpoint http://127.0.0.1:8890/sparql
    """
    from .answer import answer_build
    from .server import push as run_push

    sent = run_push(answer_build(strict=True), endpoint, graph_iri, append, timeout, user, password)
    click.echo(f"Sent {sent} triples to {endpoint} ({'appended' if append else 'replaced'} "
               f"{'graph ' + graph_iri if graph_iri else 'the default graph'} and the derived graph)")


@cli.group()
def cache() -> None:
    """The compiled cache (CITYSAFE_CACHE, else ~/.cache/citysafe-kg): one Oxigraph build per
    version of the sources. The newest builds are kept automatically; damaged ones are rebuilt.

    \b
    Example:
        citysafe cache prune --keep 1
        citysafe cache check
    """


@cache.command(name="prune")
@click.option("--keep", type=click.IntRange(min=0), default=3, show_default=True,
              help="How many of the most recently used builds to keep.")
def cache_prune(keep: int) -> None:
    """Remove compiled builds but the most recently used; never one a command or server has
    open, nor the last build whose sources conformed (reports answer from it).

    \b
    Example:
        citysafe cache prune --keep 0
    """
    from .compiled import prune

    result = prune(keep)
    click.echo(f"Removed {len(result.removed)} compiled build(s) ({result.freed_bytes / 1e6:.1f} MB); "
               f"kept {len(result.kept)}" + (f"; left {len(result.in_use)} in use alone" if result.in_use else ""))


@cache.command(name="check")
def cache_check() -> None:
    """Hash every file of every compiled build against its manifest; remove damaged builds
    (the next command compiles them again).

    \b
    Example:
        citysafe cache check
    """
    from .compiled import check_all

    damaged = check_all()
    for name, what in damaged:
        click.echo(f"damaged: {name}: {what}; removed (the next command compiles it again)")
    click.echo(f"{len(damaged)} damaged build(s).")


@cli.command()
@click.option("--programs", type=int, required=True, help="How many programs to generate.")
@click.option("--seed", type=int, default=1, show_default=True, help="Random seed (same seed, same graph).")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="A .ttl/.nt file, or a folder to make a project of (ontology/, queries/, data/synthetic.ttl).")
def synth(programs: int, seed: int, output: Path) -> None:
    """Write a synthetic evidence graph that conforms to the shapes, for benchmarks.

    A size whose build would not fit in this machine's memory (or disk) is refused
    before anything is written.

    \b
    Example:
        citysafe synth --programs 10000 --seed 1 -o /tmp/kg10k
        CITYSAFE_HOME=/tmp/kg10k citysafe build --engine shacl
    """
    from .synth import write

    sizes = write(programs, seed, output)
    click.echo(f"Wrote {programs:,} programs (~{sizes.triples:,} triples) to {output}")


@cli.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Folder to write the site to (replaced whole at the end).")
@click.option("--keep-going", is_flag=True,
              help="Write the pages that can be made even when others cannot (still exit 1, listing each).")
@click.option("--serve", "serve_", is_flag=True, help="Then serve the site on 127.0.0.1 until Ctrl-C.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port for --serve.")
def site(output: Path, keep_going: bool, serve_: bool, port: int) -> None:
    """Write the static evidence site (en, es, pt) from the compiled graph.

    Home with the gap map and filters, a page per program, city, country and
    figure, the methods and a search page (Pagefind). Every number opens the
    report's words. Bad input (a program without an English label, a chart
    without data, a missing translation) names the node and the page, and
    nothing is written unless --keep-going is given.

    \b
    Example:
        citysafe site -o site
        citysafe site -o site --serve --port 8000
    """
    from .site import build_site, serve_site

    result = build_site(output, keep_going=keep_going)
    pages = ", ".join(f"{lang} {n}" for lang, n in result.pages.items())
    click.echo(f"Wrote {output}/: pages {pages}; {result.files} files in {result.seconds:.1f} s")
    for error in result.errors:
        click.echo(f"Error: {error}", err=True)
    if result.errors:
        click.echo(f"{len(result.errors)} problem(s); --keep-going wrote the other pages.", err=True)
        sys.exit(1)
    if serve_:
        server = serve_site(output, port)
        click.echo(f"Serving http://127.0.0.1:{server.server_address[1]}/en/index.html (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()


def main() -> None:
    """The console script: SIGTERM and SIGHUP unwind like Ctrl-C, so staging folders are removed."""
    import signal

    from .errors import Interrupted

    def stop(signum: int, frame: Any) -> None:
        raise Interrupted(signum)

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    cli(prog_name="citysafe")
