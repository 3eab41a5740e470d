"""One reader of a program's arguments (`bot.dockerfile.arguments`) and of the packages an
install names (`bot.dockerfile.installs`), for the Dockerfile layer and the rules alike."""
from __future__ import annotations

import pytest

from bot.dockerfile.arguments import read_args
from bot.dockerfile.installs import INSTALLERS, installed_packages
from bot.dockerfile.model import Dockerfile
from bot.dockerfile.shell import split_commands
from bot.dockerfile.stage_purpose import installed
from bot.rules.transfers import option_words


@pytest.mark.parametrize(("words", "options", "option_at", "operands", "operand_at"), [
    ("-fsSLk -o out https://x --retry 3", [("-f", None), ("-s", None), ("-S", None), ("-L", None), ("-k", None),
                                           ("-o", "out"), ("--retry", "3")], [0, 0, 0, 0, 0, 1, 4], ["https://x"], [3]),
    ("-ko file -- -x", [("-k", None), ("-o", "file")], [0, 0], ["-x"], [3]),
    ("--output=a -", [("--output", "a")], [0], ["-"], [1]),
    ("-o", [("-o", "")], [0], [], []),
])
def test_each_option_is_told_with_the_word_that_holds_it(words, options, option_at, operands, operand_at):
    args = read_args(words.split(), "o", frozenset({"--retry", "--output"}))
    assert (list(args.options), list(args.option_at)) == (options, option_at)
    assert (list(args.operands), list(args.operand_at)) == (operands, operand_at)


def test_options_may_end_at_the_first_operand_as_git_reads_its_own():
    args = read_args("-c http.sslVerify=false -C /src config -f x --get".split(), "cC", frozenset(),
                     stop_at_operand=True)
    assert args.values("-c", "-C") == ["http.sslVerify=false", "/src"]
    assert args.operands == ("config", "-f", "x", "--get") and args.operand_at[0] == 4


@pytest.mark.parametrize(("script", "held"), [
    ("curl -fsSLk https://x", [("-fsSLk", ("-f", "-s", "-S", "-L", "-k"))]),
    ("curl -ko file --insecure https://x", [("-ko", ("-k", "-o")), ("--insecure", ("--insecure",))]),
    ("curl -o -k https://x -- -k", [("-o", ("-o",))]),  # the first -k is -o's value, the second an operand
    ("wget -O - --no-check-certificate https://x", [("-O", ("-O",)), ("--no-check-certificate",
                                                                      ("--no-check-certificate",))]),
])
def test_option_words_are_the_words_holding_options(script, held):
    [command] = split_commands(script).commands
    assert [(word.value, names) for word, names in option_words(command)] == held


@pytest.mark.parametrize(("run", "packages"), [
    ("apt-get -o Debug::pkgProblemResolver=1 install -y git curl=7.88", ["git", "curl"]),
    ("apk add --no-cache -X https://mirror/x sudo", ["sudo"]),
    ("dnf -y install vim-enhanced && microdnf install gdb", ["vim-enhanced", "gdb"]),
    ("yum --enablerepo epel install -y git && zypper -r oss install -t package sudo", ["git", "sudo"]),
    ("apt-get update", []),
])
def test_installed_packages_leave_out_options_and_their_values(run, packages):
    doc = Dockerfile.parse(f"FROM debian:12\nRUN {run}\n")
    [found] = doc.runs()
    assert installed_packages(found, tuple(INSTALLERS)) == packages
    assert installed(doc, *doc.stages) == set(packages)
