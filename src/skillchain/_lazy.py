"""Public names of a package that are imported on first access (PEP 562).

A package lists, for each of its private modules, the names it re-exports from it;
:func:`exports` returns the ``__getattr__`` and ``__dir__`` that import a module the
first time one of its names is asked for and keep the value in the package, so a
name costs nothing until it is used and nothing more afterwards.  Type checkers see
the names through the package's ``if TYPE_CHECKING:`` imports.
"""

import importlib
import sys

from collections.abc import Callable, Mapping


__all__ = ["exports"]


def exports(
    package: str,
    table: Mapping[str, tuple[str, ...]],
    *,
    modules: frozenset[str] = frozenset(),
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of *package*, serving *table*'s names lazily.

    *table* maps a module (absolute name) to the public names *package* takes from
    it.  *modules* are subpackages or modules of *package* that an attribute access
    (``skillchain.policy``) imports when they are not imported yet.  Any other name
    raises :exc:`AttributeError`, as a module without the hook does.
    """
    where = {name: source for source, names in table.items() for name in names}
    home = sys.modules[package]

    def __getattr__(name: str) -> object:  # noqa: N807 - the module hook's name
        source = where.get(name)
        if source is not None:
            value = getattr(importlib.import_module(source), name)
            setattr(home, name, value)  # later accesses skip the hook
            return value
        if name in modules:
            return importlib.import_module(f"{package}.{name}")
        msg = f"module {package!r} has no attribute {name!r}"
        raise AttributeError(msg)

    def __dir__() -> list[str]:  # noqa: N807 - the module hook's name
        return sorted({*vars(home), *where})

    return __getattr__, __dir__
