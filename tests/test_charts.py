"""Tests for skillchain.charts: bar charts and simulation summaries as PNG and SVG.

Without Matplotlib (``pip install 'skillchain[charts]'``) the drawing tests are
skipped; those of the module's own behaviour (its import, the missing extra, a bad
suffix) run anyway.  The tests that draw Chinese need a font with Chinese
characters (``apt-get install fonts-noto-cjk``) and are skipped without one.
"""

import importlib.util
import os
import re
import subprocess
import sys
import warnings

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from skillchain import InvalidValueError, Outcome, charts
from skillchain.charts import (
    FONT_VARIABLE,
    INSTALL,
    SUFFIXES,
    CJKFont,
    bar_chart,
    cjk_font,
    summary_chart,
)
from skillchain.errors import MissingFontError, SkillchainError
from skillchain.simulation import (
    ChangeCounts,
    OutcomeCounts,
    SimulationSummary,
    Transition,
)


HAVE_MATPLOTLIB = importlib.util.find_spec("matplotlib") is not None
needs_matplotlib = pytest.mark.skipif(
    not HAVE_MATPLOTLIB, reason=f"Matplotlib is not installed ({INSTALL})"
)

TRAINING: dict[str, dict[str, int | Decimal]] = {
    "人次": {"粤菜师傅": 12_000, "广东技工": 8_000, "南粤家政": 20_000}
}
AMOUNTS: dict[str, dict[str, int | Decimal]] = {
    "2022": {"企业": 5, "学徒": 300},
    "2023": {"企业": 8, "学徒": Decimal("1234567.50")},
}
ORDER = (Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.UNDETERMINED)


@pytest.fixture(autouse=True)
def _no_font_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests choose their font themselves: the caller's variable is ignored."""
    monkeypatch.delenv(FONT_VARIABLE, raising=False)


@pytest.fixture
def font() -> CJKFont:
    """The Chinese font found on this machine (the test is skipped without one)."""
    if not HAVE_MATPLOTLIB:
        pytest.skip(f"Matplotlib is not installed ({INSTALL})")
    found = cjk_font()
    if found is None:
        pytest.skip("no font with Chinese characters (apt-get install fonts-noto-cjk)")
    return found


@pytest.fixture
def no_font(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without any font with Chinese characters."""
    monkeypatch.setattr(charts, "_found", lambda: None)


def _summary() -> SimulationSummary:
    """A small summary made by hand: one case became eligible, 3,000 yuan more."""
    moves = {(a, b): 0 for a in ORDER for b in ORDER}
    moves[Outcome.ELIGIBLE, Outcome.ELIGIBLE] = 1
    moves[Outcome.INELIGIBLE, Outcome.ELIGIBLE] = 1
    moves[Outcome.UNDETERMINED, Outcome.UNDETERMINED] = 1
    return SimulationSummary(
        rule="apprenticeship.case",
        baseline_policy="a" * 64,
        reform_policy="b" * 64,
        cases=3,
        baseline=OutcomeCounts(eligible=1, ineligible=1, undetermined=1),
        reform=OutcomeCounts(eligible=2, ineligible=0, undetermined=1),
        transitions=tuple(
            Transition(baseline=a, reform=b, count=n) for (a, b), n in moves.items()
        ),
        changed=1,
        changes=ChangeCounts(became_eligible=1),
        baseline_total=Decimal("3000.00"),
        reform_total=Decimal("6000.00"),
        difference=Decimal("3000.00"),
    )


def _png_size(path: Path) -> tuple[int, int]:
    """The width and height of a PNG file, decoded by Matplotlib."""
    image: Any = pytest.importorskip("matplotlib.image")
    pixels = image.imread(path)
    height, width = pixels.shape[:2]
    return int(width), int(height)


def _comments(svg: str) -> list[str]:
    """The texts an SVG file keeps in comments beside their glyph outlines."""
    return re.findall(r"<!-- (.*?) -->", svg)


# ---------------------------------------------------------------- drawing


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_a_bar_chart_in_chinese_is_a_png_of_the_expected_size(tmp_path: Path) -> None:
    written = bar_chart("2023 年线上培训", TRAINING, tmp_path / "t.png", unit="人次")
    assert written == tmp_path / "t.png"
    assert written.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert _png_size(written) == (960, 720)  # 6.4 × 4.8 inches at 150 dpi


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_the_same_input_gives_the_same_svg_byte_for_byte(tmp_path: Path) -> None:
    first = bar_chart("企业与学徒", AMOUNTS, tmp_path / "a.svg", unit="人")
    second = bar_chart("企业与学徒", AMOUNTS, tmp_path / "b.SVG", unit="人")
    assert first.read_bytes() == second.read_bytes()
    assert b"<svg" in first.read_bytes()


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_an_svg_draws_text_as_glyph_outlines_and_keeps_the_text_beside_them(
    tmp_path: Path,
) -> None:
    """Decided: glyph outlines (the file looks the same without the font), each
    text in a comment beside them; values are shown exactly, with separators."""
    svg = bar_chart("企业与学徒", AMOUNTS, tmp_path / "a.svg", unit="人").read_text(
        encoding="utf-8"
    )
    shown = _comments(svg)
    for text in ("企业与学徒", "企业", "学徒", "2022", "2023", "单位：人"):
        assert text in shown
    assert "1,234,567.50" in shown
    assert "300" in shown
    assert "<text" not in svg
    glyphs = set(re.findall(r'<path id="([^"]+)"', svg))
    chinese = {char for text in shown for char in text if ord(char) > 0x2E80}
    assert len(glyphs) >= len(chinese)


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_drawing_chinese_warns_of_no_missing_glyph(tmp_path: Path) -> None:
    negative: dict[str, dict[str, int | Decimal]] = {
        "差额": {"粤菜师傅": -1_200, "广东技工": Decimal("-0.50")}
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        bar_chart("补贴差额（元）", negative, tmp_path / "d.png", unit="元")
        bar_chart("补贴差额（元）", negative, tmp_path / "d.svg", unit="元")
        summary_chart(_summary(), tmp_path / "s.png")
    assert [str(w.message) for w in caught] == []


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_a_summary_chart_shows_both_policies_outcomes_and_totals(
    tmp_path: Path,
) -> None:
    png = summary_chart(_summary(), tmp_path / "s.png")
    assert _png_size(png) == (1650, 750)
    shown = _comments(
        summary_chart(_summary(), tmp_path / "s.svg").read_text(encoding="utf-8")
    )
    for text in ("符合", "不符合", "待定", "基线", "改革后", "3,000.00", "6,000.00"):
        assert text in shown
    assert "规则 apprenticeship.case：共 3 个个案" in shown
    assert "差额 +3,000.00 元" in shown
    assert f"基线政策 {'a' * 12}，改革政策 {'b' * 12}" in shown


@needs_matplotlib
@pytest.mark.usefixtures("no_font")
def test_a_chart_in_english_with_latin_labels_needs_no_chinese_font(
    tmp_path: Path,
) -> None:
    svg = summary_chart(_summary(), tmp_path / "s.svg", lang="en")
    shown = _comments(svg.read_text(encoding="utf-8"))
    assert "apprenticeship.case over 3 cases" in shown
    assert {"eligible", "ineligible", "undetermined", "baseline", "reform"} <= set(
        shown
    )
    assert "difference +3,000.00 yuan" in shown
    many = {"2023": {f"occupation {n}": n * 100 for n in range(8)}}
    plain = bar_chart("Training", many, tmp_path / "t.png", lang="en")
    assert _png_size(plain) == (960, 720)


@needs_matplotlib
def test_more_than_a_dozen_categories_are_drawn_one_a_row(tmp_path: Path) -> None:
    """Twelve categories stay columns; thirteen become horizontal bars, one a row,
    so the chart grows downwards (10 inches wide, 1.2 + 0.28 inches a bar)."""
    twelve = {"all": {f"measure {n}": n for n in range(12)}}
    thirteen = {"all": {f"measure {n}": n for n in range(13)}}
    columns = bar_chart("Figures", twelve, tmp_path / "c.png", lang="en")
    rows = bar_chart("Figures", thirteen, tmp_path / "r.png", lang="en")
    assert _png_size(columns) == (1215, 720)  # 1.5 + 0.55 × 12 = 8.1 in at 150 dpi
    width, height = _png_size(rows)
    assert (width, height) == (1500, round((1.2 + 0.28 * 13) * 150))
    shown = _comments(
        bar_chart("Figures", thirteen, tmp_path / "r.svg", lang="en").read_text(
            encoding="utf-8"
        )
    )
    assert {f"measure {n}" for n in range(13)} <= set(shown)


@needs_matplotlib
def test_a_chart_without_values_says_so(tmp_path: Path) -> None:
    shown = _comments(
        bar_chart("Nothing yet", {}, tmp_path / "e.svg", lang="en").read_text(
            encoding="utf-8"
        )
    )
    assert "no data" in shown


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_drawing_leaves_the_process_settings_as_they_were(tmp_path: Path) -> None:
    mpl: Any = pytest.importorskip("matplotlib")
    before = dict(mpl.rcParams)
    bar_chart("培训", TRAINING, tmp_path / "t.svg")
    assert dict(mpl.rcParams) == before


# ---------------------------------------------------------------- fonts


@needs_matplotlib
def test_the_font_found_is_one_of_the_listed_families(font: CJKFont) -> None:
    assert font.file.is_file()
    assert font.family in charts.CJK_FAMILIES or "CJK" in font.family
    assert str(font) == f"{font.family} ({font.file})"


@needs_matplotlib
def test_a_font_named_by_file_or_family_or_the_variable_is_taken(
    font: CJKFont, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file of several faces (a .ttc) gives its Simplified Chinese face."""
    assert cjk_font(font.family) == font
    assert cjk_font(font.family.upper()) == font
    assert cjk_font(font.file) == font
    assert cjk_font(str(font.file)) == font
    monkeypatch.setenv(FONT_VARIABLE, str(font.file))
    assert cjk_font() == font
    monkeypatch.setenv(FONT_VARIABLE, font.family)
    assert cjk_font() == font


@needs_matplotlib
@pytest.mark.usefixtures("no_font")
def test_without_a_chinese_font_a_chinese_chart_is_refused_clearly(
    tmp_path: Path,
) -> None:
    assert cjk_font() is None
    with pytest.raises(MissingFontError) as raised:
        bar_chart("培训", TRAINING, tmp_path / "t.png")
    message = str(raised.value)
    assert "apt-get install fonts-noto-cjk" in message
    assert FONT_VARIABLE in message
    assert "font=" in message
    assert isinstance(raised.value, SkillchainError)
    with pytest.raises(MissingFontError, match="培"):
        bar_chart("Training", {"x": {"培训": 1}}, tmp_path / "t.png", lang="en")
    with pytest.raises(MissingFontError):
        summary_chart(_summary(), tmp_path / "s.png")
    assert list(tmp_path.iterdir()) == []


@needs_matplotlib
def test_a_named_font_that_cannot_draw_chinese_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mpl: Any = pytest.importorskip("matplotlib")
    latin = Path(mpl.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    with pytest.raises(MissingFontError, match="without Chinese characters"):
        cjk_font(latin)
    garbage = tmp_path / "broken.ttf"
    garbage.write_bytes(b"not a font")
    with pytest.raises(MissingFontError, match="not a font file"):
        cjk_font(garbage)
    monkeypatch.setenv(FONT_VARIABLE, "No Such Family")
    with pytest.raises(MissingFontError, match=FONT_VARIABLE):
        bar_chart("x", {"a": {"b": 1}}, tmp_path / "x.png", lang="en")


@needs_matplotlib
def test_a_font_file_matplotlib_did_not_know_is_read_and_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A copy of a Latin font, learnt for the test only, is refused for Chinese."""
    mpl: Any = pytest.importorskip("matplotlib")
    manager: Any = pytest.importorskip("matplotlib.font_manager")
    monkeypatch.setattr(
        manager.fontManager, "ttflist", list(manager.fontManager.ttflist)
    )
    latin = Path(mpl.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"
    copy = tmp_path / "latin-copy.ttf"
    copy.write_bytes(latin.read_bytes())
    with pytest.raises(MissingFontError, match=r"latin-copy\.ttf"):
        cjk_font(copy)
    assert any(Path(e.fname) == copy for e in manager.fontManager.ttflist)


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_any_installed_cjk_family_is_taken_after_the_listed_ones(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(charts, "CJK_FAMILIES", ())
    found = cjk_font()
    assert found is not None
    assert "CJK" in found.family


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_a_character_the_font_lacks_is_named(tmp_path: Path) -> None:
    """A wide character outside Chinese fonts (Tangut) is refused by name, before
    anything is written."""
    tangut = "\U00017000"
    with pytest.raises(MissingFontError, match=tangut):
        bar_chart("x", {"a": {tangut: 1}}, tmp_path / "x.png")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- files


@pytest.mark.parametrize("name", ["chart.jpg", "chart.pdf", "chart", "chart.png.txt"])
def test_a_suffix_other_than_png_or_svg_is_refused(name: str, tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match=r"\.png or \.svg") as raised:
        bar_chart("x", {"a": {"b": 1}}, tmp_path / name)
    assert isinstance(raised.value, ValueError)
    assert SUFFIXES == (".png", ".svg")
    assert list(tmp_path.iterdir()) == []


@needs_matplotlib
@pytest.mark.usefixtures("font")
def test_a_failed_write_leaves_nothing_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    figure: Any = pytest.importorskip("matplotlib.figure")
    target = tmp_path / "t.png"
    target.write_bytes(b"the chart before")

    def broken(_figure: object, stream: Any, **_: object) -> None:
        stream.write(b"\x89PNG half")
        raise RuntimeError("disk full")

    monkeypatch.setattr(figure.Figure, "savefig", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        bar_chart("培训", TRAINING, target)
    assert target.read_bytes() == b"the chart before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.png"]


@needs_matplotlib
def test_a_missing_folder_is_an_os_error_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(OSError, match="No such file"):
        bar_chart("x", {"a": {"b": 1}}, tmp_path / "absent" / "x.png", lang="en")
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- values


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (True, "a whole number or a Decimal"),
        (1.5, "a whole number or a Decimal"),
        ("12", "a whole number or a Decimal"),
        (Decimal("NaN"), "a finite Decimal"),
        (Decimal("Infinity"), "a finite Decimal"),
    ],
)
def test_a_value_that_is_not_exact_is_refused(
    value: object, expected: str, tmp_path: Path
) -> None:
    with pytest.raises(InvalidValueError, match=expected):
        bar_chart("x", {"a": {"b": value}}, tmp_path / "x.png")  # type: ignore[dict-item]


@pytest.mark.parametrize(
    ("series", "expected"),
    [
        ([("a", {"b": 1})], "a mapping of group names"),
        ({1: {"b": 1}}, "a mapping of group names"),
        ({"a": [1, 2]}, "a mapping of group names"),
        ({"a": {2023: 1}}, "labels that are strings"),
    ],
)
def test_series_of_another_shape_are_refused(
    series: object, expected: str, tmp_path: Path
) -> None:
    with pytest.raises(InvalidValueError, match=expected):
        bar_chart("x", series, tmp_path / "x.png")  # type: ignore[arg-type]


def test_a_summary_chart_needs_a_summary(tmp_path: Path) -> None:
    with pytest.raises(InvalidValueError, match="SimulationSummary"):
        summary_chart({"cases": 3}, tmp_path / "s.png")  # type: ignore[arg-type]


# ---------------------------------------------------------------- the extra


def test_without_matplotlib_drawing_names_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(ImportError, match=re.escape(INSTALL)) as raised:
        bar_chart("x", {"a": {"b": 1}}, tmp_path / "x.png")
    assert raised.value.name == "matplotlib"
    with pytest.raises(ImportError, match=re.escape(INSTALL)):
        summary_chart(_summary(), tmp_path / "s.svg")
    with pytest.raises(ImportError, match=re.escape(INSTALL)):
        cjk_font()
    assert INSTALL == "pip install 'skillchain[charts]'"
    assert list(tmp_path.iterdir()) == []


def test_importing_the_module_does_not_import_matplotlib() -> None:
    script = (
        "import sys, skillchain, skillchain.charts; "
        "print(sorted(m for m in sys.modules if m.startswith('matplotlib')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONWARNINGS": "error"},
    )
    assert result.stdout.strip() == "[]"
