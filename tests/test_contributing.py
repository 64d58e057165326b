"""CONTRIBUTING.md says what the code does: its example is real data, its reference complete."""

from __future__ import annotations

import enum
import re
import tomllib

import attrs
import pytest

import cnenforce.model as model
from cnenforce import vocabulary
from tests.conftest import DATA, FIXTURES, REPO

TEXT = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```toml\n(.*?)```", TEXT, flags=re.DOTALL)


def test_the_annotated_example_is_the_real_file() -> None:
    example = tomllib.loads(BLOCKS[0])
    real = tomllib.loads((DATA / "cases" / f"{example['id']}.toml").read_text(encoding="utf-8"))
    assert example == real


def test_the_batch_example_is_part_of_the_fixture() -> None:
    example = tomllib.loads(BLOCKS[1])
    fixture = tomllib.loads((FIXTURES / "minimal" / "actions" / f"{example['id']}.toml").read_text(encoding="utf-8"))
    for key, value in example.items():
        if key == "cases":
            assert value == fixture["cases"][: len(value)]
        else:
            assert fixture[key] == value, key


@pytest.mark.parametrize(
    "cls",
    [model.Case, model.Respondent, model.Region, model.App, model.UnnamedAuthority, model.Provision,
     model.Event, model.Measure, model.Source, model.Action],
    ids=lambda cls: cls.__name__,
)  # fmt: skip
def test_every_field_is_in_the_field_reference(cls: type) -> None:
    reference = TEXT[TEXT.index("## Field reference") : TEXT.index("### Vocabularies")]
    missing = [field.name for field in attrs.fields(cls) if f"`{field.name}`" not in reference]
    assert missing == [], f"{cls.__name__} fields missing from CONTRIBUTING.md: {missing}"


@pytest.mark.parametrize(
    "vocab",
    [value for value in vars(vocabulary).values() if isinstance(value, type) and issubclass(value, enum.Enum)],
    ids=lambda vocab: vocab.__name__,
)
def test_every_vocabulary_value_is_listed(vocab: type[enum.Enum]) -> None:
    listing = TEXT[TEXT.index("### Vocabularies") : TEXT.index("## Counting rules")]
    missing = [member.value for member in vocab if f"`{member.value}`" not in listing]
    assert missing == [], f"{vocab.__name__} values missing from CONTRIBUTING.md: {missing}"
