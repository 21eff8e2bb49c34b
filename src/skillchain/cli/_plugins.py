"""Plugins: modules that add a district's programmes and rules when imported.

A plugin is an ordinary Python module that registers its parameter group,
documents and rules when it is imported.  The command line imports every entry
point of the group :data:`ENTRY_POINT_GROUP` of the installed distributions, then
each module named with ``--plugin``, before it runs the command.
"""

import importlib

from collections.abc import Iterable
from importlib.metadata import EntryPoint, entry_points
from typing import Final

from skillchain._redact import shorten
from skillchain.cli._common import say


__all__ = ["ENTRY_POINT_GROUP", "load_plugins"]

ENTRY_POINT_GROUP: Final = "skillchain.programmes"
"""The entry-point group an installed distribution lists its plugin modules under."""


def _failed(label: str, error: BaseException) -> None:
    say(
        f"plugin {label} could not be imported: "
        f"{type(error).__name__}: {shorten(str(error), 1000)}"
    )


def _load_entry_point(entry: EntryPoint) -> bool:
    try:
        entry.load()
    except Exception as error:  # noqa: BLE001 - reported in one paragraph
        _failed(
            f"{shorten(entry.name)!r} (entry point {shorten(entry.value)!r})", error
        )
        return False
    return True


def _import(name: str) -> bool:
    try:
        importlib.import_module(name)
    except Exception as error:  # noqa: BLE001 - reported in one paragraph
        _failed(repr(shorten(name)), error)
        return False
    return True


def load_plugins(modules: Iterable[str]) -> bool:
    """Import every installed plugin, then each of *modules*; say what fails.

    Entry points are loaded in name order, then *modules* in the order given.  The first plugin that raises on import stops the loading with
    a one-paragraph message on standard error (bounded, identity numbers
    masked, never a traceback).

    Returns:
        Whether every plugin was imported.
    """
    found = sorted(
        entry_points(group=ENTRY_POINT_GROUP),
        key=lambda entry: (entry.name, entry.value),
    )
    return all(_load_entry_point(entry) for entry in found) and all(
        _import(name) for name in modules
    )
