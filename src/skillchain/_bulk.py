"""Deciding many cases at once: the cyclic garbage collector paused for the run.

A decision is a small tree of tuples (one :class:`~skillchain.Finding` per
condition, each with its values), all tracked by Python's cyclic garbage
collector.  Keeping many decisions in a list makes the collector walk every one of
them again and again as the list grows, so a run that keeps 100 000 decisions
pays about three times per case what a run that drops each decision pays.  The
decisions hold no reference cycles, so there is nothing for the collector to find:
pausing it for the run is safe, and gives that time back.
"""

import gc

from collections.abc import Iterator
from contextlib import contextmanager


__all__ = ["bulk"]


@contextmanager
def bulk() -> Iterator[None]:
    """Pause the cyclic garbage collector while a block decides many cases.

    Inside the block the collector does not run; when the block ends (normally or
    by an exception) it is put back as it was: enabled again if it was enabled,
    left disabled if the caller had disabled it.  Memory is still freed as usual
    by reference counting; only objects caught in reference cycles created inside
    the block wait until it ends.  Blocks may be nested; the outermost one restores
    the collector.

    Use it around a loop that keeps many decisions (a list for a report, a batch
    for a database); a loop that drops each decision gains nothing.  The collector
    is a process-wide setting, so other threads run without it for the duration.

    Example:
        >>> import gc
        >>> from datetime import date
        >>> from skillchain import bulk
        >>> from skillchain.rules import apprentice_case
        >>> from skillchain.simulation import synthetic_apprentices
        >>> cases = list(synthetic_apprentices(100))
        >>> with bulk():
        ...     decisions = [apprentice_case(**c.facts, on=c.on) for c in cases]
        >>> len(decisions), gc.isenabled()
        (100, True)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
