"""Simulating a population on a Dask cluster (the optional ``skillchain[dask]`` extra).

:func:`simulate_on_cluster` decides a population file on the workers of a
`Dask distributed <https://distributed.dask.org>`_ cluster, as
:func:`skillchain.simulation.simulate` does in local processes: the file is cut
into parts that start at a line, each worker reads and decides its own parts, and
the parts' summaries are merged exactly
(:meth:`~skillchain.simulation.SimulationSummary.merge`).  The summary is the one
a single process gives, and the callbacks are called in this process in the
file's order.  The policies and the rule are sent to each worker once.

The file must be readable at the same path by this process (which finds where its
lines start) and by every worker: a cluster on one machine, or storage every
machine mounts at the same place.  The workers need skillchain installed (and the
package of a plugin rule).  Reading from object storage by URL is not supported.

Importing :mod:`skillchain` does not import Dask, nor does importing this module:
Dask is imported when :func:`simulate_on_cluster` is called.  Without it, the call
raises :exc:`ImportError` saying what to install: ``pip install 'skillchain[dask]'``.
"""

import importlib
import os
import types

from collections.abc import Callable
from datetime import date
from typing import Any, Final

from skillchain._parallel import (
    BadRow,
    decide_shared,
    drive,
    finish,
    guided,
    parts_of,
    population_of,
    prepare,
    share,
    without_line,
)
from skillchain.comparison import Case, Change
from skillchain.errors import InvalidValueError, SkillchainError
from skillchain.policy import Policy
from skillchain.rules import Rule, get_rule
from skillchain.simulation import SimulationSummary


__all__ = ["INSTALL", "simulate_on_cluster"]

INSTALL: Final = "pip install 'skillchain[dask]'"
"""What to install to run simulations on a Dask cluster."""

_AHEAD: Final = 2
"""How many parts per worker thread may be under way at once."""


def _distributed() -> types.ModuleType:
    """Dask's ``distributed`` package, or an :exc:`ImportError` saying how to get it."""
    try:
        distributed = importlib.import_module("distributed")
    except ImportError as exc:
        msg = (
            "skillchain.cluster needs Dask's distributed scheduler, which is not "
            f"installed: {INSTALL}"
        )
        raise ImportError(msg, name="distributed") from exc
    return distributed


def simulate_on_cluster(
    population: str | os.PathLike[str],
    *,
    rule: Rule | str,
    reform: Policy,
    baseline: Policy | None = None,
    on: date | None = None,
    kind: str | None = None,
    client: object = None,
    partition_bytes: int | None = None,
    on_change: Callable[[Change], object] | None = None,
    on_bad_row: BadRow | None = None,
    on_error: Callable[[Case, SkillchainError], object] | None = None,
    progress: Callable[[int], object] | None = None,
) -> SimulationSummary:
    """Decide a population file on a Dask cluster; the summary of one process.

    The arguments are those of :func:`skillchain.simulation.simulate` for a file
    (the callbacks are called in this process, in the file's order), plus:

    Args:
        population: The population file (``.csv`` or ``.jsonl``), at a path this
            process and every worker can read.
        rule: The rule, or its registered id.
        reform: The reform policy.
        baseline: The baseline policy (default: the bundled policy).
        on: The evaluation day of rows without their own ``on``.
        kind: ``"csv"`` or ``"jsonl"``, if the file's suffix does not say.
        client: A ``distributed.Client``; or the address of a scheduler, such as
            ``"tcp://10.0.0.5:8786"``, to connect to for this call; or ``None``
            for the client made last in this process.
        partition_bytes: The size of a part, in bytes (default: parts that
            shrink as the file is used up, from a share of the bytes left for
            each worker thread, between 2 and 16 MiB).
        on_change: Called with each changed case
            (:class:`~skillchain.comparison.Change`).
        on_bad_row: Called with the error of each malformed row, which is skipped;
            without it, the first malformed row's error is raised.
        on_error: Called with a case and the error of a case the rule refuses;
            without it, the error is raised.
        progress: Called with the number of cases decided so far, after each part.

    Raises:
        ImportError: Dask's ``distributed`` package is not installed.
        InvalidValueError: *client* is none of the above, or there is no client;
            *partition_bytes* is not a positive whole number.
        PopulationError: The file cannot be read (raised before anything is sent),
            or a row is malformed and there is no *on_bad_row*.
        SkillchainError: The rule refused a case and there is no *on_error*.

    Example:
        Start a cluster (here two local worker processes) and run the example::

            from distributed import Client, LocalCluster
            from skillchain import Policy
            from skillchain.cluster import simulate_on_cluster

            if __name__ == "__main__":
                baseline = Policy.default()
                reform = baseline.overlay(Policy.from_files("reform.toml"))
                with LocalCluster(n_workers=2, threads_per_worker=1) as cluster, \\
                        Client(cluster) as client:
                    summary = simulate_on_cluster(
                        "apprentices.csv", rule="apprenticeship.case",
                        baseline=baseline, reform=reform, client=client)
                print(summary.report("en"))
    """
    distributed = _distributed()
    found = rule if isinstance(rule, Rule) else get_rule(rule)
    if partition_bytes is not None and (
        type(partition_bytes) is not int or partition_bytes < 1
    ):
        raise InvalidValueError(
            field="partition_bytes",
            problem=f"got {partition_bytes!r}",
            expected="a whole number of bytes, at least 1 (None: chosen by size)",
        )
    read = population_of(os.fspath(population), found, on=on, kind=kind)
    setup, replay = prepare(
        rule=found,
        baseline=baseline if baseline is not None else Policy.default(),
        reform=reform,
        population=read,
        on=on,
        on_change=on_change,
        view=None,
        on_bad_row=on_bad_row,
        on_error=without_line(on_error),
        progress=progress,
    )
    connected, own = _client(distributed, client)
    try:
        threads = max(1, sum(connected.nthreads().values()))
        shared = connected.scatter(share(setup), broadcast=True, hash=False)
        cut = drive(
            parts_of(read, partition_bytes or guided(threads)),
            submit=lambda part: connected.submit(
                decide_shared, shared, part, pure=False
            ),
            slots=_AHEAD * threads,
            replay=replay,
        )
    finally:
        if own:
            connected.close()
    return finish(setup, replay, cut)


def _client(distributed: types.ModuleType, client: object) -> tuple[Any, bool]:
    """The client to use, and whether this call made it (and closes it)."""
    if client is None:
        try:
            return distributed.default_client(), False
        except ValueError:
            raise InvalidValueError(
                field="client",
                problem="no Dask client has been made in this process",
                expected="a distributed.Client, or the address of a scheduler "
                "such as 'tcp://10.0.0.5:8786'",
            ) from None
    if isinstance(client, str):
        return distributed.Client(client), True
    if isinstance(client, distributed.Client):
        return client, False
    raise InvalidValueError(
        field="client",
        problem=f"got a value of type {type(client).__name__}",
        expected="a distributed.Client, the address of a scheduler, or None",
    )
