"""The registry client against a real registry: Debian's docker-registry on 127.0.0.1,
anonymous and behind real token authentication."""
from __future__ import annotations

import pytest

from bot.model.images import INDEX, PinnedDigest, parse_reference
from bot.registry.client import AuthError, Credential, NotFoundError, RegistryClient
from bot.registry.resolver import resolve_all


def test_single_manifest_digest(registry):
    pushed = registry.push_image("library/python", "3.12-slim", seed="real-1")
    assert RegistryClient().resolve_digest(parse_reference(f"{registry.host}/library/python:3.12-slim")) == pushed


def test_multi_arch_tag_resolves_to_its_index(registry):
    index, platform_manifests = registry.push_index("team/multi", "1.0")
    resolved = RegistryClient().resolve_digest(parse_reference(f"{registry.host}/team/multi:1.0"))
    assert resolved == index and resolved not in platform_manifests


def test_moved_tag_resolves_to_the_new_digest(registry):
    first = registry.push_image("team/moving", "stable", seed="v1")
    client = RegistryClient()
    ref = parse_reference(f"{registry.host}/team/moving:stable")
    assert client.resolve_digest(ref) == first
    second = registry.push_image("team/moving", "stable", seed="v2")
    assert second != first and RegistryClient().resolve_digest(ref) == second


def test_unknown_tag_and_repository(registry):
    with pytest.raises(NotFoundError, match="tag 'missing' not found"):
        RegistryClient().resolve_digest(parse_reference(f"{registry.host}/team/moving:missing"))
    with pytest.raises(NotFoundError):
        RegistryClient().resolve_digest(parse_reference(f"{registry.host}/nobody/here:1"))


def test_token_auth_challenge_token_retry(token_registry):
    pushed = token_registry.push_image("team/private", "2.0", seed="tok")
    client = RegistryClient({token_registry.host: Credential("ci", "registry-secret")})
    assert client.resolve_digest(parse_reference(f"{token_registry.host}/team/private:2.0")) == pushed
    issued = token_registry.token.requests[-1]
    assert issued["query"]["scope"] == ["repository:team/private:pull"]
    assert issued["query"]["service"] == [token_registry.token.service]
    assert issued["authorization"].startswith("Basic ")


def test_token_reused_for_every_tag_of_a_repository(token_registry):
    tags = [f"t{i}" for i in range(6)]
    expected = {tag: token_registry.push_image("team/tags", tag, seed=tag) for tag in tags}
    before = len(token_registry.token.requests)
    client = RegistryClient({token_registry.host: Credential("ci", "registry-secret")})
    results = resolve_all([parse_reference(f"{token_registry.host}/team/tags:{t}") for t in tags], client, workers=8)
    assert {key[2]: r.digest for key, r in results.items()} == expected
    assert len(token_registry.token.requests) - before == 1 == client.token_requests
    assert client.requests_made == len(tags) + 1 + 1  # one HEAD a tag, the first one's 401, one token


def test_token_auth_wrong_or_missing_credentials(token_registry):
    token_registry.push_image("team/locked", "1", seed="locked")
    ref = parse_reference(f"{token_registry.host}/team/locked:1")
    with pytest.raises(AuthError, match="refused the configured credentials"):
        RegistryClient({token_registry.host: Credential("ci", "wrong")}).resolve_digest(ref)
    with pytest.raises(AuthError, match="refused an anonymous token"):
        RegistryClient().resolve_digest(ref)


def test_requests_are_images_plus_tokens_plus_one_challenge_per_registry(token_registry):
    refs = []
    for repository in ("team/one", "team/two", "team/three"):
        for tag in ("a", "b"):
            token_registry.push_image(repository, tag, seed=repository + tag)
            refs.append(parse_reference(f"{token_registry.host}/{repository}:{tag}"))
    client = RegistryClient({token_registry.host: Credential("ci", "registry-secret")})
    results = resolve_all(refs + refs[:2], client, workers=8)
    assert all(r.digest for r in results.values())
    assert client.token_requests == 3  # one token per repository
    assert client.requests_made == 6 + 3 + 1  # a HEAD per unique image, tokens, the registry's one challenge


# -- the kind of a pinned digest ---------------------------------------------------------
def pinned(registry, repository: str, tag: str, *digests: str) -> list:
    return [parse_reference(f"{registry.host}/{repository}:{tag}@{digest}") for digest in digests]


def test_a_pin_keeps_its_kind_when_the_tag_moves(registry):
    old_index, (old_amd64, old_arm64) = registry.push_index("kinds/multi", "1.0", seed="v1")
    new_index, (new_amd64, new_arm64) = registry.push_index("kinds/multi", "1.0", seed="v2")
    client = RegistryClient()
    refs = pinned(registry, "kinds/multi", "1.0", old_index, old_arm64, new_amd64) * 2  # many files, one lookup each
    [answer] = resolve_all(refs, client).values()
    assert (answer.digest, answer.kind) == (new_index, INDEX)
    assert answer.pinned == {old_index: PinnedDigest(INDEX, new_index),
                             old_arm64: PinnedDigest("linux/arm64", new_arm64),
                             new_amd64: PinnedDigest("linux/amd64", new_amd64)}  # listed in the index: current
    assert answer.is_current(new_amd64) and not answer.is_current(old_amd64)
    # HEAD the tag; HEAD each pinned digest; the tag's index once; the unlisted manifest and its config
    assert client.requests_made == 1 + 3 + 1 + 2


def test_a_platform_pin_beside_a_tag_that_is_one_manifest(registry):
    first = registry.push_image("kinds/single", "1", seed="a", platform=("linux", "arm64"))
    moved = registry.push_image("kinds/single", "1", seed="b", platform=("linux", "arm64"))
    switched_from = registry.push_image("kinds/switch", "1", seed="a", platform=("linux", "arm64"))
    registry.push_image("kinds/switch", "1", seed="b", platform=("linux", "amd64"))
    shrunk_from, _ = registry.push_index("kinds/shrink", "1", seed="a")
    registry.push_image("kinds/shrink", "1", seed="b")
    refs = (pinned(registry, "kinds/single", "1", first) + pinned(registry, "kinds/switch", "1", switched_from)
            + pinned(registry, "kinds/shrink", "1", shrunk_from))
    answers = {key[1]: r for key, r in resolve_all(refs, RegistryClient()).items()}
    assert answers["kinds/single"].pinned[first] == PinnedDigest("linux/arm64", moved)
    assert answers["kinds/single"].kind == "linux/arm64"
    assert answers["kinds/switch"].pinned[switched_from] == PinnedDigest(
        "linux/arm64", error="the tag now points to linux/amd64, not linux/arm64")
    assert answers["kinds/shrink"].pinned[shrunk_from] == PinnedDigest(
        INDEX, error="the tag now points to one platform's manifest, not an index")


def test_a_digest_the_registry_no_longer_has(registry):
    lost = registry.push_image("kinds/gone", "1", seed="a")
    current = registry.push_image("kinds/gone", "1", seed="b")
    registry.delete_manifest("kinds/gone", lost)
    orphan = registry.push_image("kinds/gone", "old", seed="c")
    registry.delete_manifest("kinds/gone", orphan)  # its tag goes with it
    refs = pinned(registry, "kinds/gone", "1", lost) + pinned(registry, "kinds/gone", "old", orphan)
    answers = {key[2]: r for key, r in resolve_all(refs, RegistryClient()).items()}
    assert answers["1"].pinned == {lost: PinnedDigest(None, current)}
    assert answers["old"].error == "tag 'old' not found in " + f"{registry.host}/kinds/gone"
    assert answers["old"].pinned == {orphan: PinnedDigest(None, None, answers["old"].error)}
