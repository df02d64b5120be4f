from .assessments import Assessment, PrincipleScore
from .pipeline import Partnership, PartnershipStep, Stage, StageMove
from .resources import CurrencySettings, ExchangeRate, Resource

__all__ = [
    "Assessment",
    "CurrencySettings",
    "ExchangeRate",
    "Partnership",
    "PartnershipStep",
    "PrincipleScore",
    "Resource",
    "Stage",
    "StageMove",
]
