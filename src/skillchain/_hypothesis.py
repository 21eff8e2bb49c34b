"""Hypothesis' entry-point hook: registers skillchain's strategies (private module).

Hypothesis loads every ``hypothesis`` entry point when it is first imported (unless
``HYPOTHESIS_NO_PLUGINS`` is set) and calls the named function.  The function
imports the strategies only when it is called, so installing skillchain costs a
project that never imports Hypothesis nothing.

If :mod:`skillchain.testing.strategies` is imported before Hypothesis, its own
``import hypothesis`` runs this hook while the module is still half built; the hook
then leaves the work to the module, which calls it again once it is complete.
"""

import sys


__all__ = ["register_strategies"]

_STRATEGIES = "skillchain.testing.strategies"


def register_strategies() -> None:
    """Register a strategy for every public skillchain type with Hypothesis.

    Called by Hypothesis through the ``hypothesis`` entry point of the
    ``skillchain`` distribution; after it, ``st.from_type(Person)`` draws valid
    people without importing :mod:`skillchain.testing.strategies`.  Calling it
    again is harmless.
    """
    from hypothesis import strategies as st

    module = sys.modules.get(_STRATEGIES)
    if module is not None and not hasattr(module, "GENERIC_TYPES"):
        # Half built: it imported Hypothesis first and registers itself when done.
        return
    from skillchain.testing.strategies import GENERIC_TYPES, REGISTERED_TYPES

    for kind, strategy in REGISTERED_TYPES.items():
        st.register_type_strategy(kind, st.deferred(strategy))
    for kind, function in GENERIC_TYPES.items():
        st.register_type_strategy(kind, function)
