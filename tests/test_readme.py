"""The README's example runs as written."""

import doctest

from pathlib import Path

import pytest


README = Path(__file__).resolve().parent.parent / "README.md"


def test_readme_example_runs() -> None:
    """Every >>> line in README.md produces the output shown."""
    text = README.read_text(encoding="utf-8")
    parser = doctest.DocTestParser()
    test = parser.get_doctest(text, {}, "README.md", str(README), 0)
    assert test.examples, "README.md lost its example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test)
    assert (result.failed, result.attempted) == (0, len(test.examples))


def test_readme_shows_the_main_jobs_real_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The demo output shown in README.md is what those commands print today."""
    import io
    import shlex

    from skillchain.__main__ import main

    text = README.read_text(encoding="utf-8")
    block = text.split("<!-- begin-demo-output -->\n```text\n", 1)[1]
    block = block.split("```\n<!-- end-demo-output -->", 1)[0]
    runs: list[tuple[list[str], list[str]]] = []
    lines = block.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        assert line.startswith("$ "), f"expected a command, got {line!r}"
        command = line[2:]
        while command.endswith("\\"):
            index += 1
            command = command[:-1] + lines[index].strip()
        index += 1
        output: list[str] = []
        while index < len(lines) and not lines[index].startswith("$ "):
            output.append(lines[index])
            index += 1
        runs.append((shlex.split(command), output))
    assert [argv[:2] for argv, _ in runs] == [
        ["skillchain", "check"],
        ["skillchain", "simulate"],
    ]
    monkeypatch.chdir(README.parent)
    for argv, expected in runs:
        out = io.StringIO()
        assert main(argv[1:], out=out) == 0
        assert out.getvalue().splitlines() == expected
