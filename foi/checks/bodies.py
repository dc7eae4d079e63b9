"""Wrong body: a request about a subject the recipient does not hold.

Universal Credit asked of the Cabinet Office, Jobcentre sanctions asked of a Scottish council: the
answer comes back "not held" weeks later. Which body holds which subject is the directory's one table
(foi/data/matters.yaml, read by foi/directory/matters.py, which `foi new` uses too); this rule only
says which sentences to look at (those that ask for something, outside quotations and procedure) and
words the finding. It runs only when the caller says where the request is going (`--authority`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from foi.checks.finding import WARNING, Finding
from foi.checks.registry import Context, rule

if TYPE_CHECKING:
    from foi.directory import matters


def _asking_text(ctx: Context) -> list[tuple[int, str]]:
    """(offset, text) of each sentence that asks for something, outside quotations."""
    doc = ctx.doc
    return [(s.start, doc.sentence_text(s)) for s in doc.sentences
            if doc.is_asking(s) and not doc.is_procedural(s) and not doc.quoted(s.start)]


@rule("law/wrong-body", WARNING, "asks a body about a subject another body runs (Universal Credit or Jobcentres "
      "asked of a council or the Scottish Government); needs --authority")
def check_wrong_body(ctx: Context) -> Iterable[Finding]:
    if ctx.authority is None:
        return
    # The table of who runs what is read only when there is a destination.
    from foi.directory import matters

    problem = matters.judge_sentences(_asking_text(ctx), ctx.authority, whole=ctx.doc.flat)
    if problem is not None:
        yield _finding(ctx, problem)


def _finding(ctx: Context, problem: matters.WrongBody) -> Finding:
    from foi.directory.authorities import builtin

    directory = builtin()
    name = ctx.authority.name if ctx.authority else "This body"
    body = directory.authorities.get(problem.right_body or "")
    ni = directory.authorities.get(problem.matter.held_by.get("ni", ""))
    where = f"Send this part to {body.name}" if body else "Send this part to the local council"
    if ni and ni is not body:
        where += f" ({ni.name} in Northern Ireland)"
    return ctx.finding(
        "law/wrong-body", WARNING,
        f'"{problem.words}": {name} does not run {problem.matter.what}, so it is likely to answer that it holds no '
        "information, weeks from now.",
        f"{where}; ask {name} only for what it holds itself, such as its own correspondence about it.",
        problem.start, problem.end)
