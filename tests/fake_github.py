"""GitHub's REST API, faked at the HTTP layer with `responses`: the routes the flow uses,
answering with bodies shaped like GitHub's documented ones, and keeping every call."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import responses

API = "https://api.github.com"


@dataclass
class FakeGitHub:
    repository: str = "acme/shop"
    default_branch: str = "main"
    permissions: dict[str, str] = field(default_factory=dict)
    pulls: dict[int, dict] = field(default_factory=dict)
    issues: dict[int, dict] = field(default_factory=dict)  # issues that are not pull requests
    comments: list[dict] = field(default_factory=list)
    reactions: list[dict] = field(default_factory=list)
    calls: list[tuple[str, str]] = field(default_factory=list)
    failures: list[tuple[str, str, int, dict]] = field(default_factory=list)  # (method, path regex, status, headers)
    race_on_create: bool = False
    next_number: int = 41

    # -- helpers for tests --------------------------------------------------------------------
    @property
    def writes(self) -> list[tuple[str, str]]:
        return [c for c in self.calls if c[0] != "GET"]

    def open_pulls(self) -> list[dict]:
        return [p for p in self.pulls.values() if p["state"] == "open"]

    def close_pull(self, number: int, *, merged: bool = False) -> None:
        """What a person's click does: close the pull request, merging it or not."""
        pull = self.pulls[number]
        pull.update(state="closed", closed_at="2024-05-02T10:00:00Z",
                    merged_at="2024-05-02T10:00:00Z" if merged else None)

    def add_pull(self, head_ref: str, head_repo: str | None, head_sha: str, title="Feature", body="") -> dict:
        self.next_number += 1
        number = self.next_number
        owner = (head_repo or "ghost/gone").split("/")[0]
        pull = {
            "id": 1000 + number, "number": number, "state": "open", "title": title, "body": body,
            "url": f"{API}/repos/{self.repository}/pulls/{number}",
            "html_url": f"https://github.com/{self.repository}/pull/{number}",
            "issue_url": f"{API}/repos/{self.repository}/issues/{number}",
            "labels": [], "user": {"login": "octocat", "id": 1, "type": "User"},
            "created_at": "2024-05-01T10:00:00Z", "closed_at": None, "merged_at": None,
            "head": {"ref": head_ref, "sha": head_sha, "label": f"{owner}:{head_ref}",
                     "repo": None if head_repo is None else {"full_name": head_repo, "name": head_repo.split("/")[1],
                                                             "owner": {"login": owner}}},
            "base": {"ref": self.default_branch, "label": f"{self.repository.split('/')[0]}:{self.default_branch}",
                     "repo": {"full_name": self.repository}},
        }
        self.pulls[number] = pull
        return pull

    # -- routes -------------------------------------------------------------------------------
    def install(self, mock: responses.RequestsMock) -> None:
        repo = re.escape(self.repository)
        routes = [
            ("GET", rf"/repos/{repo}$", self._get_repo),
            ("GET", rf"/repos/{repo}/pulls$", self._list_pulls),
            ("POST", rf"/repos/{repo}/pulls$", self._create_pull),
            ("GET", rf"/repos/{repo}/pulls/(\d+)$", self._get_pull),
            ("PATCH", rf"/repos/{repo}/pulls/(\d+)$", self._edit_pull),
            ("GET", rf"/repos/{repo}/issues$", self._list_issues),
            ("POST", rf"/repos/{repo}/issues$", self._create_issue),
            ("PATCH", rf"/repos/{repo}/issues/(\d+)$", self._edit_issue),
            ("POST", rf"/repos/{repo}/issues/(\d+)/labels$", self._add_labels),
            ("POST", rf"/repos/{repo}/pulls/(\d+)/requested_reviewers$", self._request_reviewers),
            ("POST", rf"/repos/{repo}/issues/(\d+)/assignees$", self._add_assignees),
            ("POST", rf"/repos/{repo}/issues/(\d+)/comments$", self._comment),
            ("GET", rf"/repos/{repo}/issues/(\d+)/comments$", self._list_comments),
            ("POST", rf"/repos/{repo}/issues/comments/(\d+)/reactions$", self._react),
            ("GET", rf"/repos/{repo}/collaborators/([^/]+)/permission$", self._permission),
        ]
        for method, pattern, handler in routes:
            mock.add_callback(method, self._url(pattern), callback=self._wrap(method, pattern, handler))

    @staticmethod
    def _url(pattern: str) -> re.Pattern[str]:
        return re.compile(r"https://api\.github\.com(?::443)?" + pattern.rstrip("$") + r"(\?.*)?$")

    def _wrap(self, method, pattern, handler):
        def callback(request):
            path = request.path_url.split("?", 1)[0]
            self.calls.append((method, request.path_url))
            for index, (fail_method, fail_path, status, headers) in enumerate(self.failures):
                if fail_method == method and re.search(fail_path, path):
                    del self.failures[index]
                    return status, headers, json.dumps({"message": "Server Error" if status >= 500 else
                                                        "You have exceeded a secondary rate limit."})
            match = self._url(pattern).match(request.url)
            body = json.loads(request.body) if request.body else None
            status, payload = handler(request, match, body)
            return status, {"Content-Type": "application/json"}, json.dumps(payload)
        return callback

    def _get_repo(self, request, match, body):
        owner, name = self.repository.split("/")
        return 200, {"full_name": self.repository, "name": name, "owner": {"login": owner},
                     "default_branch": self.default_branch, "url": f"{API}/repos/{self.repository}"}

    def _list_pulls(self, request, match, body):
        query = dict(part.split("=", 1) for part in request.url.split("?", 1)[1].split("&")) if "?" in request.url else {}
        head = query.get("head", "").replace("%3A", ":").replace("%2F", "/")
        state = query.get("state", "open")
        found = [p for p in self.pulls.values() if state in ("all", p["state"])
                 and (not head or p["head"]["label"] == head)]
        return 200, sorted(found, key=lambda p: p["number"], reverse=True)  # GitHub's default: newest first

    def _list_issues(self, request, match, body):
        query = dict(part.split("=", 1) for part in request.url.split("?", 1)[1].split("&")) if "?" in request.url else {}
        wanted = {name for name in query.get("labels", "").replace("%2C", ",").split(",") if name}
        state = query.get("state", "open")
        found = [i for i in self.issues.values() if state in ("all", i["state"])
                 and wanted <= {label["name"] for label in i["labels"]}]
        return 200, sorted(found, key=lambda i: i["updated_at"], reverse=True)

    def _create_issue(self, request, match, body):
        self.next_number += 1
        number = self.next_number
        issue = {"id": 5000 + number, "number": number, "state": "open", "title": body["title"],
                 "body": body.get("body") or "", "labels": [{"name": n, "color": "ededed"} for n in body.get("labels", [])],
                 "html_url": f"https://github.com/{self.repository}/issues/{number}",
                 "url": f"{API}/repos/{self.repository}/issues/{number}", "user": {"login": "github-actions[bot]"},
                 "author_association": "NONE", "updated_at": f"2024-05-01T10:{len(self.calls) % 60:02d}:00Z"}
        self.issues[number] = issue
        return 201, issue

    def _edit_issue(self, request, match, body):
        issue = self.issues.get(int(match.group(1)))
        if issue is None:
            return 404, {"message": "Not Found"}
        issue.update({k: v for k, v in body.items() if k in ("title", "body", "state")})
        return 200, issue

    def _create_pull(self, request, match, body):
        owner = self.repository.split("/")[0]
        if self.race_on_create:
            self.race_on_create = False
            self.add_pull(body["head"], self.repository, "0" * 40, body["title"], body["body"])
        if any(p["head"]["label"] == f"{owner}:{body['head']}" for p in self.open_pulls()):
            return 422, {"message": "Validation Failed", "errors": [{
                "resource": "PullRequest", "code": "custom",
                "message": f"A pull request already exists for {owner}:{body['head']}."}],
                "documentation_url": "https://docs.github.com/rest/pulls/pulls#create-a-pull-request"}
        pull = self.add_pull(body["head"], self.repository, "0" * 40, body["title"], body["body"])
        pull["draft"] = bool(body.get("draft", False))
        return 201, pull

    def _get_pull(self, request, match, body):
        pull = self.pulls.get(int(match.group(1)))
        return (200, pull) if pull else (404, {"message": "Not Found"})

    def _edit_pull(self, request, match, body):
        pull = self.pulls[int(match.group(1))]
        pull.update({k: v for k, v in body.items() if k in ("title", "body", "state")})
        return 200, pull

    def _request_reviewers(self, request, match, body):
        pull = self.pulls[int(match.group(1))]
        pull.setdefault("requested_reviewers", []).extend({"login": login} for login in body.get("reviewers", []))
        pull.setdefault("requested_teams", []).extend({"slug": slug} for slug in body.get("team_reviewers", []))
        return 201, pull

    def _add_assignees(self, request, match, body):
        pull = self.pulls[int(match.group(1))]
        pull.setdefault("assignees", []).extend({"login": login} for login in body["assignees"])
        return 201, pull

    def _add_labels(self, request, match, body):
        pull = self.pulls[int(match.group(1))]
        names = body["labels"]  # the documented form: {"labels": [...]}
        for name in names:
            if name not in [label["name"] for label in pull["labels"]]:
                pull["labels"].append({"name": name, "color": "ededed", "id": len(pull["labels"]) + 1})
        return 200, pull["labels"]

    def _comment(self, request, match, body):
        comment = {"id": 9000 + len(self.comments), "body": body["body"], "issue": int(match.group(1)),
                   "html_url": f"https://github.com/{self.repository}/pull/{match.group(1)}#issuecomment-1",
                   "user": {"login": "github-actions[bot]"}}
        self.comments.append(comment)
        return 201, comment

    def _list_comments(self, request, match, body):
        return 200, [c for c in self.comments if c["issue"] == int(match.group(1))]

    def _react(self, request, match, body):
        reaction = {"id": len(self.reactions) + 1, "content": body["content"], "comment": int(match.group(1)),
                    "user": {"login": "github-actions[bot]"}}
        self.reactions.append(reaction)
        return 201, reaction

    def _permission(self, request, match, body):
        user = match.group(1)
        permission = self.permissions.get(user, "read")
        return 200, {"permission": permission, "role_name": permission,
                     "user": {"login": user, "id": 7, "type": "User"}}
