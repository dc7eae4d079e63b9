"""What the checker reports: one Finding per weakness, with where it is and how to fix it."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

ERROR = "error"
WARNING = "warning"
INFO = "info"
SEVERITIES = (ERROR, WARNING, INFO)
# Order used when sorting or choosing the worst finding: errors first.
RANK = {ERROR: 0, WARNING: 1, INFO: 2}


@dataclass(frozen=True)
class Finding:
    """One weakness in a request: which rule, how serious, what is wrong, how to fix it, and where.

    line and column are 1-based positions in the text as given; excerpt is the words the rule
    read, on one line, so a person can find them without counting.
    """

    rule: str
    severity: str
    message: str
    suggestion: str
    line: int
    column: int
    excerpt: str

    def as_dict(self) -> dict[str, Any]:
        """The JSON object for `foi check --format json`: exactly the seven documented keys."""
        return asdict(self)
