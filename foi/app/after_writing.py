"""What to do once the letter is written, in plain words: where to send it, when the reply is
due and what to do if it is late, and where the file is.

Only what is known is said: an email or postal address from the directory (or typed by the person),
the body's WhatDoTheyKnow page, or else where to look for the address. Nothing is invented.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from foi.letter.drafting import Draft
from foi.support.dates import long_date


def next_steps(draft: Draft, written: list[Path]) -> str:
    """The lines shown after writing: the file, where to send it, the due date, if it is late."""
    lines = [""]
    if len(written) == 1:
        lines.append(f"Your letter is saved in {written[0].resolve()}")
    elif written:
        lines += ["Your letters are saved in:", *(f"  {path.resolve()}" for path in written)]
    lines += ["", "What to do next:", *_where_to_send(draft), *_when(draft)]
    if draft.second is not None:
        lines.append(f"  Two letters were written: send the second to {draft.second.authority.name} as well "
                     "(the preview said why).")
    if draft.regime.is_foi:
        lines.append("  This asks for recorded information about how things are done. For the records "
                     "about you yourself (your own file), write a subject access request instead: "
                     "choose \"a copy of my own records\" next time.")
    return "\n".join(_wrapped(line) for line in lines)


def _wrapped(line: str) -> str:
    """A line wrapped to the terminal; addresses and links are never broken."""
    if not line.startswith("  ") or line.startswith("  /"):
        return line
    width = max(min(shutil.get_terminal_size((80, 24)).columns, 100) - 1, 40)
    return "\n".join(textwrap.wrap(line.strip(), width=width, initial_indent="  ", subsequent_indent="    ",
                                   break_long_words=False, break_on_hyphens=False))


def _where_to_send(draft: Draft) -> list[str]:
    body = draft.authority
    site = f" ({body.home_page})" if body.home_page else ""
    if draft.regime.id == "sar":
        return ["  Send it privately to the body's data protection officer: it holds your personal details, so "
                "never post it on a public website. Find the address for subject access requests on "
                f"{body.name}'s website{site}."]
    check = " (check it on the body's website: it could not be confirmed)" if not body.verified else ""
    lines: list[str] = []
    if body.email:
        lines.append(f"  Send it by email to {body.email}{check}.")
    if body.address:
        lines.append(f"  {'Or by' if lines else 'Send it by'} post to: {', '.join(body.address)}.")
    if body.wdtk_url:
        lines.append(f"  {'Or send' if lines else 'Send'} it through WhatDoTheyKnow, which publishes the request "
                     f"and the reply: {body.wdtk_url}")
    if not lines:
        lines.append(f"  Find the Freedom of Information address on {body.name}'s website{site}.")
    return lines


def _when(draft: Draft) -> list[str]:
    from foi.law.next_steps import next_steps as after_due

    deadline = draft.deadline
    lines = [f"  If it arrives on {long_date(deadline.received)}, the reply is due by "
             f"{long_date(deadline.due, weekday=True)}. Keep a copy and note the day you send it."]
    late = next((step for step in after_due(deadline) if step.key == "late_reply"), None)
    if late is not None:
        action = late.action.removeprefix("No reply by the due date: ")
        lines.append(f"  If nothing comes by then: {action[0].lower()}{action[1:]}.")
    return lines
