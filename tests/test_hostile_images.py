"""Images are hostile input: saved images, layers and export streams built to exhaust the
inventory readers (a compression bomb, package files of zeros, sparse files, whiteouts over
every file, JSON nested 200,000 deep, a million tar members, headers claiming gigabytes, a
stream that drips). Each is one line for its image, read in bounded memory and time, and the
next image in the same run is still inventoried."""
from __future__ import annotations

import gzip
import io
import json
import random
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from bot.cli import main
from bot.inventory import inventory_from_files, wanted
from bot.inventory.layers import ImageArchiveError, Layer, files_from_layers, files_from_stream
from bot.inventory.limits import MIB, Limits
from tests.test_inventory import data, tar_bytes

ROOT = Path(__file__).parent.parent
SITE = "usr/local/lib/python3.12/site-packages"
GOOD_LAYER = tar_bytes([("etc/os-release", data("os-release-debian")), ("var/lib/dpkg/status", data("dpkg-status"))])
DOCKERFILE = "FROM 127.0.0.1:9/python:3.12-slim@sha256:" + "a" * 64 + "\nUSER 10001\nCMD [\"python\"]\n"


def _header(name: str, size: int, kind: bytes = tarfile.REGTYPE) -> bytes:
    info = tarfile.TarInfo(name)
    info.size, info.type = size, kind
    return info.tobuf(tarfile.GNU_FORMAT)


def _member(name: str, content: bytes) -> bytes:
    return _header(name, len(content)) + content + bytes(-len(content) % 512)


def _save(path: Path, layers: list[bytes | Path], manifest: bytes | None = None) -> Path:
    """A `docker save` archive of the layers (each as stored: compressed or not), lowest first."""
    config = json.dumps({"config": {"User": "10001"}}).encode()
    names = [f"blobs/sha256/{index:064x}" for index in range(len(layers))]
    manifest = manifest or json.dumps([{"Config": "config.json", "RepoTags": ["app:ci"], "Layers": names}]).encode()
    with tarfile.open(path, "w", format=tarfile.GNU_FORMAT) as archive:
        for name, layer in zip(names, layers, strict=True):
            if isinstance(layer, Path):
                archive.add(layer, arcname=name)
            else:
                info = tarfile.TarInfo(name)
                info.size = len(layer)
                archive.addfile(info, io.BytesIO(layer))
        for name, content in (("config.json", config), ("manifest.json", manifest)):
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return path


def _zeros_bomb(member: str, size: int) -> bytes:
    """A gzip layer of one member holding `size` zeros: gzip members one after another (as
    pigz writes them), each 16 MiB of zeros in 16 KB, so 4 GiB is 4 MB."""
    block = gzip.compress(bytes(16 * MIB), compresslevel=9)
    return gzip.compress(_header(member, size)) + block * (size // (16 * MIB))


def _zero_files(count: int, size: int) -> bytes:
    """A gzip layer of `count` package files of `size` zeros each (the shape that once held
    1.7 GB): one gzip member a header, one a file's zeros, compressed once."""
    zeros = gzip.compress(bytes(size), compresslevel=9)
    return b"".join(gzip.compress(_header(f"{SITE}/p{i}-1.dist-info/METADATA", size)) + zeros for i in range(count))


_READER = """
import json, resource, sys, time
from pathlib import Path
from bot.policy_setup import read_saved_image

def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

base, images = peak(), []
for path in sys.argv[1:]:
    start = time.perf_counter()
    name, inventory = read_saved_image(Path(path))
    images.append({"error": inventory.error, "packages": len(inventory.packages),
                   "seconds": time.perf_counter() - start})
print(json.dumps({"images": images, "growth": peak() - base}))
"""


def _read_in_a_fresh_process(*paths: Path) -> dict:
    """Each saved image read in turn, as `check --image` reads one, in a process of its own so
    that its peak memory is the readers' alone."""
    done = subprocess.run([sys.executable, "-c", _READER, *map(str, paths)], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=True)
    return json.loads(done.stdout)


@pytest.fixture
def good_image(tmp_path) -> Path:
    return _save(tmp_path / "good.tar", [GOOD_LAYER])


@pytest.mark.parametrize("bomb", [
    pytest.param(lambda: _zeros_bomb("usr/bin/zeros", 4 * 1024 * MIB), id="one member of 4 GiB of zeros"),
    pytest.param(lambda: _zero_files(120, 15 * MIB), id="120 package files of 15 MiB of zeros"),
])
def test_a_layer_that_inflates_to_gigabytes_is_one_line_in_bounded_memory(tmp_path, good_image, bomb):
    hostile = _save(tmp_path / "bomb.tar", [GOOD_LAYER, bomb()])
    assert hostile.stat().st_size < 5 * MIB
    result = _read_in_a_fresh_process(hostile, good_image)
    [bombed, good] = result["images"]
    assert bombed["error"].startswith(f"{hostile}: layer blobs/sha256/")
    assert "inflates more than 100x" in bombed["error"] and bombed["error"].endswith("; inventory not read")
    assert bombed["seconds"] < 10
    assert result["growth"] < 100 * MIB  # it once took 1.7 GB
    assert good["error"] == "" and good["packages"] > 0  # the next image of the run is read


def test_package_files_past_what_an_image_may_hold_are_one_line(tmp_path, good_image):
    layer = tmp_path / "layer.tar"  # not compressed: nothing inflates, the files are simply many and large
    with layer.open("wb") as out:
        for index in range(10):
            out.write(_member(f"{SITE}/p{index}-1.dist-info/METADATA", b"Name: p\nVersion: 1\n" + b"a" * (15 * MIB)))
        out.write(bytes(1024))
    result = _read_in_a_fresh_process(_save(tmp_path / "large.tar", [GOOD_LAYER, layer]), good_image)
    [large, good] = result["images"]
    assert "its package files pass 128 MiB at usr/local/lib/python3.12/site-packages/p8-1.dist-info" in large["error"]
    assert result["growth"] < 200 * MIB and large["seconds"] < 10
    assert good["packages"] > 0


class _Counted(io.RawIOBase):
    """A stream made by `chunks` (an iterable of bytes), counting what is read of it."""

    def __init__(self, chunks):
        self._chunks, self._left, self.read_bytes = iter(chunks), b"", 0

    def readable(self) -> bool:
        return True

    def read(self, n: int = -1) -> bytes:
        while not self._left:
            self._left = next(self._chunks, b"")
            if not self._left:
                return b""
        data, self._left = self._left[:n], self._left[n:]
        self.read_bytes += len(data)
        return data


def _gnu_sparse_header(name: str, real_size: int, stored: int) -> bytes:
    """An old GNU sparse member's header (type S), as `tar --sparse` writes one: its data is
    the one stored region, its real size the file's."""
    header = bytearray(_header(name, stored, b"S"))
    header[386:398] = b"%011o\0" % 0  # the region's offset
    header[398:410] = b"%011o\0" % stored  # and length
    header[483:495] = b"%011o\0" % real_size
    header[148:156] = b" " * 8
    header[148:156] = b"%06o\0 " % sum(header)
    return bytes(header)


def test_a_sparse_or_oversized_package_file_is_refused_from_its_header():
    metadata = f"{SITE}/x-1.dist-info/METADATA"
    sparse = _Counted([_gnu_sparse_header(metadata, 63 * MIB, 512), bytes(512), bytes(1024)])
    with pytest.raises(ImageArchiveError, match=r"^image a: its file system: usr/.*/METADATA is a sparse file "
                                                r"\(63 MiB\), which no package file is; inventory not read$"):
        files_from_stream(sparse, wanted, "image a")
    # What `docker export` writes for a sparse file: all of its zeros.
    exported = _Counted([_header(metadata, 63 * MIB), *(bytes(MIB) for _ in range(63)), bytes(1024)])
    with pytest.raises(ImageArchiveError, match=r"METADATA is 63 MiB, past the 16 MiB a package file may be"):
        files_from_stream(exported, wanted, "image b")
    assert exported.read_bytes <= 128 * 1024  # the header and what was read ahead with it, none of the zeros


def _whiteout_layers(count: int) -> tuple[bytes, bytes]:
    lower = tar_bytes([(f"{SITE}/p{i}-1.dist-info/METADATA", b"Name: p%d\nVersion: 1\n" % i) for i in range(count)])
    upper = tar_bytes([(f"{SITE}/.wh.p{i}-1.dist-info", b"") for i in range(count)]
                      + [(f"{SITE}/kept-2.dist-info/METADATA", b"Name: kept\nVersion: 2\n")])
    return lower, upper


def test_whiteouts_over_every_file_cost_what_they_delete():
    lower, upper = _whiteout_layers(20_000)  # once 44-47 s: each whiteout scanned every path held
    start = time.perf_counter()
    files = files_from_layers("app", [Layer("lower", io.BytesIO(lower)), Layer("upper", io.BytesIO(upper))], wanted)
    seconds = time.perf_counter() - start
    assert [p.name for p in inventory_from_files(files).packages] == ["kept"]
    assert seconds < 10
    opaque = tar_bytes([(f"{SITE}/.wh..wh..opq", b"")])
    files = files_from_layers("app", [Layer("lower", io.BytesIO(lower)), Layer("opaque", io.BytesIO(opaque))], wanted)
    assert files == {}


def _naive(layers: list[list[tuple[str, str]]]) -> set[str]:
    """Whiteouts as the reader applied them before: every path held compared with each one."""
    held: set[str] = set()
    for layer in layers:
        for path, what in layer:
            if what != "file":
                gone = path.rpartition("/")[0] if what == "opaque" else path
                held = {h for h in held if h != gone and not h.startswith(gone + "/")}
        held |= {path for path, what in layer if what == "file"}
    return held


def test_whiteouts_agree_with_comparing_every_path():
    rnd = random.Random(23)
    names = ["a", "b", "node_modules", "x"]
    for _ in range(200):
        layers = []
        for _ in range(rnd.randint(1, 4)):
            layer = []
            for _ in range(rnd.randint(0, 12)):
                folder = "/".join(rnd.choice(names) for _ in range(rnd.randint(1, 3)))
                what = rnd.choice(["file", "file", "whiteout", "opaque"])
                if what == "file":
                    layer.append((f"{folder}/{rnd.choice(names)}/package.json", "file"))
                elif what == "whiteout":
                    layer.append((folder, "whiteout"))
                else:
                    layer.append((f"{folder}/.wh..wh..opq", "opaque"))
            layers.append(layer)
        streams = []
        for index, layer in enumerate(layers):
            entries = []
            for path, what in layer:
                if what == "whiteout":
                    folder, _, name = path.rpartition("/")
                    path = f"{folder}/.wh.{name}" if folder else f".wh.{name}"
                entries.append((path, b"{}"))
            streams.append(Layer(str(index), io.BytesIO(tar_bytes(entries))))
        assert set(files_from_layers("app", streams, lambda p: p.endswith("package.json"))) == _naive(layers), layers


def _deep_package(depth: int) -> bytes:
    return b'{"name": "deep", "version": "1.0.0", "x": ' + b"[" * depth + b"]" * depth + b"}"


def test_json_nested_200000_deep_is_one_line_for_its_image_and_the_run_goes_on(tmp_path, capsys):
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / "Dockerfile").write_text(DOCKERFILE)
    deep = tar_bytes([("app/node_modules/deep/package.json", _deep_package(200_000))])
    image = _save(tmp_path / "deep.tar", [GOOD_LAYER, deep])
    start = time.perf_counter()
    code = main(["check", "--offline", "--image", str(image), str(tmp_path / "repo")])
    out, err = capsys.readouterr()
    assert time.perf_counter() - start < 10
    assert code == 2 and err == (f"hardenbot: {image}: /app/node_modules/deep/package.json nests deeper than 64; "
                                 "inventory not read\n")
    assert " of 1 files" in out  # the Dockerfile was checked, and the image judged "not evaluated"
    assert f"policies: {image}: grade" in out and "nests deeper than 64" in out
    # The same file from an export stream (after a verify build), and as the archive's own JSON.
    files = files_from_stream(io.BytesIO(deep), wanted)
    with pytest.raises(ImageArchiveError, match="^image c: /app/node_modules/deep/package.json nests deeper than 64"):
        inventory_from_files(files, image="image c")
    manifest = _save(tmp_path / "manifest.tar", [GOOD_LAYER], manifest=b"[" * 200_000 + b"]" * 200_000)
    assert main(["check", "--offline", "--image", str(manifest), str(tmp_path / "repo")]) == 2
    assert "manifest.json is not JSON it can read (nests deeper than 64)" in capsys.readouterr().err


def test_a_million_tar_members_are_one_line():
    one = _header("usr/share/x", 0)

    def members():
        for _ in range(1_000):
            yield one * 1_000

    start = time.perf_counter()
    with pytest.raises(ImageArchiveError, match=r"^app: layer sha256:ab…: holds more than 300,000 tar members; "):
        files_from_layers("app", [Layer("sha256:ab…", _Counted(members()))], wanted)
    assert time.perf_counter() - start < 10


@pytest.mark.parametrize("kind", [tarfile.XHDTYPE, tarfile.GNUTYPE_LONGNAME, tarfile.GNUTYPE_LONGLINK])
def test_an_extended_header_claiming_gigabytes_is_refused_before_it_is_read(kind):
    stream = _Counted([_header("././@LongLink", 1024 * MIB, kind), *(bytes(MIB) for _ in range(1024))])
    with pytest.raises(ImageArchiveError, match=r"an extended tar header of 1 GiB, past 1 MiB; inventory not read"):
        files_from_stream(stream, wanted)
    assert stream.read_bytes <= 128 * 1024


def test_a_stream_that_drips_is_stopped_at_the_time_bound():
    one = _header("usr/share/x", 0)

    def drip():
        while True:
            time.sleep(0.01)
            yield one

    start = time.perf_counter()
    with pytest.raises(ImageArchiveError, match=r"reading it took more than 1 s; inventory not read"):
        files_from_stream(_Counted(drip()), wanted, limits=Limits(seconds=1))
    assert time.perf_counter() - start < 10
