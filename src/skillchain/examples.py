"""The example case files and policy overlays, wherever skillchain is installed.

The examples are case files for every rule (``cases/``) and the ILLUSTRATIVE
policy overlays they lay over the bundled policy (``overlays/``): made-up district
figures, such as an apprenticeship occupation directory, that stand in for lists
the district has not published, so that the examples can reach an eligible
outcome.  They are not the district's data.

They ship inside the wheel; in a source checkout (an editable install, or
``PYTHONPATH=src``) they are the repository's ``examples/`` folder beside ``src/``.
:func:`root` finds them either way, :func:`overlay` names one overlay, and
:func:`copy_to` copies them into a folder of your own, as ``skillchain examples
DIR`` does.  Importing :mod:`skillchain` does not import this module.

Example:
    >>> from skillchain import examples
    >>> sorted(p.name for p in examples.root().iterdir() if p.name in examples.FOLDERS)
    ['cases', 'overlays']
    >>> examples.overlay("futian-occupation-directory").name
    'futian-occupation-directory.toml'
"""

import contextlib
import os
import secrets

from importlib.resources import files
from pathlib import Path
from typing import Final


__all__ = ["FOLDERS", "copy_to", "overlay", "root"]

FOLDERS: Final = ("cases", "overlays")
"""The folders of the examples, in the order :func:`copy_to` copies them."""

_PACKAGE_DATA: Final = "_examples"
"""Where the wheel keeps the examples, inside the ``skillchain`` package."""


def _holds_examples(folder: Path) -> bool:
    return all((folder / name).is_dir() for name in FOLDERS)


def root() -> Path:
    """The folder holding the examples' ``cases/`` and ``overlays/`` folders.

    From an installed wheel, the package data; in a source checkout (where the
    package has no data of its own: an editable install or ``PYTHONPATH=src``), the
    repository's ``examples/`` folder next to ``src/``.  Treat it as read-only:
    copy the examples with :func:`copy_to` to change them.

    Raises:
        FileNotFoundError: Neither is there (an installation that left out the
            package data); the message says where it looked.

    Example:
        >>> from skillchain import examples
        >>> (examples.root() / "cases" / "apprenticeship-case.toml").is_file()
        True
    """
    packaged = files("skillchain") / _PACKAGE_DATA
    if isinstance(packaged, Path) and _holds_examples(packaged):
        return packaged
    here = Path(__file__).resolve().parent
    checkout = here.parent.parent / "examples"
    if here.parent.name == "src" and _holds_examples(checkout):
        return checkout
    msg = (
        f"the example files are not installed: neither {packaged} nor a source "
        f"checkout's {checkout} holds the folders {' and '.join(FOLDERS)}; "
        "reinstall skillchain from its wheel, or use a checkout of its repository"
    )
    raise FileNotFoundError(msg)


def _listing(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())


def overlay(name: str) -> Path:
    """The path of the example overlay *name* (with or without ``.toml``).

    Lay it over the bundled policy with :meth:`skillchain.Policy.from_files` and
    :meth:`~skillchain.Policy.overlay`.  Its figures are ILLUSTRATIVE, not the
    district's.

    Raises:
        FileNotFoundError: No example overlay is called *name* (the message names
            the closest), or the examples are not installed (see :func:`root`).

    Example:
        >>> from datetime import date
        >>> from skillchain import Policy
        >>> from skillchain.examples import overlay
        >>> district = Policy.default().overlay(
        ...     Policy.from_files(overlay("futian-occupation-directory")))
        >>> directory = district.at(date(2024, 6, 1)).apprenticeship.occupation_directory
        >>> sorted(str(code) for code in directory.value)
        ['4-02-07-08', '4-10-01-05', '6-31-01-03']
        >>> overlay("futian-occupation-directry")
        Traceback (most recent call last):
          ...
        FileNotFoundError: no example overlay 'futian-occupation-directry'; closest: futian-occupation-directory, ...
    """
    folder = root() / "overlays"
    stem = name.removesuffix(".toml")
    known = {path.stem: path for path in _listing(folder)}
    found = known.get(stem)
    if found is None:
        from skillchain._errors import closest
        from skillchain._redact import shorten

        close = closest(stem[:100], known)
        hint = f"; closest: {', '.join(close)}" if close else ""
        msg = f"no example overlay {shorten(stem)!r}{hint}"
        raise FileNotFoundError(msg)
    return found


def copy_to(
    directory: str | os.PathLike[str], *, overwrite: bool = False
) -> list[Path]:
    """Copy the examples into *directory*: ``cases/…`` and ``overlays/…``.

    The folder (and its ``cases`` and ``overlays`` folders) is created if need be.
    The copies keep their relative places, so the case files still find their
    overlays at ``../overlays/…``: check them with ``skillchain check
    DIR/cases --overlay-root DIR``.

    Nothing is half-written: every file is first written beside its target under
    a temporary name, and the targets are replaced only when all are written.
    Without *overwrite*, nothing at all is written (and no folder is created) if
    any target already exists.

    Args:
        directory: The folder to copy into.
        overwrite: Replace files that already exist (other files in the folder are
            left alone).

    Returns:
        The files written, ``cases`` first, each folder's files sorted by name.

    Raises:
        FileExistsError: Without *overwrite*, some targets already exist; the
            message says how many and names the first.
        IsADirectoryError: A target is a folder (even with *overwrite*).
        NotADirectoryError: *directory*, or its ``cases`` or ``overlays``, is a file.
        FileNotFoundError: The examples are not installed (see :func:`root`).

    Example:
        >>> import shutil, tempfile
        >>> from pathlib import Path
        >>> from skillchain.examples import copy_to
        >>> folder = Path(tempfile.mkdtemp(), "my-examples")
        >>> written = copy_to(folder)
        >>> print(written[0].relative_to(folder))
        cases/apprenticeship-apprentice.toml
        >>> "ILLUSTRATIVE" in written[-1].read_text(encoding="utf-8")
        True
        >>> copy_to(folder)
        Traceback (most recent call last):
          ...
        FileExistsError: ... example files already exist in .../my-examples (the first: .../my-examples/cases/apprenticeship-apprentice.toml); nothing was written
        >>> copy_to(folder, overwrite=True) == written
        True
        >>> shutil.rmtree(folder.parent)
    """
    source = root()
    target = Path(directory)
    pairs = [
        (path, target / folder / path.name)
        for folder in FOLDERS
        for path in _listing(source / folder)
    ]
    for folder in (target, *(target / name for name in FOLDERS)):
        if folder.exists() and not folder.is_dir():
            msg = f"{folder} is a file, not a folder"
            raise NotADirectoryError(msg)
    for _, path in pairs:
        if path.is_dir():
            msg = f"{path} is a folder; nothing was written"
            raise IsADirectoryError(msg)
    existing = [path for _, path in pairs if path.exists() or path.is_symlink()]
    if existing and not overwrite:
        msg = (
            f"{len(existing)} of {len(pairs)} example files already exist in "
            f"{target} (the first: {existing[0]}); nothing was written"
        )
        raise FileExistsError(msg)
    for name in FOLDERS:
        (target / name).mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for path, goal in pairs:
            temporary = goal.with_name(f".{goal.name}.{secrets.token_hex(6)}.tmp")
            with temporary.open("xb") as stream:
                staged.append((temporary, goal))
                stream.write(path.read_bytes())
        for temporary, goal in staged:
            temporary.replace(goal)
    finally:
        for temporary, _ in staged:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
    return [goal for _, goal in pairs]
