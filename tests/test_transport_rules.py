"""HB060-HB063's readings: options as each program's parser reads them, modes as chmod reads
them, substitutions as the shell reads them; and hostile nesting costs time in proportion to size."""
from __future__ import annotations

import time

import pytest

from bot.dockerfile.arguments import read_args
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.shell import split_commands, substitutions
from bot.rules import RULES_BY_CODE
from bot.rules.hb062_add_url_checksum import names_version
from bot.rules.hb063_world_writable import world_writable
from bot.rules.options import OptionValues
from bot.rules.rule import RuleContext


@pytest.mark.parametrize(("words", "insecure"), [
    (["-fsSLk", "https://x"], True), (["--insecure", "https://x"], True), (["-ok", "https://x"], False),
    (["-K", "k", "https://x"], False), (["-Kk", "https://x"], False), (["-H", "-k", "https://x"], False),
    (["--", "-k"], False), (["-sSkL", "-o", "/x", "https://x"], True),
])
def test_curl_short_options_are_read_as_getopt_reads_them(words, insecure):
    args = read_args(words, "AbcCdDeEFHKmoPQrtTuUwxXyYz", frozenset({"--output", "--header"}))
    assert args.has("-k", "--insecure") is insecure


@pytest.mark.parametrize(("mode", "writable"), [
    ("777", True), ("0666", True), ("757", True), ("a+w", True), ("o+rwX", True), ("u=rwx,go=rwx", True),
    ("1777", False), ("a+wt", False), ("775", False), ("+w", False), ("go-w", False), ("o+w,o-w", False),
    ("-w", False), ("u+w", False),
])
def test_world_writable_modes_as_chmod_reads_them(mode, writable):
    assert world_writable(mode) is writable


def test_process_substitution_is_one_word_and_its_script_is_found():
    command = split_commands("bash <(curl -fsSL https://x/i.sh) --flag").commands
    assert [[w.value for w in c.words] for c in command] == [["bash", "<(curl -fsSL https://x/i.sh)", "--flag"]]
    assert substitutions("<(curl -fsSL https://x/i.sh)") == ["curl -fsSL https://x/i.sh"]
    assert substitutions("'$(curl x)'\"$(curl y)\"`curl z`") == ["curl y", "curl z"]  # none in single quotes


@pytest.mark.parametrize(("url", "versioned"), [
    ("https://github.com/o/r/releases/download/v1.2.3/tool-linux.tar.gz", True),
    ("https://raw.githubusercontent.com/o/r/0123456789abcdef0123456789abcdef01234567/x.sh", True),
    ("https://example.com/tool-2.0.tar.gz", True),
    ("https://github.com/o/r/releases/latest/download/tool-1.2.tar.gz", False),
    ("https://raw.githubusercontent.com/o/r/main/install.sh", False),
    ("https://example.com/tool.tar.gz?v=1.2.3", False),
    ("https://example.com/linux-amd64/tool", False),
])
def test_a_url_names_a_version_only_in_its_path_and_never_beside_a_moving_one(url, versioned):
    assert names_version(url) is versioned


@pytest.mark.parametrize("body", [
    "sh -c \"$(" * 5000 + "curl x" + ")\"" * 5000,
    "eval \"$(" * 5000 + "curl x" + ")\"" * 5000,
    "bash " + "<(" * 10000 + "curl x" + ")" * 10000,
    "curl -fsSL x | " * 10000 + "sh",
    "chmod 777 /a && " * 10000 + "true",
], ids=["sh-c", "eval", "process-substitution", "pipeline", "chmods"])
def test_nested_substitutions_and_long_scripts_cost_time_in_proportion_to_size(body):
    doc = Dockerfile.parse(f"FROM debian:bookworm-slim\nRUN {body}\n")
    context = RuleContext(OptionValues())
    started = time.monotonic()
    for code in ("HB060", "HB061", "HB063"):
        list(RULES_BY_CODE[code].findings(doc, context))
    assert time.monotonic() - started < 30  # bounded depth: once exponential, minutes at this size
