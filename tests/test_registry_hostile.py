"""Hostile registries on 127.0.0.1, in front of the real `docker-registry`: redirects the URL
policy refuses (never requested), chains and loops (cut), redirects to another origin (no
credentials), hosts that never answer or drip (one deadline for the whole registry phase).
Each test also checks that the other images of the run still resolve."""
from __future__ import annotations

import time

import pytest

from bot.model.images import parse_reference
from bot.registry.client import Credential, RegistryClient
from bot.registry.redirects import MAX_HOPS
from bot.registry.resolver import resolve_all
from tests.servers import (
    HttpServer,
    RawServer,
    drip_body,
    drip_headers,
    forward,
    non_loopback_address,
    silent,
    tls_files,
)

OK: tuple[int, dict[str, str], bytes] = (200, {"Content-Type": "application/json"}, b"{}")


def _front(upstream, redirects: dict[str, str], realm_to_front: bool = False) -> HttpServer:
    """A hostile registry: the real `upstream` registry behind it, except that a request whose
    path starts with a key of `redirects` is redirected to its value ({front} is this server's
    URL, {path} the request's); with `realm_to_front`, its challenges name a realm on this server."""
    passthrough = forward(upstream.url)
    front: list[HttpServer] = []

    def answer(method: str, path: str, headers: dict[str, str]):
        for prefix, target in redirects.items():
            if path.startswith(prefix):
                return 307, {"Location": target.format(front=front[0].url, path=path)}, b""
        status, kept, body = passthrough(method, path, headers)
        if realm_to_front:
            kept = {name: value.replace(upstream.token.realm, front[0].url + "/token")
                    if name.lower() == "www-authenticate" else value for name, value in kept.items()}
        return status, kept, body

    front.append(HttpServer(answer))
    return front[0]


def _seconds_since(start: float) -> float:
    return time.perf_counter() - start


# --- Redirects obey the realm's URL policy -----------------------------------------------------

FORBIDDEN = [
    "http://localhost:{rec}/latest/meta-data/",  # a name, even one for loopback
    "http://{far}/latest/meta-data/",  # this machine's own address that is not loopback
    "http://169.254.169.254/latest/meta-data/",  # cloud metadata
    "https://169.254.169.254/latest/meta-data/",
    "http://[::ffff:169.254.169.254]/latest/meta-data/",
    "http://localhost:{rec}@169.254.169.254/",  # the host is 169.254.169.254, not localhost
    "ftp://127.0.0.1:{rec}/",
    "http://0.0.0.0:{rec}/",
]


@pytest.mark.parametrize("target", FORBIDDEN)
@pytest.mark.parametrize("stage", ["manifest", "token", "blob"])
def test_a_registry_redirect_outside_the_url_policy_is_never_followed(registry, token_registry, stage, target):
    far_address = non_loopback_address()
    if "{far}" in target and far_address is None:
        pytest.skip("this machine has no address but loopback")
    with HttpServer(lambda *_: OK) as recorder, \
            HttpServer(lambda *_: OK, address=far_address or "127.0.0.1") as far:
        target = target.format(rec=recorder.port, far=f"{far_address}:{far.port}")
        good = registry.push_image("team/good", "1", seed="good")
        credentials = {}
        if stage == "manifest":
            registry.push_image("hostile/app", "1")
            front = _front(registry, {"/v2/hostile/app/manifests/": target})
            hostile = f"{front.url[7:]}/hostile/app:1"
        elif stage == "token":
            token_registry.push_image("hostile/app", "1")
            front = _front(token_registry, {"/token": target}, realm_to_front=True)
            hostile = f"{front.url[7:]}/hostile/app:1"
            credentials = {front.url[7:]: Credential("ci", "registry-secret")}
        else:  # a pinned manifest the tag moved from: both manifests' configs are read
            old = registry.push_image("hostile/app", "1", seed="old")
            registry.push_image("hostile/app", "1", seed="new")
            front = _front(registry, {"/v2/hostile/app/blobs/": target})
            hostile = f"{front.url[7:]}/hostile/app:1@{old}"
        with front:
            client = RegistryClient(credentials, deadline=10)
            start = time.perf_counter()
            results = resolve_all([parse_reference(hostile), parse_reference(f"{registry.host}/team/good:1")],
                                  client)
            seconds = _seconds_since(start)
    assert recorder.seen == [] and far.seen == []  # the forbidden hop was never requested
    redirected = [seen for seen in front.seen if seen.path.startswith(("/v2/hostile/app/manifests/", "/token",
                                                                       "/v2/hostile/app/blobs/"))]
    assert redirected, "the hostile registry was asked"
    hostile_result, good_result = results.values()
    line = hostile_result.error if stage != "blob" else next(iter(hostile_result.pinned.values())).error
    assert "redirected to" in line and "not followed" in line and "\n" not in line
    assert "latest/meta-data" not in line  # the refused target's origin only, never its path
    assert good_result.digest == good and seconds < 10


def _chain(path_prefix: str, loop: bool) -> dict[str, str]:
    if loop:
        return {path_prefix: "/loop/a", "/loop/a": "/loop/b", "/loop/b": "{front}/loop/a"}
    # Relative Locations, each one hop further, well past the bound.
    return {path_prefix: "/hop/1", **{f"/hop/{n}": f"/hop/{n + 1}" for n in range(1, 50)}}


@pytest.mark.parametrize("loop", [False, True], ids=["chain", "loop"])
def test_redirect_chains_past_the_bound_and_loops_are_cut(registry, loop):
    good = registry.push_image("team/good", "1", seed="good")
    registry.push_image("hostile/app", "1")
    with _front(registry, _chain("/v2/hostile/app/manifests/", loop)) as front:
        client = RegistryClient(deadline=10)
        start = time.perf_counter()
        results = resolve_all([parse_reference(f"{front.url[7:]}/hostile/app:1"),
                               parse_reference(f"{registry.host}/team/good:1")], client)
        seconds = _seconds_since(start)
    hostile_result, good_result = results.values()
    if loop:
        assert [seen.path for seen in front.seen] == ["/v2/hostile/app/manifests/1", "/loop/a", "/loop/b"]
        assert hostile_result.error == f"{front.url[7:]} redirected in a loop (back to {front.url})"
    else:
        assert len(front.seen) == 1 + MAX_HOPS  # the request, then MAX_HOPS hops; the next one is refused
        assert hostile_result.error == f"{front.url[7:]} redirected more than {MAX_HOPS} times"
    assert good_result.digest == good and seconds < 10


@pytest.mark.parametrize("where", ["same origin", "another loopback port", "https to a name"])
def test_credentials_never_follow_a_redirect_to_another_origin(token_registry, tmp_path, monkeypatch, where):
    """A registry sends blobs to a CDN: followed, over https or to a literal loopback address,
    but without the registry's Authorization; on the registry's own origin it is kept."""
    old = token_registry.push_image("team/cdn", "1", seed="old")
    new = token_registry.push_image("team/cdn", "1", seed="new")
    # The CDN serves a blob by its path alone, as a signed URL would: it asks the registry itself.
    signed = forward(token_registry.url, token_registry._authorization("team/cdn"))
    tls = tls_files(tmp_path) if where == "https to a name" else None
    if tls:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(tls[0]))
    with HttpServer(lambda method, path, headers: signed(method, path.removeprefix("/cdn"), {}), tls_files=tls) as cdn:
        base = "{front}/same" if where == "same origin" else cdn.url.replace("127.0.0.1", "localhost" if tls else
                                                                              "127.0.0.1") + "/cdn"
        with _front(token_registry, {"/v2/team/cdn/blobs/": base + "{path}"}) as front:
            front.answer = _aliasing(front.answer, forward(token_registry.url))
            client = RegistryClient({front.url[7:]: Credential("ci", "registry-secret")}, deadline=10)
            [result] = resolve_all([parse_reference(f"{front.url[7:]}/team/cdn:1@{old}")], client).values()
    blob_requests = [seen for seen in front.seen if seen.path.startswith("/v2/team/cdn/blobs/")]
    assert blob_requests and all(seen.headers.get("Authorization", "").startswith("Bearer ") for seen in blob_requests)
    if where == "same origin":
        followed = [seen for seen in front.seen if seen.path.startswith("/same/")]
        assert cdn.seen == []
    else:
        followed = cdn.seen
    assert followed, "the redirect was followed"
    kept = where == "same origin"
    assert all(("Authorization" in seen.headers) is kept for seen in followed)
    assert "registry-secret" not in repr([seen.headers for seen in cdn.seen])
    assert result.digest == new and result.pinned[old].error is None and result.pinned[old].successor == new


def _aliasing(answer, passthrough):
    """`answer`, but `/same/<path>` (the front's own origin) is `<path>` on the real registry,
    with the Authorization the client sent."""
    def aliased(method: str, path: str, headers: dict[str, str]):
        if path.startswith("/same/"):
            return passthrough(method, path.removeprefix("/same"), headers)
        return answer(method, path, headers)
    return aliased


# --- One deadline for the registry phase ---------------------------------------------------------

@pytest.mark.parametrize("count", [1, 3, 10])
@pytest.mark.parametrize("read_timeout", [30.0, 0.5], ids=["deadline first", "read timeout first"])
def test_images_on_a_silent_host_cost_one_deadline_not_one_each(registry, count, read_timeout):
    good = registry.push_image("team/good", "1", seed="good")
    with RawServer(silent) as host:
        refs = [parse_reference(f"{host.host}/app{i}:1") for i in range(count)]
        client = RegistryClient(deadline=2.0, timeout=(5.0, read_timeout))
        start = time.perf_counter()
        results = resolve_all(refs + [parse_reference(f"{registry.host}/team/good:1")], client)
        seconds = _seconds_since(start)
    *silent_results, good_result = results.values()
    assert host.connections == 1  # asked once; then known silent
    assert seconds < 2.0 + 4, f"{seconds:.1f} s for {count} images on a silent host"
    first, *others = [r.error for r in silent_results]
    if read_timeout < 2.0:
        assert first == f"cannot reach {host.host}: ReadTimeout"
        assert set(others) <= {f"not resolved: host {host.host} timed out earlier in this run"}
    else:
        assert first == f"not resolved: registry phase deadline (2 s) passed while waiting for {host.host}"
        assert set(others) <= {"not resolved: registry phase deadline (2 s) passed"}
    assert good_result.digest == good


@pytest.mark.parametrize("answer", [drip_headers, drip_body], ids=["headers", "body"])
def test_a_dripping_registry_cannot_hold_the_phase_past_its_deadline(registry, answer):
    """Ten images on a host that answers a byte a second, named first, take no more than the
    deadline, and cannot take the pool from the other registry's images."""
    goods = {f"g{i}": registry.push_image("team/good", f"g{i}", seed=f"g{i}") for i in range(3)}
    with RawServer(answer) as host:
        refs = [parse_reference(f"{host.host}/app{i}:1") for i in range(10)]
        refs += [parse_reference(f"{registry.host}/team/good:{tag}") for tag in goods]
        client = RegistryClient(deadline=2.0)
        start = time.perf_counter()
        results = resolve_all(refs, client, workers=8)
        seconds = _seconds_since(start)
    assert seconds < 2.0 + 4, f"{seconds:.1f} s"
    dripped = [r.error for key, r in results.items() if key[0] == host.host]
    assert len(dripped) == 10 and all(e.startswith("not resolved: registry phase deadline (2 s) passed") for e in dripped)
    assert {key[2]: r.digest for key, r in results.items() if key[0] == registry.host} == goods


def test_hosts_are_asked_at_once_and_results_keep_their_order(registry):
    good = registry.push_image("team/good", "1", seed="good")
    hosts = [RawServer(silent) for _ in range(5)]
    try:
        refs = [parse_reference(f"{host.host}/app:1") for host in hosts]
        refs.insert(2, parse_reference(f"{registry.host}/team/good:1"))
        client = RegistryClient(deadline=2.0)
        start = time.perf_counter()
        results = resolve_all(refs, client, workers=8)
        seconds = _seconds_since(start)
    finally:
        for host in hosts:
            host.close()
    assert seconds < 2.0 + 4, f"{seconds:.1f} s for five silent hosts (one after another: 10 s)"
    assert [host.connections for host in hosts] == [1] * 5  # every host was asked, each once
    assert list(results) == [(ref.registry, ref.repository, ref.tag) for ref in refs]  # input order
    for host, key in zip(hosts, [k for k in results if k[0] != registry.host], strict=True):
        assert results[key].error == f"not resolved: registry phase deadline (2 s) passed while waiting for {host.host}"
    assert results[(registry.host, "team/good", "1")].digest == good


def test_a_fix_with_silent_images_reports_them_and_pins_the_rest(registry, tmp_path, capsys):
    from bot.cli import main
    good = registry.push_image("team/good", "1", seed="good")
    with RawServer(silent) as host:
        dockerfile = tmp_path / "Dockerfile"
        dockerfile.write_text("".join(f"FROM {host.host}/app{i}:1 AS s{i}\n" for i in range(3))
                              + f"FROM {registry.host}/team/good:1\nUSER 10001\n")
        start = time.perf_counter()
        code = main(["fix", str(tmp_path), "--registry-deadline", "2"])
        seconds = _seconds_since(start)
    out = capsys.readouterr().out
    assert seconds < 2.0 + 6, f"{seconds:.1f} s"
    assert f"FROM {registry.host}/team/good:1@{good}\n" in dockerfile.read_text()  # the rest of the run went on
    unresolved = [line for line in out.splitlines() if "HB032" in line]
    assert len(unresolved) == 3 and all("not resolved: registry phase deadline (2 s) passed" in line
                                        for line in unresolved), out
    assert code == 0


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "3601", "soon"])
def test_a_bad_registry_deadline_is_one_line(tmp_path, capsys, value):
    from bot.cli import main
    with pytest.raises(SystemExit) as raised:
        main(["check", str(tmp_path), "--registry-deadline", value])
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert raised.value.code == 2
    assert error == ("hardenbot check: error: argument --registry-deadline: the registry deadline must be a number"
                     f" of seconds above 0 and at most 3600, not {value!r}")


def test_a_bad_registry_deadline_input_is_one_line(tmp_path):
    from bot.action import action_main
    lines: list[str] = []
    event = tmp_path / "event.json"
    event.write_text("{}")
    environ = {"INPUT_TOKEN": "t0ken", "GITHUB_REPOSITORY": "acme/app", "GITHUB_EVENT_NAME": "schedule",
               "GITHUB_EVENT_PATH": str(event), "GITHUB_WORKSPACE": str(tmp_path), "INPUT_REGISTRY-DEADLINE": "never"}
    assert action_main(environ, lines.append) != 0
    assert lines[-1] == ("::error::input registry-deadline must be a number of seconds above 0 and at most 3600,"
                         " not 'never'")
