"""Tone and style: how a request sounds to the officer who reads it.

A heated request (insults, allegations, shouting) gives an authority its easiest way out, s.14
(vexatious: "disruption, irritation or distress", reference A9), and is less likely to be read
generously. Words in quotation marks are someone else's and are left alone; so are the neutral
uses of hard words ("fraud investigations", "domestic abuse").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from foi.checks.finding import INFO, WARNING, Finding
from foi.checks.patterns import any_of, pattern
from foi.checks.registry import Context, rule
from foi.checks.words import phrases, wordlike

# Heated words, each a regular-expression fragment (matched case-blind, on word boundaries), in the order
# they are tried: where two could match at one place, the first listed wins.
EMOTIVE_WORDS = [
    r"disgrace(?:ful)?", r"scandalous", r"outrage(?:ous)?", r"appalling", r"shameful", r"shame\s+on",
    r"disgusting", r"pathetic", r"useless", r"incompeten(?:t|ce)", r"liars?", r"lying\s+(?:to|about)",
    r"are\s+lying", r"were\s+lying", r"been\s+lying", r"lied\s+to", r"crooks?", r"thieves", r"scum",
    r"parasites?", r"vile", r"evil", r"sick\s+(?:of|and\s+tired)", r"fed\s+up",
    r"a\s+(?:complete\s+|total\s+|bad\s+|sick\s+)?joke", r"shambles", r"farce", r"despicable", r"contemptible",
    r"cowards?", r"cowardly", r"heartless", r"inhumane", r"barbaric", r"cruel", r"nazis?", r"gestapo",
    r"fascists?", r"blood\s+on\s+your\s+hands", r"how\s+dare", r"hiding\s+behind", r"cover[\s-]up",
    r"stonewall(?:ing|ed)?", r"fob(?:bed)?\s+(?:me\s+)?off",
    r"deliberately\s+(?:ignor|obstruct|mislead|delay|hid)\w*", r"you\s+people", r"you\s+lot",
    r"bloody(?!\s+Sunday)", r"damn(?:ed)?", r"crap", r"shit\w*", r"f[u*]ck\w*", r"bastards?", r"idiots?",
    r"morons?", r"stupid", r"ridiculous", r"absurd", r"laughable", r"atrocious", r"abysmal", r"diabolical",
    r"witch[\s-]hunt", r"vendetta", r"jobsworths?", r"corrupt(?!\s+(?:data|files?|records?|file))",
    r"rip[\s-]off", r"con\s+artists?", r"shocking", r"tyrann\w+", r"victimising", r"persecuting",
    r"harassing\s+me", r"bullying\s+me", r"wasting\s+taxpayers",
    r"knew\s+(?:that\s+)?(?:what\s+was\s+stated\s+)?(?:was|were|is)\s+(?:untrue|false|a\s+lie)",
    r"knowingly\s+(?:lied|misled)", r"false\s+claims", r"don.t\s+try\s+to\s+be\s+clever",
]
EMOTIVE = pattern(r"\b(" + any_of(EMOTIVE_WORDS, re.IGNORECASE) + r")\b", re.IGNORECASE)
_BANG = pattern(r"[!?]*![!?]+|\?{2,}")


@rule("tone/emotive", WARNING, "insults, allegations, heated words or !!! (risk of s.14, vexatious)")
def check_emotive(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    for regex in (EMOTIVE, _BANG):
        for match in regex.finditer(doc.flat, doc.body_start, doc.body_end):
            if doc.quoted(match.start()) or _proper_name(doc.flat, match.start()):
                continue
            yield ctx.finding(
                "tone/emotive", WARNING,
                f'"{match.group()}" makes the request sound like an argument: an authority can refuse a '
                "request that causes irritation or distress as vexatious (s.14), and it reads less "
                "generously.",
                "Keep to neutral words and to the information you want; put criticism in a separate "
                "complaint.", match.start(), match.end())
            return


def _proper_name(flat: str, start: int) -> bool:
    """A capitalised word mid-sentence is a name ("Alan Crook"), not an insult."""
    if not flat[start].isupper() or flat[start : start + 2].isupper():
        return False
    before = flat[:start].rstrip()
    return bool(before) and before[-1] not in ".!?:\"'\u201c"


_CAPITALS = pattern(r"\b[A-Z]{3,}\b")
_LOWER = pattern(r"[a-z]")
_HEADING_LINE = pattern(r"^[^a-z]{0,80}$")
# Capitalised words that are names of things, not shouting.
_KNOWN_CAPS = {
    "FOIA", "FOISA", "EISR", "GDPR", "HMRC", "DWP", "NHS", "OFSTED", "UNISON", "ACAS", "PIP", "ESA", "JSA",
    "UCAS", "NICE", "SEND", "JETS", "DVLA", "DVSA", "HMCTS", "HMPPS", "CCTV", "DPIA", "OFGEM", "OFWAT",
    "OFCOM", "UNITE", "NATO", "COVID", "AIDS", "ASDA", "IKEA", "UKIP", "ASCII", "ALMO", "ALMOS", "NINO",
    "RIPA", "PACE", "MASH", "CAFT", "SIMD", "GIRFEC", "PESF", "LOTS",
}


WORDS_PER_STOP = 40


@rule("style/case", WARNING, "written in capitals or with shouted words; all lower case with almost no full stops; "
      "all lower case (info)")
def check_case(ctx: Context) -> Iterable[Finding]:
    doc = ctx.doc
    body = doc.body
    letters = list(filter(str.isalpha, body))
    upper = sum(map(str.isupper, letters))
    # Capitals outside acronyms ("SAR", "DWP"): what tells a lower-case writer from a careful one.
    initials = sum(sum(map(str.isupper, word)) for word in re.findall(r"[A-Za-z]+", body)
                   if not (word.isupper() and len(word) > 1))
    start = doc.body_start + len(body) - len(body.lstrip())
    if len(letters) >= 30 and upper / len(letters) > 0.7:
        yield ctx.finding("style/case", WARNING,
                          "The request is written in capitals, which reads as shouting.",
                          "Write it in ordinary sentence case.", start)
        return
    shouted, runs, last_end = [], 0, -1
    for line_start, line in _lines(doc.text, doc.body_start, doc.body_end):
        if _HEADING_LINE.match(line.strip()):
            continue
        for match in _CAPITALS.finditer(line):
            word, at = match.group(), line_start + match.start()
            if word in _KNOWN_CAPS or not wordlike(word) or doc.quoted(at):
                continue  # an acronym, or a title in quotation marks
            if last_end < 0 or _LOWER.search(doc.text[last_end:at]):
                runs += 1  # "STILL NOT ANSWERED" is one burst of shouting, "FIFTH ... NOW" two
            shouted.append((at, word))
            last_end = line_start + match.end()
    if len({w for _, w in shouted}) >= 3 or runs >= 2:
        offset, word = shouted[0]
        yield ctx.finding("style/case", WARNING,
                          f"Words in capitals ({', '.join(dict.fromkeys(w for _, w in shouted))}) read as "
                          "shouting.", "Write them in ordinary case; the request is stronger calm.", offset,
                          offset + len(word))
        return
    starts = [doc.sentence_text(s).lstrip("\"'(\u201c") for s in doc.sentences if not s.in_item]
    lower_starts = sum(1 for s in starts if s[:1].islower())
    words = len(body.split())
    stops = len(re.findall(r"[.?!;](?:\s|$)", body)) + len(doc.blocks) - 1  # list items are separate too
    if len(letters) >= 120 and initials / len(letters) < 0.01 and stops * WORDS_PER_STOP <= words:
        # No capitals and hardly a full stop: the officer has to guess where each request ends.
        yield ctx.finding("style/case", WARNING,
                          "The request has no capital letters and almost no full stops: the officer has to guess "
                          "where one thing you want ends and the next begins, and may read it narrowly.",
                          "Write each thing you want as its own sentence or numbered item, with capitals and full "
                          "stops.", start)
    elif len(letters) >= 120 and upper / len(letters) < 0.01 and starts and lower_starts / len(starts) >= 0.6:
        yield ctx.finding("style/case", INFO,
                          "The request has no capital letters: a carefully written request is harder to "
                          "misread and is taken more seriously.",
                          "Start sentences and names with capitals.", start)


def _lines(text: str, start: int, end: int) -> Iterable[tuple[int, str]]:
    pos = start
    for line in text[start:end].split("\n"):
        yield pos, line
        pos += len(line) + 1


OPENING_SENTENCES = 2


@rule("tone/opening", WARNING, "opens by complaining or accusing (\"Yet again ...\", \"because of fraud and "
      "deception\") before asking")
def check_opening(ctx: Context) -> Iterable[Finding]:
    """The first sentences set how the officer reads the rest; an accusation there invites s.14."""
    doc = ctx.doc
    hostile = phrases("hostile_openings")
    opening = [s for s in doc.sentences if doc.sentences and s.block == doc.sentences[0].block]
    for sentence in opening[:OPENING_SENTENCES]:  # the first sentences of the first paragraph
        text = doc.sentence_text(sentence)
        match = hostile.search(text)
        if EMOTIVE.search(text):
            return  # tone/emotive reports the heated words themselves
        if match and not doc.quoted(sentence.start + match.start()):
            yield ctx.finding(
                "tone/opening", WARNING,
                "The request opens with a complaint or an accusation: the officer reads what follows as part "
                "of a dispute, and a request seen as pursuing a grievance can be refused as vexatious (s.14).",
                "Start with what you want (\"Please provide ...\"); make the complaint separately, through the "
                "body's complaints procedure.", sentence.start, sentence.end)
            return
