"""Small helpers every floor may use: errors and exit codes, the console, atomic files, paths, YAML reading, and
dates as letters write them. Imports nothing else from foi."""
