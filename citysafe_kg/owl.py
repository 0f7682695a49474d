"""OWL checks by tools this project did not write (docs/OWL.md):

- consistency with PROV-O's own axioms: the HermiT reasoner (the jar owlready2 ships) on the
  built graph plus ontology/vendor/prov-o.ttl (the W3C's PROV-O, 2013-04-30 release);
- the OWL 2 DL profile: the OWL API's own checker (Debian's libowlapi-java), through
  tools/owl/ProfileCheck.java run by Java's single-file launcher.

Both need Java (`.ci/setup.d/30-java.sh`); the profile check needs libowlapi-java
(`.ci/setup.d/31-owlapi.sh`). A missing tool is a RuntimeFailure (exit code 2), never a pass.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from .errors import RuntimeFailure
from .resources import Project, default_project

PROV_O = Path("ontology/vendor/prov-o.ttl")
PROFILE_CHECK = Path("tools/owl/ProfileCheck.java")
JAVA_LIBRARIES = Path("/usr/share/java")
# Debian's libowlapi-java and the libraries it depends on (apt-cache depends libowlapi-java);
# one SLF4J binding only (nop), as SLF4J refuses two.
OWLAPI_JARS = (
    "owlapi-distribution.jar", "atinject-jsr330-api.jar", "caffeine.jar", "commons-codec.jar", "commons-io.jar",
    "commons-lang3.jar", "commons-rdf-api.jar", "commons-rdf-simple.jar", "guava.jar", "hppcrt.jar",
    "jackson-annotations.jar", "jackson-core.jar", "jackson-databind.jar", "jsr305.jar", "xz.jar",
    "slf4j-api.jar", "slf4j-nop.jar",
)
TIMEOUT = 600


@dataclass(frozen=True)
class ProfileViolation:
    """One violation the OWL API's OWL 2 DL profile checker reports: its kind and its message."""

    kind: str  # the OWL API's class name, e.g. UseOfUndeclaredClass
    message: str


def _java() -> str:
    java = shutil.which("java")
    if not java:
        raise RuntimeFailure("The OWL checks need Java: install a JRE (Debian: default-jre-headless; .ci/setup.d/30-java.sh).")
    return java


def _hermit_classpath() -> str:
    try:
        import owlready2
    except ImportError:
        raise RuntimeFailure("The consistency check needs HermiT, shipped by owlready2: pip install -e '.[test]'.") from None
    folder = Path(owlready2.__file__).parent / "hermit"
    return f"{folder}:{folder / 'HermiT.jar'}"


def _owlapi_classpath() -> str:
    jars = [JAVA_LIBRARIES / name for name in OWLAPI_JARS]
    missing = [jar.name for jar in jars if not jar.exists()]
    if missing:
        raise RuntimeFailure(f"The OWL 2 DL profile check needs Debian's libowlapi-java ({', '.join(missing)} not found in "
                             f"{JAVA_LIBRARIES}): apt-get install libowlapi-java (.ci/setup.d/31-owlapi.sh).")
    # The OWL API parses RDF through rdf4j's Rio: every rdf4j jar Debian installs.
    rio = sorted(str(p) for p in JAVA_LIBRARIES.glob("rdf4j-*.jar") if not p.name.endswith("-debian.jar"))
    return ":".join([*map(str, jars), *rio])


def built_graph_ntriples(path: Path, project: Project | None = None) -> Path:
    """Write the compiled build (sources and derived statements) to ``path`` as N-Triples."""
    import pyoxigraph as ox

    from .compiled import compiled_store
    from .derive import dump_with_derived

    project = project or default_project()
    dump_with_derived(compiled_store(project).store, path, ox.RdfFormat.N_TRIPLES)
    return path


def _as_ntriples(files: Iterable[Path], out: Path) -> Path:
    """Concatenate RDF files as one N-Triples document (Turtle is converted; owl:imports dropped,
    so that no tool goes to the web for PROV-O's modules, which prov-o.ttl already holds)."""
    from rdflib import Graph
    from rdflib.namespace import OWL

    with open(out, "wb") as sink:
        for path in files:
            if path.suffix == ".nt":
                sink.write(path.read_bytes())
                continue
            graph = Graph().parse(path, format="turtle")
            graph.remove((None, OWL.imports, None))
            sink.write(graph.serialize(format="nt", encoding="utf-8"))
    return out


def _run(argv: list[str], what: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise RuntimeFailure(f"{what} took more than {TIMEOUT} s.") from None


def consistent_with_prov(files: list[Path], project: Project | None = None) -> bool:
    """Whether HermiT finds ``files`` (N-Triples or Turtle) together with PROV-O consistent."""
    project = project or default_project()
    java = _java()
    classpath = _hermit_classpath()
    with tempfile.TemporaryDirectory(prefix="citysafe-owl-") as tmp:
        merged = _as_ntriples([*files, project.root / PROV_O], Path(tmp) / "merged.nt")
        done = _run([java, "-Xmx2000M", "-cp", classpath, "org.semanticweb.HermiT.cli.CommandLine", "-k",
                     merged.as_uri()], "HermiT")
    output = done.stdout + done.stderr
    if "InconsistentOntologyException" in output:
        return False
    if done.returncode == 0 and "owl#Thing is satisfiable" in output:
        return True
    raise RuntimeFailure(f"HermiT failed (exit {done.returncode}): {output.strip().splitlines()[-1] if output.strip() else ''}")


def dl_profile_violations(files: list[Path], project: Project | None = None) -> list[ProfileViolation]:
    """The OWL API's OWL 2 DL profile violations of ``files`` (N-Triples or Turtle) read as one ontology."""
    project = project or default_project()
    java = _java()
    classpath = _owlapi_classpath()
    with tempfile.TemporaryDirectory(prefix="citysafe-owl-") as tmp:
        merged = _as_ntriples(files, Path(tmp) / "merged.nt")
        done = _run([java, "-cp", classpath, str(project.root / PROFILE_CHECK), str(merged)], "The OWL API's profile check")
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines or not lines[-1].startswith("violations\t"):
        raise RuntimeFailure(f"The OWL API's profile check failed (exit {done.returncode}): "
                             f"{(done.stderr.strip().splitlines() or [''])[-1]}")
    return [ProfileViolation(*line.split("\t", 1)) for line in lines[:-1]]
