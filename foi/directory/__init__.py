"""The directory of public bodies: authorities (built in, every UK council, a WhatDoTheyKnow CSV), providers and the body that commissions them, programmes and their lives, which body holds which subject (matters: read by `foi new` and the checker alike), and how entries are shown.

May import foi.support and foi.law."""
