"""Where SPARQL runs: rdflib in memory, Oxigraph (in memory or on disk), or any
SPARQL 1.1 endpoint over HTTP. All return the same Table for the same query."""

from __future__ import annotations

import itertools
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .errors import RuntimeFailure, UserError
from .table import Table
from .terms import curie, literal_value

if TYPE_CHECKING:  # rdflib costs ~0.2 s to import; the compiled-store path never needs it
    from rdflib import Graph
    from rdflib.term import Node

BACKENDS = ("auto", "oxigraph", "rdflib")
BULK_BYTES = 50_000_000  # sources bigger than this are loaded by bulk_extend
BULK_SLICE = 100_000  # quads per bulk_extend call (10,000 programs: 477 MB peak; 1,572 MB in slices of 1,000,000)


class Store(Protocol):
    """Runs SPARQL SELECT/ASK text and returns a Table."""

    name: str

    def select(self, text: str) -> Table: ...


class RdflibStore:
    """rdflib's in-memory graph and SPARQL engine: the reference, and the slowest."""

    name = "rdflib"

    def __init__(self, graph: Any) -> None:
        self.graph = graph

    def select(self, text: str) -> Table:
        return run_text(self.graph, text)


def python_value(graph: Graph | None, term: Node | None) -> Any:
    """A plain value for a result cell: CURIEs for IRIs, numbers for numeric literals
    (the same conversion as the Oxigraph and endpoint stores, see terms.py)."""
    from rdflib import Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return curie(str(term))
    if isinstance(term, Literal):
        return literal_value(str(term), str(term.datatype) if term.datatype else None)
    return str(term)


def run_text(graph: Graph, text: str) -> Table:
    """Run SPARQL text on an rdflib graph and return a Table (SELECT/ASK only)."""
    from pyparsing import ParseException

    try:
        result = graph.query(text)
    except ParseException as exc:
        raise UserError(f"SPARQL syntax error: {exc}. Check the query text.") from None
    except Exception as exc:  # rdflib raises many types; none should reach a user as a traceback
        raise RuntimeFailure(f"The query failed in rdflib's engine: {type(exc).__name__}: {exc}") from None
    try:
        bindings = list(result) if result.type == "SELECT" else []
    except Exception as exc:
        raise RuntimeFailure(f"The query failed in rdflib's engine: {type(exc).__name__}: {exc}") from None
    if result.type == "ASK":
        return Table(["ask"], [[bool(result.askAnswer)]])
    if result.type != "SELECT":
        raise UserError("Only SELECT and ASK queries can be shown as a table; use citysafe export for graphs.")
    columns = [str(v) for v in result.vars]
    rows = [[python_value(graph, row[v]) for v in result.vars] for row in bindings]
    return Table(columns, rows)


_WHERE = re.compile(r"^(?!\s*#).*?\bWHERE\s*\{", re.IGNORECASE | re.MULTILINE)


def with_values(text: str, bound: dict[str, Any]) -> str | None:
    """The query text with variables bound (rdflib terms, by name) in a VALUES block opening
    its WHERE clause; None if the text has no WHERE {."""
    if not bound:
        return text
    match = _WHERE.search(text)
    if match is None:
        return None
    variables = " ".join(f"?{name}" for name in bound)
    values = " ".join(term.n3() for term in bound.values())
    return f"{text[: match.end()]}\n  VALUES ({variables}) {{ ({values}) }}{text[match.end():]}"


def _oxigraph_value(term: Any) -> Any:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return curie(term.value)
    if isinstance(term, ox.Literal):
        return literal_value(term.value, term.datatype.value if term.datatype else None)
    return str(term)


class OxigraphStore:
    """pyoxigraph: a Rust SPARQL engine, in memory or on disk."""

    name = "oxigraph"
    prebinds = True  # queries.run hands it the parameters as terms (Oxigraph's substitutions)

    lock: int | None = None  # a compiled build's in-use lock (compiled.open_compiled), released with the store

    def __init__(self, store: Any, path: Path | None = None, union: bool = True) -> None:
        self.store = store
        self.path = path  # the on-disk location, if any
        # Queries read the sources and the derived statements (a named graph, derive.py);
        # sources() gives the view that validation reads, the sources alone.
        self.union = union

    def sources(self) -> OxigraphStore:
        """The same database, queried on its default graph only: the sources, without the derived statements."""
        view = OxigraphStore(self.store, self.path, union=False)
        view._owner = self  # the owner holds the in-use lock while the view is used
        return view

    def __del__(self) -> None:
        if self.lock is not None:  # os imported at the top: an import here fails at interpreter exit
            try:
                os.close(self.lock)
            except OSError:
                pass
            self.lock = None

    @classmethod
    def from_files(cls, files: list[Path], path: Path | None = None) -> OxigraphStore:
        """Load Turtle files, their locators given their IRIs on the way in (bnodes.skolemised_quads,
        the same IRIs as graph.load_files gives); a syntax error names the file and line."""
        import shutil

        import pyoxigraph as ox

        from .bnodes import WINDOW, Reopened

        store = ox.Store(str(path)) if path is not None else ox.Store()
        try:
            _load(store, files, WINDOW)
            return cls(store, path)
        except Reopened:
            pass  # a file whose blank nodes are not written together: load again, each held to its file's end
        del store  # out of the except block, so the traceback no longer holds the database open
        if path is not None:
            shutil.rmtree(path)
        store = ox.Store(str(path)) if path is not None else ox.Store()
        _load(store, files, None)
        return cls(store, path)

    @classmethod
    def open(cls, path: Path) -> OxigraphStore:
        import pyoxigraph as ox

        return cls(ox.Store.read_only(str(path)), path)

    def __len__(self) -> int:
        return len(self.store)

    def select(self, text: str, bindings: dict[str, Any] | None = None) -> Table:
        """Run a query, with variables pre-bound to RDF terms (rdflib terms) if given.

        On a compiled build, results are kept beside the store, keyed by the query text
        and bindings: the build's folder is named by the sources' hash, so a kept result
        can only be stale if the store is, which it cannot be."""
        key = text + "".join(f"\n#bind {name}={term.n3()}" for name, term in sorted((bindings or {}).items()))
        if not self.union:
            key += "\n#sources only"
        cached = self._cached(key)
        if cached is not None:
            return cached
        table = self._select(text, bindings)
        self._keep(key, table)
        return table

    def _result_file(self, text: str) -> Path | None:
        if self.path is None:
            return None
        import hashlib

        return self.path.parent / "results" / f"{hashlib.sha256(text.encode('utf-8')).hexdigest()[:40]}.json"

    def _cached(self, text: str) -> Table | None:
        """A kept result, if its checksum (over the query key, columns and rows) holds; a damaged
        one (altered, truncated, of the wrong shape) is removed and recomputed, with one line saying so."""
        file = self._result_file(text)
        if file is None or not file.is_file():
            return None
        try:
            data = json.loads(file.read_text(encoding="utf-8"))
            columns, rows = data["columns"], data["rows"]
            intact = (data["sha256"] == _result_checksum(text, columns, rows)
                      and isinstance(columns, list) and isinstance(rows, list))
        except (ValueError, KeyError, TypeError):
            intact = False
        except OSError:
            return None  # unreadable: recompute, and leave the file to whoever owns it
        if not intact:
            from .errors import notify

            notify(f"Note: a kept query result ({file.name}) was damaged; recomputed it.")
            try:
                file.unlink()
            except OSError:
                pass
            return None
        return Table(columns, rows)

    def _keep(self, text: str, table: Table) -> None:
        file = self._result_file(text)
        if file is None:
            return
        try:
            from .io import atomic_write_text

            atomic_write_text(file, json.dumps({"columns": table.columns, "rows": table.rows,
                                                "sha256": _result_checksum(text, table.columns, table.rows)},
                                               ensure_ascii=False))
        except OSError:
            pass  # a read-only cache only costs speed

    def _select(self, text: str, bindings: dict[str, Any] | None = None) -> Table:
        import pyoxigraph as ox

        substitutions = {ox.Variable(name): _to_oxigraph(term) for name, term in (bindings or {}).items()}
        # Both ways at once: Oxigraph plans the query before it applies substitutions, so a
        # join is ordered as if the parameter were free (node-names 5.8 s at 10,000 programs);
        # a VALUES block is planned, but not pushed into a * path (bench/upstream/values_path.py).
        # Together: node-names 0.9 s, homicide 10.5 s -> 4.3 s, none slower beyond the noise.
        if bindings:
            text = with_values(text, bindings) or text
        try:
            result = self.store.query(text, substitutions=substitutions or None, use_default_graph_as_union=self.union)
        except SyntaxError as exc:
            raise UserError(f"SPARQL syntax error: {exc}. Check the query text.") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise RuntimeFailure(f"The query failed in Oxigraph: {exc}") from None
        if isinstance(result, ox.QueryBoolean):
            return Table(["ask"], [[bool(result)]])
        if not isinstance(result, ox.QuerySolutions):
            del result  # an Oxigraph result must be dropped on the thread that made it
            raise UserError("Only SELECT and ASK queries can be shown as a table; use citysafe export for graphs.")
        columns = [v.value for v in result.variables]
        rows = [[_oxigraph_value(solution[name]) for name in columns] for solution in result]
        return Table(columns, rows)


def _load(store: Any, files: list[Path], window: int | None) -> None:
    quads = (quad for file in files for quad in _skolemised(file, window))
    if sum(file.stat().st_size for file in files) > BULK_BYTES:
        # bulk_extend writes its own files (worth it only for big inputs), and its memory grows
        # with its input: in one call, 100,000 programs peaked at 4.5 GB
        while chunk := list(itertools.islice(quads, BULK_SLICE)):
            store.bulk_extend(chunk)
    else:
        store.extend(list(quads))
    store.flush()


def _skolemised(file: Path, window: int | None) -> Any:
    """One source file's quads, as bnodes.skolemised_quads passes them; a syntax error is a DataSyntaxError."""
    import pyoxigraph as ox

    from .bnodes import skolemised_quads
    from .errors import DataSyntaxError

    fmt = ox.RdfFormat.N_TRIPLES if file.suffix == ".nt" else ox.RdfFormat.TURTLE
    try:
        yield from skolemised_quads(ox.parse(path=str(file), format=fmt, rename_blank_nodes=True), window)
    except SyntaxError as exc:
        raise DataSyntaxError(str(file), exc.lineno, str(exc.msg)) from None


def _result_checksum(key: str, columns: Any, rows: Any) -> str:
    """SHA-256 of a kept result with the query it answers: a file copied or altered does not pass."""
    import hashlib

    body = json.dumps([key, columns, rows], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _to_oxigraph(term: Any) -> Any:
    """An rdflib term as a pyoxigraph term."""
    import pyoxigraph as ox
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot pre-bind {term!r}")


def _json_value(cell: dict[str, str] | None) -> Any:
    if cell is None:
        return None
    if cell["type"] == "uri":
        return curie(cell["value"])
    if cell["type"] in ("literal", "typed-literal"):
        return literal_value(cell["value"], cell.get("datatype"))
    return cell["value"]


class EndpointStore:
    """Any SPARQL 1.1 endpoint, over the SPARQL 1.1 Protocol (HTTP POST, JSON results)."""

    name = "endpoint"

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        if not url.startswith(("http://", "https://")):
            raise UserError(f'--endpoint "{url}" is not an http(s) URL, e.g. http://127.0.0.1:7878/query')
        self.url = url
        self.timeout = timeout
        self.server: str | None = None  # the HTTP Server header of the last answer: the known defects' key

    def select(self, text: str) -> Table:
        import urllib.parse
        import urllib.request

        body = urllib.parse.urlencode({"query": text}).encode()
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        })
        headers: dict[str, str] = {}
        try:
            payload = request_json(request, self.url, self.timeout, headers)
        finally:
            self.server = headers.get("Server", self.server)
        if "boolean" in payload:
            return Table(["ask"], [[bool(payload["boolean"])]])
        columns = payload["head"]["vars"]
        rows = [[_json_value(b.get(c)) for c in columns] for b in payload["results"]["bindings"]]
        return Table(columns, rows)


def http(request: Any, url: str, timeout: float, headers: dict[str, str] | None = None) -> bytes:
    """Send an HTTP request and return the body; network failures become RuntimeFailure (exit 2).
    ``headers``, if given, receives the answer's headers (an error's too)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            if headers is not None:
                headers.update(response.headers.items())
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        if headers is not None and exc.headers is not None:
            headers.update(exc.headers.items())
        detail = exc.read().decode("utf-8", "replace")[:300].strip()
        raise RuntimeFailure(f"{url} answered HTTP {exc.code} {exc.reason}: {detail}") from None
    except urllib.error.URLError as exc:
        raise RuntimeFailure(f"Cannot reach {url}: {exc.reason}. Is the endpoint running?") from None
    except TimeoutError:
        raise RuntimeFailure(f"{url} did not answer within {timeout:g} s (raise --timeout if the request is heavy).") from None


def request_json(request: Any, url: str, timeout: float, headers: dict[str, str] | None = None) -> dict[str, Any]:
    """Send an HTTP request and decode its SPARQL JSON answer."""
    try:
        return json.loads(http(request, url, timeout, headers).decode("utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise RuntimeFailure(f"{url} did not return SPARQL JSON results.") from None
