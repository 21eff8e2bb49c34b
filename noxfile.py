"""Development sessions: ``nox -t ci`` runs the whole test suite; ``nox -s demo`` the main job."""

import os
import shutil

from pathlib import Path

import nox


nox.needs_version = ">=2024.10.9"
nox.options.default_venv_backend = "virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True
nox.options.sessions = ["tests", "typing", "lint", "docs"]

PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHON = "3.11"


def _group(name: str) -> list[str]:
    return list(nox.project.dependency_groups(PYPROJECT, name))


@nox.session(python=PYTHON, tags=["ci"])
def tests(session: nox.Session) -> None:
    """Run pytest on the installed wheel, with branch coverage (fails under 90 %).

    The tests run in one worker process per core (pytest-xdist); coverage is
    combined across the workers.
    """
    session.install(".[dask]", *_group("tests"))
    session.env["HYPOTHESIS_PROFILE"] = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    session.run("coverage", "erase")
    workers = session.posargs or ["-n", str(min(os.cpu_count() or 1, 4))]
    session.run("pytest", "--cov", "--cov-report=term", "--cov-fail-under=90", *workers)


@nox.session(python=PYTHON, tags=["ci"])
def typing(session: nox.Session) -> None:
    """mypy --strict over src, tests and tooling; pyright --verifytypes at 100 %."""
    session.install(".", *_group("typing"), *_group("docs"))
    session.run("mypy")
    session.run("pyright", "--verifytypes", "skillchain", "--ignoreexternal")


@nox.session(python=PYTHON, tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff check, ruff format --check, and the pending changelog renders."""
    session.install(*_group("lint"))
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("towncrier", "build", "--draft", "--version", "next", silent=True)


@nox.session(python=PYTHON, tags=["ci"])
def docs(session: nox.Session) -> None:
    """Build the Sphinx site (html) and run its doctests, warnings as errors, offline."""
    session.install(".[testing]", *_group("docs"))
    session.env["SKILLCHAIN_DOCS_OFFLINE"] = "1"
    common = ["-n", "-T", "-W", "--keep-going", "-d", "docs/_build/doctrees"]
    session.run("sphinx-build", *common, "-b", "html", "docs", "docs/_build/html")
    session.run("sphinx-build", *common, "-b", "doctest", "docs", "docs/_build/doctest")


@nox.session(python=PYTHON, tags=["ci"])
def wheel(session: nox.Session) -> None:
    """Build the wheel; in a fresh venv with only it and its ``testing`` extra, resolve every public type."""
    tmp = Path(session.create_tmp()).resolve()
    dist = tmp / "dist"
    shutil.rmtree(dist, ignore_errors=True)
    session.run("python", "-m", "pip", "wheel", ".", "--no-deps", "-q", "-w", str(dist))
    (built,) = dist.glob("skillchain-*.whl")
    scratch = tmp / "scratch"
    session.run("python", "-m", "venv", "--clear", str(scratch))
    python = str(scratch / ("Scripts" if os.name == "nt" else "bin") / "python")
    session.run(
        python, "-m", "pip", "install", "-q", f"{built}[testing]", external=True
    )
    # Run a copy from the scratch directory so nothing of the source tree is importable.
    script = scratch / "wheel_check.py"
    shutil.copy("tests/wheel_check.py", script)
    with session.chdir(scratch):
        session.run(python, str(script), external=True)


@nox.session(python=PYTHON, tags=["ci"])
def own_programme(session: nox.Session) -> None:
    """The "Write your own programme" example: a separate package built on skillchain.

    It is installed next to skillchain; its tests (and doctests) run, and its cases
    go through skillchain's command line, which finds the programme by its entry point.
    """
    package = Path("examples/own-programme")
    session.install(".", f"{package}[test]")
    session.run(
        "pytest", "-p", "no:cacheprovider", "-q", "--doctest-modules",
        "--rootdir", str(package), str(package / "src"), str(package / "tests"),
    )  # fmt: skip
    session.run("skillchain", "check", str(package / "cases"), "--summary")


@nox.session(python=PYTHON)
def demo(session: nox.Session) -> None:
    """The main job: check the bundled example cases through the command line.

    Then the bundled population goes through the illustrative reform.  README.md
    shows this output; tests/test_readme.py keeps the two equal.
    """
    session.install(".")
    lang = session.posargs[0] if session.posargs else "en"
    session.run(
        "skillchain",
        "check",
        "examples/cases",
        "--overlay-root",
        "examples",
        "--summary",
        "--lang",
        lang,
    )
    session.run(
        "skillchain", "simulate", "examples/population/apprentices-10000.csv",
        "--rule", "apprenticeship.case",
        "--baseline", "examples/overlays/futian-occupation-directory.toml",
        "--reform", "examples/overlays/illustrative-reform.toml", "--lang", lang,
    )  # fmt: skip


@nox.session(python=PYTHON, default=False)
def bench(session: nox.Session) -> None:
    """Benchmarks (not part of the test suite): medians and ratios, never assertions."""
    session.install(".[testing,dask]")
    session.run("python", "benchmarks/bench_core.py", *session.posargs)
    session.run("python", "benchmarks/bench_rules.py", *session.posargs)
    session.run("python", "benchmarks/bench_json.py", *session.posargs)
    session.run("python", "benchmarks/bench_simulate.py", *session.posargs)
    session.run("python", "benchmarks/bench_scale.py", *session.posargs)
    session.run("python", "benchmarks/bench_strategies.py", *session.posargs)
    session.run("python", "benchmarks/bench_import.py")


if __name__ == "__main__":
    nox.main()
