"""Deciding a population in several processes, or on a Dask cluster.

A population file is cut into parts: ranges of bytes that start at a line, each
read by a worker process (the parts of a CSV file each read the header again).
Every part's cases are numbered and named as in a reading of the whole file, so
messages and ``line N`` names do not depend on the cut.  A worker decides its part
with :func:`skillchain.simulation.simulate` and sends back the part's summary and,
in file order, what the caller's callbacks are to see (changed cases, bad rows,
cases the rule refused); the calling process replays those in file order and
merges the summaries exactly (:meth:`SimulationSummary.merge`).  At most two parts
per worker are under way at once and a part is a few MiB, so memory stays flat.

The calling process reads the file only to find where lines start (a count of
newlines, at memory speed).  A part's end is assumed to fall between two CSV
records; a worker whose part ends inside a quoted cell (one that holds a line
break) says so, and from that part on the calling process reads the rest of the
file itself, as one process would.

A population given as cases in memory (or standard input) is read by the calling
process, which sends the cases to the workers in chunks.
"""

import collections
import contextlib
import copyreg
import csv
import io
import multiprocessing
import os
import pickle
import threading
import typing
import uuid

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any, Final, Protocol

import attrs

from skillchain.comparison import Case, Change
from skillchain.errors import (
    InvalidValueError,
    PopulationError,
    SkillchainError,
)
from skillchain.policy import Policy
from skillchain.rules import Rule
from skillchain.simulation import (
    SimulationSummary,
    read_part_lines,
    read_population_lines,
    simulate,
)


__all__ = [
    "CHUNK",
    "PART_BYTES",
    "BadRow",
    "Entry",
    "Event",
    "Here",
    "OnError",
    "Part",
    "Pending",
    "Population",
    "Replay",
    "Result",
    "Setup",
    "Shared",
    "count_workers",
    "decide_here",
    "decide_into",
    "decide_part",
    "decide_shared",
    "drive",
    "drive_fed",
    "dumps",
    "finish",
    "guided",
    "parts_of",
    "population_of",
    "prepare",
    "share",
    "simulate_cases",
    "simulate_file",
    "without_line",
]

PART_BYTES: Final = (2 << 20, 16 << 20)
"""The smallest and largest part a file is cut into, in bytes (about 6 700 and
53 000 rows of the bundled population): a part costs a reader's set-up (some
milliseconds) besides its rows."""
_GUIDE: Final = 4
"""A part is the bytes left shared among this many parts per worker (within
:data:`PART_BYTES`), so that no worker is left alone with a long last part."""
CHUNK: Final = 500
"""How many cases in memory go to a worker at a time."""
_AHEAD: Final = 2
"""How many parts per worker may be under way at once."""
_BLOCK: Final = 1 << 20
"""How many bytes the newline count reads at a time."""

OnError = Callable[[int | None, Case, SkillchainError], object]
"""Called with the line (``None`` for cases in memory), the case and the error of
a case the rule refused."""
BadRow = Callable[[PopulationError], object]


def count_workers(workers: int) -> int:
    """How many processes *workers* asks for: itself, or one per core for ``0``.

    Raises:
        InvalidValueError: *workers* is not a whole number of at least 0.
    """
    if type(workers) is not int or workers < 0:
        raise InvalidValueError(
            field="workers",
            problem=f"got {workers!r}",
            expected="a whole number of processes, at least 1 (0: one per core)",
        )
    if workers:
        return workers
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # pragma: no cover - platforms without affinity
        return os.cpu_count() or 1


# ---------------------------------------------------------------- the file's parts


@attrs.frozen
class Population:
    """A population file as it is cut into parts."""

    path: str
    """The file's path, as the workers open it."""
    file: str
    """The file as messages name it (as it was given)."""
    kind: str
    """``"csv"`` or ``"jsonl"``."""
    header_end: int
    """Where the data starts: the bytes of the CSV header (0 for JSON Lines)."""
    header_lines: int
    """The lines of the CSV header (0 for JSON Lines)."""
    size: int
    """The file's size in bytes, when it was cut."""


@attrs.frozen
class Part:
    """A range of a population file that starts at a line, and its first line's number."""

    start: int
    """The byte the part starts at (the start of a line)."""
    end: int
    """The byte after the part's last (the start of a line, or the end of the file)."""
    first_line: int
    """The number of the part's first line in the whole file (1 is the first)."""
    last: bool
    """Whether the part ends where the file ends."""


def population_of(
    source: str | Path,
    rule: Rule,
    *,
    on: date | None = None,
    kind: str | None = None,
) -> Population:
    """Check a population file as :func:`read_population_lines` does; where its data starts.

    Raises:
        PopulationError: As :func:`read_population_lines` raises it (the file's
            suffix, its existence, its CSV header).
        InvalidValueError: *kind* is neither ``"csv"`` nor ``"jsonl"``.
    """
    read_population_lines(source, rule, on=on, kind=kind)  # checks; reads nothing more
    path = Path(source)
    found = kind or ("jsonl" if path.suffix.lower() == ".jsonl" else "csv")
    header_end = header_lines = 0
    with path.open("rb") as stream:
        if found == "csv":
            header_end, header_lines = _header_extent(stream)
        size = stream.seek(0, io.SEEK_END)
    return Population(
        path=os.path.abspath(path),  # noqa: PTH100 - the workers' directory may differ
        file=str(source),
        kind=found,
        header_end=header_end,
        header_lines=header_lines,
        size=size,
    )


def _header_extent(stream: typing.BinaryIO) -> tuple[int, int]:
    """The bytes and lines of the CSV header record at the start of *stream*."""
    read = 0

    def lines() -> Iterator[str]:
        nonlocal read
        while line := stream.readline():
            read += 1
            yield line.decode("utf-8", "replace")

    next(csv.reader(lines(), strict=True), None)
    return stream.tell(), read


def parts_of(
    population: Population, part_bytes: int | Callable[[int], int]
) -> Iterator[Part]:
    """Cut *population*'s data into parts of about *part_bytes*, lazily.

    *part_bytes* is a size, or a function of the bytes left (see :func:`guided`).
    Each part ends at the first line start at or after its share of bytes; the
    lines before each part are counted on the way.
    """
    size = population.size
    share = part_bytes if callable(part_bytes) else lambda _: part_bytes
    with Path(population.path).open("rb", buffering=0) as stream:
        start = population.header_end
        line = population.header_lines + 1
        stream.seek(start)
        while start < size:
            target = min(start + max(1, share(size - start)), size)
            newlines = 0
            position = start
            while position < target:
                block = stream.read(min(_BLOCK, target - position))
                if not block:
                    break
                newlines += block.count(b"\n")
                position += len(block)
            end = position
            if end < size and not _after_newline(stream, end):
                while True:  # on to the start of the next line
                    block = stream.read(1 << 16)
                    if not block:
                        end = size
                        break
                    found = block.find(b"\n")
                    if found >= 0:
                        end += found + 1
                        newlines += 1
                        stream.seek(end, io.SEEK_SET)
                        break
                    end += len(block)
            yield Part(start=start, end=end, first_line=line, last=end >= size)
            line += newlines
            start = end


def _after_newline(stream: typing.BinaryIO, position: int) -> bool:
    """Whether the byte before *position* is a newline (the stream is left at it)."""
    stream.seek(position - 1)
    before = stream.read(1)
    return before == b"\n"


class _Span(io.RawIOBase):
    """The bytes of one range of a file, as a stream of their own."""

    def __init__(self, raw: typing.BinaryIO, start: int, end: int) -> None:
        super().__init__()
        self.raw = raw
        self.left = end - start
        raw.seek(start)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), self.left)
        if size <= 0:
            return 0
        with memoryview(buffer) as view:
            got = self.raw.readinto(view[:size])  # type: ignore[attr-defined]
        self.left -= got
        return int(got)


# ---------------------------------------------------------------- in a worker


@attrs.frozen
class Setup:
    """What every part of a run shares; sent to each worker once."""

    rule: Rule
    baseline: Policy
    reform: Policy
    population: Population | None
    """The file the parts are read from (``None``: cases sent in chunks)."""
    on: date | None
    """The evaluation day of rows without their own."""
    stop_bad: bool
    """Whether a part stops at its first bad row (nobody collects them: the run
    stops there)."""
    stop_refused: bool
    """Whether a part stops at its first case the rule refuses (likewise)."""
    changes: bool
    """Whether the changed cases are sent back."""
    view: Callable[[Change], object] | None
    """Applied to each changed case in the worker (``None``: the change itself)."""


_CHANGE: Final = "change"
_BAD: Final = "bad"
_REFUSED: Final = "refused"

Event = tuple[Any, ...]
"""What a callback is to see, in file order: ``("change", what)``,
``("bad", error)`` or ``("refused", line, case, error)``."""
Entry = tuple[int | None, Case] | PopulationError
"""A case read by the calling process (with its line), or a bad row it met."""


class _Part:
    """The state of one part as it is decided."""

    def __init__(self, setup: Setup, sink: Callable[[Event], object]) -> None:
        self.setup = setup
        self.sink = sink
        self.line: int | None = None
        self.stop = False
        self.cut = False
        self.ended: Callable[[], bool] = lambda: False

    def bad(self, error: PopulationError) -> None:
        if self.ended():
            # A record cut by the part's end: the next part has the rest of it.
            self.cut = self.stop = True
            return
        if self.setup.stop_bad:
            self.stop = True
        self.sink((_BAD, error))

    def refused(self, case: Case, error: SkillchainError) -> None:
        if self.setup.stop_refused:
            self.stop = True
        self.sink((_REFUSED, self.line, case, error))

    def changed(self, change: Change) -> None:
        view = self.setup.view
        self.sink((_CHANGE, change if view is None else view(change)))

    def cases(self, pairs: Iterable[tuple[int, Case]]) -> Iterator[Case]:
        for line, case in pairs:
            if self.stop:
                return
            self.line = line
            yield case

    def entries(self, entries: Iterable[Entry]) -> Iterator[Case]:
        for entry in entries:
            if self.stop:
                return
            if isinstance(entry, PopulationError):
                self.bad(entry)
                continue
            self.line, case = entry
            yield case

    def decide(self, cases: Iterable[Case]) -> SimulationSummary:
        setup = self.setup
        return simulate(
            cases,
            rule=setup.rule,
            baseline=setup.baseline,
            reform=setup.reform,
            on_change=self.changed if setup.changes else None,
            on_error=self.refused,
        )


def decide_into(
    setup: Setup, task: Part | list[Entry] | bytes, sink: Callable[[Event], object]
) -> tuple[SimulationSummary, bool]:
    """Decide one part (or a chunk of cases, maybe pickled); hand its events to *sink*.

    Returns the part's summary and whether the part ended inside a CSV record.
    """
    state = _Part(setup, sink)
    part: Part | list[Entry] = (
        pickle.loads(task)  # noqa: S301 - our own chunk
        if isinstance(task, bytes)
        else task
    )
    if isinstance(part, list):
        return state.decide(state.entries(part)), False
    population = setup.population
    if population is None:  # pragma: no cover - a part comes with its file
        msg = "a part without its file"
        raise TypeError(msg)
    with Path(population.path).open("rb", buffering=0) as raw:
        head = io.BytesIO(raw.read(population.header_end)).readlines()
        stream = io.BufferedReader(_Span(raw, part.start, part.end), 1 << 16)
        pairs, ended = read_part_lines(
            typing.cast("typing.BinaryIO", stream),
            setup.rule,
            file=population.file,
            kind=population.kind,
            head=head,
            first_line=part.first_line,
            on=setup.on,
            on_bad_row=state.bad,
        )
        if not part.last:
            state.ended = ended
        summary = state.decide(state.cases(pairs))
    return summary, state.cut


Result = tuple[SimulationSummary, list[Event], bool]
"""A decided part: its summary, its events and whether it was cut inside a record."""


def decide_here(setup: Setup, task: Part | list[Entry] | bytes) -> Result:
    """Decide one part (or chunk) in this process, keeping its events."""
    events: list[Event] = []
    summary, cut = decide_into(setup, task, events.append)
    return summary, events, cut


def decide_part(setup: Setup, task: Part | list[Entry] | bytes) -> bytes:
    """Decide one part in a worker: its summary, events and cut, pickled."""
    return dumps(decide_here(setup, task))


Shared = tuple[str, bytes]
"""A run's :class:`Setup`, pickled, with a token naming the run."""


def share(setup: Setup) -> Shared:
    """*setup* as it is sent to the workers: pickled once, named by a new token.

    A worker unpickles it once per thread (:func:`decide_shared`), so no two
    threads share the policies' caches, and bytes can be copied from worker to
    worker while a part is being decided.

    Raises:
        InvalidValueError: The rule (or the *view*) cannot be pickled.
    """
    try:
        data = dumps(setup)
    except (pickle.PicklingError, TypeError, AttributeError) as exc:
        raise InvalidValueError(
            field="rule",
            problem=f"{setup.rule.id} cannot be sent to worker processes "
            f"({str(exc)[:120]})",
            expected="a rule whose function is defined at the top level of an "
            "importable module, or workers=1",
        ) from None
    return uuid.uuid4().hex, data


_THREAD = threading.local()
"""A worker thread's setup: the token of its run and the setup."""


def decide_shared(shared: Shared, task: Part | list[Entry] | bytes) -> bytes:
    """Decide one part of the run *shared* in a worker (a pool's or Dask's)."""
    token, data = shared
    if getattr(_THREAD, "token", None) != token:
        _THREAD.setup = pickle.loads(data)  # noqa: S301 - from the calling process
        _THREAD.token = token
    setup: Setup = _THREAD.setup
    return decide_part(setup, task)


# ---------------------------------------------------------------- pickling


def _rebuild_case(name: str, on: date, facts: dict[str, object]) -> Case:
    return Case(name=name, on=on, facts=facts)


def _rebuild_error(
    cls: type[BaseException], args: tuple[object, ...], state: dict[str, object]
) -> BaseException:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


class _Pickler(pickle.Pickler):
    """Pickles cases (their facts are read-only) and errors (keyword arguments)."""

    dispatch_table = copyreg.dispatch_table.copy()

    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, BaseException):
            return _rebuild_error, (type(obj), obj.args, obj.__dict__)
        return NotImplemented


def _reduce_case(case: Case) -> tuple[Callable[..., Case], tuple[object, ...]]:
    return _rebuild_case, (case.name, case.on, dict(case.facts))


_Pickler.dispatch_table[Case] = _reduce_case


def dumps(value: object) -> bytes:
    """*value* pickled, cases and errors included."""
    buffer = io.BytesIO()
    _Pickler(buffer, pickle.HIGHEST_PROTOCOL).dump(value)
    return buffer.getvalue()


# ---------------------------------------------------------------- in the calling process


class Replay:
    """Replays the parts' events to the callbacks in order and merges the summaries."""

    def __init__(
        self,
        empty: SimulationSummary,
        *,
        on_change: Callable[[Any], object] | None,
        on_bad_row: BadRow | None,
        on_error: OnError | None,
        progress: Callable[[int], object] | None,
    ) -> None:
        self.summary = empty
        self.on_change = on_change
        self.on_bad_row = on_bad_row
        self.on_error = on_error
        self.progress = progress

    def event(self, event: Event) -> None:
        """Hand one event to its callback (raise the error when there is none)."""
        kind = event[0]
        if kind == _CHANGE:
            if self.on_change is not None:
                self.on_change(event[1])
        elif kind == _BAD:
            if self.on_bad_row is None:
                raise event[1]
            self.on_bad_row(event[1])
        else:
            _, line, case, error = event
            if self.on_error is None:
                raise error
            self.on_error(line, case, error)

    def take(self, payload: bytes | Result) -> bool:
        """Replay and merge a part; ``False`` if the part was cut inside a record.

        *payload* is a worker's (pickled) or one decided here.
        """
        found: Result = (
            pickle.loads(payload)  # noqa: S301 - from our workers
            if isinstance(payload, bytes)
            else payload
        )
        summary, events, cut = found
        if cut:
            return False
        for event in events:
            self.event(event)
        self.merge(summary)
        return True

    def merge(self, summary: SimulationSummary) -> None:
        """Add one part's summary."""
        self.summary = SimulationSummary.merge(self.summary, summary)
        if self.progress is not None:
            self.progress(self.summary.cases)


class Pending(Protocol):
    """A task under way: a :class:`concurrent.futures.Future` or a Dask future."""

    def done(self) -> bool:
        """Whether the task has finished."""

    def result(self) -> Any:
        """Wait for the task; its result."""

    def cancel(self) -> Any:
        """Give up the task if it has not started."""


@attrs.frozen
class Here:
    """A task decided in the calling process: its result, at hand."""

    value: Result

    def done(self) -> bool:
        """Always: it was decided before it was queued."""
        return True

    def result(self) -> Result:
        """The result."""
        return self.value

    def cancel(self) -> bool:
        """Nothing to give up."""
        return False


_END: Final = object()


def drive(
    tasks: Iterable[Any],
    *,
    submit: Callable[[Any], Pending],
    slots: int,
    replay: Replay,
    here: Callable[[Any], Result] | None = None,
) -> Part | None:
    """Hand *tasks* out and replay their results in order.

    At most *slots* tasks are under way in the workers at a time.  With *here*,
    the calling process decides tasks too, whenever the workers are all busy and
    the oldest task is not finished.  Results that finish before an older one
    wait their turn, at most ``2 * slots + 2`` of them: memory stays bounded
    however slow one task is.  Returns the first part that was cut inside a CSV record (its
    results and those of every later part are dropped), or ``None``.
    """
    source = iter(tasks)
    pending: collections.deque[tuple[Any, Pending]] = collections.deque()
    held = 2 * slots + 2  # results held back at most, waiting for an older one
    more = True
    try:
        while True:
            while (
                more
                and len(pending) < held
                and sum(not p.done() for _, p in pending) < slots
            ):
                task = next(source, _END)
                if task is _END:
                    more = False
                    break
                pending.append((task, submit(task)))
            while pending and pending[0][1].done():
                task, future = pending.popleft()
                if not replay.take(future.result()):
                    return typing.cast("Part", task)
            if here is not None and more and len(pending) < held:
                task = next(source, _END)
                if task is _END:
                    more = False
                else:
                    pending.append((task, Here(here(task))))
                continue
            if not pending:
                if more:
                    continue
                return None
            task, future = pending.popleft()
            if not replay.take(future.result()):
                return typing.cast("Part", task)
    finally:
        for _, future in pending:
            future.cancel()


class _Waiting:
    """A task this process is deciding: done once its result is set."""

    def __init__(self) -> None:
        self.value: Result | None = None

    def done(self) -> bool:
        return self.value is not None

    def result(self) -> Result:
        if self.value is None:  # pragma: no cover - set before it is asked for
            msg = "a task decided here was asked for before it was decided"
            raise RuntimeError(msg)
        return self.value

    def cancel(self) -> bool:
        return False


class _Feed:
    """Hands tasks out in order: to each worker as soon as it is free (from the
    thread that learns it is), and to this process; keeps them in order."""

    def __init__(
        self, tasks: Iterable[Any], submit: Callable[[Any], Future[Any]]
    ) -> None:
        self.source = iter(tasks)
        self.submit = submit
        self.lock = threading.Lock()
        self.pending: collections.deque[tuple[Any, Pending]] = collections.deque()
        self.more = True
        self.failure: BaseException | None = None

    def _next(self) -> Any:
        """The next task, or :data:`_END` (under the lock)."""
        if not self.more:
            return _END
        task = next(self.source, _END)
        if task is _END:
            self.more = False
        return task

    def to_worker(self) -> None:
        """Give the next task to a worker; when it is done, give that worker another."""
        with self.lock:
            task = self._next()
            if task is _END:
                return
            future = self.submit(task)
            self.pending.append((task, future))
        future.add_done_callback(self._freed)

    def _freed(self, future: Future[Any]) -> None:
        if future.cancelled() or future.exception() is not None:
            return  # the calling process finds out when it asks for the result
        try:
            self.to_worker()
        except BaseException as exc:  # noqa: BLE001 - raised in the calling process
            self.failure = exc

    def here(self) -> tuple[Any, _Waiting] | None:
        """The next task, for this process to decide, or ``None``."""
        with self.lock:
            task = self._next()
            if task is _END:
                return None
            waiting = _Waiting()
            self.pending.append((task, waiting))
        return task, waiting

    def first(self) -> tuple[Any, Pending] | None:
        """The oldest task not yet replayed."""
        with self.lock:
            return self.pending[0] if self.pending else None

    def pop(self) -> None:
        """Drop the oldest task (replayed)."""
        with self.lock:
            self.pending.popleft()

    def close(self) -> None:
        """Hand out nothing more; give up the tasks not yet started."""
        with self.lock:
            self.more = False
            left = list(self.pending)
        for _, future in left:
            future.cancel()


def drive_fed(
    tasks: Iterable[Part],
    *,
    submit: Callable[[Part], Future[Any]],
    workers: int,
    replay: Replay,
    here: Callable[[Part], Result],
) -> Part | None:
    """Decide *tasks* in *workers* other processes and in this one; replay in order.

    Each worker gets its next task as soon as it is done with one (no task waits
    in a worker's queue, so none is committed to a worker that is behind); this
    process decides the next one whenever it is free, and replays the results in
    order in between.  Returns the first part cut inside a CSV record, or ``None``.
    """
    feed = _Feed(tasks, submit)
    held = 2 * workers + 2  # results held back at most, waiting for an older one
    try:
        for _ in range(workers):
            feed.to_worker()
        while True:
            if feed.failure is not None:
                raise feed.failure
            oldest = feed.first()
            if oldest is not None and oldest[1].done():
                feed.pop()
                if not replay.take(oldest[1].result()):
                    return typing.cast("Part", oldest[0])
                continue
            if len(feed.pending) < held:
                mine = feed.here()
                if mine is not None:
                    task, waiting = mine
                    waiting.value = here(task)
                    continue
            if oldest is None:
                if feed.more:  # pragma: no cover - a worker is being given a task
                    continue
                return None
            feed.pop()
            if not replay.take(oldest[1].result()):
                return typing.cast("Part", oldest[0])
    finally:
        feed.close()


def _context() -> Any:
    return multiprocessing.get_context("spawn")


@contextlib.contextmanager
def _pool(workers: int, setup: Setup) -> Iterator[Callable[[Any], Future[Any]]]:
    """Submits a task to a pool of *workers* processes (none: never called).

    The setup goes with every task rather than to a worker as it starts: a
    process starting takes its arguments only once it has imported the calling
    script, and this process would wait for that.  A worker unpickles it once.
    The tasks not started are given up when the block is left.
    """
    if workers < 1:
        yield _never
        return
    shared = share(setup)
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        try:
            yield lambda task: pool.submit(decide_shared, shared, task)
        finally:
            pool.shutdown(cancel_futures=True)


def _never(task: object) -> Future[Any]:  # pragma: no cover - no worker to call it
    msg = f"no worker process to decide {task!r}"
    raise RuntimeError(msg)


def prepare(
    *,
    rule: Rule,
    baseline: Policy,
    reform: Policy,
    population: Population | None,
    on: date | None,
    on_change: Callable[[Any], object] | None,
    view: Callable[[Change], object] | None,
    on_bad_row: BadRow | None,
    on_error: OnError | None,
    progress: Callable[[int], object] | None,
) -> tuple[Setup, Replay]:
    """What the workers share, and the replay of their parts to the callbacks."""
    setup = Setup(
        rule=rule,
        baseline=baseline,
        reform=reform,
        population=population,
        on=on,
        stop_bad=on_bad_row is None,
        stop_refused=on_error is None,
        changes=on_change is not None,
        view=view,
    )
    replay = Replay(
        simulate((), rule=rule, baseline=baseline, reform=reform),
        on_change=on_change,
        on_bad_row=on_bad_row,
        on_error=on_error,
        progress=progress,
    )
    return setup, replay


def finish(setup: Setup, replay: Replay, cut: Part | None) -> SimulationSummary:
    """The run's summary, once its parts are in: the rest of a file cut inside a
    CSV record is read in this process (as one process would read it)."""
    if cut is not None and setup.population is not None:
        rest = Part(
            start=cut.start,
            end=setup.population.size,
            first_line=cut.first_line,
            last=True,
        )
        summary, _ = decide_into(setup, rest, replay.event)
        replay.merge(summary)
    if replay.progress is not None:
        replay.progress(replay.summary.cases)
    return replay.summary


def without_line(
    on_error: Callable[[Case, SkillchainError], object] | None,
) -> OnError | None:
    """*on_error* as :func:`simulate` takes it, for a run that also gives the line."""
    if on_error is None:
        return None
    return lambda _, case, error: on_error(case, error)


def guided(workers: int) -> Callable[[int], int]:
    """Part sizes for *workers* processes: a share of the bytes left, within
    :data:`PART_BYTES`.

    The parts shrink as the file is used up, so that the processes finish
    together: the last parts are small, the first ones few and large (a part
    costs a reader's set-up besides its rows).
    """
    low, high = PART_BYTES

    def size(left: int) -> int:
        return max(low, min(high, left // (_GUIDE * workers)))

    return size


def simulate_file(
    source: str | Path,
    *,
    rule: Rule,
    baseline: Policy,
    reform: Policy,
    workers: int,
    on: date | None = None,
    kind: str | None = None,
    on_change: Callable[[Any], object] | None = None,
    view: Callable[[Change], object] | None = None,
    on_bad_row: BadRow | None = None,
    on_error: OnError | None = None,
    progress: Callable[[int], object] | None = None,
    part_bytes: int | None = None,
) -> SimulationSummary:
    """Simulate a population file in *workers* processes (see :func:`simulate`).

    This process is one of them: it starts ``workers - 1`` others, and decides
    parts itself whenever they are all busy.

    *view*, if given, is applied to each changed case in the worker (it must be a
    function of a module, to be sent there) and *on_change* gets its result.
    """
    population = population_of(source, rule, on=on, kind=kind)
    setup, replay = prepare(
        rule=rule,
        baseline=baseline,
        reform=reform,
        population=population,
        on=on,
        on_change=on_change,
        view=view,
        on_bad_row=on_bad_row,
        on_error=on_error,
        progress=progress,
    )
    size = part_bytes or guided(workers)
    with _pool(workers - 1, setup) as submit:
        cut = drive_fed(
            parts_of(population, size),
            submit=submit,
            workers=workers - 1,
            replay=replay,
            here=lambda task: decide_here(setup, task),
        )
    return finish(setup, replay, cut)


def simulate_cases(
    read: Callable[[BadRow], Iterable[tuple[int | None, Case]]],
    *,
    rule: Rule,
    baseline: Policy,
    reform: Policy,
    workers: int,
    on_change: Callable[[Any], object] | None = None,
    view: Callable[[Change], object] | None = None,
    on_bad_row: BadRow | None = None,
    on_error: OnError | None = None,
    progress: Callable[[int], object] | None = None,
    chunk: int = CHUNK,
) -> SimulationSummary:
    """Simulate cases read in this process, in *workers* processes, chunk by chunk.

    This process is one of them, as in :func:`simulate_file`.

    ``read(bad)`` gives the cases with their lines; a reader passes *bad* as its
    ``on_bad_row`` so that bad rows keep their place among the cases.  An error
    the cases raise is raised after every case before it has been decided and
    its callbacks called.
    """
    setup, replay = prepare(
        rule=rule,
        baseline=baseline,
        reform=reform,
        population=None,
        on=None,
        on_change=on_change,
        view=view,
        on_bad_row=on_bad_row,
        on_error=on_error,
        progress=progress,
    )
    chunks = _Chunks(read, chunk)
    with _pool(workers - 1, setup) as submit:
        drive(
            chunks,
            submit=lambda task: submit(dumps(task)),
            slots=_AHEAD * (workers - 1),
            replay=replay,
            here=lambda task: decide_here(setup, task),
        )
    if chunks.failure is not None:
        raise chunks.failure
    return finish(setup, replay, None)


class _Chunks:
    """The cases of ``read(bad)``, a chunk at a time, bad rows in place."""

    def __init__(
        self, read: Callable[[BadRow], Iterable[tuple[int | None, Case]]], size: int
    ) -> None:
        self.read = read
        self.size = size
        self.chunk: list[Entry] = []
        self.failure: BaseException | None = None

    def bad(self, error: PopulationError) -> None:
        self.chunk.append(error)

    def __iter__(self) -> Iterator[list[Entry]]:
        try:
            for entry in self.read(self.bad):
                self.chunk.append(entry)
                if len(self.chunk) >= self.size:
                    yield self._take()
        except Exception as exc:  # noqa: BLE001 - raised once the cases before it are in
            self.failure = exc
        if self.chunk:
            yield self._take()

    def _take(self) -> list[Entry]:
        chunk, self.chunk = self.chunk, []
        return chunk
