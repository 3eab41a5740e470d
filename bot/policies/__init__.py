"""Docker Scout-style policies for the images a run built (or was given), before and after
hardening: each pass, fail, not evaluated or skipped with its evidence (`checks.py`), the
grade they add up to (`grade.py`), and which edits moved which policy. Pure: the packages and
OSV's answers come in as data.

| policy | fails when |
|---|---|
| vulnerabilities-critical | a critical or high vulnerability with a fixed version is installed |
| high-profile-cves | any CVE of `high_profile.py`'s list is installed |
| agpl | a package declares an AGPL licence (GPL is listed, not failed) |
| attestations | a workflow step pushes an image without an SBOM and max provenance |
| non-root | the image runs as root |
| up-to-date-base | a base digest is behind its tag (HB031) |
| approved-base | a base matches none of `approved-bases:` (none configured: skipped) |

The judging is `judging.py`: this package's own module stays empty so that what reads a
grade (`grade.py`) does not load the judges.
"""
