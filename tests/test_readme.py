"""The README's example runs as written."""

import doctest

from pathlib import Path


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
