"""All models, imported together so that Base.metadata knows every table."""

from db.models.documents import (
    Attachment,
    ControlEvent,
    Document,
    RegisterCounter,
    Resolution,
    ResolutionExecutor,
)
from db.models.organisation import Organisation, Setting
from db.models.reference import CalendarDay, CaseFile, Correspondent, Department, Staff

__all__ = [
    "Attachment",
    "CalendarDay",
    "CaseFile",
    "ControlEvent",
    "Correspondent",
    "Department",
    "Document",
    "Organisation",
    "RegisterCounter",
    "Resolution",
    "ResolutionExecutor",
    "Setting",
    "Staff",
]
