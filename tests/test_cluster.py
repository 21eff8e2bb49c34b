"""Tests for skillchain.cluster: a population decided on a Dask cluster.

The cluster is a ``distributed.LocalCluster`` of two worker processes, started
once for the module.  Without Dask (``pip install 'skillchain[dask]'``) the tests
that need a cluster are skipped; those of the module's own behaviour run anyway.
"""

import importlib.util
import json
import subprocess
import sys

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillchain import InvalidValueError
from skillchain.cluster import INSTALL, simulate_on_cluster
from skillchain.comparison import Change
from skillchain.errors import PopulationError
from skillchain.rules import CASE_RULE, get_rule
from skillchain.simulation import SimulationSummary, read_population, simulate
from worker_rules import BASELINE, BUNDLED_CSV, REFORM, REFUSING


HAVE_DASK = importlib.util.find_spec("distributed") is not None
needs_dask = pytest.mark.skipif(
    not HAVE_DASK, reason=f"Dask is not installed ({INSTALL})"
)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster of two worker processes, one thread each."""
    if not HAVE_DASK:
        pytest.skip(f"Dask is not installed ({INSTALL})")
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=":0",
        ) as cluster,
        distributed.Client(cluster) as made,
    ):
        yield made


@needs_dask
def test_bundled_population_on_the_cluster_is_one_process(client: Any) -> None:
    """Eight parts on two workers: the summary and the changed cases, in order, of
    one process."""
    changes: list[Change] = []
    done: list[int] = []
    summary = simulate_on_cluster(
        BUNDLED_CSV,
        rule="apprenticeship.case",
        baseline=BASELINE,
        reform=REFORM,
        client=client,
        partition_bytes=400_000,
        on_change=changes.append,
        progress=done.append,
    )
    alone: list[Change] = []
    expected = simulate(
        read_population(BUNDLED_CSV, CASE_RULE),
        rule=CASE_RULE,
        baseline=BASELINE,
        reform=REFORM,
        on_change=alone.append,
    )
    assert summary == expected
    assert changes == alone
    assert len(done) >= 8
    assert done[-1] == 10_000


def settlements(path: Path) -> Path:
    """A settlement population with bad rows and rows the refusing rule refuses."""
    rows = ["name,on,entitlement,prepaid,training_end"]
    for index in range(400):
        end = "2025-02-30" if index % 37 == 5 else f"2025-{1 + index % 9:02d}-01"
        rows.append(f"r{index},2025-10-08,28000.00,{index * 150}.00,{end}")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@needs_dask
def test_bad_rows_and_refusals_on_the_cluster(client: Any, tmp_path: Path) -> None:
    """Bad rows and refused cases reach the callbacks in the file's order, with
    their lines and messages, as with one process."""
    path = settlements(tmp_path / "settlements.csv")
    runs = []
    for on_cluster in (False, True):
        seen: list[tuple[object, ...]] = []
        hooks: dict[str, Any] = {
            "on_bad_row": lambda error, seen=seen: seen.append(
                (error.line, str(error))
            ),
            "on_error": lambda case, error, seen=seen: seen.append(
                (case.name, str(error))
            ),
        }
        if on_cluster:
            summary = simulate_on_cluster(
                path,
                rule=REFUSING,
                reform=REFORM,
                client=client,
                partition_bytes=2000,
                **hooks,
            )
        else:
            summary = simulate(path, rule=REFUSING, reform=REFORM, **hooks)
        runs.append((summary, seen))
    assert runs[0] == runs[1]
    assert runs[0][0].cases > 0
    assert any(isinstance(s[0], int) for s in runs[0][1])
    assert any(isinstance(s[0], str) for s in runs[0][1])


@needs_dask
def test_the_first_bad_row_is_raised(client: Any, tmp_path: Path) -> None:
    """Without on_bad_row, the first bad row's error is raised, as with one process."""
    path = settlements(tmp_path / "settlements.csv")
    settlement = get_rule("apprenticeship.settlement")
    with pytest.raises(PopulationError) as alone:
        simulate(path, rule=settlement, reform=REFORM)
    with pytest.raises(PopulationError) as raised:
        simulate_on_cluster(
            path, rule=settlement, reform=REFORM, client=client, partition_bytes=1000
        )
    assert (raised.value.line, str(raised.value)) == (
        alone.value.line,
        str(alone.value),
    )


@needs_dask
def test_json_lines_and_a_scheduler_address(client: Any, tmp_path: Path) -> None:
    """A JSON Lines file, through a client made for the call from the scheduler's
    address (and closed after it); and through the default client."""
    path = tmp_path / "settlements.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for index in range(200):
            data = {"entitlement": "28000.00", "prepaid": f"{index * 200}.00"}
            stream.write(json.dumps(data) + "\n")
    settlement = get_rule("apprenticeship.settlement")
    common: dict[str, Any] = {
        "rule": settlement,
        "reform": REFORM,
        "on": date(2025, 10, 8),
    }
    expected = simulate(path, **common)
    by_address = simulate_on_cluster(
        path, client=client.scheduler.address, partition_bytes=1500, **common
    )
    by_default = simulate_on_cluster(path, partition_bytes=1500, **common)
    assert by_address == by_default == expected
    assert expected.cases == 200


@needs_dask
def test_an_empty_population_on_the_cluster(client: Any, tmp_path: Path) -> None:
    """A header and no rows: a summary of nothing."""
    path = tmp_path / "empty.csv"
    path.write_text("entitlement,prepaid,training_end\n", encoding="utf-8")
    summary = simulate_on_cluster(
        path,
        rule="apprenticeship.settlement",
        reform=REFORM,
        on=date(2025, 10, 8),
        client=client,
    )
    assert isinstance(summary, SimulationSummary)
    assert summary.cases == 0


@needs_dask
@pytest.mark.parametrize(
    ("arguments", "field"),
    [({"client": 3}, "client"), ({"partition_bytes": 0}, "partition_bytes")],
)
def test_bad_arguments_are_refused(
    arguments: dict[str, Any], field: str, client: Any
) -> None:
    """A client that is none of the kinds taken, or a part of no bytes."""
    del client
    with pytest.raises(InvalidValueError) as raised:
        simulate_on_cluster(BUNDLED_CSV, rule=CASE_RULE, reform=REFORM, **arguments)
    assert raised.value.field == field


@needs_dask
def test_no_client_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """No client given and none made: a clear error naming what to give."""
    distributed = pytest.importorskip("distributed")

    def none() -> object:
        msg = "No clients found"
        raise ValueError(msg)

    monkeypatch.setattr(distributed, "default_client", none)
    with pytest.raises(InvalidValueError, match="address of a scheduler"):
        simulate_on_cluster(BUNDLED_CSV, rule=CASE_RULE, reform=REFORM)


def test_without_dask_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Dask missing: an ImportError that names the extra to install."""
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ImportError, match=r"pip install 'skillchain\[dask\]'"):
        simulate_on_cluster(BUNDLED_CSV, rule=CASE_RULE, reform=REFORM)


def test_importing_skillchain_does_not_import_dask() -> None:
    """The package, its simulation and this module leave Dask unimported."""
    code = (
        "import sys, skillchain, skillchain.simulation, skillchain.cluster; "
        "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
