"""Credentials in Dockerfiles (HB050, HB051) and their masking in every output.

The credentials below are made up; each has the shape its format publishes, so the rules find it."""
from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import Config
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.secrets import credentials_in, is_credential_name, secret_settings
from bot.engine import harden_text
from bot.model.verification import Build, BuildState, Verdict, Verification
from bot.report.markdown import render_body
from bot.report.masking import masked_report
from bot.run import make_ruleset, process
from tests.helpers import SERVICE_BY_DEFAULT

BODY = "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"  # 36 letters and digits
SECRETS = {
    "DB_PASSWORD": "Hunter2-Pw-2024",
    "DEPLOY_TOKEN": "tok-5s9d8f7g6h",
    "GitHub": f"ghp_{BODY}",
    "GitHub fine-grained": f"github_pat_{BODY[:22]}_{BODY}{BODY[:23]}",
    "GitLab": f"glpat-{BODY[:20]}",
    "npm": f"npm_{BODY}",
    "PyPI": "pypi-AgEIcHlwaS5vcmcCJGE4ZjY5ZjE0LWI3ZjItNDk0Ny04ZDg3LTgyZjAwZmQ3ZjA5NgACKlsz",
    "Docker Hub": f"dckr_pat_{BODY[:27]}",
    "AWS": "AKIAQ3EGR7KDCZ2W5N6P",
    "Slack": f"xoxb-123456789012-1234567890123-{BODY[:24]}",
    "Slack webhook": f"T01ABCDEF/B02GHIJKL/{BODY[:24]}",
    "Stripe": f"sk_live_{BODY[:24]}",
    "Google": f"AIzaSy{BODY[:33]}",
    "private key": "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
    "npmrc": "corp-npm-token-9876",
    "Authorization": "eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.A1b2C3",
    "URL password": "S3cretPw-42",
}
DOCKERFILE = f"""ARG DEPLOY_TOKEN={SECRETS['DEPLOY_TOKEN']}
FROM python:3.12-slim
ENV DB_PASSWORD="{SECRETS['DB_PASSWORD']}"
RUN pip install --index-url https://deploy:{SECRETS['URL password']}@pypi.corp.internal/simple flask
RUN echo {SECRETS['GitHub']} {SECRETS['GitHub fine-grained']} && pip install gunicorn
RUN echo {SECRETS['GitLab']} {SECRETS['npm']} {SECRETS['PyPI']} && pip install uvicorn
RUN echo {SECRETS['Docker Hub']} {SECRETS['AWS']} {SECRETS['Slack']} && pip install httpx
RUN curl https://hooks.slack.com/services/{SECRETS['Slack webhook']} && pip install rich
RUN echo {SECRETS['Stripe']} {SECRETS['Google']} && pip install click
RUN echo "//npm.corp.internal/:_authToken={SECRETS['npmrc']}" > .npmrc && pip install attrs
RUN curl -H "Authorization: Bearer {SECRETS['Authorization']}" https://api.corp.internal/ && pip install idna
RUN printf -- "-----BEGIN OPENSSH PRIVATE KEY-----\\n{SECRETS['private key']}\\n-----END OPENSSH PRIVATE KEY-----" > k && pip install six
CMD ["python", "app.py"]
"""


def _repository(tmp_path: Path) -> Path:
    (tmp_path / "Dockerfile").write_text(DOCKERFILE)
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "Dockerfile").write_text(f"FROM python:3.12-slim\n{SECRETS['GitHub']} install\n")  # a syntax error quotes it
    return tmp_path


def _revealed(output: str) -> list[str]:
    return [name for name, secret in SECRETS.items() if secret in output]


def test_no_output_reveals_a_credential_the_files_write(tmp_path, capsys):
    root = _repository(tmp_path)
    outputs, stdout = {}, {}
    for command in (["check"], ["fix", "--dry-run"]):
        for form in ("text", "json", "sarif"):
            main([*command, "--offline", "--format", form, str(root)])
            captured = capsys.readouterr()
            outputs[f"{' '.join(command)} {form}"] = captured.out + captured.err
            stdout[f"{' '.join(command)} {form}"] = captured.out
    report = process(root, Config(roles=SERVICE_BY_DEFAULT), Config().active_rules(), fix=True, write=False)
    outputs["pull request body"] = render_body(report, [])
    for name, output in outputs.items():
        assert _revealed(output) == [], name
    # … and the run completed: every credential was found, the diff and the body were written.
    found = json.loads(stdout["check json"])["files"][0]["findings"]
    assert sum(f["rule"] == "HB051" for f in found) == 15 and sum(f["rule"] == "HB050" for f in found) == 2
    assert "ghp_****" in outputs["fix --dry-run text"] and "+RUN pip install --no-cache-dir" in outputs["fix --dry-run text"]
    assert "https://deploy:****@pypi.corp.internal" in outputs["fix --dry-run text"]
    assert "broken/Dockerfile:2: unknown instruction" in outputs["check text"]
    assert "#### HB051" in outputs["pull request body"] and "### What changed" in outputs["pull request body"]
    assert (root / "Dockerfile").read_text() == DOCKERFILE  # nothing masked on disk


def test_build_logs_and_notes_are_masked_in_every_report(tmp_path):
    root = _repository(tmp_path)
    report = process(root, Config(roles=SERVICE_BY_DEFAULT), Config().active_rules(), fix=True, write=False)
    log = (f"#7 [3/12] RUN pip install --index-url https://deploy:{SECRETS['URL password']}@pypi.corp.internal/simple",
           f"#7 ERROR: 401 for token {SECRETS['npm']} and {SECRETS['DB_PASSWORD']}", "exit code 1")
    failed = Build(BuildState.FAILED, 3.0, log_tail=log)
    item = Verification("Dockerfile", ".", None, Verdict.EDITS_DROPPED, before=Build(BuildState.BUILT, 2.0),
                        failed=failed, dropped=("DL3042",), reason=f"dropped after {SECRETS['AWS']}")
    report = replace(report, verification=(item,))
    body = render_body(report, [])
    masked = masked_report(report)
    assert _revealed(body) == [] and _revealed(repr(masked.verification)) == []
    assert "Hunter2" not in masked.verification[0].failed.failure()
    assert "401 for token npm_****" in body  # the log is still shown, masked


@pytest.mark.parametrize("name", ["GITHUB_TOKEN", "NPM_TOKEN", "DB_PASSWORD", "PGPASSWORD", "dbPassword",
                                  "JWT_SECRET", "STRIPE_API_KEY", "APIKey", "AWS_SECRET_ACCESS_KEY",
                                  "SSH_PRIVATE_KEY", "RABBITMQ_DEFAULT_PASS", "DB_PWD", "SECRET_KEY_BASE",
                                  "RAILS_MASTER_KEY", "SESSION_SECRET"])
def test_names_that_say_credential(name):
    assert is_credential_name(name)


@pytest.mark.parametrize("name", ["TOKEN_URL", "SECRET_NAME", "PASSWORD_MIN_LENGTH", "DB_PASSWORD_FILE",
                                  "SSL_KEY_PATH", "GPG_KEY", "AWS_ACCESS_KEY_ID", "PWD", "TOKEN_TTL",
                                  "NEXT_PUBLIC_API_KEY", "MYSQL_ALLOW_EMPTY_PASSWORD", "SECRET_KEY_BASE_DUMMY",
                                  "ACCESS_TOKEN_EXPIRE_MINUTES", "KEY", "PUBLIC_KEY"])
def test_names_that_only_mention_a_credential(name):
    assert not is_credential_name(name)


def test_env_and_arg_pairs_are_read_as_buildkit_reads_them():
    doc = Dockerfile.parse('FROM a\nENV A_TOKEN="x y\\"z" B=1 C_SECRET=\'s$t\'\nENV LEGACY_PASSWORD two words\n'
                           "ARG E_TOKEN\nARG F_TOKEN=$E_TOKEN\n")
    found = {s.name: doc.text[s.literal.start:s.literal.end] if s.literal else None for s in secret_settings(doc)}
    # Within its quotes when written in one piece; with an escape in it, as written, quotes included.
    assert found == {"A_TOKEN": '"x y\\"z"', "C_SECRET": "s$t", "LEGACY_PASSWORD": "two words", "E_TOKEN": None,
                     "F_TOKEN": None}


def _findings(text: str, *codes: str) -> list:
    config = Config(roles=SERVICE_BY_DEFAULT)
    return list(harden_text(text, "Dockerfile", make_ruleset(config, config.active_rules(select=set(codes)))).before)


def test_a_credential_an_env_names_is_reported_once():
    text = f"FROM a\nENV GITHUB_TOKEN={SECRETS['GitHub']}\nRUN echo {SECRETS['npm']}\n"
    assert [(f.rule, f.line) for f in _findings(text, "HB050", "HB051")] == [("HB050", 2), ("HB051", 3)]
    assert [(f.rule, f.line) for f in _findings(text, "HB051")] == [("HB051", 2), ("HB051", 3)]


def test_the_advice_reads_the_secret_from_env_only_where_the_frontend_can():
    text = "FROM a\nARG NPM_TOKEN\nRUN npm ci\n"
    old, new = _findings(text, "HB050")[0].message, _findings("# syntax=docker/dockerfile:1\n" + text, "HB050")[0].message
    assert '`RUN --mount=type=secret,id=npm_token export NPM_TOKEN="$(cat /run/secrets/npm_token)" && …`' in old
    assert "`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN …`" in new
    for message in (old, new):
        assert "`docker build --secret id=npm_token,env=NPM_TOKEN`" in message
        assert "the RUN at line" in message and "history" in message
    pinned = _findings("# syntax=docker/dockerfile:1.4\n" + text, "HB050")[0].message
    assert "export NPM_TOKEN=" in pinned  # 1.4 has no env= on secret mounts


@pytest.mark.parametrize("line", ["http://a:" * 100_000, "AKIA" * 250_000, "ghp_" * 250_000,
                                  "-----BEGIN RSA PRIVATE KEY-----" * 30_000, "Authorization: Bearer " * 40_000,
                                  "x" * 1_000_000])
def test_credentials_are_found_in_time_that_grows_with_the_file(line):
    start = time.monotonic()
    credentials_in(line + "\n")
    assert time.monotonic() - start < 5


def test_a_default_password_is_masked_where_written_but_not_as_a_word_of_every_message(tmp_path, capsys):
    root = tmp_path / "shop"
    root.mkdir()
    # pytest's folder is named for the test, which would make the file a test fixture: say what it is.
    (root / "Dockerfile").write_text("# hardenbot role=service\nFROM mysql:8.4\n"
                                     "ENV MYSQL_ROOT_PASSWORD=root MYSQL_PASSWORD=Kx7-horse-92\nCMD [\"mysqld\"]\n")
    main(["fix", "--dry-run", "--offline", str(root)])
    captured = capsys.readouterr()
    out = captured.out + captured.err  # the diff, then the summary
    assert "final stage runs as root" in out  # not "runs as ****"
    assert "Kx7-horse-92" not in out  # a real password is masked wherever it would appear
    main(["check", "--offline", "--format", "json", str(root)])
    assert "Kx7-horse-92" not in capsys.readouterr().out
