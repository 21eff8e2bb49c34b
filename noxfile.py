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
    session.install(".[dask,charts]", *_group("tests"))
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
    session.install(".[testing,charts]", *_group("docs"))
    session.env["SKILLCHAIN_DOCS_OFFLINE"] = "1"
    common = ["-n", "-T", "-W", "--keep-going", "-d", "docs/_build/doctrees"]
    session.run("sphinx-build", *common, "-b", "html", "docs", "docs/_build/html")
    session.run("sphinx-build", *common, "-b", "doctest", "docs", "docs/_build/doctest")


@nox.session(python=PYTHON, tags=["ci"])
def wheel(session: nox.Session) -> None:
    """Build the wheel; in a fresh venv with only it and its ``testing`` extra, resolve
    every public type and run the getting-started page's steps."""
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
    shutil.copy("docs/getting-started.md", scratch / "getting-started.md")
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


BROWSER_PACKAGES = ("chromium", "chromium-driver", "fonts-noto-cjk")
BROWSER_FILES = (
    "/usr/bin/chromium",
    "/usr/bin/chromedriver",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


@nox.session(python=PYTHON, tags=["ci"])
def browser(session: nox.Session) -> None:
    """Read the built docs in headless Chromium at 1366 and 1920 px.

    Fails on an error box, a block wider than the content column, a Python repr of
    a set or an enum in the text, or Chinese text not marked as Chinese; saves
    full-page screenshots in docs/_build/screenshots.  Chromium, its driver and
    CJK fonts come from Debian (apt-get, as root) when missing.  The html the
    ``docs`` session built is reused; ``nox -s browser -- --build`` rebuilds it.
    """
    if not all(Path(path).exists() for path in BROWSER_FILES):
        apt = {"DEBIAN_FRONTEND": "noninteractive"}
        session.run("apt-get", "update", "-q", external=True, env=apt)
        session.run(
            "apt-get", "install", "-y", "-q", "--no-install-recommends",
            *BROWSER_PACKAGES, external=True, env=apt,
        )  # fmt: skip
    session.install(*_group("browser"))
    html = Path("docs/_build/html")
    if "--build" in session.posargs or not (html / "index.html").exists():
        session.install(".[testing,charts]", *_group("docs"))
        session.env["SKILLCHAIN_DOCS_OFFLINE"] = "1"
        session.run(
            "sphinx-build", "-n", "-T", "-W", "--keep-going",
            "-d", "docs/_build/doctrees", "-b", "html", "docs", str(html),
        )  # fmt: skip
    session.run(
        "python", "docs/_tools/browser_check.py",
        "--html", str(html), "--screenshots", "docs/_build/screenshots",
    )  # fmt: skip


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
    session.run("python", "benchmarks/bench_remedies.py")
    session.run("python", "benchmarks/bench_import.py")


if __name__ == "__main__":
    nox.main()
