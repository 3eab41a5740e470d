"""Credentials written into a Dockerfile, found two ways and never by entropy alone:

- by their published formats, anywhere in a text (comments and heredocs included): GitHub,
  GitLab, npm, PyPI and Docker Hub tokens, AWS access key IDs, Slack tokens and webhooks,
  Stripe live keys, Google API keys, private key blocks, an `.npmrc` `_authToken`, a literal
  `Authorization:` header and a password in a URL's userinfo (`https://user:pass@host`);
- by the name of the ENV or ARG that sets them (`*_TOKEN`, `*_SECRET`, `*PASSWORD`,
  `*_API_KEY`, `AWS_SECRET_ACCESS_KEY` …), read from the parsed instruction, as BuildKit reads
  its `name=value` words (or the legacy `ENV name value`), quotes and escapes included.

A name that only mentions a secret (`TOKEN_URL`, `SECRET_NAME`, `PASSWORD_MIN_LENGTH`,
`*_FILE`, `*_PATH`), an empty value, a value holding a variable reference (`$X`, `${X}`), a
file path or a placeholder (`<token>`, `xxxx`, `changeme`, AWS's `…EXAMPLE` keys) is no
credential. What each finds is a span of the text, so a report can mask exactly those
characters wherever it prints the file.
"""
from __future__ import annotations

import re

from bot.dockerfile.expand import expand
from bot.dockerfile.model import Dockerfile, Stage
from bot.dockerfile.parser import Instruction, word_spans
from bot.lazy_regex import lazy_compile
from bot.model.text import Span
from bot.record import record

MASK = "****"


@record
class Credential:
    """A secret written in a text: what it is, where its secret characters are, and what an
    output may show instead of them (the format's public prefix, then the mask)."""

    kind: str  # "GitHub token", "password in a URL" …
    span: Span  # the secret characters
    shown: str  # `ghp_****`
    variable: str  # the variable a build secret would carry it in (GITHUB_TOKEN)


@record
class _Format:
    """A credential format: its kind, its pattern and the build secret that would carry it."""
    kind: str
    pattern: re.Pattern[str]  # group "secret" is what is masked; "keep" is shown
    variable: str
    # A case-blind pattern has no literal prefix for the search to skip ahead by, and cost
    # half of all the formats' time: a word every match holds, found in the lower-cased text
    # first (only ASCII letters match its letters case-blind, so none is missed).
    hint: str = ""


def _bounded(body: str) -> str:
    """A token not followed by more of a word; `credentials_in` checks that none comes before it
    (a lookbehind here would cost the search its literal prefix, and a pass over a file 5x the time)."""
    return rf"(?P<secret>{body})(?![A-Za-z0-9_])"


_FORMATS = (
    _Format("GitHub token", re.compile(_bounded(r"(?P<keep>gh[pousr]_)[A-Za-z0-9]{36}")), "GITHUB_TOKEN"),
    _Format("GitHub token", re.compile(_bounded(r"(?P<keep>github_pat_)[A-Za-z0-9]{22}_[A-Za-z0-9]{59}")),
            "GITHUB_TOKEN"),
    _Format("GitLab token", re.compile(_bounded(r"(?P<keep>glpat-)[A-Za-z0-9_-]{20}")), "GITLAB_TOKEN"),
    _Format("npm token", re.compile(_bounded(r"(?P<keep>npm_)[A-Za-z0-9]{36}")), "NPM_TOKEN"),
    _Format("PyPI token", re.compile(_bounded(r"(?P<keep>pypi-)AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")), "PYPI_TOKEN"),
    _Format("Docker Hub token", re.compile(_bounded(r"(?P<keep>dckr_pat_)[A-Za-z0-9_-]{27}")), "DOCKERHUB_TOKEN"),
    _Format("AWS access key ID", re.compile(_bounded(r"(?P<keep>A(?:KIA|SIA))[A-Z0-9]{16}")), "AWS_ACCESS_KEY_ID"),
    _Format("Slack token", re.compile(_bounded(r"(?P<keep>xox[baprs]-)[0-9]{6,}-[A-Za-z0-9-]{10,}")), "SLACK_TOKEN"),
    _Format("Slack webhook", re.compile(r"(?P<keep>hooks\.slack\.com/services/)(?P<secret>T[A-Z0-9]{6,}/B[A-Z0-9]{6,}"
                                        r"/[A-Za-z0-9]{20,})"), "SLACK_WEBHOOK_URL"),
    _Format("Stripe live key", re.compile(_bounded(r"(?P<keep>sk_live_)[A-Za-z0-9]{20,}")), "STRIPE_API_KEY"),
    _Format("Stripe live key", re.compile(_bounded(r"(?P<keep>rk_live_)[A-Za-z0-9]{20,}")), "STRIPE_API_KEY"),
    _Format("Google API key", re.compile(r"(?P<secret>(?P<keep>AIza)[A-Za-z0-9_-]{35})(?![A-Za-z0-9_-])"),
            "GOOGLE_API_KEY"),
    _Format("npm registry token", re.compile(r"(?P<keep>:_auth(?:Token)?=)(?P<secret>[^\s\"'`\\$]{8,})"), "NPM_TOKEN"),
    _Format("Authorization header", re.compile(r"(?i)(?P<keep>authorization:\s*(?:bearer|basic|token)\s+)"
                                               r"(?P<secret>[A-Za-z0-9._~+/=-]{12,})(?![^\s\"'])"), "API_TOKEN",
            hint="author"),
)
_WORD_CHAR = lazy_compile(r"[A-Za-z0-9_]")
_PRIVATE_KEY = re.compile(r"(?P<keep>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)")
_PRIVATE_KEY_END = lazy_compile(r"-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")
# A key's body: base64 lines, written as lines or with `\n` escapes (an `echo "…"`), headers allowed.
_KEY_BODY = lazy_compile(r"(?:[A-Za-z0-9+/=]{16,}|[A-Za-z-]+: [^\n]*|\\n|\s)+")
_KEY_BODY_MIN = 64  # base64 characters: less is a mention of a key (`grep 'BEGIN … KEY'`), not a key
# From the `://` (a literal prefix to search for); possessive, so that a long line of `a:a:a…`
# with no `@` costs one pass, not a pass per colon. The scheme before it is checked apart.
_URL_USERINFO = re.compile(r"(?P<keep>://(?P<user>[^\s:/@\"'`]++):)(?P<secret>[^\s/@\"'`]++)@"
                           r"(?P<host>[A-Za-z0-9.-]++|\[)")
_SCHEME = lazy_compile(r"[A-Za-z][A-Za-z0-9+.-]*\Z")
# Documentation's own hosts (RFC 2606): `https://abc:xyz@example.com` is an example, not a login.
_EXAMPLE_HOST = lazy_compile(r"(?:.*\.)?(?:example\.(?:com|org|net)|[^.]+\.(?:example|invalid|test))\.?", re.I)

# Values that stand for a credential rather than being one.
_PLACEHOLDERS = frozenset({"secret", "password", "passwd", "pass", "token", "none", "null", "nil", "undefined",
                           "unset", "empty", "todo", "fixme", "test", "true", "false", "yes", "no"})
_PLACEHOLDER_WORDS = ("changeme", "change-me", "change_me", "dummy", "placeholder", "example", "redacted", "replace",
                      "fake", "sample", "...")
_BRACKETS = ("<>", "{}", "[]")
_REPEATED = lazy_compile(r"(.)\1*")


def is_placeholder(value: str) -> bool:
    """`changeme`, `<token>`, `{API key}`, `xxxx`, `your_token_here`, `dummy-key-for-build` …"""
    text = value.strip().lower()
    return (text in _PLACEHOLDERS or bool(_REPEATED.fullmatch(text)) or text.startswith(("your", "{{", "%("))
            or any(text[:1] == pair[0] and text[-1:] == pair[1] for pair in _BRACKETS)
            or any(word in text for word in _PLACEHOLDER_WORDS))


def credentials_in(text: str) -> list[Credential]:
    """Every credential of a published format written in `text`, in order, none overlapping."""
    found: list[Credential] = []
    lowered = None
    for form in _FORMATS:
        if form.hint:
            lowered = text.lower() if lowered is None else lowered
            if form.hint not in lowered:
                continue
        for match in form.pattern.finditer(text):
            secret = match.group("secret")
            if match.start("secret") and _WORD_CHAR.match(text, match.start("secret") - 1):
                continue  # the end of a longer word, not a token
            keep = match.group("keep")
            if is_placeholder(secret[len(keep):] if secret.startswith(keep) else secret):
                continue  # `ghp_xxxx…`, AWS's `AKIAIOSFODNN7EXAMPLE`, `_authToken=<token>`
            found.append(_credential(form.kind, match, form.variable))
    found.extend(_private_keys(text))
    for match in _URL_USERINFO.finditer(text):
        password = match.group("secret")
        if not _SCHEME.search(text, max(0, match.start() - 32), match.start()) or \
                _EXAMPLE_HOST.fullmatch(match.group("host")):
            continue
        if "$" in password or "{" in password or is_placeholder(password) or password == match.group("user"):
            continue
        found.append(_credential("password in a URL", match, "URL_PASSWORD"))
    return _disjoint(found)


def _credential(kind: str, match: re.Match[str], variable: str) -> Credential:
    """The secret group's span; a prefix kept inside it (`ghp_`) is shown, one before it
    (`Authorization: Bearer `) stays where it is written anyway."""
    inside = match.start("keep") >= match.start("secret")
    shown = (match.group("keep") if inside else "") + MASK
    return Credential(kind, Span(match.start("secret"), match.end("secret")), shown, variable)


def _private_keys(text: str) -> list[Credential]:
    keys = []
    for match in _PRIVATE_KEY.finditer(text):
        body = _KEY_BODY.match(text, match.end())
        if body is None or sum(c.isalnum() for c in body.group()) < _KEY_BODY_MIN:
            continue
        end = _PRIVATE_KEY_END.match(text, body.end())
        stop = end.end() if end else body.end()
        keys.append(Credential("private key", Span(match.start(), stop), match.group("keep") + MASK, "PRIVATE_KEY"))
    return keys


def _disjoint(found: list[Credential]) -> list[Credential]:
    """In text order; of two overlapping, the one found first (the more specific format)."""
    kept: list[Credential] = []
    for credential in sorted(found, key=lambda c: c.span.start):
        if kept and credential.span.start < kept[-1].span.end:
            continue
        kept.append(credential)
    return kept


# -- ENV and ARG -----------------------------------------------------------------------------

_NAME_WORDS = lazy_compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")
_SECRET_ENDINGS = ("token", "secret", "password", "passwd", "passphrase", "apikey", "credentials")
_SECRET_KEYS = frozenset({"api", "secret", "private", "signing", "encryption", "master", "client", "auth"})
# A name with one of these says something about a credential, not the credential itself:
# NEXT_PUBLIC_API_KEY is shipped to every browser, MYSQL_ALLOW_EMPTY_PASSWORD is a switch.
_ABOUT_WORDS = frozenset({"public", "allow", "empty", "random", "require", "required", "skip", "no", "disable",
                          "disabled", "enable", "enabled", "generate", "reset", "min", "max", "expire", "expiry",
                          "rotate", "length", "policy", "hash", "hashed", "use", "without"})


def is_credential_name(name: str) -> bool:
    """Whether an ENV or ARG named so holds a credential: its last word says what it is
    (`DB_PASSWORD`, `NPM_TOKEN`, `STRIPE_API_KEY`), not what it is about (`TOKEN_URL`)."""
    words = [w.lower() for w in _NAME_WORDS.findall(name)]
    if not words or _ABOUT_WORDS & set(words):
        return False
    last = words[-1]
    if last.endswith(_SECRET_ENDINGS):
        return True
    if last == "key":
        return bool(_SECRET_KEYS & set(words[:-1]))
    if last in ("pass", "pwd"):
        return len(words) > 1  # `PWD` alone is the working directory
    return words[-2:] == ["key", "base"]  # Rails' SECRET_KEY_BASE


@record
class Setting:
    """One `name=value` of an ENV or ARG instruction whose name says credential."""

    instruction: Instruction
    stage: Stage | None  # None: a global ARG, before the first FROM
    name: str
    literal: Span | None  # where a literal credential is written (its value); None: no literal value


def secret_settings(doc: Dockerfile) -> list[Setting]:
    """The ENV and ARG settings of `doc` whose name says credential, in file order."""
    placed: list[tuple[Instruction, Stage | None]] = [(i, None) for i in doc.instructions if i.keyword == "ARG"
                                                      and i.span.start < doc.stages[0].from_.span.start]
    placed += [(inst, stage) for stage in doc.stages for inst in stage.instructions if inst.keyword in ("ENV", "ARG")]
    settings = []
    for inst, stage in placed:
        for name, value_start, value_end in _assignments(inst, doc.escape):
            if is_credential_name(name):
                settings.append(Setting(inst, stage, name, _literal(doc, inst, value_start, value_end)))
    return settings


def _assignments(inst: Instruction, escape: str) -> list[tuple[str, int, int]]:
    """(name, value start, value end) of each setting, offsets into `inst.args.text`; an ARG
    without a value has an empty one. The legacy `ENV name value` sets one name to the rest."""
    text = inst.args.text
    words = [(start + inst.rest_start, end + inst.rest_start)
             for start, end in word_spans(text[inst.rest_start:], escape)]
    if not words:
        return []
    first_start, first_end = words[0]
    if inst.keyword == "ENV" and "=" not in text[first_start:first_end]:
        rest = words[1:]
        return [(text[first_start:first_end], rest[0][0] if rest else first_end, rest[-1][1] if rest else first_end)]
    out = []
    for start, end in words:
        name, has_value, _ = text[start:end].partition("=")
        value_start = start + len(name) + 1 if has_value else end
        out.append((name, value_start, end))
    return out


def referenced(inst: Instruction, escape: str) -> frozenset[str]:
    """The variables an ENV's or ARG's values read (`ENV NPM_TOKEN=$NPM_TOKEN` reads NPM_TOKEN)."""
    names: set[str] = set()
    for _, start, end in _assignments(inst, escape):
        names.update(expand(inst.args, start, end, {}, escape).unset)
    return frozenset(names)


def _literal(doc: Dockerfile, inst: Instruction, start: int, end: int) -> Span | None:
    """Where the value is written, when it is a literal credential: not empty, no variable in
    it, not a file's path, not a placeholder."""
    if start >= end:
        return None
    value = expand(inst.args, start, end, {}, doc.escape)
    if not value.resolved or not value.text.strip():
        return None  # `$X`: a variable, unset here, is no literal
    if value.text.startswith(("/", "./", "../", "~/")) or is_placeholder(value.text):
        return None
    return value.literal_span() or inst.args.span(start, end)  # within quotes when it can


def secret_spans(doc: Dockerfile) -> list[Credential]:
    """Every credential `doc` writes, of a published format or set by a credential's name."""
    found = credentials_in(doc.text)
    for setting in secret_settings(doc):
        if setting.literal is not None:
            found.append(Credential("credential", setting.literal, MASK, setting.name))
    return _disjoint(found)
