"""Package inventories: real-shaped dpkg, apk, Python and npm metadata in, the packages OSV
is asked about out (source packages for the distributions), with their licences; and the
files read out of a saved image (`docker save`), layer over layer, whiteouts applied."""
from __future__ import annotations

import io
import json
import tarfile
from pathlib import Path

import pytest

from bot.inventory import inventory_from_files, wanted
from bot.inventory.layers import ImageArchiveError, files_from_saved_image, files_from_stream
from bot.inventory.os_release import ecosystem
from bot.model.policies import Package

DATA = Path(__file__).parent / "fixtures" / "inventory"


def data(name: str) -> bytes:
    return (DATA / name).read_bytes()


def test_dpkg_status_lists_installed_packages_by_source_with_copyright_licences():
    inventory = inventory_from_files({
        "etc/os-release": data("os-release-debian"),
        "var/lib/dpkg/status": data("dpkg-status"),
        "usr/share/doc/libssl3/copyright": data("libssl3.copyright"),
    })
    assert inventory.os == "Debian:12"
    assert [(p.name, p.version, p.installed_as, p.licences) for p in inventory.packages] == [
        ("base-files", "12.4+deb12u5", "", ()),
        ("glibc", "2.36-9+deb12u4", "libc6", ()),
        ("openssl", "3.0.11-1~deb12u2", "libssl3", ("Apache-2.0",)),
        ("gcc-12", "12.2.0-14", "libgcc-s1", ()),  # Source: gcc-12 (12.2.0-14): the source's version
    ]  # libgnutls30 is only configured, not installed: left out
    assert all(p.ecosystem == "Debian:12" and p.location == "/var/lib/dpkg/status" for p in inventory.packages)


def test_distroless_status_d_files_count_as_installed():
    paragraph = b"Package: libssl3\nSource: openssl\nVersion: 3.0.11-1~deb12u2\nArchitecture: amd64\n"
    inventory = inventory_from_files({"etc/os-release": data("os-release-debian"),
                                      "var/lib/dpkg/status.d/libssl3": paragraph})
    assert [p.key for p in inventory.packages] == [("Debian:12", "openssl", "3.0.11-1~deb12u2")]


def test_free_form_copyright_names_no_licence_and_dep5_names_each_once():
    from bot.inventory.dpkg import copyright_licences

    assert copyright_licences(data("agpl.copyright").decode()) == ("AGPL-3+", "GPL-3+")
    assert copyright_licences("This is Debian's prepackaged version of foo.\nLicense: GPL\n") == ()


def test_apk_database_by_origin_with_licences():
    inventory = inventory_from_files({"etc/alpine-release": b"3.20.3\n", "lib/apk/db/installed": data("apk-installed")})
    assert inventory.os == "Alpine:v3.20"
    assert [(p.name, p.version, p.installed_as, p.licences) for p in inventory.packages] == [
        ("musl", "1.2.5-r0", "", ("MIT",)),
        ("openssl", "3.3.2-r0", "libcrypto3", ("Apache-2.0",)),
        ("busybox", "1.36.1-r29", "", ("GPL-2.0-only",)),
    ]


def test_python_metadata_names_are_normalised_and_licences_read_most_precise_first():
    inventory = inventory_from_files({
        "usr/local/lib/python3.12/site-packages/Flask_Login-0.6.3.dist-info/METADATA": data("METADATA"),
        "usr/local/lib/python3.12/site-packages/ghostpdl_tools-10.2.0.dist-info/METADATA": data("METADATA-agpl"),
        # Debian's own python3-* packages: dpkg lists them, with Debian's patched versions.
        "usr/lib/python3/dist-packages/certifi-2022.9.24.dist-info/METADATA": b"Name: certifi\nVersion: 2022.9.24\n",
    })
    assert [(p.ecosystem, p.name, p.version, p.licences) for p in inventory.packages] == [
        ("PyPI", "flask-login", "0.6.3", ("MIT",)),
        ("PyPI", "ghostpdl-tools", "10.2.0", ("AGPL-3.0-or-later",)),
    ]


def test_npm_package_folders_only_not_files_deeper_inside_them():
    assert wanted("app/node_modules/express/package.json")
    assert wanted("usr/local/lib/node_modules/npm/node_modules/@npmcli/arborist/package.json")
    assert not wanted("app/node_modules/express/lib/package.json")
    assert not wanted("app/package.json")
    inventory = inventory_from_files({
        "app/node_modules/express/package.json": data("package.json"),
        "app/node_modules/old/package.json": json.dumps(
            {"name": "old", "version": "1.0.0", "licenses": [{"type": "AGPL-3.0"}]}).encode(),
        "app/node_modules/broken/package.json": b"{not json",
    })
    assert [(p.ecosystem, p.name, p.version, p.licences) for p in inventory.packages] == [
        ("npm", "express", "4.17.1", ("MIT",)),
        ("npm", "old", "1.0.0", ("AGPL-3.0",)),
    ]


@pytest.mark.parametrize(("os_release", "alpine", "expected"), [
    ('ID=debian\nVERSION_ID="12"\n', None, "Debian:12"),
    ('ID=debian\nPRETTY_NAME="Debian GNU/Linux trixie/sid"\n', None, ""),  # testing: no version
    ('ID=alpine\nVERSION_ID=3.19.1\n', None, "Alpine:v3.19"),
    (None, "3.21_alpha20240807\n", ""),  # edge
    ('ID=ubuntu\nVERSION_ID="22.04"\nVERSION="22.04.4 LTS (Jammy Jellyfish)"\n', None, "Ubuntu:22.04:LTS"),
    ('ID=fedora\nVERSION_ID=40\n', None, ""),
])
def test_distribution_ecosystems_as_osv_names_them(os_release, alpine, expected):
    assert ecosystem(os_release, alpine) == expected


# -- tar streams and saved images ---------------------------------------------------------
def tar_bytes(entries: list[tuple[str, bytes | str | None]]) -> bytes:
    """A tar of (path, bytes) files, (path, "->target") symbolic links and (path, None) folders."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as tar:
        for path, content in entries:
            info = tarfile.TarInfo(path)
            if content is None:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
            elif isinstance(content, str):
                info.type, info.linkname = tarfile.SYMTYPE, content.removeprefix("->")
                tar.addfile(info)
            else:
                info.size = len(content)
                tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def test_export_stream_keeps_only_wanted_files_and_follows_links_inside_the_image():
    stream = io.BytesIO(tar_bytes([
        ("etc/", None), ("etc/os-release", "->../usr/lib/os-release"),
        ("usr/lib/os-release", data("os-release-debian")),
        ("usr/bin/bash", b"\x7fELF" + b"\0" * 100),
        ("var/lib/dpkg/status", data("dpkg-status")),
    ]))
    files = files_from_stream(stream, wanted)
    assert set(files) == {"etc/os-release", "usr/lib/os-release", "var/lib/dpkg/status"}
    assert inventory_from_files(files).os == "Debian:12"


def saved_image(path: Path, layers: list[bytes], user: str = "") -> Path:
    """A `docker save` archive: manifest.json, the config, one tar a layer (one gzipped)."""
    import gzip

    config = json.dumps({"config": {"User": user}, "rootfs": {"type": "layers"}}).encode()
    entries: list[tuple[str, bytes | str | None]] = [("config.json", config)]
    names = []
    for index, layer in enumerate(layers):
        name = f"layer{index}/layer.tar"
        entries.append((name, gzip.compress(layer) if index == 1 else layer))
        names.append(name)
    manifest = [{"Config": "config.json", "RepoTags": ["app:ci"], "Layers": names}]
    entries.append(("manifest.json", json.dumps(manifest).encode()))
    path.write_bytes(tar_bytes(entries))
    return path


def test_saved_image_applies_layers_in_order_with_whiteouts(tmp_path):
    site = "usr/local/lib/python3.12/site-packages"
    base = tar_bytes([("etc/os-release", data("os-release-debian")), ("var/lib/dpkg/status", data("dpkg-status")),
                      (f"{site}/old-1.0.dist-info/METADATA", b"Name: old\nVersion: 1.0\n"),
                      ("app/node_modules/express/package.json", data("package.json"))])
    upper = tar_bytes([(f"{site}/.wh.old-1.0.dist-info", b""),  # pip uninstall old
                       (f"{site}/new-2.0.dist-info/METADATA", b"Name: new\nVersion: 2.0\n"),
                       ("app/node_modules/.wh..wh..opq", b""),  # rm -rf node_modules && npm ci
                       ("app/node_modules/left-pad/package.json", b'{"name": "left-pad", "version": "1.3.0"}')])
    image = files_from_saved_image(saved_image(tmp_path / "app.tar", [base, upper], user="10001"), wanted)
    assert image.user == "10001" and image.tags == ("app:ci",)
    inventory = inventory_from_files(image.files)
    names = {(p.ecosystem, p.name) for p in inventory.packages}
    assert ("PyPI", "new") in names and ("npm", "left-pad") in names and ("Debian:12", "openssl") in names
    assert ("PyPI", "old") not in names and ("npm", "express") not in names


def test_not_a_saved_image_is_one_error(tmp_path):
    (tmp_path / "x.tar").write_bytes(tar_bytes([("hello.txt", b"hi")]))
    with pytest.raises(ImageArchiveError, match="x.tar: no manifest.json"):
        files_from_saved_image(tmp_path / "x.tar", wanted)
    (tmp_path / "y.tar").write_bytes(b"not a tar at all")
    with pytest.raises(ImageArchiveError, match=r"y.tar: the archive: not a tar stream .*; inventory not read"):
        files_from_saved_image(tmp_path / "y.tar", wanted)


def test_package_label_names_the_binary_and_its_source():
    assert Package("Debian:12", "openssl", "3.0.11", "libssl3").label == "libssl3 (openssl 3.0.11)"
    assert Package("npm", "express", "4.17.1").label == "express 4.17.1"
