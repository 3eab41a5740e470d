"""The core model: the types every layer shares, with no I/O.

- `text`: spans of a file's text, edits to them, and splicing edits in;
- `findings`: what a rule reports, and a file that could not be processed;
- `images`: image references, the key a registry lookup is made by, and its answer;
- `results`: what hardening one file and a whole run produced.

Rules, sources and reports import from here; nothing here imports the registry client,
git, GitHub or the file system.
"""
