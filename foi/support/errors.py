"""The one error hierarchy: every problem a user can fix is a FoiError with a one-line message.

Exit codes (documented in the README):
0 ok; 1 user error or failed check; 2 usage; 130 interrupted.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_USER = 1
EXIT_USAGE = 2
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
    """An answer is missing or invalid; the message names the key and where it came from."""


class DataError(FoiError):
    """A data file (answers, scenario, directory, holidays) cannot be read or is malformed."""


class FileExistsProblem(FoiError):
    """An output file exists and --force was not given; nothing was written."""
