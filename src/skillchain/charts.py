"""Bar charts of figures and of simulation summaries, as PNG or SVG files.

This module is the optional extra ``skillchain[charts]``, which installs
`Matplotlib <https://matplotlib.org>`_.  Importing it does not import Matplotlib:
the drawing functions do, and without it they raise :exc:`ImportError` saying what
to install (:data:`INSTALL`).  The charts are drawn on Matplotlib's Agg canvas,
without ``pyplot``: no display is needed and the process's own Matplotlib backend
and settings are left as they were.

:func:`bar_chart` draws figures given as groups of labelled values;
:func:`summary_chart` draws a :class:`~skillchain.simulation.SimulationSummary`
(the outcomes and the total amounts, baseline against reform).  The file's
suffix chooses the format, ``.png`` or ``.svg``; the file is written whole or not
at all (a temporary file in the same folder, renamed when complete), and an SVG
file is the same, byte for byte, for the same input and the same fonts.

Chinese text needs a font with Chinese characters.  :func:`cjk_font` finds one
among the installed fonts (Noto Sans CJK SC first; :data:`CJK_FAMILIES` lists
the families looked for, in order), or takes the font file or family named by the
``font=`` argument or the ``SKILLCHAIN_CJK_FONT`` environment variable
(:data:`FONT_VARIABLE`).  The font found draws every text of a chart.  If none is
found, a chart in Chinese (``lang="zh"``), or with a Chinese character in any
label, raises :exc:`~skillchain.errors.MissingFontError` saying what to install;
a chart in English whose labels are all Latin is drawn with Matplotlib's own
font.  In an SVG file each text is drawn as the outlines of its glyphs, so the
file looks the same on a machine without the font; the text itself is kept in a
comment beside its outlines.

Example:
    >>> import tempfile
    >>> from decimal import Decimal
    >>> from pathlib import Path
    >>> from skillchain.charts import bar_chart
    >>> folder = Path(tempfile.mkdtemp())
    >>> written = bar_chart(
    ...     "Training by project", {"2023": {"Cantonese chefs": 1200,
    ...                                      "Guangdong technicians": 800}},
    ...     folder / "training.svg", lang="en", unit="person-times")
    >>> written.name, written.stat().st_size > 0
    ('training.svg', True)
"""

import functools
import importlib
import os
import secrets
import threading
import types
import unicodedata

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import IO, Any, Final

import attrs

from skillchain._decision import Outcome
from skillchain._redact import display_width
from skillchain._sources import Lang
from skillchain.errors import InvalidValueError, MissingFontError
from skillchain.simulation import SimulationSummary


__all__ = [
    "CJK_FAMILIES",
    "FONT_VARIABLE",
    "INSTALL",
    "SUFFIXES",
    "CJKFont",
    "bar_chart",
    "cjk_font",
    "summary_chart",
]

INSTALL: Final = "pip install 'skillchain[charts]'"
"""What to install to draw charts."""

FONT_VARIABLE: Final = "SKILLCHAIN_CJK_FONT"
"""The environment variable that names the font for Chinese text: a font file
(``.ttf``, ``.otf`` or ``.ttc``) or the family name of an installed font."""

SUFFIXES: Final = (".png", ".svg")
"""The file suffixes a chart can be written to (any case)."""

CJK_FAMILIES: Final = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "Source Han Sans CN",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Hiragino Sans GB",
    "Heiti SC",
    "Sarasa Gothic SC",
    "Droid Sans Fallback",
    "Noto Serif CJK SC",
    "Source Han Serif SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK JP",
    "Noto Sans CJK",
    "Source Han Sans",
)
"""The installed font families used for Chinese text, the first found first.

Simplified Chinese sans-serif families come first; after the list, any installed
family with ``CJK`` in its name is taken."""

_INSTALL_FONT: Final = (
    "install a font with Chinese characters (on Debian or Ubuntu: "
    "apt-get install fonts-noto-cjk), or name a font file with font= or the "
    f"{FONT_VARIABLE} environment variable"
)
_LATIN_FALLBACK: Final = "DejaVu Sans"
"""Matplotlib's own font, for any character the Chinese font lacks."""
_PROBE: Final = "中文"
"""Characters a font must have to be taken for Chinese text."""
_SHOWN_MISSING: Final = 10
_PNG_DPI: Final = 150
_SVG_SALT: Final = "skillchain"
_LOCK: Final = threading.Lock()
"""Matplotlib's settings and font list are process-wide: one chart is drawn (or
one font looked up) at a time."""
_ORDER: Final = (Outcome.ELIGIBLE, Outcome.INELIGIBLE, Outcome.UNDETERMINED)

_Number = int | Decimal
"""A value a bar shows: a whole number or an exact decimal."""


@attrs.frozen
class CJKFont:
    """A font that draws Chinese text: its family name and its file.

    Example:
        >>> from pathlib import Path
        >>> from skillchain.charts import CJKFont
        >>> font = CJKFont(family="Noto Sans CJK SC",
        ...                file=Path("/usr/share/fonts/NotoSansCJK-Regular.ttc"))
        >>> str(font)
        'Noto Sans CJK SC (/usr/share/fonts/NotoSansCJK-Regular.ttc)'
    """

    family: str
    """The family name Matplotlib knows the font by."""
    file: Path
    """The font file (a ``.ttc`` file holds several faces; :attr:`family` names
    the one used)."""

    def __str__(self) -> str:
        """Return ``family (file)``."""
        return f"{self.family} ({self.file})"


# ---------------------------------------------------------------- Matplotlib


def _matplotlib() -> types.ModuleType:
    """Matplotlib, or an :exc:`ImportError` saying how to get it."""
    try:
        return importlib.import_module("matplotlib")
    except ImportError as exc:
        msg = f"skillchain.charts needs Matplotlib, which is not installed: {INSTALL}"
        raise ImportError(msg, name="matplotlib") from exc


def _module(name: str) -> types.ModuleType:
    _matplotlib()
    return importlib.import_module(name)


# ---------------------------------------------------------------- fonts


def _wide(char: str) -> bool:
    """Whether *char* is a Chinese (wide or full-width) character."""
    return unicodedata.east_asian_width(char) in {"W", "F"}


def _entries() -> list[Any]:
    manager: Any = _module("matplotlib.font_manager").fontManager
    return list(manager.ttflist)


def _best(entries: Iterable[Any]) -> Any | None:
    """The regular, upright face among *entries*, Simplified Chinese preferred."""

    def rank(entry: Any) -> tuple[int, int, int, str]:
        name = str(entry.name)
        weight = entry.weight if isinstance(entry.weight, int) else 400
        simplified = 0 if name.endswith((" SC", " CN", " GB")) else 1
        return (simplified, int(entry.style != "normal"), abs(weight - 400), name)

    found = sorted(entries, key=rank)
    return found[0] if found else None


@functools.lru_cache(maxsize=64)
def _face(file: str, index: int) -> Any:
    ft2font: Any = _module("matplotlib.ft2font")
    if index:
        return ft2font.FT2Font(file, face_index=index)
    return ft2font.FT2Font(file)


def _lacks(entry: Any, text: str) -> list[str]:
    """The characters of *text* the font of *entry* has no glyph for."""
    face = _face(str(entry.fname), int(getattr(entry, "index", 0)))
    return [char for char in dict.fromkeys(text) if not face.get_char_index(ord(char))]


def _as_font(entry: Any) -> CJKFont:
    return CJKFont(family=str(entry.name), file=Path(entry.fname))


def _named(choice: str, where: str) -> Any:
    """The font entry of the file or family *choice*, or a :exc:`MissingFontError`."""
    path = Path(choice).expanduser()
    if path.is_file():
        resolved = path.resolve()
        entries = [e for e in _entries() if Path(e.fname).resolve() == resolved]
        if not entries:
            manager: Any = _module("matplotlib.font_manager").fontManager
            try:
                manager.addfont(os.fspath(resolved))
            except (OSError, RuntimeError, ValueError) as exc:
                msg = f"{where} names {str(path)!r}, which is not a font file Matplotlib can read ({type(exc).__name__})"
                raise MissingFontError(msg) from exc
            entries = [e for e in _entries() if Path(e.fname).resolve() == resolved]
    else:
        entries = [e for e in _entries() if e.name.casefold() == choice.casefold()]
        if not entries:
            msg = (
                f"{where} names {choice!r}, which is neither a font file nor the "
                "family of an installed font"
            )
            raise MissingFontError(msg)
    entry = _best(entries)
    if entry is None or _lacks(entry, _PROBE):
        msg = f"{where} names {choice!r}, a font without Chinese characters; {_INSTALL_FONT}"
        raise MissingFontError(msg)
    return entry


def _found() -> Any | None:
    entries = _entries()
    by_name: dict[str, list[Any]] = {}
    for entry in entries:
        by_name.setdefault(str(entry.name).casefold(), []).append(entry)
    for family in CJK_FAMILIES:
        entry = _best(by_name.get(family.casefold(), ()))
        if entry is not None and not _lacks(entry, _PROBE):
            return entry
    entry = _best(e for e in entries if "CJK" in str(e.name))
    if entry is not None and not _lacks(entry, _PROBE):
        return entry
    return None


def _font_entry(font: str | os.PathLike[str] | None) -> Any | None:
    if font is not None:
        return _named(os.fspath(font), "font=")
    chosen = os.environ.get(FONT_VARIABLE, "").strip()
    if chosen:
        return _named(chosen, FONT_VARIABLE)
    return _found()


def cjk_font(font: str | os.PathLike[str] | None = None) -> CJKFont | None:
    """The font that draws the Chinese text of charts, or ``None`` if none is found.

    Args:
        font: A font file (``.ttf``, ``.otf`` or ``.ttc``; Matplotlib learns it
            for this process) or the family name of an installed font.  Without
            it, the font named by the ``SKILLCHAIN_CJK_FONT`` environment
            variable, if set; otherwise the first of :data:`CJK_FAMILIES`
            installed, or any installed family with ``CJK`` in its name.

    Raises:
        ImportError: Matplotlib is not installed (:data:`INSTALL`).
        MissingFontError: The font named by *font* or by the environment
            variable cannot be read, is not installed, or has no Chinese
            characters.

    Example:
        >>> from skillchain.charts import cjk_font
        >>> font = cjk_font()
        >>> font is None or font.file.exists()
        True
    """
    with _LOCK:
        entry = _font_entry(font)
    return None if entry is None else _as_font(entry)


def _choose(
    texts: Iterable[str], lang: Lang, font: str | os.PathLike[str] | None
) -> Any | None:
    """The font entry to draw *texts* with, or ``None`` for Matplotlib's own font."""
    text = "".join(texts)
    chinese = "".join(char for char in dict.fromkeys(text) if _wide(char))
    entry = _font_entry(font)
    if entry is None:
        if lang == "zh" or chinese:
            needed = f" (for {_listed(chinese)})" if chinese else ""
            msg = (
                f"no font with Chinese characters is installed{needed}; {_INSTALL_FONT}"
            )
            raise MissingFontError(msg)
        return None
    missing = _lacks(entry, chinese)
    if missing:
        msg = f"the font {_as_font(entry)} has no glyph for {_listed(''.join(missing))}; {_INSTALL_FONT}"
        raise MissingFontError(msg)
    return entry


def _listed(chars: str) -> str:
    shown = " ".join(chars[:_SHOWN_MISSING])
    more = len(chars) - _SHOWN_MISSING
    return shown + (f" and {more} more" if more > 0 else "")


# ---------------------------------------------------------------- values


def _number(value: object, field: str) -> _Number:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise InvalidValueError(
            field=field,
            problem=f"got a value of type {type(value).__name__}",
            expected="a whole number or a Decimal",
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise InvalidValueError(
            field=field, problem=f"got {value}", expected="a finite Decimal"
        )
    return value


def _shown(value: _Number) -> str:
    """*value* exactly, with thousands separators (``1,234.50``)."""
    return f"{value:,}" if isinstance(value, int) else f"{value:,f}"


def _tick(value: float, _position: object = None) -> str:
    """An axis tick's label.  Matplotlib places ticks at floats; they mark the
    scale only, and every amount is shown exactly in its bar's own label."""
    if abs(value - round(value)) < 1e-9:
        return f"{round(value):,}"
    return f"{value:,.2f}"


def _series(
    series: Mapping[str, Mapping[str, _Number]],
) -> tuple[list[str], list[tuple[str, dict[str, _Number]]]]:
    """The categories in order of first appearance and the checked groups."""
    if not isinstance(series, Mapping):
        raise InvalidValueError(
            field="series",
            problem=f"got a value of type {type(series).__name__}",
            expected="a mapping of group names to mappings of labels to values",
        )
    categories: dict[str, None] = {}
    groups: list[tuple[str, dict[str, _Number]]] = []
    given: Iterable[tuple[object, object]] = series.items()
    for group, values in given:
        if not isinstance(group, str) or not isinstance(values, Mapping):
            raise InvalidValueError(
                field="series",
                problem=f"group {group!r} is not a name with a mapping of values",
                expected="a mapping of group names to mappings of labels to values",
            )
        checked: dict[str, _Number] = {}
        labelled: Iterable[tuple[object, object]] = values.items()
        for label, value in labelled:
            if not isinstance(label, str):
                raise InvalidValueError(
                    field=f"series[{group!r}]",
                    problem=f"label {label!r} is not text",
                    expected="labels that are strings",
                )
            checked[label] = _number(value, f"series[{group!r}][{label!r}]")
            categories.setdefault(label)
        groups.append((group, checked))
    return list(categories), groups


def _unit(unit: str, lang: Lang) -> str:
    return f"单位：{unit}" if lang == "zh" else f"unit: {unit}"


# ---------------------------------------------------------------- drawing


_MOST_COLUMNS: Final = 12
"""More categories than this are drawn as horizontal bars, one a row."""


def _bars(
    axes: Any,
    categories: list[str],
    groups: list[tuple[str, dict[str, _Number]]],
    *,
    unit: str | None,
    empty: str,
    each_colour: bool = False,
    horizontal: bool = False,
) -> None:
    """Draw *groups* as (grouped) bars over *categories* on *axes*, values labelled.

    *unit* is the text shown above the value axis, on the left.  *horizontal*
    bars run left to right, one category a row from the top, so that many long
    labels stay readable.
    """
    ticker: Any = _module("matplotlib.ticker")
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    if unit:
        axes.set_title(unit, loc="left", fontsize=9, color="0.3")
    if not categories:
        axes.text(0.5, 0.5, empty, transform=axes.transAxes, ha="center", va="center")
        axes.set_xticks([])
        axes.set_yticks([])
        return
    count = len(groups)
    width = 0.8 / count
    for index, (group, values) in enumerate(groups):
        shift = (index - (count - 1) / 2) * width
        present = [(k, c) for k, c in enumerate(categories) if c in values]
        colours = (
            [f"C{k % 10}" for k, _ in present] if each_colour else f"C{index % 10}"
        )
        draw = axes.barh if horizontal else axes.bar
        bars = draw(
            [k + shift for k, _ in present],
            # Bar lengths are drawing geometry (matplotlib takes floats); the
            # value each bar shows is the exact Decimal, through bar_label below.
            [float(values[c]) for _, c in present],
            width * 0.92,
            label=group,
            color=colours,
        )
        axes.bar_label(
            bars, labels=[_shown(values[c]) for _, c in present], padding=2, fontsize=8
        )
    negative = any(value < 0 for _, values in groups for value in values.values())
    if horizontal:
        axes.set_yticks(range(len(categories)), categories)
        axes.invert_yaxis()
        axes.xaxis.set_major_formatter(ticker.FuncFormatter(_tick))
        axes.margins(x=0.15)
        if negative:
            axes.axvline(0, color="0.6", linewidth=0.8)
        else:
            axes.set_xlim(left=0)
    else:
        axes.set_xticks(range(len(categories)), categories)
        if len(categories) > 6 or max(display_width(c) for c in categories) > 12:
            for label in axes.get_xticklabels():
                label.set_rotation(30)
                label.set_horizontalalignment("right")
                label.set_rotation_mode("anchor")
        axes.yaxis.set_major_formatter(ticker.FuncFormatter(_tick))
        axes.margins(y=0.15)
        if negative:
            axes.axhline(0, color="0.6", linewidth=0.8)
        else:
            axes.set_ylim(bottom=0)
    if count > 1:
        axes.legend(frameon=False)


def _suffix(path: str | os.PathLike[str]) -> tuple[Path, str]:
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValueError(
            field="path",
            problem=f"the suffix {target.suffix or '(none)'!r} is not a chart format",
            expected="a file name ending in " + " or ".join(SUFFIXES),
        )
    return target, suffix


def _write_whole(target: Path, save: Callable[[IO[bytes]], object]) -> None:
    """Write *target* through a temporary file beside it, renamed when complete."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            descriptor = os.open(temporary, flags, 0o666)
        except FileExistsError:  # pragma: no cover - a 48-bit name already taken
            continue
        break
    try:
        with os.fdopen(descriptor, "wb") as stream:
            save(stream)
        temporary.replace(target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _draw(
    target: Path,
    suffix: str,
    *,
    title: str,
    texts: Iterable[str],
    lang: Lang,
    font: str | os.PathLike[str] | None,
    size: tuple[float, float],
    paint: Callable[[Any], object],
) -> Path:
    """Draw a figure of *size* inches with *paint* and write it to *target*."""
    matplotlib: Any = _matplotlib()
    figure_module: Any = _module("matplotlib.figure")
    agg: Any = _module("matplotlib.backends.backend_agg")
    with _LOCK:
        entry = _choose(texts, lang, font)
        settings: dict[str, object] = {
            "svg.hashsalt": _SVG_SALT,
            "svg.fonttype": "path",
            "axes.unicode_minus": False,
        }
        if entry is not None:
            settings["font.family"] = [str(entry.name), _LATIN_FALLBACK]
        with matplotlib.rc_context(settings):
            figure = figure_module.Figure(figsize=size, layout="constrained")
            agg.FigureCanvasAgg(figure)
            paint(figure)
            metadata: dict[str, str | None] = {"Title": title}
            if suffix == ".svg":
                metadata["Date"] = None
            _write_whole(
                target,
                lambda stream: figure.savefig(
                    stream, format=suffix[1:], dpi=_PNG_DPI, metadata=metadata
                ),
            )
    return target


def bar_chart(
    title: str,
    series: Mapping[str, Mapping[str, int | Decimal]],
    path: str | os.PathLike[str],
    *,
    lang: Lang = "zh",
    unit: str | None = None,
    font: str | os.PathLike[str] | None = None,
) -> Path:
    """Draw labelled values as a bar chart and write it to *path* (PNG or SVG).

    One group gives plain bars; several give grouped bars, one colour per group,
    with a legend.  The labels are the bars' categories along the axis, in the
    order they first appear; a group without a label has no bar there.  More than
    a dozen categories are drawn as horizontal bars, one a row from the top, so
    that long labels stay readable.  Each bar
    is labelled with its value exactly, with thousands separators
    (``Decimal("1234567.50")`` as ``1,234,567.50``).

    Args:
        title: The chart's title (also the file's title in its metadata).
        series: Group name → label → value (a whole number or a
            :class:`~decimal.Decimal`).
        path: The file to write; its suffix, ``.png`` or ``.svg``, chooses the
            format.  An existing file is replaced.
        lang: The language of the chart: ``"zh"`` needs a Chinese font; the
            notice on a chart without values is in this language too.
        unit: The unit of the values, shown along the value axis (``"元"``,
            ``"人次"``).
        font: The font for Chinese text (see :func:`cjk_font`).

    Returns:
        *path*, as a :class:`~pathlib.Path`.

    Raises:
        ImportError: Matplotlib is not installed (:data:`INSTALL`).
        InvalidValueError: The suffix is not one of :data:`SUFFIXES`, or a value
            is neither a whole number nor a finite Decimal.
        MissingFontError: The chart needs a Chinese font and none is found.
        OSError: The file cannot be written (nothing is left behind).
    """
    target, suffix = _suffix(path)
    categories, groups = _series(series)
    empty = "无数据" if lang == "zh" else "no data"
    shown_unit = None if not unit else _unit(unit, lang)
    texts = [title, shown_unit or "", empty, *categories, *(n for n, _ in groups)]

    bars = max(len(categories), 1) * max(len(groups), 1)
    horizontal = len(categories) > _MOST_COLUMNS

    def paint(figure: Any) -> None:
        axes = figure.add_subplot()
        axes.set_title(title)
        _bars(
            axes,
            categories,
            groups,
            unit=shown_unit,
            empty=empty,
            horizontal=horizontal,
        )

    if horizontal:
        size = (10.0, 1.2 + 0.28 * bars)
    else:
        size = (min(16.0, max(6.4, 1.5 + 0.55 * bars)), 4.8)
    return _draw(
        target,
        suffix,
        title=title,
        texts=texts,
        lang=lang,
        font=font,
        size=size,
        paint=paint,
    )


def summary_chart(
    summary: SimulationSummary,
    path: str | os.PathLike[str],
    *,
    lang: Lang = "zh",
    font: str | os.PathLike[str] | None = None,
) -> Path:
    """Draw a simulation summary and write it to *path* (PNG or SVG).

    The left panel shows how many cases reached each outcome under the
    baseline and under the reform (grouped bars); the right panel the total
    amounts under each, in yuan, with the difference beneath.  The title names
    the rule and the number of cases, and a line at the foot the two policies'
    fingerprints (their first 12 characters).

    Args:
        summary: The summary of :func:`skillchain.simulation.simulate`.
        path: The file to write; its suffix, ``.png`` or ``.svg``, chooses the
            format.  An existing file is replaced.
        lang: The language of the labels, ``"zh"`` (needs a Chinese font) or
            ``"en"``.
        font: The font for Chinese text (see :func:`cjk_font`).

    Returns:
        *path*, as a :class:`~pathlib.Path`.

    Raises:
        ImportError: Matplotlib is not installed (:data:`INSTALL`).
        InvalidValueError: *summary* is not a
            :class:`~skillchain.simulation.SimulationSummary`, or the suffix is
            not one of :data:`SUFFIXES`.
        MissingFontError: The chart needs a Chinese font and none is found.
        OSError: The file cannot be written (nothing is left behind).
    """
    if not isinstance(summary, SimulationSummary):
        raise InvalidValueError(
            field="summary",
            problem=f"got a value of type {type(summary).__name__}",
            expected="a SimulationSummary",
        )
    target, suffix = _suffix(path)
    zh = lang == "zh"
    baseline, reform = ("基线", "改革后") if zh else ("baseline", "reform")
    outcomes: dict[str, dict[str, _Number]] = {
        baseline: {o.label(lang): summary.baseline[o] for o in _ORDER},
        reform: {o.label(lang): summary.reform[o] for o in _ORDER},
    }
    totals: dict[str, dict[str, _Number]] = {
        "": {baseline: summary.baseline_total, reform: summary.reform_total}
    }
    difference = f"{summary.difference:+,f}"
    if zh:
        title = f"规则 {summary.rule}：共 {summary.cases:,} 个个案"
        left, right = "各结果个案数", "补贴总额"
        below = f"差额 {difference} 元"
        foot = (
            f"基线政策 {summary.baseline_policy[:12]}，"
            f"改革政策 {summary.reform_policy[:12]}"
        )
        unit, cases = _unit("元", lang), _unit("个", lang)
    else:
        title = f"{summary.rule} over {summary.cases:,} cases"
        left, right = "Cases by outcome", "Total amount"
        below = f"difference {difference} yuan"
        foot = (
            f"baseline policy {summary.baseline_policy[:12]}, "
            f"reform policy {summary.reform_policy[:12]}"
        )
        unit, cases = _unit("yuan", lang), _unit("cases", lang)
    empty = "无数据" if zh else "no data"
    texts = [
        title,
        left,
        right,
        unit,
        below,
        foot,
        cases,
        baseline,
        reform,
        *outcomes[baseline],
    ]

    def paint(figure: Any) -> None:
        figure.suptitle(title)
        first, second = figure.subplots(1, 2, width_ratios=[3, 2])
        first.set_title(left)
        _bars(
            first,
            list(outcomes[baseline]),
            list(outcomes.items()),
            unit=cases,
            empty=empty,
        )
        second.set_title(right)
        _bars(
            second,
            [baseline, reform],
            list(totals.items()),
            unit=unit,
            empty=empty,
            each_colour=True,
        )
        second.set_xlabel(below)
        figure.supxlabel(foot, x=0.01, ha="left", fontsize=7, color="0.4")

    return _draw(
        target,
        suffix,
        title=title,
        texts=texts,
        lang=lang,
        font=font,
        size=(11.0, 5.0),
        paint=paint,
    )
