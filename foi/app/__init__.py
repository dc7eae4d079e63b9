"""The use cases behind the commands, one plain function each that cli.py calls: `foi new` from answers to files, its preview, and the scenario catalogue.

May import every floor below it; only cli.py imports it."""
