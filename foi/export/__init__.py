"""Writing a Draft out: the format registry, one module per format (text, markdown, HTML, .docx, .eml, WhatDoTheyKnow), and planning output files.

May import every floor below it (support, law, directory, request, letter); never checks, app or cli."""
