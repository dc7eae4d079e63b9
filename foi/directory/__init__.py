"""The directory of public bodies: authorities (built in, every UK council, a WhatDoTheyKnow CSV), providers and the body that commissions them, and how entries are shown.

May import foi.support and foi.law."""
