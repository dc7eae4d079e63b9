"""The law as arithmetic: the access regimes, UK bank holidays and working days, response deadlines, and the review and complaint windows after them.

May import foi.support only."""
