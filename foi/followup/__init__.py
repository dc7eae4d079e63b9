"""The follow-up letters (`foi followup`): the chaser, the internal review, the review chaser and
the complaint to the regulator, with their dates worked out from the tracker's events and the law.

Owns the grounds of a review and reading an authority's reply for them (grounds.py, reply.py), the
early and late warnings (timing.py), the letters themselves (letters.py, words in
templates/followup/), and writing and recording them (commands.py). Letters go out through the
export registry, so every follow-up is written in every format a request is.

May import every floor up to export, and the tracker; never batch, app or cli.
"""
