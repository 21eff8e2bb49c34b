"""Release hygiene: the shipped files speak of the product, not of how it was made.

The package (with its TOML data), the documentation, the examples, the README and the
changelog must not mention work tracking (issue numbers, helpers, slices, "(begin)" /
"(end)" work blocks), the research process (searches, queries, corpora, "research
notes") or files outside the repository (the domain notes, their addenda, absolute
work paths).  A note says what is known and what is not, never how it was looked for.
"""

import re

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest


ROOT = Path(__file__).parent.parent

#: Folders whose text files ship, relative to the repository root.
SHIPPED_TREES = ("src/skillchain", "docs", "examples", "changelog.d")
#: Single shipped files, relative to the repository root.
SHIPPED_FILES = ("README.md", "CHANGELOG.md")
#: Folders under a shipped tree that are build output, not sources.
EXCLUDED_PARTS = frozenset({"_build", "__pycache__"})
TEXT_SUFFIXES = frozenset({".py", ".toml", ".md", ".rst", ".txt", ".csv", ".json"})
#: A CSV larger than this is scanned on its header line only (the rows are data).
BIG_CSV_BYTES = 100_000

#: Case-insensitive patterns of work-process language; each names what it catches.
PATTERNS: dict[str, str] = {
    "issue number": r"\bissue\s*#?\d+",
    "helper": r"\bhelpers?\b",
    "slice": r"\bslices?\b",
    "work block": r"\((?:begin|end)\)",
    "domain notes path": r"shared/domain",
    "relative shared path": r"\.\./shared",
    "work path": r"/work/",
    "search tool": r"search tool",
    "search": r"\bsearch(?:es|ed|ing)?\b",
    "research": r"\bresearch",
    "search corpora": r"\bcorpora\b|stored public pages",
    "search queries": r"\b(?:chinese|english) quer(?:y|ies)\b",
    "not modelled yet": r"not modell?ed yet",
    "addendum": r"\baddend(?:um|a)\b",
}
FORBIDDEN = re.compile(
    "|".join(f"(?P<p{i}>{pattern})" for i, pattern in enumerate(PATTERNS.values())),
    re.IGNORECASE,
)
NAMES = tuple(PATTERNS)


def violations(lines: Iterable[str], where: str) -> Iterator[str]:
    """``where:line: [what] text`` for every line matching a forbidden pattern."""
    for number, line in enumerate(lines, start=1):
        match = FORBIDDEN.search(line)
        if match is not None:
            what = NAMES[int(str(match.lastgroup)[1:])]
            yield f"{where}:{number}: [{what}] {line.strip()}"


def shipped_files(root: Path = ROOT) -> list[Path]:
    """Every shipped text file under ``root``, sorted."""
    found = [root / name for name in SHIPPED_FILES if (root / name).is_file()]
    for tree in SHIPPED_TREES:
        base = root / tree
        if not base.is_dir():
            continue
        found.extend(
            path
            for path in base.rglob("*")
            if path.is_file()
            and path.suffix in TEXT_SUFFIXES
            and not EXCLUDED_PARTS.intersection(path.relative_to(root).parts)
        )
    return sorted(found)


def lines_to_scan(path: Path) -> list[str]:
    """The lines of ``path`` to scan: all of them, or a big CSV's header only."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv" and path.stat().st_size > BIG_CSV_BYTES:
        return text.splitlines()[:1]
    return text.splitlines()


def test_shipped_files_speak_of_the_product_only() -> None:
    """No shipped file mentions issues, helpers, slices, work blocks or the research."""
    files = shipped_files()
    assert any(path.name == "README.md" for path in files)
    assert any(path.suffix == ".toml" for path in files)
    found = [
        problem
        for path in files
        for problem in violations(
            lines_to_scan(path), path.relative_to(ROOT).as_posix()
        )
    ]
    assert not found, "work-process language in shipped files:\n" + "\n".join(found)


@pytest.mark.parametrize(
    ("line", "what"),
    [
        ("CompetitionEntry,  # issue 8, slice B", "issue number"),
        ("see Issue #12 for details", "issue number"),
        ("# -- node helpers ---", "helper"),
        ('"""Helper to build a case."""', "helper"),
        ("start_up_funds=1,  # slice C", "slice"),
        ("# --- craftsman kinds (begin) ---", "work block"),
        ("# --- craftsman kinds (END) ---", "work block"),
        ("# Sources: shared/domain/rewards.md §2", "domain notes path"),
        ("see ../shared/notes", "relative shared path"),
        ("read /work/main/README.md", "work path"),
        ("(search tool, Chinese queries)", "search tool"),
        ("criteria were Searched for and not found", "search"),
        ("same searches as the single-person quota", "search"),
        ("The research notes name 初级 and 中级 titles", "research"),
        ("the three templates the Research found", "research"),
        ("(pages and docs corpora)", "search corpora"),
        ("searches of stored public pages (2026-11)", "search"),
        ("on the city's site (Chinese queries)", "search queries"),
        ("the date floor is not modelled yet", "not modelled yet"),
        ("addendum-rewards-carriers-institutions.md §2", "addendum"),
        ("the addenda to the notes", "addendum"),
    ],
)
def test_a_planted_violation_is_reported(line: str, what: str) -> None:
    """Each pattern catches its kind of wording, with the place and the text."""
    text = f"First line is clean.\n{line}\nLast line is clean."
    assert list(violations(text.splitlines(), "planted.md")) == [
        f"planted.md:2: [{what}] {line.strip()}"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "<!-- begin-intro -->",
        "<!-- end-intro -->",
        "<!-- begin-demo-output -->",
        "<!-- end-demo-output -->",
        "No public copy of the 2025 guide was found; the district supplies it.",
        'on: "st.SearchStrategy[date] | None" = None',
        "certificates in the national online query system",
        "The queries take the union of the periods.",
        "issued on 2024-03-01 (issue date unknown)",
        "a folder of them (read recursively)",
    ],
)
def test_product_wording_is_not_flagged(line: str) -> None:
    """Include markers and ordinary product wording pass the scan."""
    assert list(violations([line], "clean.md")) == []


def test_a_planted_file_fails_the_walk(tmp_path: Path) -> None:
    """The walk finds a planted file in a shipped tree and skips build output."""
    package = tmp_path / "src" / "skillchain"
    package.mkdir(parents=True)
    (package / "planted.toml").write_text("# issue 7, slice A\nx = 1\n", "utf-8")
    build = tmp_path / "docs" / "_build"
    build.mkdir(parents=True)
    (build / "page.md").write_text("a helper\n", "utf-8")
    (tmp_path / "README.md").write_text("<!-- begin-intro -->\n", "utf-8")
    files = shipped_files(tmp_path)
    assert [path.relative_to(tmp_path).as_posix() for path in files] == [
        "README.md",
        "src/skillchain/planted.toml",
    ]
    found = [
        problem
        for path in files
        for problem in violations(
            lines_to_scan(path), path.relative_to(tmp_path).as_posix()
        )
    ]
    assert found == ["src/skillchain/planted.toml:1: [issue number] # issue 7, slice A"]


def test_a_big_csv_is_scanned_on_its_header_only(tmp_path: Path) -> None:
    """A big CSV's data rows are not scanned; its header and small CSVs are."""
    big = tmp_path / "big.csv"
    big.write_text("id,helper\n" + "1,x\n" * (BIG_CSV_BYTES // 4 + 1), "utf-8")
    assert lines_to_scan(big) == ["id,helper"]
    small = tmp_path / "small.csv"
    small.write_text("id,name\n1,slice\n", "utf-8")
    assert lines_to_scan(small) == ["id,name", "1,slice"]
