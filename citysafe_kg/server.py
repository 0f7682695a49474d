"""A real SPARQL server for the graph (Oxigraph's, from the `oxigraph` package), and
loading the graph into any server through the SPARQL 1.1 Graph Store Protocol."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

from .errors import RuntimeFailure, UserError
from .store import OxigraphStore, http, request_json


def oxigraph_binary() -> str:
    """The `oxigraph` command installed beside this Python, or on PATH."""
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.is_file():
        return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise UserError("The Oxigraph server is not installed: pip install 'citysafe-kg[server]' (it provides `oxigraph`).")


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def serve_command(store_dir: Path, host: str, port: int, writable: bool = False, cors: bool = False) -> list[str]:
    """The command line that serves the compiled store (read-only unless asked).

    ``cors``: Oxigraph's --cors, which answers every origin with ``Access-Control-Allow-Origin: *``
    (it takes no list of origins), so that a page on another origin can query the graph."""
    return [oxigraph_binary(), "serve" if writable else "serve-read-only",
            "--location", str(store_dir), "--bind", f"{host}:{port}",
            "--union-default-graph",  # the sources and the derived statements (derive.py), as in-process
            *(["--cors"] if cors else [])]


def cors_notice(origin: str) -> str | None:
    """What `serve --cors ORIGIN` tells the user: Oxigraph cannot limit CORS to one origin."""
    if not origin.startswith(("http://", "https://")) and origin != "*":
        raise UserError(f'--cors "{origin}" is not an origin: give one such as https://example.org, or "*".')
    if origin == "*":
        return None
    return (f"CORS: Oxigraph allows every origin (Access-Control-Allow-Origin: *), not only {origin}; "
            "the endpoint is read-only.")


def start(store_dir: Path, host: str = "127.0.0.1", port: int | None = None, writable: bool = False,
          wait: float = 10.0, cors: bool = False) -> tuple[subprocess.Popen[bytes], str]:
    """Start the server in the background; return it and its base URL once it answers."""
    import time

    port = port or free_port(host)
    process = subprocess.Popen(serve_command(store_dir, host, port, writable, cors),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://{host}:{port}"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
            raise RuntimeFailure(f"The Oxigraph server stopped at start: {error.strip()[:300]}")
        try:
            with socket.create_connection((host, port), timeout=0.2):
                return process, base
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise RuntimeFailure(f"The Oxigraph server did not answer on {base} within {wait:g} s.")


def push(store: OxigraphStore, endpoint: str, graph: str | None = None, append: bool = False,
         timeout: float = 300.0, user: str | None = None, password: str | None = None) -> int:
    """Send the graph to a Graph Store Protocol endpoint (e.g. http://127.0.0.1:7878/store, or
    Virtuoso's http://HOST:8890/sparql-graph-crud-auth with ``user`` and ``password``).

    The sources go to ``graph`` (the default graph if omitted); what the rules derived goes
    to its own named graph, DERIVED_GRAPH, as in the compiled store: a server that queries the
    union of its graphs (Oxigraph with --union-default-graph, Virtuoso) then answers as
    in-process. PUT replaces each target graph, POST (append) adds to it. Returns the triples sent."""
    import pyoxigraph as ox

    from .derive import DERIVED_GRAPH

    if not endpoint.startswith(("http://", "https://")):
        raise UserError(f'--endpoint "{endpoint}" is not an http(s) URL, e.g. http://127.0.0.1:7878/store')
    if (user is None) != (password is None):
        raise UserError("Give --user and --password together (the server's account that may write graphs).")
    if graph == DERIVED_GRAPH:
        raise UserError(f"--graph {DERIVED_GRAPH} holds the derived statements; load the sources into another graph.")
    sent = 0
    # the derived statements carry no blank nodes (rule output), so two requests keep every join
    for target, source in ((graph, ox.DefaultGraph()), (DERIVED_GRAPH, ox.NamedNode(DERIVED_GRAPH))):
        query = urllib.parse.urlencode({"graph": target}) if target else "default"
        url = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
        body = store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=source)
        request = urllib.request.Request(url, data=body, method="POST" if append else "PUT",
                                         headers={"Content-Type": "application/n-triples"})
        try:
            _authorise(request, endpoint, user, password, timeout)
            http(request, url, timeout)
        except RuntimeFailure as failure:
            if target is None and "answered HTTP 500" in failure.message:  # Virtuoso: '"default" param' refused
                raise UserError(f"{endpoint} refused to write its default graph (Virtuoso has no writable default "
                                "graph): give --graph IRI, e.g. --graph https://w3id.org/citysafe/graph.") from None
            raise
        sent += _count(store, source)
    return sent


def _count(store: OxigraphStore, graph: object) -> int:
    return sum(1 for _ in store.store.quads_for_pattern(None, None, None, graph))


def _authorise(request: urllib.request.Request, endpoint: str, user: str | None, password: str | None,
               timeout: float) -> None:
    """Settle the account and the target before sending the body: Virtuoso closes the connection
    on an early answer (401, or 500 for a graph it will not write) while a large body is still being
    sent, so the client sees a broken pipe instead of the answer. A bodiless HEAD to the same URL
    fetches the challenge (Digest or Basic), then a second HEAD, authorised, the server's objection."""
    import urllib.error

    url = request.full_url
    challenge = _head(url, {}, timeout)
    if challenge is None:
        return
    if user is None or password is None:
        raise UserError(f"{endpoint} asks for an account that may write graphs: give --user and --password "
                        "(on Virtuoso, the dba account).")
    probe = urllib.request.Request(url, method="HEAD")
    for target in (probe, request):
        header = _credentials(target, challenge, user, password)
        if header:
            target.add_unredirected_header("Authorization", header)
    try:
        with urllib.request.urlopen(probe, timeout=timeout):
            pass
    except urllib.error.HTTPError as exc:
        if exc.code == 500:  # e.g. Virtuoso on ?default; 404 (no graph yet) or 501 (no HEAD) is fine for a PUT
            detail = exc.read().decode("utf-8", "replace")[:300].strip()
            raise RuntimeFailure(f"{url} answered HTTP {exc.code} {exc.reason}: {detail}") from None
    except (urllib.error.URLError, TimeoutError):
        pass  # sending the request itself will say why


def _head(url: str, headers: dict[str, str], timeout: float) -> str | None:
    """The server's WWW-Authenticate challenge for ``url``, or None if it asks for no account."""
    import urllib.error

    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD", headers=headers), timeout=timeout):
            return None
    except urllib.error.HTTPError as exc:
        return exc.headers.get("WWW-Authenticate") or None if exc.code == 401 else None
    except (urllib.error.URLError, TimeoutError):
        return None  # sending the request itself will say why the server cannot be reached


def _credentials(request: urllib.request.Request, challenge: str, user: str, password: str) -> str | None:
    """The Authorization header answering a Digest or Basic challenge for this request."""
    import base64

    scheme, _, params = challenge.partition(" ")
    if scheme.lower() == "digest":
        accounts = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        accounts.add_password(None, request.full_url, user, password)
        fields = urllib.request.parse_keqv_list(urllib.request.parse_http_list(params))
        answer = urllib.request.HTTPDigestAuthHandler(accounts).get_authorization(request, fields)
        return f"Digest {answer}" if answer else None
    if scheme.lower() == "basic":
        return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return None


__all__ = ["cors_notice", "free_port", "oxigraph_binary", "push", "request_json", "serve_command", "start"]
