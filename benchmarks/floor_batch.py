"""The floor for `foi batch`: the least any batch of letters from a CSV can do.

A bare loop: read the rows with `csv`, render the same letter template (templates/letters/) with
Jinja2, write the same markdown files (a second letter beside the first where foi writes one). It knows nothing of answers,
validation, deadlines or the directory: the words that do not depend on the row come from
context.json, worked out once by benchmarks/run.py with foi itself.

    python benchmarks/floor_batch.py ROWS.csv OUT_DIR CONTEXT.json TEMPLATES_DIR
"""

import csv
import json
import sys
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined


def main(rows: str, out: str, context_file: str, templates: str) -> None:
    letters = json.loads(Path(context_file).read_text(encoding="utf-8"))
    env = Environment(loader=FileSystemLoader(templates), undefined=StrictUndefined,
                      keep_trailing_newline=True, autoescape=False)
    env.filters["hardbreaks"] = lambda lines: "\\\n".join(str(line) for line in lines)
    templates_of = [env.get_template(letter.pop("template")) for letter in letters]
    folder = Path(out)
    folder.mkdir()
    with open(rows, newline="", encoding="utf-8-sig") as handle:
        for number, row in enumerate(csv.DictReader(handle), 1):
            stem = f"{number:03d}-{row['authority']}-{row['scenario']}"
            for part, (base, template) in enumerate(zip(letters, templates_of, strict=True), 1):
                context = {**base, "provider": row["provider"], "signature": [row["name"], row["email"]]}
                name = f"{stem}.md" if part == 1 else f"{stem}-part-{part}.md"
                (folder / name).write_text(template.render(**context), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:5])
