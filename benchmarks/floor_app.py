"""The floor for any typer command line: a minimal typer app with two commands, running one.

benchmarks/run.py times `python benchmarks/floor_app.py hello` beside each foi command: a foi command
cannot start faster than this without leaving typer, so its time is given as a multiple of it.
"""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Greet someone."""
    print(f"Hello {name}")


@app.command()
def bye(name: str = "world") -> None:
    """Say goodbye to someone."""
    print(f"Goodbye {name}")


if __name__ == "__main__":
    app()
