"""The built wheel carries the ontology and queries: installed outside the checkout, it runs a query."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT


def test_wheel_installed_outside_checkout_runs_a_query(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(dist.glob("diplograph-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", "--no-deps", "--force-reinstall", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", work / "seeds")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    # Python itself must not see the checkout: run from a directory outside it, by the venv's interpreter.
    where = subprocess.run([str(py), "-c", "import diplograph.resources as r; print(r.data_dir('queries'))"],
                           cwd=work, check=True, capture_output=True, text=True, env=env, timeout=120).stdout
    assert str(venv) in where and "diplograph/data/queries" in where
    built = subprocess.run([str(venv / "bin" / "diplograph"), "build"], cwd=work, capture_output=True, text=True,
                           env=env, timeout=300)
    assert built.returncode == 0, built.stderr
    res = subprocess.run([str(venv / "bin" / "diplograph"), "query", "threats", "--format", "csv"], cwd=work,
                         capture_output=True, text=True, env=env, timeout=300)
    assert res.returncode == 0, res.stderr
    assert "Israel Katz,Ahmed al-Sharaa" in res.stdout
    drafted = subprocess.run([str(venv / "bin" / "diplograph"), "draft", "--text", "Israeli and Turkish officials met "
                              "in Baku on Wednesday.", "--published", "2025-04-10", "--registry", "seeds/registry.yaml"],
                             cwd=work, capture_output=True, text=True, env=env, timeout=300)
    assert drafted.returncode == 0, drafted.stderr  # rules/draft.yaml ships in the wheel
    assert "participants: [ISR, TUR]" in drafted.stdout
