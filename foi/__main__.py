"""`python -m foi` runs the same command as the `foi` script."""

from foi.cli import main

if __name__ == "__main__":
    main()
