from .responses import Answer, Invitation, Reminder, Response
from .surveys import Choice, Question, Section, Survey

__all__ = ["Answer", "Choice", "Invitation", "Question", "Reminder", "Response", "Section", "Survey"]
