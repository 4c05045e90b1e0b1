"""Search that finds what learners type, in both languages (the index side, and the
worker that reads queries).

Material's search (lunr) splits text at the plugin's ``separator`` and matches each
query word as a prefix. That fails a Korean reader in two ways: a word with a particle
("시그모이드의") is no prefix of the same word with another particle ("시그모이드는"),
and a compound typed without its space ("교차엔트로피") is no prefix of either of its
parts. So:

* **Index (Korean site):** after Material writes ``search/search_index.json``, every
  run of Hangul in the titles and texts is cut into morphemes by Kiwi (kiwipiepy, a
  maintained Korean analyser), and a zero-width space (U+200B, which the separator in
  mkdocs.yml splits at) goes in front of each particle, ending and copula that starts
  on a character of its own: "기울기가" is indexed as "기울기" and "가". Nouns are not
  cut apart (Kiwi splits unknown compounds such as 역전파 too eagerly); the glossary's
  terms (the language's glossary.md) are added to Kiwi's dictionary so that they stay
  whole. Material does the same for Chinese with jieba (its search plugin,
  ``_segment_chinese``). The zero-width spaces are invisible in the result snippets.
* **Queries (both sites):** every page's ``__config`` names
  ``assets/javascripts/workers/search_query.js`` (overrides/) as the search worker; it
  loads Material's own worker and rewrites each query before Material sees it: it
  drops punctuation, question words and stop words, strips particles, and splits a
  word that matches nothing into the longest words of the index it is made of (the
  same idea as Material's segmentation of Chinese queries, there for Han script only).

If Material renames its worker or the ``search`` key of ``__config``, the build fails
here rather than shipping a search that silently ignores the rewriting; the browser
tests (tests/browser/test_search_queries.py) measure the result on a fixed set of
learner queries.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

#: Where overrides/ puts the query worker in the site (beside Material's, so that the
#: relative paths Material's worker uses for the lunr language files still resolve).
WORKER = "assets/javascripts/workers/search_query.js"
#: The ``search`` entry of Material's ``__config`` JSON in every page.
_CONFIG_SEARCH = re.compile(
    r'("search":\s*")([^"]*assets/javascripts/workers/search\.[0-9a-f]+\.min\.js)(")'
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]+(?:[\s\u200b]*[\uac00-\ud7a3]+)*")
_TAG = re.compile(r"(<[^>]*>)")
#: Kiwi's tags of the morphemes split from the word before them: particles (J...),
#: endings (E...) and the copula (VCP, "이다"); suffixes stay (Kiwi reads 출력 as 출 + 력).
_SPLIT_TAGS = ("J", "E", "VCP")
ZWSP = "\u200b"
#: Score factors of the pages that restate what another page explains, so that a
#: concept word finds the page that explains it first (page path prefix: factor). The
#: API pages' headings repeat the concept words (``sigmoid_guide.experiments.zigzag``),
#: but an API name is found nowhere else, so it still finds its entry first; a lab
#: practises its page's topic; the glossary and the references name every topic in a
#: line (the notation page every symbol); relation connects two pages' findings.
PAGE_BOOST = {
    "api/": 0.3,
    "api-experiments/": 0.3,
    "labs/": 0.5,
    "glossary/": 0.5,
    "notation/": 0.5,
    "references/": 0.5,
    "relation/": 0.7,
}


@cache
def _kiwi(words: tuple[str, ...] = ()):
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    for word in words:
        kiwi.add_user_word(word, "NNP", 0.0)
    return kiwi


def glossary_terms(glossary: Path) -> list[str]:
    """Korean words of a glossary's tables (first column, alternatives included)."""
    terms = []
    for line in glossary.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) != 3:
            continue
        for part in re.split(r"[(),]", cells[0]):
            part = part.strip()
            if re.fullmatch(r"[\uac00-\ud7a3 ]+", part):
                terms += part.split(" ") if " " in part else [part]
    return sorted(set(terms))


def segment_korean(text: str, words: tuple[str, ...] = ()) -> str:
    """``text`` with U+200B in front of each particle, ending or copula of its Hangul
    words (see the module docstring); everything else is left as it is. ``words`` are
    kept whole (the glossary's terms).

    >>> segment_korean("기울기가 사라집니다").replace(ZWSP, "|")
    '기울기|가 사라집니다'
    """
    kiwi = _kiwi(words)

    def cut(match: re.Match[str]) -> str:
        run = match.group(0)
        cuts = set()
        end_of_previous = 0
        for token in kiwi.tokenize(run):
            start = token.start
            # a morpheme that shares a syllable with the one before (생기+ㄴ다) cannot be cut off
            if token.tag.startswith(_SPLIT_TAGS) and start >= end_of_previous > 0:
                if run[start - 1] not in f" {ZWSP}":
                    cuts.add(start)
            end_of_previous = max(end_of_previous, token.start + token.len)
        return "".join(ZWSP + ch if i in cuts else ch for i, ch in enumerate(run))

    return _HANGUL.sub(cut, text)


@cache  # `mkdocs serve` rebuilds the whole index after every edit: most entries recur
def _segment_html(html: str, words: tuple[str, ...] = ()) -> str:
    """Segment the text between the tags of an index entry, never inside a tag."""
    return "".join(p if p.startswith("<") else segment_korean(p, words) for p in _TAG.split(html))


@event_priority(-100)  # after Material's search plugin has written the index
def on_post_build(config, **_) -> None:
    path = Path(config.site_dir) / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    # the separator is a JavaScript regular expression; these parts read the same in Python
    if not re.fullmatch(index["config"]["separator"], ZWSP):
        raise PluginError(
            "search_index: the search plugin's separator must split at U+200B, which "
            "hooks/search_index.py puts between Korean stems and particles (mkdocs.yml)"
        )
    korean = config.theme.get("language") == "ko"
    glossary = Path(config.docs_dir) / "glossary.md"
    words = tuple(glossary_terms(glossary)) if korean and glossary.is_file() else ()
    for doc in index["docs"]:
        for prefix, boost in PAGE_BOOST.items():
            if doc["location"].startswith(prefix):
                doc["boost"] = boost
        if korean:
            doc["title"] = _segment_html(doc["title"], words)
            doc["text"] = _segment_html(doc["text"], words)
    # the same compact form as Material's own file
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_page(output: str, page, config, **_) -> str:
    """Point Material at the query worker (same folder as its own worker)."""
    match = _CONFIG_SEARCH.search(output)
    if match is None:
        raise PluginError(
            f"search_index: no search worker in __config of {page.file.src_uri}: has "
            "Material renamed it? hooks/search_index.py and the query worker need a look"
        )
    material = match.group(2)
    ours = material.rsplit("/", 1)[0] + "/" + WORKER.rsplit("/", 1)[1]
    # the query worker loads Material's from the same folder: its file name rides along
    name = material.rsplit("/", 1)[1]
    return output[: match.start(2)] + f"{ours}?material={name}" + output[match.end(2) :]
