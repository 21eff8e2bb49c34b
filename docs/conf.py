"""Sphinx configuration for the skillchain documentation.

Build it as CI does (warnings are errors, every reference must resolve)::

    SKILLCHAIN_DOCS_OFFLINE=1 sphinx-build -n -T -W --keep-going -b html docs docs/_build/html
    SKILLCHAIN_DOCS_OFFLINE=1 sphinx-build -n -T -W --keep-going -b doctest docs docs/_build/doctest

``SKILLCHAIN_DOCS_OFFLINE=1`` empties the intersphinx mapping (this workplace cannot
reach docs.python.org, and intersphinx's "failed to reach any of the inventories"
warning cannot be suppressed) and ignores references to the standard library instead.
"""

import itertools
import os
import sys

from importlib.metadata import version as _version
from pathlib import Path

from sphinx.application import Sphinx


sys.path.insert(0, str(Path(__file__).parent / "_ext"))
sys.path.insert(
    1, str(Path(__file__).parent.parent / "examples" / "own-programme" / "src")
)

OFFLINE = os.environ.get("SKILLCHAIN_DOCS_OFFLINE", "") not in {"", "0"}

# -- Project -----------------------------------------------------------------------

project = "skillchain"
author = "The skillchain developers"
copyright = "2026, The skillchain developers"
release = _version("skillchain")
version = release.rsplit(".", 1)[0]

# -- General -----------------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.intersphinx",
    "skillchain_docs",
]
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
templates_path: list[str] = []
language = "en"
today_fmt = "%Y-%m-%d"

default_role = "any"
nitpicky = True
# Third-party targets that no inventory we load covers, online or offline.
nitpick_ignore_regex: list[tuple[str, str]] = [
    (r"py:.*", r"attrs?(\..*)?"),
    (r"py:.*", r"dateutil(\..*)?"),
    (r"py:.*", r"cattrs(\..*)?"),
    (r"py:.*", r"hypothesis(\..*)?"),
    # type variables of generic classes and functions
    (r"py:.*", r"(.*\.)?(T_co|T|E|N)"),
]
if OFFLINE:
    # Without the Python inventory, standard-library targets cannot resolve.
    _STDLIB_MODULES = (
        r"builtins|collections|collections\.abc|datetime|decimal|enum|os|random|typing"
        r"|importlib|importlib\.resources|importlib\.resources\.abc|pathlib|tomllib"
    )
    _STDLIB_NAMES = (
        r"None|str|int|bool|bytes|float|object|tuple|list|dict|set|frozenset|type"
        r"|Exception|ValueError|KeyError|TypeError|OSError"
        r"|date|Decimal|Mapping|Iterable|Sequence|Callable|Traversable|PathLike"
        r"|Final|Literal|Any|Generic|TypeVar|Enum"
    )
    nitpick_ignore_regex += [
        (r"py:.*", rf"({_STDLIB_MODULES})(\..*)?"),
        (r"py:.*", rf"({_STDLIB_NAMES})"),
    ]

# -- MyST --------------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "smartquotes"]
myst_heading_anchors = 3

# -- autodoc / napoleon ------------------------------------------------------------

autodoc_typehints = "description"
autodoc_typehints_description_target = "documented_params"
autodoc_member_order = "bysource"
autodoc_class_signature = "mixed"
autodoc_default_options = {"exclude-members": "__init__, __new__"}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False
napoleon_attr_annotations = True

# -- doctest -----------------------------------------------------------------------

# No global setup on purpose: every example imports what it uses, so it runs the same
# when a reader copies it; an example that forgets an import fails here, not in the
# reader's hands.
doctest_global_setup = ""
doctest_test_doctest_blocks = "default"

# -- intersphinx -------------------------------------------------------------------

intersphinx_mapping: dict[str, tuple[str, str | None]] = (
    {} if OFFLINE else {"python": ("https://docs.python.org/3", None)}
)
intersphinx_timeout = 10

# -- HTML --------------------------------------------------------------------------

html_theme = "furo"
html_title = f"skillchain {release}"
html_static_path = ["_static"]
# The generated rule pages, parameter lists and document register, stacked.
html_css_files = ["skillchain.css"]
html_show_sourcelink = False

# -- Generated images --------------------------------------------------------------

DOCS = Path(__file__).parent
GENERATED = DOCS / "_generated"
"""Images drawn at build time (git-ignored): the pages show what the code draws now."""
SUMMARY_ROWS = 2000
"""The example population's rows the summary chart of "Draw charts" decides."""


def _draw_summary_chart(_app: Sphinx) -> None:
    """Draw the example population's simulation summary for howto/draw-charts.md."""
    from skillchain import Policy
    from skillchain.charts import summary_chart
    from skillchain.simulation import read_population, simulate

    examples = DOCS.parent / "examples"
    baseline = Policy.default().overlay(
        Policy.from_files(examples / "overlays" / "futian-occupation-directory.toml")
    )
    reform = baseline.overlay(
        Policy.from_files(examples / "overlays" / "illustrative-reform.toml")
    )
    population = read_population(
        examples / "population" / "apprentices-10000.csv", "apprenticeship.case"
    )
    summary = simulate(
        itertools.islice(population, SUMMARY_ROWS),
        rule="apprenticeship.case",
        baseline=baseline,
        reform=reform,
    )
    GENERATED.mkdir(exist_ok=True)
    summary_chart(summary, GENERATED / "summary-chart.png", lang="en")


LETTER_COUNTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("occupations trained (2023)", "public_training", {"measure": "occupations", "period": "2023"}),
    ("enterprises with apprentices", "apprenticeship", {"measure": "enterprises"}),
    ("apprentices (scaled 1:12)", "apprenticeship", {"measure": "apprentices"}),
    ("private institutions filed", "institutions", {"measure": "filings", "filing_status": "filed"}),
    ("guidance experts recommended", "experts", {"measure": "experts_recommended"}),
    ("chain leaders listed", "chains", {"measure": "chain_leaders"}),
    ("enterprises that applied", "chains", {"measure": "leader_applicants"}),
)  # fmt: skip
"""The counts of "Report the district's figures" drawn as its chart (person-times
and lesson hours are in the thousands, so the page gives them in its table only)."""


def _draw_letter_chart(_app: Sphinx) -> None:
    """Draw the illustrative dataset's counts for howto/report-figures.md."""
    from skillchain.charts import bar_chart
    from skillchain.statistics import Statistics, read_records

    dataset = DOCS.parent / "examples" / "statistics" / "futian-illustrative.jsonl"
    report = Statistics().update(read_records(dataset)).report()
    counts = {
        label: report.value(programme, **dict(keys))
        for label, programme, keys in LETTER_COUNTS
    }
    GENERATED.mkdir(exist_ok=True)
    bar_chart(
        "The letter's counts, from the illustrative dataset",
        {"counted": counts},
        GENERATED / "letter-counts.png",
        lang="en",
    )


def setup(app: Sphinx) -> None:
    """Draw the generated images before the pages are read."""
    app.connect("builder-inited", _draw_summary_chart)
    app.connect("builder-inited", _draw_letter_chart)
