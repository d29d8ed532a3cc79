"""Same article or not: canonical URLs, content keys, MinHash signatures and near copies."""

from __future__ import annotations

import itertools
import random
import re

import pytest
from datasketch import MinHash
from hypothesis import given, settings
from hypothesis import strategies as st

from stories.articles import Article, RawArticle
from stories.clean import clean_article
from stories.dedupe import (
    NearCopyIndex,
    NearCopySettings,
    canonical_url,
    content_key,
    is_near_copy,
    near_copy_score,
    shingle_hashes,
    signature,
    signature_from_bytes,
    signature_to_bytes,
    text_print,
)
from tests.support import texts

SETTINGS = NearCopySettings()


def _seed_text(prefix: str) -> str:
    return next(texts.SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(texts.SEEDS.glob("*.txt"))]


def _body(text: str) -> str:
    article = clean_article(RawArticle(text=text))
    assert isinstance(article, Article), article
    return article.body


def _wire_copy_of_000() -> str:
    """Seed 000 as another site would run it: other chrome, one paragraph dropped."""
    paragraphs = _seed_text("000").split("\n\n")
    kept = [p for p in paragraphs if not p.startswith("Western governments had previously")]
    assert len(kept) == len(paragraphs) - 1
    body = "\n\n".join(kept[3:-2])
    return (
        "Belarus frees Nobel laureate in U.S. deal\n\nHome | World | Europe\nBy Reuters staff\n"
        f"5 min read\n\n{body}\n\nShare this article\nMore from World\n"
        "© 2025 Daily Courier. All rights reserved.\n"
    )


def _rewrite(text: str, every: int) -> str:
    """Replace every ``every``-th word and drop the third paragraph: a light rewrite."""
    paragraphs = text.split("\n\n")
    del paragraphs[2]
    counter = itertools.count(1)
    return "\n\n".join(
        " ".join("changed" if next(counter) % every == 0 else w for w in p.split())
        for p in paragraphs
    )


# ---- URLs ----


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("HTTPS://WWW.Example.COM/news/story/", "https://example.com/news/story"),
        ("https://example.com:443/a?b=2&a=1#comments", "https://example.com/a?a=1&b=2"),
        ("http://example.com:80/", "http://example.com/"),
        ("http://example.com", "http://example.com/"),
        ("https://example.com:8443/a/", "https://example.com:8443/a"),
        (
            "https://news.example.org/a?utm_source=tw&utm_medium=social&id=7&fbclid=XY"
            "&gclid=1&mc_cid=abc&mc_eid=def",
            "https://news.example.org/a?id=7",
        ),
        ("https://example.com/a?q=caf%C3%A9&UTM_Campaign=x", "https://example.com/a?q=caf%C3%A9"),
        ("https://example.com/Case/Path", "https://example.com/Case/Path"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("http://[::1]:80/a", "http://[::1]/a"),
        ("http://[::1", "http://[::1"),
    ],
)
def test_canonical_url(url: str, canonical: str) -> None:
    assert canonical_url(url) == canonical


def test_canonical_url_keeps_meaningful_parameters_apart() -> None:
    assert canonical_url("https://x.test/a?id=1") != canonical_url("https://x.test/a?id=2")


@settings(max_examples=200)
@given(
    st.sampled_from(["http", "HTTPS"]),
    st.sampled_from(["www.Example.com", "example.com", "example.com:8080"]),
    st.lists(st.text("abcXYZ/-_.", max_size=8), max_size=4),
    st.lists(
        st.tuples(
            st.sampled_from(["id", "utm_term", "q", "fbclid", "p"]), st.text("ab1", max_size=3)
        ),
        max_size=5,
    ),
)
def test_canonical_url_is_idempotent_and_ignores_tracking(
    scheme: str, host: str, segments: list[str], params: list[tuple[str, str]]
) -> None:
    query = "&".join(f"{name}={value}" for name, value in params)
    url = f"{scheme}://{host}/{'/'.join(segments)}?{query}#frag"
    once = canonical_url(url)
    assert canonical_url(once) == once
    for dropped in ("utm_", "fbclid", "#"):
        assert dropped not in once
    assert once.startswith(scheme.lower() + "://")


# ---- content keys ----


def test_content_key_ignores_spacing_case_and_quote_style() -> None:
    a = 'He said: "We will lift the sanctions."\n\nThe deal was signed.'
    b = "he said: \u201cwe will  lift the sanctions.\u201d The deal was\u00a0signed"
    assert content_key(a) == content_key(b)
    assert re.fullmatch(r"[0-9a-f]{32}", content_key(a))


def test_content_key_tells_different_texts_apart() -> None:
    assert content_key("123 prisoners were freed") != content_key("52 prisoners were freed")


@settings(max_examples=200)
@given(
    st.lists(st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=8), max_size=40),
    st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\t", "\u00a0", " \r\n "]), min_size=1),
)
def test_content_key_ignores_whitespace_changes(words: list[str], spaces: list[str]) -> None:
    respaced = "".join(word + spaces[index % len(spaces)] for index, word in enumerate(words))
    assert content_key(respaced) == content_key(" ".join(words))


@settings(max_examples=200)
@given(st.text(), st.text())
def test_text_print_is_what_each_function_gives(title: str, body: str) -> None:
    """One pass over the words gives the same key, signature and shingles as separate calls."""
    text = text_print(title, body, SETTINGS)
    assert text.content_key == content_key(f"{title}\n{body}")
    assert (text.signature.hashvalues == signature(body, SETTINGS).hashvalues).all()
    assert text.shingles == shingle_hashes(body, SETTINGS)


# ---- signatures and the index ----


def test_signature_is_stable_and_survives_storage() -> None:
    body = _body(_seed_text("000"))
    sig = signature(body, SETTINGS)
    again = signature(body, SETTINGS)
    assert (sig.hashvalues == again.hashvalues).all()
    stored = signature_to_bytes(sig)
    assert len(stored) == 8 * SETTINGS.num_perm
    restored = signature_from_bytes(stored, SETTINGS)
    assert restored.jaccard(sig) == 1.0
    assert signature_to_bytes(restored) == stored


@settings(max_examples=100)
@given(st.text())
def test_signature_is_datasketchs_minhash_of_the_shingle_hashes(body: str) -> None:
    """The signature computed on the array is the library's own affine32 MinHash."""
    four_words = NearCopySettings(confirm_words=SETTINGS.shingle_words)
    library = MinHash(
        num_perm=SETTINGS.num_perm, seed=SETTINGS.seed, scheme="affine32", hashfunc=int
    )
    library.update_batch(shingle_hashes(body, four_words).tolist())
    assert (signature(body, SETTINGS).hashvalues == library.hashvalues).all()


@settings(max_examples=200)
@given(st.lists(st.sampled_from(["rain", "fell", "on", "the", "city", "again"]), max_size=12))
def test_shingle_hashes_follow_the_runs_of_words(words: list[str]) -> None:
    """One hash per run of three words (one for a shorter text); equal runs, equal hashes."""
    hashes = shingle_hashes(" ".join(words), SETTINGS).tolist()
    runs = [tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 1))] if words else []
    pairs = itertools.combinations(zip(runs, hashes, strict=True), 2)
    for (run_a, hash_a), (run_b, hash_b) in pairs:
        assert (run_a == run_b) == (hash_a == hash_b)


def test_shingle_hashes_are_pinned() -> None:
    """Stored signatures are made of these hashes: a change needs a migration (see 0008)."""
    assert shingle_hashes("the rain fell on the city").tolist() == [
        901044713,
        1770736204,
        1870696532,
        3949059654,
    ]


def test_shingle_sizes_are_checked() -> None:
    with pytest.raises(ValueError, match="shingle_words must be 1 to 16, not 17"):
        NearCopySettings(shingle_words=17)
    with pytest.raises(ValueError, match="confirm_words must be 1 to 16, not 0"):
        NearCopySettings(confirm_words=0)


def test_shingle_hashes_depend_on_word_order() -> None:
    assert shingle_hashes("dog bites man") != shingle_hashes("man bites dog")
    assert shingle_hashes("dog bites man") == shingle_hashes("Dog, bites... MAN!")


def test_signature_from_bytes_rejects_the_wrong_length() -> None:
    with pytest.raises(ValueError, match="expected 1024"):
        signature_from_bytes(b"\x00" * 100, SETTINGS)


def test_signature_of_an_empty_text_matches_nothing() -> None:
    empty = signature("", SETTINGS)
    assert empty.jaccard(signature(texts.WRAPPED, SETTINGS)) == 0.0


def test_index_finds_the_wire_copy_and_not_other_write_ups() -> None:
    bodies = {int(p): _body(_seed_text(p)) for p in ("000", "001", "002", "003", "004")}
    index = NearCopyIndex.from_signatures(
        ((article_id, signature(body, SETTINGS)) for article_id, body in bodies.items()),
        SETTINGS,
    )
    assert len(index) == 5
    assert index.candidates(signature(_body(_wire_copy_of_000()), SETTINGS)) == [0]
    for article_id, body in bodies.items():
        assert index.candidates(signature(body, SETTINGS)) == [article_id]


def test_index_add_again_replaces_the_signature() -> None:
    index = NearCopyIndex(SETTINGS)
    index.add(7, signature(texts.WRAPPED, SETTINGS))
    index.add(7, signature(texts.NO_HEADLINE, SETTINGS))
    assert len(index) == 1
    assert 7 in index
    assert index.candidates(signature(texts.NO_HEADLINE, SETTINGS)) == [7]
    assert index.candidates(signature(texts.WRAPPED, SETTINGS)) == []


def test_index_offers_the_closest_candidates_first_and_only_a_few() -> None:
    body = _body(_seed_text("000"))
    settings = NearCopySettings(max_candidates=3)
    index = NearCopyIndex(settings)
    for article_id, every in enumerate((40, 20, 12, 9, 7, 6)):
        index.add(article_id, signature(_rewrite(body, every), settings))
    index.add(99, signature(body, settings))
    assert index.candidates(signature(body, settings)) == [99, 0, 1]


def test_index_keeps_a_short_original_inside_a_long_page() -> None:
    """Few shared shingles overall (low Jaccard) but all of the shorter text: kept."""
    original = _body(texts.FLOOD)
    page = "\n\n".join([_body(texts.ELECTION), original, _body(_seed_text("000"))])
    settings_ = NearCopySettings(lsh_threshold=0.1)
    index = NearCopyIndex(settings_)
    index.add(1, signature(original, settings_))
    assert signature(page, settings_).jaccard(signature(original, settings_)) < 0.2
    assert index.candidates(signature(page, settings_)) == [1]
    assert is_near_copy(original, page, settings_)


def test_index_drops_look_alikes_below_the_containment_floor() -> None:
    """A write-up that shares one paragraph (a quote) is proposed by LSH, then dropped."""
    original = _body(texts.FLOOD)
    paragraphs = original.split("\n\n")
    look_alike = "\n\n".join([paragraphs[2], _body(texts.ELECTION)])
    loose = NearCopySettings(lsh_threshold=0.05, containment_floor=0.0)
    floored = NearCopySettings(lsh_threshold=0.05)
    for settings_, expected in ((loose, [1]), (floored, [])):
        index = NearCopyIndex(settings_)
        index.add(1, signature(original, settings_))
        assert index.candidates(signature(look_alike, settings_)) == expected
    assert not is_near_copy(original, look_alike, SETTINGS)


def test_the_containment_floor_keeps_every_rewrite_that_confirmation_accepts() -> None:
    """Rewrites from a few words changed to far too many: the floor may only drop pairs that
    confirmation would reject anyway."""
    rng = random.Random(3)
    accepted = []
    for original in [_body(texts.FLOOD), _body(texts.ELECTION), *map(_body, _seed_texts())]:
        words = original.split(" ")
        for rate in (0.02, 0.05, 0.08, 0.11, 0.14, 0.17, 0.2, 0.25):
            changed = [
                rng.choice(("also", "reportedly", "then")) if rng.random() < rate else w
                for w in words
            ]
            rewrite = " ".join(changed)
            index = NearCopyIndex(SETTINGS)
            index.add(1, signature(original, SETTINGS))
            score = near_copy_score(original, rewrite, SETTINGS)
            if score >= SETTINGS.confirm_threshold:
                accepted.append(score)
                assert index.candidates(signature(rewrite, SETTINGS)) == [1], rate
    # the rewrites reach down to the confirmation threshold, where the floor is tested hardest
    assert len(accepted) >= 20
    assert min(accepted) < SETTINGS.confirm_threshold + 0.05


# ---- near copies ----


def test_seeds_are_not_near_copies_of_each_other() -> None:
    bodies = [_body(_seed_text(p)) for p in ("000", "001", "002", "003", "004")]
    for a, b in itertools.combinations(bodies, 2):
        assert near_copy_score(a, b) < 0.25
        assert not is_near_copy(a, b, SETTINGS)


def test_wire_copy_with_other_chrome_and_a_dropped_paragraph_is_a_near_copy() -> None:
    original = _body(_seed_text("000"))
    copy = _body(_wire_copy_of_000())
    assert near_copy_score(original, copy) > 0.95
    assert is_near_copy(original, copy, SETTINGS)
    assert is_near_copy(_seed_text("000"), _wire_copy_of_000(), SETTINGS)


def test_light_rewrite_is_a_near_copy() -> None:
    original = _body(_seed_text("000"))
    rewrite = _rewrite(original, every=25)
    assert is_near_copy(original, rewrite, SETTINGS)
    assert is_near_copy(rewrite, original, SETTINGS)


def test_heavy_rewrite_is_not_a_near_copy() -> None:
    original = _body(_seed_text("000"))
    assert not is_near_copy(original, _rewrite(original, every=3), SETTINGS)


def test_write_ups_sharing_a_quote_and_names_are_not_near_copies() -> None:
    quote = (
        '"We have never seen the water come up this fast," said Priya Nair, who runs a bakery '
        "on the high street and spent the night moving stock upstairs."
    )
    other = (
        "Hundreds of people left their homes in the Marlow valley as the River Alder flooded "
        "on Sunday, the second such flood in three years.\n\n"
        f"{quote}\n\n"
        "Local officials blamed two days of heavy rain and said shelters would stay open, "
        "while forecasters warned the saturated ground could bring more flooding this week."
    )
    original = _body(texts.FLOOD)
    assert quote in original
    assert near_copy_score(original, other) < 0.5
    assert not is_near_copy(original, other, SETTINGS)


def test_score_is_symmetric_and_bounded() -> None:
    a, b = _body(texts.FLOOD), _body(texts.ELECTION)
    assert near_copy_score(a, b) == near_copy_score(b, a)
    assert near_copy_score(a, a) == 1.0
    assert 0.0 <= near_copy_score(a, b) < 0.1
    assert near_copy_score("", "") == 1.0
    assert near_copy_score("", a) == 0.0


def test_index_removes_articles_and_rebuilds_once_most_are_gone() -> None:
    """A removed article is no candidate; once removed rows outnumber those in use, the
    index is built again from the rest, which are found as before."""
    bodies = {int(p): _body(_seed_text(p)) for p in ("000", "001", "002", "003", "004")}
    index = NearCopyIndex(SETTINGS)
    for article_id, body in bodies.items():
        index.add(article_id, signature(body, SETTINGS))
    index.remove([0, 42])
    assert 0 not in index
    assert len(index) == 4
    assert index.candidates(signature(bodies[0], SETTINGS)) == []
    assert index.candidates(signature(bodies[1], SETTINGS)) == [1]
    filler = signature(texts.FLOOD, SETTINGS)
    for article_id in range(100, 3100):
        index.add(article_id, filler)
    index.remove(range(100, 3100))
    assert len(index) == 4
    assert index.candidates(filler) == []
    for article_id in (1, 2, 3, 4):
        assert index.candidates(signature(bodies[article_id], SETTINGS)) == [article_id]
    index.add(5, signature(bodies[0], SETTINGS))
    assert index.candidates(signature(_body(_wire_copy_of_000()), SETTINGS)) == [5]
