"""Known vulnerabilities of installed packages, from OSV (https://osv.dev): the HTTP client
(`client.py`), its disk cache (`cache.py`), and the pure reading of OSV's records
(`records.py`, with CVSS v3 scoring in `cvss.py`)."""
