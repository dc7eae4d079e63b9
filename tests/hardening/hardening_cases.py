"""The hostile inputs, as data: each row is a command line, the files it needs, the exit code it must
end with and the one error line it must print (a regular expression, matched from the line's start).

Files are made in a fresh folder that is the working directory of the run; `{dir}` in an argument
stands for that folder. Shared by the subprocess suite (test_hardening_bad_inputs.py) and by anyone adding rows for a new command.
"""

from __future__ import annotations

from dataclasses import dataclass, field

NEW = ["new", "--scenario", "provider-data-access", "--authority", "dwp", "--set", "provider=A4e",
       "--set", "email=jane@example.org", "--no-input", "--date", "2026-06-01"]
NAMED = [*NEW, "--set", "name=Jane Smith"]

# Bytes that are not UTF-8: Latin-1 for "Zoë".
LATIN1 = b"name: Zo\xeb Smith\n"
BOMB = b'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n' \
       b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n" \
       b"e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
SCENARIO = (
    "id: mine\ntitle: Mine\nsummary: A scenario of my own\nsubject: About {{{{ topic }}}}\n"
    "questions:\n  topic:\n    required: false\n    {field}\nitems:\n  - \"The {{{{ topic }}}} records\"\n"
)
WDTK_HEADER = "Name,Short name,URL name,Home page,Publication scheme,Disclosure log,Notes,Created at,Updated at,Version,Tags\n"


@dataclass(frozen=True)
class Case:
    """One hostile input: what to run, what to lay out first, and what must come back."""

    id: str
    args: list[str]
    code: int
    error: str
    files: dict[str, bytes | str | None] = field(default_factory=dict)  # None: a FIFO; "dir/": a folder
    env: dict[str, str] = field(default_factory=dict)
    stdin: bytes | None = None
    stdout: str | None = None  # a file to send standard output to (/dev/full), instead of a pipe
    setup: tuple[tuple[str, ...], ...] = ()  # foi commands run first (that must succeed), e.g. tracking one


# A tracker database in the run's folder holding request 1, for the track and followup rows.
TRACKED = (("track", "add", "--body", "dwp", "--title", "Restart guidance", "--sent", "2026-06-01", "--db", "t.db"),)


def scenario(field_line: str) -> dict[str, bytes | str | None]:
    return {"mine/scenarios/mine.yaml": SCENARIO.format(field=field_line)}


CASES: list[Case] = [
    # --- foi new: answers that are the wrong type ---------------------------------------------------
    Case("answers-bool-organisation", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'organisation': YAML reads this as yes/no \(true/false\) \(false\), not text: put the value "
         r"in quotes, like organisation: \"no\"", {"a.yaml": "organisation: no\n"}),
    Case("answers-bool-officer", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'officer': YAML reads this as yes/no", {"a.yaml": "officer: yes\n"}),
    Case("answers-list-name", [*NEW, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'name': this is a list, where text is expected: give one value; correct `name:` in a\.yaml",
         {"a.yaml": "name: [Jane, Smith]\n"}),
    Case("answers-mapping-provider", [*NAMED[:5], *NAMED[7:], "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'provider': this is a mapping \(key: value pairs\), where text is expected",
         {"a.yaml": "provider: {name: A4e}\n"}),
    Case("answers-duplicate-key", [*NEW, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml, line 2: the key 'name' is given twice: keep one of them",
         {"a.yaml": "name: Jane Smith\nname: John Smith\n"}),
    Case("answers-alias-bomb", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml, line 2: YAML anchors and aliases \(& and \*\) are not accepted here", {"a.yaml": BOMB}),
    Case("answers-impossible-date", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'date_from': '2026-02-30' is not a date", {"a.yaml": "date_from: 2026-02-30\n"}),
    Case("answers-year-zero", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'date_to': '0000-01-01' is not a date", {"a.yaml": "date_to: 0000-01-01\n"}),
    Case("answers-date-out-of-range", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'date_to': 9999-12-31 is out of range: give a date between 1900 and 2199",
         {"a.yaml": "date_to: 9999-12-31\n"}),
    Case("answers-not-utf8", [*NEW, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml, line 1: not UTF-8 text: save the answers file as UTF-8", {"a.yaml": LATIN1}),
    Case("answers-nul-in-value", [*NEW, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'name': it contains a NUL byte", {"a.yaml": 'name: "Jane\\0 Smith"\n'}),
    Case("answers-a-list", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: an answers file must be a mapping", {"a.yaml": "- name\n- Jane\n"}),
    Case("answers-bad-yaml", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml, line 2: not valid YAML", {"a.yaml": "name: [unclosed\n"}),
    Case("answers-fifo", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml is not a regular file \(a pipe or a device\)", {"a.yaml": None}),
    Case("answers-folder", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml is a folder: name the answers file itself", {"a.yaml/": ""}),
    Case("answers-device", [*NAMED, "--answers", "/dev/zero", "-o", "l.txt"], 1,
         r"/dev/zero is not a regular file"),
    Case("answers-missing", [*NAMED, "--answers", "nope.yaml", "-o", "l.txt"], 1,
         r"nope\.yaml: no such file: check the answers file path"),
    Case("answers-too-big", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: larger than 1 MB", {"a.yaml": "# " + "x" * (1024 * 1024 + 10) + "\n"}),
    Case("answers-unknown-key", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: unknown answer key 'nmae' \(did you mean 'name'\?\)", {"a.yaml": "nmae: Jane Smith\n"}),
    Case("answers-too-long", [*NEW, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: 'name': that is 405 characters; keep it to 300 or fewer",
         {"a.yaml": "name: Jane " + "S" * 400 + "\n"}),
    Case("answers-merge-key", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml, line 1: YAML merge keys \(<<\) are not accepted here", {"a.yaml": "<<: {name: x}\n"}),
    Case("answers-huge-integer", [*NAMED, "--answers", "a.yaml", "-o", "l.txt"], 1,
         r"a\.yaml: a value cannot be read", {"a.yaml": "provider: " + "9" * 5000 + "\n"}),
    # --- foi new: --set -------------------------------------------------------------------------------
    Case("set-invalid-utf8", [*NEW, "--set", "name=Jane \udcff Smith", "-o", "l.txt"], 1,
         r"--set: 'name': it is not valid UTF-8 text"),
    Case("set-no-equals", [*NAMED, "--set", "provider", "-o", "l.txt"], 2,
         r"--set 'provider' is not key=value: write it like --set provider=A4e"),
    Case("set-unknown-key", [*NAMED, "--set", "nmae=x", "-o", "l.txt"], 2,
         r"--set: unknown answer key 'nmae' \(did you mean 'name'\?\)"),
    Case("set-first-name-only", [*NEW, "--set", "name=Jane", "-o", "l.txt"], 1,
         r"--set: 'name': give your real name with your surname"),
    Case("set-bad-email", [*NAMED[:7], "--set", "email=jane", *NAMED[9:], "-o", "l.txt"], 1,
         r"--set: 'email': give an email address like"),
    Case("set-bad-date", [*NAMED, "--set", "date_from=2026-13-01", "-o", "l.txt"], 1,
         r"--set: 'date_from': '2026-13-01' is not a date"),
    Case("set-dates-swapped", [*NAMED, "--set", "date_from=2026-03-01", "--set", "date_to=2026-01-01", "-o", "l.txt"],
         1, r"date_from \(1 March 2026\) is after date_to \(1 January 2026\)"),
    Case("set-scenario-unknown", [*NAMED[:1], "--scenario", "nope", *NAMED[3:], "-o", "l.txt"], 1,
         r"--set: 'scenario': 'nope' is not one of"),
    Case("set-long-provider", [*NAMED, "--set", "provider=" + "P" * 301, "-o", "l.txt"], 1,
         r"--set: 'provider': that is 301 characters; keep it to 300 or fewer"),
    # --- foi new: dates and options --------------------------------------------------------------------
    Case("date-far-future", [*NAMED, "--date", "9999-12-31", "-o", "l.txt"], 2,
         r"--date 9999-12-31 is out of range: give a date between 1900 and 2199"),
    Case("date-impossible", [*NAMED, "--date", "2026-02-30", "-o", "l.txt"], 2,
         r"--date '2026-02-30' is not a date: write it as YYYY-MM-DD"),
    Case("date-words", [*NAMED, "--date", "tomorrow", "-o", "l.txt"], 2, r"--date 'tomorrow' is not a date"),
    Case("format-unknown", [*NAMED, "--format", "pdf", "-o", "l.txt"], 2,
         r"--format pdf: use one of text, markdown, html, docx, eml, wdtk, or all"),
    Case("two-formats-one-file", [*NAMED, "-f", "text", "-f", "html", "-o", "l.txt"], 2,
         r"--output l\.txt names one file but 2 formats were asked for"),
    # --- foi new: outputs -------------------------------------------------------------------------------
    Case("output-equals-save-answers", [*NAMED, "-o", "l.txt", "--save-answers", "l.txt", "--force"], 2,
         r"--save-answers l\.txt is the same file as --output l\.txt: give each its own name"),
    Case("output-equals-save-answers-via-dot", [*NAMED, "-o", "l.txt", "--save-answers", "./l.txt"], 2,
         r"--save-answers l\.txt is the same file as --output l\.txt"),
    Case("output-exists", [*NAMED, "-o", "l.txt"], 1,
         r"l\.txt already exists: nothing was written; pass --force to replace it", {"l.txt": "mine\n"}),
    Case("save-answers-exists", [*NAMED, "-o", "l.txt", "--save-answers", "s.yaml"], 1,
         r"s\.yaml already exists: nothing was written; pass --force to replace it", {"s.yaml": "mine\n"}),
    Case("output-in-proc", [*NAMED, "-o", "/proc/foi-letter.txt"], 1,
         r"/proc/foi-letter\.txt: cannot write there \("),
    Case("output-under-a-file", [*NAMED, "-o", "f.txt/l.txt"], 1,
         r"f\.txt/l\.txt: f\.txt is not a folder: choose another place to write", {"f.txt": "mine\n"}),
    Case("output-folder-under-a-file", [*NAMED, "-f", "all", "-o", "f.txt/out/"], 1,
         r"f\.txt/out: cannot make this folder", {"f.txt": "mine\n"}),
    Case("output-missing-folder", [*NAMED, "-o", "nowhere/l.txt"], 1,
         r"nowhere/l\.txt: the folder nowhere does not exist; create it first"),
    Case("output-dev-null-forced", [*NAMED, "-o", "/dev/null", "--force"], 1,
         r"/dev/null is not a regular file \(a device or a pipe\): write to a file, or use - for the screen"),
    Case("output-fifo-forced", [*NAMED, "-o", "p.txt", "--force"], 1, r"p\.txt is not a regular file",
         {"p.txt": None}),
    Case("save-answers-in-proc", [*NAMED, "-o", "l.txt", "--save-answers", "/proc/foi.yaml"], 1,
         r"/proc/foi\.yaml: cannot write there \("),
    # --- foi new: templates and user scenarios --------------------------------------------------------
    Case("templates-is-a-file", [*NAMED, "--templates", "f.txt", "-o", "l.txt"], 1,
         r"templates folder f\.txt is a file, not a folder", {"f.txt": "x\n"}),
    Case("templates-missing", [*NAMED, "--templates", "nope", "-o", "l.txt"], 1,
         r"templates folder nope does not exist"),
    Case("include-etc-passwd", [*NAMED, "--templates", "mine", "-o", "l.txt"], 1,
         r"template letters/request\.md\.j2 includes '/etc/passwd', which is not a template in mine",
         {"mine/letters/request.md.j2": "{% include '/etc/passwd' %}\n"}),
    Case("template-not-utf8", [*NAMED, "--templates", "mine", "-o", "l.txt"], 1,
         r"template letters/request\.md\.j2 \(or one it includes\) in mine: not UTF-8 text: save it as UTF-8",
         {"mine/letters/request.md.j2": b"Dear caf\xe9\n"}),
    Case("scenario-year-zero", ["scenarios", "--templates", "mine"], 1,
         r"mine/scenarios/mine\.yaml, line 1: '0000-01-01' is not a date",
         {"mine/scenarios/mine.yaml": "created: 0000-01-01\n"}),
    Case("questions-yaml-a-list", [*NAMED, "--templates", "mine", "-o", "l.txt"], 1,
         r"mine/questions\.yaml: must be a mapping of groups", {"mine/questions.yaml": "- name\n"}),
    Case("scenario-when-syntax", [*NAMED[:1], "--scenario", "mine", *NAMED[3:5], *NAMED[7:], "--templates", "mine",
                                  "-o", "l.txt"], 1,
         r"mine/scenarios/mine\.yaml: question 'topic': its `when` \(1 \+\) cannot be worked out",
         scenario('when: "1 +"')),
    Case("scenario-when-undefined", [*NAMED[:1], "--scenario", "mine", *NAMED[3:5], *NAMED[7:], "--templates",
                                     "mine", "-o", "l.txt"], 1,
         r"mine/scenarios/mine\.yaml: question 'topic': its `when` \(nothing\(\)\) cannot be worked out",
         scenario('when: "nothing()"')),
    Case("scenario-when-sandbox", [*NAMED[:1], "--scenario", "mine", *NAMED[3:5], *NAMED[7:], "--templates",
                                   "mine", "-o", "l.txt"], 1,
         r"mine/scenarios/mine\.yaml: question 'topic': its `when` .* cannot be worked out: access to attribute",
         scenario("when: \"().__class__.__base__.__subclasses__()\"")),
    Case("scenario-default-syntax", [*NAMED[:1], "--scenario", "mine", *NAMED[3:5], *NAMED[7:], "--templates",
                                     "mine", "-o", "l.txt"], 1,
         r"mine/scenarios/mine\.yaml: question 'topic': its `default` .* cannot be worked out",
         scenario('default: "{{ 1 + }}"')),
    Case("scenario-alias-bomb", ["scenarios", "--templates", "mine"], 1,
         r"mine/scenarios/mine\.yaml, line 2: YAML anchors and aliases", {"mine/scenarios/mine.yaml": BOMB}),
    Case("scenario-not-utf8", ["scenarios", "--templates", "mine"], 1,
         r"mine/scenarios/mine\.yaml, line 1: not UTF-8 text", {"mine/scenarios/mine.yaml": b"id: m\xeene\n"}),
    Case("scenario-impossible-date", ["scenarios", "--templates", "mine"], 1,
         r"mine/scenarios/mine\.yaml, line 1: '2026-02-30' is not a date",
         {"mine/scenarios/mine.yaml": "created: 2026-02-30\n"}),
    Case("scenario-choices-not-a-list", ["scenarios", "--templates", "mine"], 1,
         r"mine/scenarios/mine\.yaml: question 'topic': 'choices' must be a list of text",
         scenario("choices: 5")),
    Case("scenario-fifo", ["scenarios", "--templates", "mine"], 1,
         r"mine/scenarios/mine\.yaml is not a regular file", {"mine/scenarios/mine.yaml": None}),
    # --- foi new: the directory -----------------------------------------------------------------------
    Case("authorities-fifo", [*NAMED, "--authorities", "dir.csv", "-o", "l.txt"], 1,
         r"dir\.csv is not a regular file \(a pipe or a device\)", {"dir.csv": None}),
    Case("authorities-binary", [*NAMED, "--authorities", "dir.csv", "-o", "l.txt"], 1,
         r"dir\.csv: not a CSV file \(it contains binary data\)", {"dir.csv": b"PK\x03\x04\x00\x00"}),
    # --- foi profile ------------------------------------------------------------------------------------
    Case("profile-set-no-equals", ["profile", "set", "name"], 2,
         r"foi profile set 'name' is not key=value: write it like foi profile set name=\"Jane Smith\""),
    Case("profile-set-invalid-utf8", ["profile", "set", "name=Jane \udcff Smith"], 1,
         r"profile name: it is not valid UTF-8 text"),
    Case("profile-set-unknown", ["profile", "set", "colour=blue"], 1, r"'colour' is not a profile key"),
    Case("profile-set-first-name", ["profile", "set", "name=Jane"], 1, r"profile name: give your real name"),
    Case("profile-set-too-long", ["profile", "set", "letterhead=" + "L" * 301], 1,
         r"profile letterhead: that is 301 characters; keep it to 300 or fewer"),
    Case("profile-set-unwritable", ["profile", "set", "name=Jane Smith"], 1,
         r"/proc/foi-config: cannot save the profile there", env={"FOI_CONFIG_DIR": "/proc/foi-config"}),
    Case("profile-set-under-a-file", ["profile", "set", "name=Jane Smith"], 1,
         r"f\.txt/config: cannot save the profile there", {"f.txt": "x\n"}, env={"FOI_CONFIG_DIR": "f.txt/config"}),
    Case("profile-corrupt", ["profile"], 1,
         r"cfg/profile\.yaml, line 1: not UTF-8 text: save the profile as UTF-8 \(correct it in a text editor, "
         r"or delete", {"cfg/profile.yaml": LATIN1}, env={"FOI_CONFIG_DIR": "cfg"}),
    Case("profile-alias-bomb", ["profile"], 1, r"cfg/profile\.yaml, line 2: YAML anchors and aliases",
         {"cfg/profile.yaml": BOMB}, env={"FOI_CONFIG_DIR": "cfg"}),
    Case("profile-is-a-fifo", ["profile"], 1, r"cfg/profile\.yaml is not a regular file",
         {"cfg/profile.yaml": None}, env={"FOI_CONFIG_DIR": "cfg"}),
    Case("stdout-full", ["scenarios", "show", "custom"], 1,
         r"cannot write to standard output \(No space left on device\)", stdout="/dev/full"),
    # --- foi scenarios and foi templates ----------------------------------------------------------------
    Case("scenarios-format", ["scenarios", "--format", "xml"], 2, r"--format xml: use one of table, json"),
    Case("scenarios-show-unknown", ["scenarios", "show", "nope"], 1, r"no scenario 'nope': use one of"),
    Case("templates-show-unknown", ["templates", "show", "nope"], 1, r"no template 'nope'"),
    Case("templates-copy-into-proc", ["templates", "copy", "/proc/foi-templates"], 1,
         r"/proc/foi-templates/.*: cannot make this folder"),
    Case("templates-copy-under-a-file", ["templates", "copy", "f.txt/t"], 1,
         r"f\.txt/t: a part of this path is a file, not a folder", {"f.txt": "x\n"}),
    Case("templates-copy-onto-a-file", ["templates", "copy", "f.txt"], 1,
         r"f\.txt is a file: give a folder to copy the templates into", {"f.txt": "x\n"}),
    # --- foi deadline -----------------------------------------------------------------------------------
    Case("deadline-far-future", ["deadline", "--received", "9999-12-31"], 2,
         r"--received 9999-12-31 is out of range: give a date between 1900 and 2199"),
    Case("deadline-year-one", ["deadline", "--received", "0001-01-01"], 2, r"--received 0001-01-01 is out of range"),
    Case("deadline-not-a-date", ["deadline", "--received", "2026-02-30"], 2, r"--received '2026-02-30' is not a date"),
    Case("deadline-regime", ["deadline", "--received", "2026-06-01", "--regime", "gdpr"], 2,
         r"--regime 'gdpr' is not known"),
    Case("deadline-holidays-bomb", ["deadline", "--received", "2026-06-01", "--holidays", "h.yaml"], 1,
         r"h\.yaml, line 2: YAML anchors and aliases", {"h.yaml": BOMB}),
    Case("deadline-holidays-duplicate", ["deadline", "--received", "2026-06-01", "--holidays", "h.yaml"], 1,
         r"h\.yaml, line 2: the key 'add' is given twice", {"h.yaml": "add: []\nadd: []\n"}),
    Case("deadline-holidays-fifo", ["deadline", "--received", "2026-06-01", "--holidays", "h.yaml"], 1,
         r"h\.yaml is not a regular file", {"h.yaml": None}),
    Case("deadline-holidays-not-utf8", ["deadline", "--received", "2026-06-01", "--holidays", "h.yaml"], 1,
         r"h\.yaml, line 1: not UTF-8 text", {"h.yaml": b"add: [{date: 2027-05-10, name: f\xeate}]\n"}),
    Case("deadline-holidays-bad-date", ["deadline", "--received", "2026-06-01", "--holidays", "h.yaml"], 1,
         r"h\.yaml: add entry 1: date '2027-02-30' is not a date", {"h.yaml": "add:\n  - {date: 2027-02-30, name: x}\n"}),
    # --- foi authorities ---------------------------------------------------------------------------------
    Case("authorities-format", ["authorities", "dwp", "--format", "xml"], 2, r"--format xml: use one of"),
    Case("authorities-show-nothing", ["authorities", "show"], 2, r"`foi authorities show` needs an ID"),
    Case("authorities-csv-fifo", ["authorities", "--authorities", "dir.csv", "council"], 1,
         r"dir\.csv is not a regular file", {"dir.csv": None}),
    Case("authorities-csv-folder", ["authorities", "--authorities", "dir.csv", "council"], 1,
         r"dir\.csv is a folder: name the directory file itself", {"dir.csv/": ""}),
    Case("authorities-csv-empty", ["authorities", "--authorities", "dir.csv", "council"], 1,
         r"dir\.csv: empty file", {"dir.csv": ""}),
    # --- foi track (each with its own database in the run's folder) ----------------------------------
    Case("track-add-fifo", ["track", "add", "l.txt", "--db", "t.db"], 1,
         r"l\.txt is not a regular file \(a pipe or a device\): give the letter as a file", {"l.txt": None}),
    Case("track-add-device", ["track", "add", "/dev/zero", "--db", "t.db"], 1, r"/dev/zero is not a regular file"),
    Case("track-add-folder", ["track", "add", "d", "--db", "t.db"], 1, r"d is a folder: name the letter itself",
         {"d/": ""}),
    Case("track-add-not-utf8", ["track", "add", "l.txt", "--db", "t.db"], 1, r"l\.txt: not UTF-8 text",
         {"l.txt": b"Dear caf\xe9\n"}),
    Case("track-add-manifest-fifo", ["track", "add", "manifest.csv", "--db", "t.db"], 1,
         r"manifest\.csv is not a regular file", {"manifest.csv": None}),
    Case("track-add-bad-json", ["track", "add", "manifest.json", "--db", "t.db"], 1,
         r"manifest\.json: not JSON", {"manifest.json": '[{"a": 1}'}),
    Case("track-add-far-future", ["track", "add", "--body", "dwp", "--title", "x", "--sent", "9999-12-31",
                                  "--db", "t.db"], 2, r"--sent 9999-12-31 is out of range"),
    Case("track-add-no-title", ["track", "add", "--body", "dwp", "--db", "t.db"], 2, r"give --title"),
    Case("track-add-regime", ["track", "add", "--body", "dwp", "--title", "x", "--regime", "gdpr", "--db", "t.db"],
         2, r"--regime 'gdpr': use one of"),
    Case("track-db-in-proc", ["track", "add", "--body", "dwp", "--title", "x", "--db", "/proc/foi.db"], 1,
         r"/proc/foi\.db: the tracker file cannot be made there"),
    Case("track-db-a-folder", ["track", "list", "--db", "d"], 1, r"d is a folder: give --db a file name",
         {"d/": ""}),
    Case("track-db-not-a-database", ["track", "list", "--db", "t.db"], 1,
         r"t\.db: the tracker file cannot be used \(file is not a database\)", {"t.db": "not a database\n" * 100}),
    Case("track-event-unknown-kind", ["track", "event", "1", "arrived", "--db", "t.db"], 2, r"unknown event 'arrived'", setup=TRACKED),
    Case("track-show-missing", ["track", "show", "7", "--db", "t.db"], 1, r"no tracked request 7", setup=TRACKED),
    Case("track-list-format", ["track", "list", "--format", "xml", "--db", "t.db"], 2,
         r"--format xml: use one of table, csv, json", setup=TRACKED),
    Case("track-export-in-proc", ["track", "export", "--format", "ics", "--output", "/proc/foi.ics", "--db", "t.db"],
         1, r"/proc/foi\.ics: cannot write there", setup=TRACKED),
    Case("track-export-exists", ["track", "export", "--format", "csv", "--output", "f.csv", "--db", "t.db"], 1,
         r"f\.csv already exists: nothing was written", {"f.csv": "mine\n"}, setup=TRACKED),
    # --- foi followup ---------------------------------------------------------------------------------
    Case("followup-missing-request", ["followup", "chase", "9", "--db", "t.db"], 1, r"no tracked request 9", setup=TRACKED),
    Case("followup-far-future", ["followup", "chase", "1", "--date", "9999-12-31", "--db", "t.db"], 2,
         r"--date 9999-12-31 is out of range", setup=TRACKED),
    Case("followup-ground", ["followup", "review", "1", "--ground", "magic", "--db", "t.db"], 2,
         r"--ground magic: use one of", setup=TRACKED),
    Case("followup-format", ["followup", "chase", "1", "--format", "pdf", "--db", "t.db"], 2, r"--format pdf: use one of", setup=TRACKED),
    Case("followup-no-terminal", ["followup", "--db", "t.db"], 2, r"`foi followup` on its own asks questions", setup=TRACKED),
    # --- foi check ---------------------------------------------------------------------------------------
    Case("check-fifo", ["check", "r.txt"], 1, r"r\.txt is not a regular file \(a pipe or a device\)", {"r.txt": None}),
    Case("check-device", ["check", "/dev/zero"], 1, r"/dev/zero is not a regular file"),
    Case("check-folder", ["check", "r"], 1, r"r is a folder: name the request file itself", {"r/": ""}),
    Case("check-missing", ["check", "nope.txt"], 1, r"nope\.txt: no such file: check the request file path"),
    Case("check-not-utf8", ["check", "r.txt"], 1, r"r\.txt, line 2: not UTF-8 text: save the request file as UTF-8",
         {"r.txt": b"Dear FOI team,\nPlease send the caf\xe9 contracts.\n"}),
    Case("check-too-big", ["check", "r.txt"], 1, r"r\.txt: larger than 256 KB", {"r.txt": "word " * 60000}),
    Case("check-stdin-too-big", ["check", "-"], 1, r"standard input: more than 256 KB", stdin=b"word " * 60000),
    Case("check-stdin-not-utf8", ["check", "-"], 1, r"standard input, line 1: not UTF-8 text",
         stdin=b"caf\xe9\n"),
    Case("check-format", ["check", "--format", "xml", "r.txt"], 2, r"--format xml: use text or json", {"r.txt": "x"}),
    Case("check-no-file", ["check"], 2, r"name at least one FILE to check"),
]
