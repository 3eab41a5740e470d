"""Organisation-wide hardening from one central workflow: `plan.py` picks the repositories
worth a job (from the listing and each one's file paths, never their contents) and
`matrix.py` writes them as GitHub Actions matrices; each matrix job runs the usual pull
request flow on one repository (`checkout.py` clones it, `results.py` records what the job
did); `report.py` gathers those records into one dashboard issue (`dashboard.py` renders it)."""
