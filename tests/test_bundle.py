"""The bundle is verified before anything is loaded from it: tampering, truncation, bit flips,
inconsistencies and malformed input all raise :class:`BundleError`, nothing else."""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cnenforce
from cnenforce.bundle import _WRITTEN_AS_TEXT, BUNDLE_FORMAT, _reader, packaged, read_bundle
from cnenforce.contrib.compiler import bundle_text
from cnenforce.contrib.tree import read_dataset
from cnenforce.converter import structure, structure_problems, unstructure
from cnenforce.errors import BundleError
from cnenforce.model import Duration, PartialDate
from tests.strategies import EVERY_MODEL

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "minimal"


@pytest.fixture(scope="module")
def good() -> bytes:
    return bundle_text(read_dataset(FIXTURE)).encode("utf-8")


def _rebuild(content: dict[str, Any], **header: Any) -> bytes:
    """A bundle whose hash matches its (edited) content: only the semantic checks can catch it."""
    line = json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    meta = {"format": BUNDLE_FORMAT, "dataset_version": "2026.01.01", "cases": len(content["cases"])}
    meta |= {"content_sha256": "sha256:" + hashlib.sha256(line).hexdigest()} | header
    return json.dumps(meta).encode() + b"\n" + line + b"\n"


def _content(good: bytes) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(good.split(b"\n")[1])
    # The example case first: the edits below change it.
    content["cases"].sort(key=lambda case: case["id"] != "2025-beijing-example-app")
    return content


def test_an_intact_bundle_loads(good: bytes) -> None:
    dataset = read_bundle(good)
    assert dataset.digest is not None
    assert dataset.digest.startswith("sha256:")
    assert "2025-beijing-example-app" in dataset


def test_the_packaged_bundle_is_verified_and_cached() -> None:
    assert packaged() is packaged() is cnenforce.load()


def test_an_edited_fine_fails_the_hash(good: bytes) -> None:
    tampered = good.replace(b'"amount":"50000"', b'"amount":"5000"')
    assert tampered != good
    with pytest.raises(BundleError, match="recorded hash"):
        read_bundle(tampered)


@pytest.mark.parametrize("cut", [1, 10, 100, 1000])
def test_a_truncated_bundle_is_refused(good: bytes, cut: int) -> None:
    with pytest.raises(BundleError):
        read_bundle(good[:-cut])


def test_random_bit_flips_never_load(good: bytes) -> None:
    rng = random.Random(20261130)
    for _ in range(40):
        data = bytearray(good)
        position = rng.randrange(len(data))
        data[position] ^= 1 << rng.randrange(8)
        with pytest.raises(BundleError):
            read_bundle(bytes(data))


@given(st.binary(max_size=300))
def test_arbitrary_bytes_raise_only_bundle_errors(data: bytes) -> None:
    with pytest.raises(BundleError):
        read_bundle(data)


@pytest.mark.parametrize(
    ("edit", "fragment"),
    [
        (lambda c: c["cases"].append(dict(c["cases"][0])), "repeats"),
        (lambda c: c["cases"][0].update(authorities=["no-such-office"]), "unknown authority"),
        (lambda c: c["cases"][0].update(action="no-such-action"), "unknown action"),
        (lambda c: c["cases"][0]["violations"][0].update(instrument="nope"), "unknown instrument"),
        (lambda c: c["cases"][0].update(title="a\u202eb"), "U+202E"),
        (lambda c: c["cases"][0].update(title="line\nbreak"), "U+000A"),
        (lambda c: c["cases"][0]["sources"][0].update(url="javascript:alert(1)"), "http(s) URL"),
        (lambda c: c["cases"][0]["measures"][0]["amount"].update(amount="5e4"), "exponent"),
        (lambda c: c["instruments"].pop(), "unknown instrument"),
        (lambda c: c.update(retired=[{"id": c["cases"][0]["id"], "reason": "x"}]), "is in use"),
    ],
    ids=[
        "duplicate-id",
        "authority",
        "action",
        "instrument",
        "bidi",
        "newline",
        "url",
        "amount",
        "catalogue",
        "retired",
    ],
)
def test_inconsistent_content_with_a_matching_hash_is_refused(good: bytes, edit: Any, fragment: str) -> None:
    content = _content(good)
    edit(content)
    with pytest.raises(BundleError) as raised:
        read_bundle(_rebuild(content))
    assert any(fragment in p.message for p in raised.value.problems), raised.value.problems


def test_header_faults_are_refused(good: bytes) -> None:
    content = _content(good)
    with pytest.raises(BundleError, match="format 2"):
        read_bundle(_rebuild(content, format=1))
    with pytest.raises(BundleError, match="header says"):
        read_bundle(_rebuild(content, cases=99))
    with pytest.raises(BundleError, match="dataset version"):
        read_bundle(_rebuild(content, dataset_version=""))


def test_deep_nesting_and_bad_utf8_are_bundle_errors() -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    line_hash = "sha256:" + hashlib.sha256(deep).hexdigest()
    header = json.dumps({"format": 2, "dataset_version": "x", "cases": 0, "content_sha256": line_hash}).encode()
    with pytest.raises(BundleError, match=r"nested too deeply|expected a table"):
        read_bundle(header + b"\n" + deep + b"\n")
    bad = b"\xff\xfe"
    bad_hash = "sha256:" + hashlib.sha256(bad).hexdigest()
    header = json.dumps({"format": 2, "dataset_version": "x", "cases": 0, "content_sha256": bad_hash}).encode()
    with pytest.raises(BundleError, match="UTF-8"):
        read_bundle(header + b"\n" + bad + b"\n")


def test_load_reads_a_bundle_file_or_a_data_directory(good: bytes, tmp_path: Path) -> None:
    path = tmp_path / "bundle.json"
    path.write_bytes(good)
    assert "2025-beijing-example-app" in cnenforce.load(path)
    assert "2025-beijing-example-app" in cnenforce.load(FIXTURE)
    with pytest.raises(BundleError, match="cannot read"):
        cnenforce.load(tmp_path / "missing.json")


# --- the fast first pass agrees with the reporting converter -----------------------------------

_WRONG = st.sampled_from([123, "text", True, None, [], {}, {"unknown": 1}, 1.5, ["a", 1]])


@given(st.data(), st.sampled_from(sorted(EVERY_MODEL, key=lambda cls: cls.__name__)))
def test_the_fast_pass_reads_exactly_what_the_converter_reads(data: st.DataObject, cls: type) -> None:
    """Valid records give equal objects; a record with one field made wrong is refused by the
    fast pass whenever the converter refuses it (then the converter reports the problems)."""
    record = data.draw(EVERY_MODEL[cls])
    raw = json.loads(json.dumps(unstructure(record)))  # as a bundle holds it
    fast = _reader(cls)
    assert fast(raw) == structure(raw, cls) == record
    if isinstance(raw, dict):
        key = data.draw(st.sampled_from([*sorted(raw), "not-a-field"]))
        broken = {**raw, key: data.draw(_WRONG)}
        if data.draw(st.booleans()) and key in raw:
            del broken[key]
        found, problems = structure_problems(broken, cls)
        try:
            built = fast(broken)
        except Exception:
            return
        assert not problems
        assert built == found


def test_values_written_as_text_are_read_by_the_converter() -> None:
    examples = {PartialDate: PartialDate(year=2017, month=8), Duration: Duration.parse("15 days")}
    assert set(examples) == set(_WRITTEN_AS_TEXT)
    for cls, value in examples.items():
        assert isinstance(unstructure(value), str)
        assert _reader(cls)(unstructure(value)) == value
