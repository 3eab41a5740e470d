"""OWASP Nettacker application entry point."""

from nettacker.main import run

if __name__ == "__main__":
    run()
