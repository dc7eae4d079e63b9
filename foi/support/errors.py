"""The one error hierarchy: every problem a user can fix is a FoiError with a one-line message.

Exit codes (documented in the README):
0 ok; 1 user error or failed check; 2 usage; 3 batch rows failed; 130 interrupted.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_USER = 1
EXIT_USAGE = 2
EXIT_ROWS = 3
EXIT_INTERRUPTED = 130


class FoiError(Exception):
    """A problem the user can fix; the message says what and how, on one line."""

    exit_code = EXIT_USER

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageProblem(FoiError):
    """The command line itself is wrong (an unknown key, a malformed --set)."""

    exit_code = EXIT_USAGE


class AnswerError(FoiError):
    """An answer is missing or invalid; the message names the key and where it came from.

    `key` names the answer when one answer is at fault, `problem` says what is wrong with the value
    given (None: no value was given) and `source` where that value came from, so that a batch can
    name the row and column instead.
    """

    def __init__(
        self, message: str, *, key: str | None = None, problem: str | None = None, source: str | None = None
    ) -> None:
        super().__init__(message)
        self.key = key
        self.problem = problem
        self.source = source


class RowsFailed(FoiError):
    """Rows of a batch are invalid: each problem was printed; nothing (or, with --keep-going, only the
    valid rows) was written."""

    exit_code = EXIT_ROWS


class DataError(FoiError):
    """A data file (answers, scenario, directory, holidays) cannot be read or is malformed."""


class FileExistsProblem(FoiError):
    """An output file exists and --force was not given; nothing was written."""
