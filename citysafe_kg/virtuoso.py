"""A private Virtuoso Open Source instance on loopback, for the tests and the benchmark.

Debian's `virtuoso-opensource` package provides `virtuoso-t`; this module runs it in
the foreground of a child process (no service manager, no systemd), with its own ini
and database in a folder of its own, on free loopback ports, and stops it. It never
touches the system instance under /var/lib/virtuoso-opensource-7.

The graph is loaded with `citysafe push` (server.push) through Virtuoso's SPARQL 1.1
Graph Store endpoint /sparql-graph-crud-auth, as the `dba` user (HTTP digest auth), or,
for a big graph, by Virtuoso's bulk loader from N-Triples files in the instance's own
folder (`bulk_load`: one HTTP request holds the whole graph, ~2.5 GB at 100,000
programs, and batches of it deadlock); queries go to /sparql, where a query without FROM reads every graph: the sources
and the derived statements together, as in-process.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RuntimeFailure, UserError
from .server import free_port

BINARY = "virtuoso-t"
ISQL = "isql-vt"  # Debian's name for Virtuoso's isql, in the same package
PACKAGE = "virtuoso-opensource"
# A new database's administrator; the instance listens on loopback only and lives for one run.
USER = "dba"
PASSWORD = "dba"

_INI = """\
[Database]
DatabaseFile       = {db}/virtuoso.db
ErrorLogFile       = {db}/virtuoso.log
LockFile           = {db}/virtuoso.lck
TransactionFile    = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel      = 7
FileExtend         = 200
MaxCheckpointRemap = 2000
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {db}/virtuoso-temp.db
TransactionFile    = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping           = 0

[Parameters]
ServerPort               = {host}:{sql_port}
DisableUnixSocket        = 1
DisableTcpSocket         = 0
MaxClientConnections     = 10
CheckpointInterval       = 0
CaseMode                 = 2
DirsAllowed              = ., {db}
NumberOfBuffers          = {buffers}
MaxDirtyBuffers          = {dirty}
MaxQueryMem              = 1G
ThreadsPerQuery          = 2
AsyncQueueMaxThreads     = 4
VADInstallDir            = /usr/share/virtuoso-opensource-7/vad/

[HTTPServer]
ServerPort                  = {host}:{http_port}
ServerRoot                  = {db}/vsp
MaxClientConnections        = 10
ServerThreads               = 10
DavRoot                     = DAV
EnabledDavVSP               = 0
HTTPProxyEnabled            = 0
Charset                     = UTF-8
EnabledGzipContent          = 0

[SPARQL]
ResultSetMaxRows           = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime      = 0
DefaultGraph               =
"""


def binary() -> str:
    """The `virtuoso-t` server from Debian's virtuoso-opensource package."""
    found = shutil.which(BINARY)
    if found is None:
        raise UserError(f"Virtuoso is not installed: apt-get install {PACKAGE} "
                        "(or run .ci/setup.d/40-virtuoso.sh).")
    return found


@dataclass
class Virtuoso:
    """A running private instance: its folder, ports and the child process."""

    folder: Path
    host: str
    http_port: int
    sql_port: int
    process: subprocess.Popen[bytes]
    _own_folder: bool = field(default=False, repr=False)

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def sparql(self) -> str:
        """The SPARQL 1.1 query endpoint (read-only for anonymous users)."""
        return f"{self.base}/sparql"

    @property
    def store(self) -> str:
        """The Graph Store endpoint that `citysafe push --user dba --password dba` writes to."""
        return f"{self.base}/sparql-graph-crud-auth"

    def log(self) -> str:
        try:
            return (self.folder / "virtuoso.log").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def stop(self, wait: float = 30.0) -> None:
        """Stop the server (SIGTERM: Virtuoso checkpoints and exits) and remove its folder if we made it."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self._own_folder:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> Virtuoso:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start(folder: Path | None = None, host: str = "127.0.0.1", memory_mb: int = 512,
          wait: float = 120.0) -> Virtuoso:
    """Start a private Virtuoso in ``folder`` (a new temporary folder if omitted) on free
    loopback ports, and return it once its SPARQL endpoint answers."""
    command = binary()
    own = folder is None
    folder = Path(tempfile.mkdtemp(prefix="citysafe-virtuoso.")) if folder is None else folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "vsp").mkdir(exist_ok=True)
    http_port, sql_port = free_port(host), free_port(host)
    while sql_port == http_port:
        sql_port = free_port(host)
    buffers = max(2000, memory_mb * 1024 // 8 * 2 // 3)  # 8 KB pages, two thirds of the memory given
    (folder / "virtuoso.ini").write_text(_INI.format(
        db=folder, host=host, http_port=http_port, sql_port=sql_port, buffers=buffers, dirty=buffers * 3 // 4,
    ), encoding="utf-8")
    process = subprocess.Popen([command, "+foreground", "+configfile", str(folder / "virtuoso.ini")],
                               cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Virtuoso(folder, host, http_port, sql_port, process, own)
    try:
        _wait_until_ready(server, wait)
    except BaseException:
        server.stop()
        raise
    return server


def _wait_until_ready(server: Virtuoso, wait: float) -> None:
    deadline = time.monotonic() + wait
    probe = f"{server.sparql}?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            error = server.process.stderr.read().decode("utf-8", "replace") if server.process.stderr else ""
            tail = (error.strip() or server.log().strip())[-400:]
            raise RuntimeFailure(f"Virtuoso stopped at start (see {server.folder}/virtuoso.log): {tail}")
        try:
            with urllib.request.urlopen(probe, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            pass
        time.sleep(0.2)
    raise RuntimeFailure(f"Virtuoso did not answer on {server.sparql} within {wait:g} s "
                         f"(see {server.folder}/virtuoso.log).")


def bulk_load(server: Virtuoso, store: object, graph: str, timeout: float = 7200.0) -> int:
    """Load the compiled store into ``server`` with Virtuoso's bulk loader: the sources into
    ``graph``, the derived statements into DERIVED_GRAPH (as `push` does), each written first
    as an N-Triples file in the server's folder (DirsAllowed), then `ld_dir`, `rdf_loader_run`
    and a checkpoint through isql. Returns the triples loaded (counted on the server)."""
    import pyoxigraph as ox

    from .derive import DERIVED_GRAPH

    isql = shutil.which(ISQL)
    if isql is None:
        raise UserError(f"Virtuoso's isql ({ISQL}) is not installed: apt-get install {PACKAGE}.")
    folder = server.folder / "load"
    folder.mkdir(exist_ok=True)
    statements = []
    for name, target, source in (("sources.nt", graph, ox.DefaultGraph()),
                                 ("derived.nt", DERIVED_GRAPH, ox.NamedNode(DERIVED_GRAPH))):
        store.store.dump(folder / name, format=ox.RdfFormat.N_TRIPLES, from_graph=source)  # type: ignore[attr-defined]
        statements.append(f"ld_dir('{folder}', '{name}', '{target}');")
    script = "\n".join([*statements, "rdf_loader_run();", "checkpoint;",
                        "SELECT 'FAILED', ll_file, ll_error FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;",
                        f"SPARQL SELECT 'LOADED', COUNT(*) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
                        f"FILTER (?g IN (<{graph}>, <{DERIVED_GRAPH}>)) }};", ""])
    try:
        done = subprocess.run([isql, f"{server.host}:{server.sql_port}", USER, PASSWORD, "VERBOSE=OFF",
                               "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF"], input=script, capture_output=True,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeFailure(f"Virtuoso's bulk loader did not finish in {timeout:g} s "
                             f"(see {server.folder}/virtuoso.log).") from None
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED")]
    if done.returncode != 0 or failed or "*** Error" in done.stdout + done.stderr:
        detail = (failed or (done.stdout + done.stderr).strip().splitlines() or [""])[0]
        raise RuntimeFailure(f"Virtuoso's bulk loader failed: {detail.strip()[:300]}")
    loaded = [line.split() for line in done.stdout.splitlines() if line.startswith("LOADED")]
    if not loaded:
        raise RuntimeFailure(f"Virtuoso's bulk loader gave no count: {done.stdout.strip()[-300:]}")
    return int(loaded[0][-1])
