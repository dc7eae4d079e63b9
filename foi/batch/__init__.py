"""`foi batch`: many letters from an adviser's spreadsheet (.xlsx, CSV as Excel writes it, or YAML), or one
request to many bodies; every row is one more source for the one answer loop, validated before the output
folder appears, which appears whole or not at all, with a manifest.

May import every floor below it (support, law, directory, request, letter, checks, export); never app or cli."""
