"""The link checker's boundaries: its import contract, a fetching child without Django, no cycles, batch hooks."""

import json
import subprocess  # noqa: S404 (fixed commands of this repository)
import sys
import tomllib
from pathlib import Path

import grimp

from cms.linkcheck.batch import batch_render

ROOT = Path(__file__).resolve().parents[2]


def test_the_forbidden_import_contract_names_pages_ownership_views_and_every_area():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    contract = next(c for c in config if c.get("id") == "linkcheck-independent")
    assert contract["type"] == "forbidden" and contract["source_modules"] == ["cms.linkcheck"]
    assert set(contract["forbidden_modules"]) >= {
        "cms.pages",
        "cms.ownership.views",
        "cms.anticorruption",
        "cms.faq",
        "cms.councils",
        "cms.declarations",
        "cms.news",
    }


def test_lint_imports_keeps_the_contract():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(  # noqa: S603
        [str(lint), "--contract", "linkcheck-independent"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "KEPT" in result.stdout


def test_the_fetching_child_imports_no_django():
    code = (
        "import sys, cms.linkcheck.fetchproc; "
        "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith(('django', 'cms.linkcheck.')))))"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)  # noqa: S603
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout)
    assert not [m for m in loaded if m.startswith("django")]
    assert set(loaded) == {
        "cms.linkcheck.external",
        "cms.linkcheck.fetchproc",
        "cms.linkcheck.netguard",
        "cms.linkcheck.status",
    }


def test_models_and_rules_do_not_import_each_other():
    graph = grimp.build_graph("cms")
    assert graph.find_shortest_chain(importer="cms.linkcheck.rules", imported="cms.linkcheck.models") is None
    assert graph.find_shortest_chain(importer="cms.linkcheck.models", imported="cms.linkcheck.rules") is not None
    cycles = [
        module
        for module in graph.find_children("cms.linkcheck") - {"cms.linkcheck.models"}
        if graph.find_shortest_chain(importer="cms.linkcheck.models", imported=module)
        and graph.find_shortest_chain(importer=module, imported="cms.linkcheck.models")
    ]
    assert cycles == []


def test_a_batch_render_shares_navigation_and_page_links(home_page):
    from cms.linkcheck import pagelinks
    from cms.pages import navigation

    assert navigation._shared.get() is None and pagelinks._run_pages.get() is None
    with batch_render([home_page]):
        assert navigation._shared.get() is not None  # cms.pages registered its sharing for the batch
        assert pagelinks._run_pages.get() == {str(home_page.id): home_page}
    assert navigation._shared.get() is None and pagelinks._run_pages.get() is None
