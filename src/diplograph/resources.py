"""Packaged data files: ontology, shapes, JSON Schemas and canned queries.

They live at the top of the repository (``ontology/``, ``queries/``) and are
copied into the wheel under ``diplograph/data/`` by hatchling's force-include.
In an editable install the package dir has no copy, so we fall back to the
repository's own folders.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def data_dir(name: str) -> Traversable:
    """The packaged folder ``name`` ('ontology' or 'queries')."""
    packaged = resources.files("diplograph") / "data" / name
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[2] / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"diplograph data folder {name!r} is missing from the installation")


def read_text(folder: str, filename: str) -> str:
    return (data_dir(folder) / filename).read_text(encoding="utf-8")


@cache
def schema(name: str) -> dict[str, Any]:
    """A JSON Schema from ``ontology/`` ('annotation' or 'registry')."""
    return json.loads(read_text("ontology", f"{name}.schema.json"))
