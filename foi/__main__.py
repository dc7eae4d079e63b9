"""`python -m foi` and the `foi` script: the entry point, kept tiny so that Ctrl-C at any moment,
even while the rest of foi is still being imported, exits 130 without a traceback."""

import sys


def main() -> None:
    """Import and run the command line; an interruption during the import is still an interruption."""
    try:
        from foi.cli import main as run

        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted: nothing was written.\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
