from .events import Event
from .outcomes import EventAction, Outcome
from .participants import Participant

__all__ = ["Event", "EventAction", "Outcome", "Participant"]
