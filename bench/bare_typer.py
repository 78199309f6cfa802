"""The yardstick for bench/run.py: a bare Typer hello-world, started the same way as skincli.

Whatever this costs (interpreter start-up, site, importing Typer and its bundled click, building one
command) is the floor for any Typer CLI in this environment; skincli's budgets are ratios to it.
"""

import typer

app = typer.Typer()


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    print(f"Hello {name}")


if __name__ == "__main__":
    app()
