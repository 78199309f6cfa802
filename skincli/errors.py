"""Domain errors. The CLI maps them to exit codes; the domain never touches Typer."""

from __future__ import annotations

from typing import IO, Any, NamedTuple


class SkincliError(Exception):
    """A problem the user can fix; exit code 1."""

    exit_code = 1


class Problem(NamedTuple):
    """One problem in a file, rendered as `path:line:column: message` like compilers do."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class KnowledgeBaseError(SkincliError):
    """The knowledge base (or overlay) cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class NotFoundError(SkincliError):
    """A name that matches nothing; carries close matches for a 'did you mean'."""

    def __init__(self, what: str, name: str, suggestions: list[str], hint: str | None = None) -> None:
        self.what = what
        self.name = name
        self.suggestions = suggestions
        msg = f"no {what} named {name!r}"
        if suggestions:
            msg += "; did you mean: " + ", ".join(suggestions) + "?"
        if hint:
            msg += f"; {hint}"
        super().__init__(msg)


class UnknownNamesError(NotFoundError):
    """Several names that match nothing, reported together: `no ingredients named 'x' (did you mean Y?), 'z'`."""

    def __init__(self, what: str, names: list[tuple[str, list[str]]]) -> None:
        self.what, self.names = what, names
        self.name = ", ".join(n for n, _ in names)
        self.suggestions = [s for _, found in names for s in found]
        parts = [f"{n!r}" + (f" (did you mean {', '.join(found)}?)" if found else "") for n, found in names]
        Exception.__init__(self, f"no {what} named " + ", ".join(parts))


class InputError(SkincliError):
    """Bad input that is not a knowledge-base file: a missing label file, an empty name."""


def open_input(path: str, mode: str = "rb", *, expected: str = "a text file", **kwargs: Any) -> IO[Any]:
    """Open a file the user named, as `open` does, with each way it can fail said in one line: the
    path, what went wrong and what to give instead (an InputError, exit code 1), never a traceback."""
    try:
        return open(path, mode, **kwargs)  # noqa: SIM115 - the caller closes it
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory; give {expected}") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


class UsageError(SkincliError):
    """A request that cannot be answered as asked (the same ingredient twice to compare); exit code 2."""

    exit_code = 2
