"""``python -m skillchain``: the command line of :mod:`skillchain.cli`."""

import sys

from skillchain.cli import main


__all__ = ["main"]

if __name__ == "__main__":
    sys.exit(main())
