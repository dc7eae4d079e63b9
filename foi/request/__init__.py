"""Gathering a request: questions and scenarios as data, validators, the one answer loop that every source feeds (wizard, --set, --answers, profile, batch row), and the prompts.

May import foi.support, foi.law and foi.directory."""
