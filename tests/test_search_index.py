"""hooks/search_index.py on its own: the Korean segmentation of the search index, the
page boosts, and the rewiring of Material's search worker (and the build errors that
guard both against a Material upgrade). The whole search, in a browser on learner
queries, is tests/browser/test_search_queries.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

pytestmark = pytest.mark.site  # the hook needs the site's toolchain (mkdocs, kiwipiepy)

ROOT = Path(__file__).resolve().parent.parent
ZWSP = "\u200b"


@pytest.fixture(scope="module")
def hook():
    sys.path.insert(0, str(ROOT / "hooks"))
    path = ROOT / "hooks" / "search_index.py"
    spec = importlib.util.spec_from_file_location("sg_hook_search_index", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GLOSSARY = ROOT / "docs" / "ko" / "glossary.md"


def cut(hook, text: str) -> str:
    words = tuple(hook.glossary_terms(GLOSSARY))
    return hook.segment_korean(text, words).replace(ZWSP, "|")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("기울기가 사라집니다", "기울기|가 사라집니다"),
        ("시그모이드의 도함수는", "시그모이드|의 도함수|는"),
        ("역전파에서", "역전파|에서"),  # a glossary term stays whole
        ("출력이", "출력|이"),  # a suffix Kiwi finds inside a noun is not cut off
        ("장점이라는", "장점|이|라는"),
    ],
)
def test_particles_and_endings_are_cut_from_their_stems(hook, text, expected):
    assert cut(hook, text) == expected


def test_text_that_is_not_hangul_is_left_alone(hook):
    for text in ("sigmoid(x) = 1 / (1 + e^-x)", "0.25", "σ′(0)", ""):
        assert hook.segment_korean(text) == text


def test_tags_are_never_cut(hook):
    html = '<a title="기울기가">기울기가</a> <code>x가</code>'
    out = hook._segment_html(html)
    assert '<a title="기울기가">' in out and out.count(ZWSP) >= 1
    assert out.replace(ZWSP, "") == html


def test_glossary_terms_are_read_from_the_glossary(hook):
    terms = hook.glossary_terms(GLOSSARY)
    assert {"역전파", "도함수", "기울기"} <= set(terms)
    assert all(" " not in t for t in terms)


def _site(tmp_path: Path, separator: str, language: str = "ko") -> SimpleNamespace:
    index = {
        "config": {"lang": [language], "separator": separator, "pipeline": [], "fields": {}},
        "docs": [
            {"location": "derivative/", "title": "도함수는", "text": "<p>기울기가</p>"},
            {"location": "api/#x", "title": "API", "text": "x"},
            {"location": "labs/zigzag/", "title": "실습", "text": "y"},
        ],
    }
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(index), "utf-8")
    return SimpleNamespace(
        site_dir=str(tmp_path), docs_dir=str(ROOT / "docs" / language), theme={"language": language}
    )


def test_the_index_is_segmented_and_boosted(hook, tmp_path):
    config = _site(tmp_path, r"[\s\u200b\-]+")
    hook.on_post_build(config)
    docs = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert docs[0]["title"] == f"도함수{ZWSP}는" and docs[0]["text"] == f"<p>기울기{ZWSP}가</p>"
    assert "boost" not in docs[0]
    assert docs[1]["boost"] == hook.PAGE_BOOST["api/"] < 1
    assert docs[2]["boost"] == hook.PAGE_BOOST["labs/"] < 1


def test_the_english_index_is_boosted_but_not_segmented(hook, tmp_path):
    config = _site(tmp_path, r"[\s\u200b\-]+", language="en")
    hook.on_post_build(config)
    docs = json.loads((tmp_path / "search" / "search_index.json").read_text("utf-8"))["docs"]
    assert docs[0]["title"] == "도함수는" and docs[1]["boost"] < 1


def test_a_separator_that_does_not_split_at_zwsp_fails_the_build(hook, tmp_path):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="U\\+200B"):
        hook.on_post_build(_site(tmp_path, r"[\s\-]+"))


def _page(src: str = "index.md") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src))


def test_pages_get_the_query_worker_beside_materials(hook):
    worker = "../assets/javascripts/workers/search.a7633da7.min.js"
    html = f'<script id="__config">{{"search": "{worker}"}}</script>'
    out = hook.on_post_page(html, page=_page(), config=None)
    assert (
        '"search": "../assets/javascripts/workers/search_query.js?material=search.a7633da7.min.js"'
        in out
    )
    assert (ROOT / "overrides" / hook.WORKER).is_file()


def test_a_page_without_materials_worker_fails_the_build(hook):
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="search worker"):
        hook.on_post_page('{"search": "x.js"}', page=_page("a.md"), config=None)
