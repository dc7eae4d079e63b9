"""The wizard's preview: the letter, what the checker finds in it, and a chance to change the answer
behind each finding before anything is written."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from foi.export import registry
from foi.letter.drafting import Draft
from foi.request.intake import Intake, reask
from foi.request.wizard import Wizard
from foi.support import console

# Answers that decide the letter's shape: changing them means starting again, not fixing a phrase.
_NOT_FIXABLE = {"authority", "scenario"}


def review(taken: Intake, draft: Draft, wizard: Wizard, rebuild: Callable[[Intake], Draft]) -> tuple[Intake, Draft] | None:
    """Show the letter and its findings; offer to re-ask the answer behind a finding. None: not written."""
    offered: set[str] = set()
    while True:
        text = registry.render(draft, "text").decode("utf-8")
        console.panel(text, title="Your letter")
        _explain(taken, draft)
        key = _answer_to_change(text, taken, draft, offered)
        if key is not None and wizard.confirm(f"Change your answer to '{key}' to fix this?", default=True):
            offered.add(key)
            taken = reask(taken, key, wizard)
            draft = rebuild(taken)
            continue
        if key is not None:
            offered.add(key)
        return (taken, draft) if wizard.confirm("Write this letter?", default=True) else None


def _explain(taken: Intake, draft: Draft) -> None:
    if taken.target.provider is not None:
        console.info(
            f"{taken.target.provider.name} is not a public authority: the letter goes to "
            f"{draft.authority.name}, asking for what {taken.target.provider.name} holds on its behalf."
        )
    if not draft.authority.verified:
        console.warn(f"the contact details for {draft.authority.name} are not confirmed: check them on its website")


def _answer_to_change(text: str, taken: Intake, draft: Draft, offered: set[str]) -> str | None:
    """Run the checker; print its findings; return the first answer that one of them points at."""
    from foi.checks import check_text
    from foi.checks.report import as_markup

    findings = check_text(text, authority=draft.authority, regime=draft.regime.id, letter_date=draft.letter_date)
    if not findings:
        console.info("The checker found nothing an authority could use to avoid answering.")
        return None
    console.styled(as_markup("your letter", findings), stderr=True)
    for finding in findings:
        key = answer_behind(finding.excerpt, taken)
        if key is not None and key not in offered:
            return key
    return None


def _plain(value: Any) -> str:
    return re.sub(r"\s+", " ", str(value)).strip().lower()


def answer_behind(excerpt: str, taken: Intake) -> str | None:
    """The answer whose words a finding's excerpt quotes (so re-asking it can fix the finding).

    Where several answers appear in the excerpt, the one that covers most of it is the cause.
    """
    quoted = _plain(excerpt)
    if len(quoted) < 3:
        return None
    best: tuple[int, str] | None = None
    for question in taken.questions:
        if question.key in _NOT_FIXABLE or question.type in ("bool", "date"):
            continue
        value = taken.answers.get(question.key)
        for one in value if isinstance(value, list) else [value]:
            said = _plain(one) if one else ""
            if len(said) < 3:
                continue
            overlap = len(quoted) if quoted in said else len(said) if said in quoted else 0
            if overlap and (best is None or overlap > best[0]):
                best = (overlap, question.key)
    return best[1] if best else None
