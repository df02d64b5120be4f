from .indicators import Indicator, ProgressSettings, Target
from .snapshots import IndicatorValue, Snapshot, SnapshotRun

__all__ = ["Indicator", "IndicatorValue", "ProgressSettings", "Snapshot", "SnapshotRun", "Target"]
