"""`validate --store PATH` with a mistyped PATH compared the files against nothing and said nothing;
it now stops before the work, as `query` and `export` do, and creates nothing there.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_cli


def test_validate_against_a_store_never_built(tmp_path: Path, corpus: Path) -> None:
    missing = tmp_path / "no-such-store"
    result = run_cli("validate", "seeds/001_muscat_us_iran.yaml", "--store", str(missing), cwd=corpus.parent)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (f"error: no store has been built at {missing} yet: run `diplograph build` first, or point "
                             "--store (or $DIPLOGRAPH_STORE) at the store you built\n")
    assert not missing.exists()
