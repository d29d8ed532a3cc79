"""All engine settings in one value, so the config loader and storage pass one thing."""

from __future__ import annotations

from dataclasses import dataclass, field

from stories.clean import CleanSettings
from stories.cluster import ClusterSettings
from stories.dedupe import NearCopySettings


@dataclass(frozen=True)
class EngineSettings:
    clean: CleanSettings = field(default_factory=CleanSettings)
    near_copy: NearCopySettings = field(default_factory=NearCopySettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
