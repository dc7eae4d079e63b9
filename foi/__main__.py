"""`python -m foi` and the `foi` script: the entry point, kept tiny so that Ctrl-C at any moment,
even while the rest of foi is still being imported, exits 130 without a traceback."""

import gc
import sys


def main() -> None:
    """Import and run the command line; an interruption during the import is still an interruption.

    The cyclic garbage collector is held off while foi and its libraries are imported, and what they
    built is then frozen out of its sight: nothing imported is ever garbage, yet the collector would
    walk it all again and again while a command runs (a tenth of the CPU of `foi track list`). It
    collects the command's own garbage as usual.
    """
    gc.disable()
    try:
        from foi.cli import main as run

        gc.freeze()
        gc.enable()
        run()
    except KeyboardInterrupt:
        sys.stderr.write("Interrupted: nothing was written.\n")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
