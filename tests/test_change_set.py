"""The change set a pull request body records, and the paragraph saying what is new since a
closed one: tokens that survive unrelated edits and change with what the bot would put in."""
from __future__ import annotations

import pytest

from bot.config import Config
from bot.model.images import Resolution, image_key
from bot.model.results import FileResult, RunReport
from bot.report import change_set as cs
from bot.report.change_set import Grain, change_set, covered_by, new_since, proposed_in
from bot.report.markdown import render_body, what_is_new
from bot.run import digest_changes, process_texts
from bot.sources.discovery import SourceFile
from bot.sources.dockerfile import KIND as DOCKERFILE

API = "FROM python:3.12-slim\nRUN pip install flask\nCMD [\"python\", \"/app/api.py\"]\n"


def hardened(files: dict[str, str], digest: str = "1") -> RunReport:
    """The files hardened with every default rule, each image's digest made of `digest`."""
    config = Config()

    def resolve(refs):
        return {key: Resolution(digest="sha256:" + digest * 64) for key in map(image_key, refs)}

    texts = {SourceFile(path, DOCKERFILE): text for path, text in files.items()}
    return process_texts(texts, config, config.active_rules(), fix=True, resolver=resolve)


def results(files: dict[str, str], digest: str = "1") -> tuple[FileResult, ...]:
    return hardened(files, digest).results


def test_an_unrelated_edit_or_a_repeated_fix_is_no_new_change():
    before = change_set(results({"services/api/Dockerfile": API}))
    moved = API.replace("RUN pip install flask\n", "# the API\nLABEL team=api\nRUN pip install flask\nRUN pip install gunicorn\n")
    assert change_set(results({"services/api/Dockerfile": moved})) == before
    assert before.grain is Grain.CHANGE and len(before.tokens) == 4  # HB030, DL3042, HB002, HB001


def test_a_moved_digest_a_new_rule_or_a_new_file_is_a_new_change():
    before = change_set(results({"services/api/Dockerfile": API}))
    assert not covered_by(results({"services/api/Dockerfile": API}, digest="2"), before)
    assert not covered_by(results({"services/api/Dockerfile": API.replace("CMD", "RUN apk add curl\nCMD")}), before)
    assert not covered_by(results({"services/api/Dockerfile": API, "services/web/Dockerfile": API}), before)
    both = change_set(results({"services/api/Dockerfile": API, "services/web/Dockerfile": API}))
    assert covered_by(results({"services/web/Dockerfile": API}), both)  # fewer changes are no new ones


def test_news_are_listed_by_rule_then_file():
    before = change_set(results({"services/api/Dockerfile": API}))
    now = results({"services/api/Dockerfile": API, "services/web/Dockerfile": API}, digest="2")
    web = ["services/web/Dockerfile"]
    assert new_since(now, before) == [("DL3042", web), ("HB001", web), ("HB002", web),
                                      ("HB030", ["services/api/Dockerfile", *web])]


def test_a_big_change_set_is_kept_a_file_or_the_whole_at_a_time(monkeypatch):
    files = {f"services/s{i}/Dockerfile": API for i in range(4)}
    monkeypatch.setattr(cs, "MAX_TOKENS", 5)
    by_file = change_set(results(files))
    assert by_file.grain is Grain.FILE and len(by_file.tokens) == 4
    assert covered_by(results(dict(list(files.items())[:2])), by_file)
    assert new_since(results(files, digest="2"), by_file)[0] == ("DL3042", sorted(files))
    monkeypatch.setattr(cs, "MAX_TOKENS", 3)
    whole = change_set(results(files))
    assert whole.grain is Grain.WHOLE and len(whole.tokens) == 1
    assert covered_by(results(files), whole) and new_since(results(files), whole) is None


def test_the_body_records_the_set_and_hardenbot_closing_it_keeps_the_record():
    report = hardened({"services/api/Dockerfile": API})
    body = render_body(report, digest_changes(report))
    quoted = "> <!-- hardenbot:state {\"changes\": \"AAAAAA\", \"changes_by\": \"change\"} -->\n\n" + body
    assert proposed_in(quoted) == change_set(report.results)  # the last block is the body's own
    closed = cs.mark_closed_by_hardenbot(body)
    assert cs.closed_by_hardenbot(closed) and not cs.closed_by_hardenbot(body)
    assert proposed_in(closed) == proposed_in(body) and closed.replace(', "closed": "nothing-left"', "") == body
    assert cs.closed_by_hardenbot(cs.mark_closed_by_hardenbot("written by a person"))


@pytest.mark.parametrize("body", ["", "no state", "<!-- hardenbot:state {\"version\": 1} -->",
                                  "<!-- hardenbot:state {\"changes\": \"abc\", \"changes_by\": \"change\"} -->",
                                  "<!-- hardenbot:state {\"changes\": \"abcdef\", \"changes_by\": \"line\"} -->",
                                  "<!-- hardenbot:state {not json} -->"])
def test_a_body_without_a_readable_record_records_nothing(body):
    assert proposed_in(body) is None


@pytest.mark.parametrize(("news", "expected"), [
    ([("HB030", ["a/Dockerfile"]), ("DL3042", [f"s{i}/Dockerfile" for i in range(7)])],
     "### What is new since the closed pull request #41\n\n"
     "#41 was closed without being merged; this pull request is opened for what it did not have:\n"
     "- **HB030** in `a/Dockerfile`\n"
     "- **DL3042** in `s0/Dockerfile`, `s1/Dockerfile`, `s2/Dockerfile`, `s3/Dockerfile`, `s4/Dockerfile` "
     "and 2 more files"),
    ([], "### What is new since the closed pull request #41\n\n"
         "Nothing: #41, closed without being merged, proposed all of these changes."),
    (None, "### What is new since the closed pull request #41\n\n"
           "#41 was closed without being merged, and its body keeps no record of each change it proposed, so "
           "hardenbot cannot tell which of these are new: it proposes them all."),
])
def test_what_is_new_since_the_closed_pull_request(news, expected):
    assert "\n".join(what_is_new(41, news)) == expected
