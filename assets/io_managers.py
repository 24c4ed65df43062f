"""Where the values passed between the partitioned assets are kept.

Dagster's file IO manager stores one file per partition and refuses a run over a partition
range; these values (documents read, figures extracted, figures validated) belong to the run's
whole set of partitions, so they are kept as one pickle per asset and partition set. They are
intermediate: the warehouse is the record, so files older than a week are pruned.
"""

import hashlib
import pickle
import time
from pathlib import Path

import dagster as dg

KEEP_SECONDS = 7 * 24 * 3600


def _file_name(partition_keys: list[str]) -> str:
    return hashlib.sha256("\0".join(partition_keys).encode()).hexdigest()[:24] + ".pickle"


def discard_values(base_dir: str, partition_keys: list[str]) -> None:
    """Drop the values of a partition set whose run succeeded (`humstat run` does, batch by
    batch, so an archive's documents are not kept twice)."""
    for path in Path(base_dir).rglob(_file_name(partition_keys)):
        path.unlink(missing_ok=True)


class PartitionSetIOManager(dg.ConfigurableIOManager):
    base_dir: str

    def _path(self, asset_key: dg.AssetKey, partition_keys: list[str]) -> Path:
        return Path(self.base_dir, *asset_key.path, _file_name(partition_keys))

    @staticmethod
    def _keys(context: dg.InputContext | dg.OutputContext) -> list[str]:
        return list(context.asset_partition_keys) if context.has_asset_partitions else []

    def handle_output(self, context: dg.OutputContext, obj: object) -> None:
        path = self._path(context.asset_key, self._keys(context))
        path.parent.mkdir(parents=True, exist_ok=True)
        staged = path.with_suffix(".partial")
        with open(staged, "wb") as f:
            pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
        staged.replace(path)  # a killed run leaves no half-written value behind
        cutoff = time.time() - KEEP_SECONDS
        for old in path.parent.glob("*.pickle"):
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)

    def load_input(self, context: dg.InputContext) -> object:
        upstream = context.upstream_output
        path = self._path(upstream.asset_key, self._keys(context))
        if not path.exists():
            raise dg.Failure(f"the value of {upstream.asset_key.to_user_string()} for these partitions is gone; "
                             "materialize it again (older values are pruned after a week)", allow_retries=False)
        with open(path, "rb") as f:
            return pickle.load(f)
