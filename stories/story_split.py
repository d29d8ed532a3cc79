"""Splits: when one story holds two events, the two parts its articles fall into.

Every few articles a growing story's members are cut in two by average-link clustering
(scipy); when articles across the cut are much less alike than articles within each part,
the story holds two events (see ``stories.cluster``, which keeps the members and moves the
articles).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from scipy.cluster.hierarchy import linkage
from scipy.spatial.distance import squareform

if TYPE_CHECKING:
    from stories.cluster import ClusterSettings

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]
DoubleArray = npt.NDArray[np.float64]


@dataclass(frozen=True, slots=True)
class Member:
    """What a split needs of an article: its id, heaviest terms and publication time, and its
    language with its heaviest terms that cross languages."""

    article_id: int
    tids: IntArray
    vec: FloatArray
    published: datetime | None
    language: str
    cross: Vector


@dataclass(frozen=True, slots=True)
class Vector:
    """Sparse weights by term id (sorted by id) and their norm."""

    ids: IntArray
    weights: FloatArray
    norm: float


def cut(
    members: list[Member], settings: ClusterSettings
) -> tuple[list[Member], list[Member]] | None:
    """The story's members in two parts (the first article's part first) when they tell
    two events, else None.

    Average link puts a cut where articles across it are least alike on the whole, so one
    odd article does not decide it; each part must hold :func:`smallest_part` articles.
    """
    n = len(members)
    terms, column = np.unique(np.concatenate([m.tids for m in members]), return_inverse=True)
    dense = np.zeros((n, terms.size), dtype=np.float32)
    rows = np.repeat(np.arange(n), [m.tids.size for m in members])
    dense[rows, column] = np.concatenate([m.vec for m in members])
    similar = (dense @ dense.T).astype(np.float64)
    languages = [m.language for m in members]
    if len(set(languages)) > 1:
        _cross_similarity(similar, members, languages)
    distance = np.clip(1.0 - similar, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    parts = _sides(linkage(squareform(distance, checks=False), method="average"), n, settings)
    if parts is None:
        return None
    a, b = parts
    across = float(similar[np.ix_(a, b)].mean())
    within = sum(_pair_sum(similar[np.ix_(g, g)]) for g in (a, b)) / (
        _pairs(a.size) + _pairs(b.size)
    )
    if across >= settings.split_ratio * within:
        return None
    # Articles set aside go with the part they are more like.
    aside = np.setdiff1d(np.arange(n), np.concatenate([a, b]))
    to_a = similar[np.ix_(aside, a)].mean(axis=1) >= similar[np.ix_(aside, b)].mean(axis=1)
    first = np.zeros(n, dtype=np.bool_)
    first[a] = True
    first[aside[to_a]] = True
    if not first[0]:
        first = ~first
    return [members[i] for i in np.flatnonzero(first)], [members[i] for i in np.flatnonzero(~first)]


def _sides(
    tree: DoubleArray, n: int, settings: ClusterSettings
) -> tuple[IntArray, IntArray] | None:
    """The two sides of the highest merge in an average-link tree whose sides both hold
    :func:`smallest_part` articles, or None.

    The top merge often only sets one or two odd articles apart (a report that shares
    little with the rest of either event); they are set aside and the merge below taken,
    as long as at most ``split_aside`` of the story is set aside. The last merge is the
    tree's last row (fcluster would say the same, but its input checks cost more than the
    clustering).
    """
    smallest, node, aside = smallest_part(settings), 2 * n - 2, 0
    while True:
        children = [int(child) for child in tree[node - n, :2]]
        left, right = (_leaves(tree, child, n) for child in children)
        if min(len(left), len(right)) >= smallest:
            return np.array(left, dtype=np.int32), np.array(right, dtype=np.int32)
        small, large = sorted((left, right), key=len)
        aside += len(small)
        if aside > settings.split_aside * n or len(large) < 2 * smallest:
            return None
        node = children[0 if large is left else 1]


def smallest_part(settings: ClusterSettings) -> int:
    """Articles each part of a split needs: two at least, to have a similarity within."""
    return max(settings.split_min, 2)


def _cross_similarity(similar: DoubleArray, members: list[Member], languages: list[str]) -> None:
    """Put the cosine of their cross-language vectors in ``similar`` for each pair of members
    in different languages: their words cannot be alike, their names, numbers and dates can."""
    n = len(members)
    terms, column = np.unique(np.concatenate([m.cross.ids for m in members]), return_inverse=True)
    dense = np.zeros((n, terms.size), dtype=np.float64)
    rows = np.repeat(np.arange(n), [m.cross.ids.size for m in members])
    dense[rows, column] = np.concatenate([m.cross.weights for m in members])
    norms = np.array([m.cross.norm or 1.0 for m in members])
    cross = (dense @ dense.T) / np.outer(norms, norms)
    code = np.unique(np.array(languages), return_inverse=True)[1]
    apart = code[:, None] != code[None, :]
    similar[apart] = cross[apart]


def _leaves(tree: DoubleArray, node: int, n: int) -> list[int]:
    """The articles under a node of a linkage tree over ``n`` articles (a node from ``n`` on
    is the merge in row ``node - n``)."""
    below, stack = [], [node]
    while stack:
        k = stack.pop()
        if k < n:
            below.append(k)
        else:
            stack += [int(child) for child in tree[k - n, :2]]
    return below


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def _pair_sum(similar: DoubleArray) -> float:
    """The sum of a square similarity matrix over its distinct pairs."""
    return float((similar.sum() - np.trace(similar)) / 2.0)
