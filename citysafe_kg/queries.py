"""Named SPARQL queries: find, parse and run queries/*.rq with bound parameters.

A query file opens with a header of ``#+ key: value`` lines::

    #+ summary: Programs with police plus social components
    #+ description: ...
    #+ tags: programs, components
    #+ param: city iri[cs:City]  Restrict to one city (a name or slug such as belo-horizonte)
    #+ param: indicator concept[csc:indicators]=ind:homicide  The indicator to list
    #+ lists: police_components, social_components
    #+ defect: Virtuoso/07.20 rows  no row: a zero-length path from a node without the property

A ``defect`` line records a server on which the query is known to answer wrongly (``rows``)
or to fail (``error CODE``, or ``error-at-scale CODE`` for one met only on big graphs),
matched by the start of the server's HTTP ``Server`` header; ``run`` refuses to return
rows such a server gave, and names the defect when it fails (tests/test_virtuoso.py proves
each recorded one is still there).

A parameter of type ``iri[CLASS]`` or ``concept[SCHEME]`` also accepts a name:
"Fica Vivo", "fica vivo" or "fica-vivo" for csd:fica-vivo, "school dropout" for
ind:school-dropout (case and accents ignored); a miss is an error that suggests
the nearest name.

Parameters are bound as RDF terms (serialised by rdflib, so quotes and braces
are escaped) in an inline VALUES block at the top of the query's WHERE group,
never pasted into the query text as strings; the same text runs on rdflib,
Oxigraph or any SPARQL 1.1 endpoint. A trailing VALUES clause would not do: it
is joined after HAVING (SPARQL 1.1, section 18.2.4), out of reach of FILTERs.
A parameter must be used in the top-level group (sub-queries do not see it);
an optional parameter without a default must not be used only in a FILTER.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import ParameterError, RuntimeFailure, UnknownNameError, UserError, suggest
from .prefixes import PREFIXES
from .resources import Project, default_project
from .store import python_value, run_text  # noqa: F401  (re-exported)
from .store import with_values
from .table import Table

if TYPE_CHECKING:  # rdflib costs ~0.2 s to import; the compiled-store path never needs it
    from rdflib.term import Node

PARAM_TYPES = ("iri", "concept", "string", "integer", "decimal")
LIST_SEPARATOR = " | "


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    description: str
    restrict: str | None = None  # the class (iri) or scheme (concept) a name is looked up in


@dataclass(frozen=True)
class Defect:
    """A server on which a query is known to answer wrongly or to fail (a ``#+ defect:`` line)."""

    server: str  # the start of the server's HTTP Server header, e.g. Virtuoso/07.20
    kind: str  # rows, error or error-at-scale
    code: str | None  # the server's error code, for an error
    reason: str

    def matches(self, server: str | None) -> bool:
        return bool(server) and str(server).startswith(self.server)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str
    tags: tuple[str, ...]
    params: tuple[Param, ...]
    lists: tuple[str, ...] = ()
    defects: tuple[Defect, ...] = ()

    @property
    def is_violation_check(self) -> bool:
        return self.name.endswith("-violation")


_HEADER = re.compile(r"^#\+\s*(\w+):\s*(.*)$")


def parse_header(path: Path) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match:
            fields.setdefault(match.group(1), []).append(match.group(2).strip())
    params = []
    for spec in fields.get("param", []):
        parts = spec.split(None, 2)
        if len(parts) < 2:
            raise UserError(f"{path}: bad '#+ param:' line {spec!r}: write '#+ param: NAME TYPE[=DEFAULT] DESCRIPTION'.")
        kind, _, default = parts[1].partition("=")
        typed = re.fullmatch(r"(\w+)(?:\[([^\]]+)\])?", kind)
        if typed is None or typed.group(1) not in PARAM_TYPES:
            raise UserError(f"{path}: parameter {parts[0]} has unknown type {kind!r}; use one of {', '.join(PARAM_TYPES)}.")
        params.append(Param(parts[0], typed.group(1), default or None, parts[2] if len(parts) > 2 else "",
                            typed.group(2)))
    lists = tuple(x.strip() for spec in fields.get("lists", []) for x in spec.split(",") if x.strip())
    defects = []
    for spec in fields.get("defect", []):
        match = re.fullmatch(r"(\S+)\s+(rows|error-at-scale|error)(?:\s+(\w+):)?\s+(.+)", spec)
        if match is None or (match.group(2) == "rows") != (match.group(3) is None):
            raise UserError(f"{path}: bad '#+ defect:' line {spec!r}: write '#+ defect: SERVER rows REASON' "
                            "or '#+ defect: SERVER error CODE: REASON'.")
        defects.append(Defect(match.group(1), match.group(2), match.group(3), match.group(4).strip()))
    return NamedQuery(
        name=path.stem,
        path=path,
        text=text,
        summary=" ".join(fields.get("summary", [])),
        description=" ".join(fields.get("description", [])),
        tags=tuple(t.strip() for spec in fields.get("tags", []) for t in spec.split(",") if t.strip()),
        params=tuple(params),
        lists=lists,
        defects=tuple(defects),
    )


def list_queries(project: Project | None = None) -> list[NamedQuery]:
    project = project or default_project()
    return [parse_header(p) for p in sorted(project.queries_dir.glob("*.rq"), key=lambda p: p.stem)]


def get_query(name: str, project: Project | None = None) -> NamedQuery:
    project = project or default_project()
    path = project.queries_dir / f"{name}.rq"
    if not path.is_file():
        known = [q.name for q in list_queries(project)]
        raise UnknownNameError(f'Unknown query "{name}".{suggest(name, known)} See: citysafe query --list')
    return parse_header(path)


def to_term(param: Param, raw: str) -> Node:
    """Turn a user's string into the RDF term the parameter's type asks for."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import XSD
    if param.type in ("iri", "concept"):
        value = raw.strip()
        if value.startswith("<") and value.endswith(">"):
            value = value[1:-1]
        elif ":" in value and not value.startswith(("http://", "https://", "urn:")):
            prefix, _, local = value.partition(":")
            if prefix not in PREFIXES:
                raise ParameterError(f'--param {param.name}={raw}: unknown prefix "{prefix}:". Known: {", ".join(sorted(PREFIXES))}.')
            value = PREFIXES[prefix] + local
        elif param.type == "iri" and not value.startswith(("http://", "https://", "urn:")):
            value = PREFIXES["csd"] + value
        if not re.fullmatch(r"[^\s<>\"{}|\\^`]+", value):
            raise ParameterError(f"--param {param.name}={raw}: not a valid IRI (no spaces, quotes, braces or angle brackets).")
        return URIRef(value)
    if param.type == "integer":
        try:
            return Literal(int(raw), datatype=XSD.integer)
        except ValueError:
            raise ParameterError(f"--param {param.name}={raw}: expected a whole number.") from None
    if param.type == "decimal":
        try:
            return Literal(Decimal(raw), datatype=XSD.decimal)
        except ArithmeticError:
            raise ParameterError(f"--param {param.name}={raw}: expected a number.") from None
    return Literal(raw)


def bind(query: NamedQuery, params: dict[str, str]) -> str:
    """The query text with its parameters bound in a VALUES block opening its WHERE clause."""
    text = with_values(query.text, terms(query, params))
    if text is None:
        raise UserError(f"{query.path}: no WHERE {{ to bind parameters into.")
    return text


def tidy(query: NamedQuery, table: Table) -> Table:
    """Sort the items of GROUP_CONCAT list columns, whose order SPARQL leaves open."""
    for name in query.lists:
        if name in table.columns:
            index = table.columns.index(name)
            for row in table.rows:
                if isinstance(row[index], str):
                    items = {item.strip() for item in row[index].split(LIST_SEPARATOR.strip())}
                    row[index] = LIST_SEPARATOR.join(sorted(item for item in items if item))
    return table


def as_store(source: Any) -> Any:
    """A store from a store, or from an rdflib Graph (wrapped in an RdflibStore)."""
    if hasattr(source, "select"):
        return source
    from .store import RdflibStore

    return RdflibStore(source)


def terms(query: NamedQuery, params: dict[str, str]) -> dict[str, Node]:
    """The parameters (given or defaulted) as RDF terms, by variable name."""
    known = {p.name: p for p in query.params}
    for name in params:
        if name not in known:
            names = ", ".join(sorted(known)) or "none"
            raise ParameterError(
                f'Query "{query.name}" has no parameter "{name}" (its parameters: {names}).{suggest(name, list(known))}'
            )
    bound = {}
    for param in query.params:
        raw = params.get(param.name, param.default)
        if raw is not None:
            bound[param.name] = to_term(param, raw)
    return bound


def plain(text: str) -> str:
    """A name folded for matching: accents and case dropped, hyphens and underscores as spaces."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[-_]", " ", folded).split())


_SLUG = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)*")  # the local names of csd: (data/ files' identifiers)


def _is_term(value: str) -> bool:
    """An IRI, or a CURIE with a known prefix, as opposed to a name to look up."""
    if value.startswith(("<", "http://", "https://", "urn:")):
        return True
    prefix, sep, _ = value.partition(":")
    return bool(sep) and prefix in PREFIXES


def resolve_names(store: Any, query: NamedQuery, params: dict[str, str], project: Project | None = None) -> dict[str, str]:
    """Turn names given for iri[CLASS] / concept[SCHEME] parameters into CURIEs
    (csd:fica-vivo for "Fica Vivo"); an unknown name is an error with the nearest names."""
    resolved = dict(params)
    for param in query.params:
        raw = params.get(param.name)
        if raw is None or param.restrict is None or param.type not in ("iri", "concept") or _is_term(raw.strip()):
            continue
        resolved[param.name] = resolve_name(store, raw, param, project)
    return resolved


def resolve_name(store: Any, raw: str, param: Param, project: Project | None = None) -> str:
    slug = raw.strip()
    lookup_slug = (project or default_project()).queries_dir / "node-by-slug.rq"  # a project of an older copy lacks it
    if param.type == "iri" and _SLUG.fullmatch(slug) and param.restrict and lookup_slug.is_file():
        # a slug as typed: one lookup, where listing every name of the class costs seconds on a big graph
        node = f"csd:{slug}"
        if run(store, "node-by-slug", {"node": node, "class": param.restrict}, project).rows == [[True]]:
            return node
    lookup = "node-names" if param.type == "iri" else "concept-names"
    key = "class" if param.type == "iri" else "scheme"
    table = run(store, lookup, {key: param.restrict or ""}, project)
    rows = list(zip(table.column("node"), table.column("label")))
    wanted = plain(raw)
    by_slug: dict[str, str] = {}
    names: dict[str, str] = {}
    for node, label in rows:
        node = str(node)
        slug = node.partition(":")[2] if ":" in node else node
        by_slug.setdefault(plain(slug), node)
        names.setdefault(plain(str(label)), node)
        names.setdefault(plain(slug), node)
    for table in (by_slug, names):
        if wanted in table:
            return table[wanted]
    # "Juarez" for "Ciudad Juárez": the words given, whole, inside one name only
    partial = sorted({node for name, node in names.items() if f" {wanted} " in f" {name} "})
    if len(partial) == 1:
        return partial[0]
    if len(partial) > 1:
        shown = ", ".join(f'"{next(str(lbl) for n, lbl in rows if str(n) == node)}" ({node.partition(":")[2] or node})'
                          for node in partial[:6])
        raise UnknownNameError(f'"{raw}" names more than one {param.name.replace("_", " ")}: {shown}. Give the full name or the slug.')
    what = param.name.replace("_", " ")
    close = difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.5)
    hint = ""
    if close:
        shown = []
        for name in close:
            node = names[name]
            label = next((str(lbl) for n, lbl in rows if str(n) == node), name)
            shown.append(f'"{label}" ({node.partition(":")[2] or node})')
        hint = " Did you mean " + " or ".join(dict.fromkeys(shown)) + "?"
    lister = "node-names -p class=" if param.type == "iri" else "concept-names -p scheme="
    raise UnknownNameError(f'Unknown {what} "{raw}".{hint} See: citysafe query {lister}{param.restrict}')


def run(source: Any, name: str, params: dict[str, str] | None = None, project: Project | None = None) -> Table:
    """Run the named query with parameters on a store (or an rdflib Graph).

    A store that pre-binds variables natively (Oxigraph's substitutions, SEP-0007)
    gets the terms; any other gets the inline VALUES block of ``bind``. Both bind
    RDF terms; Oxigraph does not push an inline VALUES block into the pattern
    (a one-program profile took 9 s at 10,000 programs with VALUES, 0.27 s pre-bound).
    """
    query = get_query(name, project)
    store = as_store(source)
    params = resolve_names(store, query, params or {}, project)
    try:
        if getattr(store, "prebinds", False):
            table = store.select(query.text, terms(query, params or {}))
        else:
            table = store.select(bind(query, params or {}))
    except RuntimeFailure as failure:
        known = _known_defect(query, store, ("error", "error-at-scale"), failure.message)
        if known is None:  # another failure: as the server said
            raise
        raise RuntimeFailure(f"{_server(store)} fails on {name}, a known defect ({known.code}: {known.reason}); "
                             "run it in-process (without --endpoint).") from None
    known = _known_defect(query, store, ("rows",))
    if known is not None:
        raise RuntimeFailure(f"{_server(store)} is known to answer {name} wrongly ({known.reason}); "
                             "run it in-process (without --endpoint).")
    return tidy(query, table)


def _known_defect(query: NamedQuery, store: Any, kinds: tuple[str, ...], message: str | None = None) -> Defect | None:
    """The recorded defect of this query on the server that answered (an endpoint's Server header);
    for a failure, the one whose error code the server's ``message`` carries."""
    server = getattr(store, "server", None)
    return next((d for d in query.defects if d.kind in kinds and d.matches(server)
                 and (message is None or f"{d.code}:" in message)), None)


def _server(store: Any) -> str:
    return f"{store.url} ({str(store.server).split()[0]})"


_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.IGNORECASE)
_PROLOGUE = re.compile(r"\s*(?:#[^\n]*\n|(?:PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>))", re.IGNORECASE)


def sparql_text(argument: str) -> str:
    """The query of `citysafe sparql FILE_OR_TEXT`: the file's text if the argument names a
    file, else the argument itself. A path that does not exist, and an update (INSERT, DELETE,
    LOAD ...), are refused with what to do instead of a misleading syntax error."""
    looks_like_path = "{" not in argument and "\n" not in argument and (
        argument.endswith((".rq", ".sparql", ".txt"))
        or (("/" in argument or argument.startswith(".")) and not re.search(r"\s", argument)))
    path = Path(argument)
    if len(argument) < 4096 and (looks_like_path or path.exists()):
        if path.is_dir():
            raise UserError(f"{argument} is a folder; give a .rq file or the query text in quotes.")
        if not path.exists():
            raise UserError(f"No such query file: {argument}. Give the path of a .rq file, "
                            "or the query text in quotes, e.g. citysafe sparql 'SELECT ...'.")
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UserError(f"{argument} is not UTF-8 text; save the query as UTF-8.") from None
        except OSError as exc:
            raise UserError(f"Cannot read {argument}: {exc.strerror}.") from None
    else:
        text = argument
    rest = text
    while (match := _PROLOGUE.match(rest)) is not None and match.end() > 0:
        rest = rest[match.end():]
    if _UPDATE.match(rest.lstrip()):
        raise UserError("citysafe sparql runs SELECT and ASK queries on a read-only build; updates "
                        "(INSERT, DELETE, LOAD ...) are refused. Change the sources in data/ and run citysafe build.")
    return text
