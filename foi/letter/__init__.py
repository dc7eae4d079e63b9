"""From answers to a letter: the Draft, the Jinja environment, the letter markup and its parts, and the template files a person can copy.

May import foi.support, foi.law, foi.directory and foi.request."""
