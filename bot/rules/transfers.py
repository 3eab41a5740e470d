"""How curl and wget are called: their options as they read them, the URLs they fetch, and
whether what they fetch goes to standard output (into a pipe or a substitution)."""
from __future__ import annotations

from collections.abc import Iterator

from bot.dockerfile.arguments import Args, read_args
from bot.dockerfile.shell import Command, Word

DOWNLOADERS = frozenset({"curl", "wget"})
# Short options that take a value (curl 8's, wget's and busybox wget's); wget's `-nv`, `-nc`
# are `-n` with a value.
_SHORT_WITH_VALUE = {"curl": "AbcCdDeEFHKmoPQrtTuUwxXyYz", "wget": "aABDeiIlnoOPQRtTUwXY"}
_LONG_WITH_VALUE = {
    "curl": frozenset("--output --header --data --data-raw --data-binary --data-urlencode --data-ascii "
                      "--user --user-agent --url --config --cert --cacert --capath --key --proxy "
                      "--request --write-out --max-time --connect-timeout --retry --retry-delay "
                      "--retry-max-time --form --form-string --referer --cookie --cookie-jar --range "
                      "--upload-file --continue-at --output-dir --resolve --connect-to --interface "
                      "--limit-rate --dump-header --proto --proto-redir --max-filesize --oauth2-bearer "
                      "--netrc-file --pinnedpubkey --ciphers --tls-max --create-file-mode "
                      "--proxy-user --noproxy --unix-socket --json --variable --expand-url".split()),
    "wget": frozenset("--output-document --output-file --append-output --execute --input-file "
                      "--tries --timeout --wait --quota --directory-prefix --user-agent --header "
                      "--user --password --http-user --http-password --post-data --post-file "
                      "--ca-certificate --ca-directory --certificate --private-key --level --accept "
                      "--reject --domains --exclude-directories --include-directories --load-cookies "
                      "--save-cookies --referer --proxy-user --proxy-password --limit-rate".split()),
}
_STDOUT = ("-", "/dev/stdout", "/proc/self/fd/1")


def downloader_args(command: Command) -> Args | None:
    """The arguments of a curl or wget command, else None."""
    if command.name not in DOWNLOADERS:
        return None
    return read_args([w.value for w in command.args()], _SHORT_WITH_VALUE[command.name],
                     _LONG_WITH_VALUE[command.name])


def urls(command: Command, args: Args) -> list[str]:
    """What a curl or wget command fetches: its operands, and curl's `--url`."""
    return list(args.operands) + (args.values("--url") if command.name == "curl" else [])


def writes_to_stdout(command: Command, args: Args) -> bool:
    """Whether what the command downloads goes to standard output."""
    if command.name == "curl":
        outputs = args.values("-o", "--output")
        if args.has("-O", "--remote-name", "--remote-name-all"):
            return False
        return not outputs or all(o in _STDOUT for o in outputs)
    outputs = args.values("-O", "--output-document")
    return bool(outputs) and outputs[-1] in _STDOUT


def option_words(command: Command) -> Iterator[tuple[Word, tuple[str, ...]]]:
    """Each word of a curl or wget command that holds options, as its parser reads them, with
    the options it holds: `-fsSLk` holds -f, -s, -S, -L and -k; `-ko file` -k and -o. A word
    that is an option's value or an operand holds none and is not given."""
    words = command.args()
    args = downloader_args(command)
    assert args is not None
    held: dict[int, list[str]] = {}
    for (name, _), at in zip(args.options, args.option_at, strict=True):
        held.setdefault(at, []).append(name)
    for at, names in held.items():
        yield words[at], tuple(names)
