"""Check an installed skillchain[testing] wheel: ``st.from_type`` for every public type.

Run by ``nox -s wheel`` in a fresh virtual environment holding only the built wheel
and its ``testing`` extra (not collected by pytest: the name does not start with
``test_``).  It never imports ``skillchain.testing.strategies``: the strategies must
come from Hypothesis' entry point alone.  Exits 1 if any type fails.
"""

import importlib
import sys
import warnings

import attrs

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


MODULES = (
    "skillchain",
    "skillchain.model",
    "skillchain.policy",
    "skillchain.catalog",
    "skillchain.rules",
)


def public_types() -> list[type]:
    """Every public attrs class and named tuple of the public modules, once each."""
    found: dict[str, type] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for attr in module.__all__:
            obj = getattr(module, attr)
            is_named_tuple = isinstance(obj, type) and issubclass(obj, tuple)
            if isinstance(obj, type) and (attrs.has(obj) or is_named_tuple):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return list(found.values())


def check(kind: type) -> str | None:
    """Draw a few instances of *kind* through ``st.from_type``; the problem, or None."""

    @settings(
        max_examples=5,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.from_type(kind))
    def draw(value: object) -> None:
        if not isinstance(value, kind):
            msg = f"drew a {type(value).__name__}"
            raise TypeError(msg)

    try:
        draw()
    except Exception as error:  # noqa: BLE001 - every failure is reported
        return f"{type(error).__name__}: {error}"
    return None


def main() -> int:
    """Check every public type and print one line per failure."""
    failures = 0
    kinds = public_types()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for kind in kinds:
            problem = check(kind)
            if problem is not None:
                failures += 1
                sys.stdout.write(
                    f"FAIL {kind.__module__}.{kind.__qualname__}: {problem}\n"
                )
    sys.stdout.write(f"{len(kinds) - failures} of {len(kinds)} public types resolve\n")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
