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
         timeout: float = 300.0) -> int:
    """Send the graph to a Graph Store Protocol endpoint (e.g. http://127.0.0.1:7878/store):
    PUT replaces the target graph, POST (append) adds to it. Returns the triples sent."""
    import pyoxigraph as ox

    if not endpoint.startswith(("http://", "https://")):
        raise UserError(f'--endpoint "{endpoint}" is not an http(s) URL, e.g. http://127.0.0.1:7878/store')
    target = urllib.parse.urlencode({"graph": graph}) if graph else "default"
    url = f"{endpoint}{'&' if '?' in endpoint else '?'}{target}"
    from .derive import DERIVED_GRAPH

    body = (store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
            + store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(DERIVED_GRAPH)))
    request = urllib.request.Request(url, data=body, method="POST" if append else "PUT",
                                     headers={"Content-Type": "application/n-triples"})
    http(request, url, timeout)
    return len(store)


__all__ = ["cors_notice", "free_port", "oxigraph_binary", "push", "request_json", "serve_command", "start"]
