"""All models, imported together so that Base.metadata knows every table."""

from db.models.documents import (
    Addressee,
    Attachment,
    ControlEvent,
    Document,
    DocumentLink,
    RegisterCounter,
    Resolution,
    ResolutionExecutor,
)
from db.models.organisation import Organisation, Setting
from db.models.reference import CalendarDay, CaseFile, Correspondent, Department, Staff

__all__ = [
    "Addressee",
    "Attachment",
    "CalendarDay",
    "CaseFile",
    "ControlEvent",
    "Correspondent",
    "Department",
    "Document",
    "DocumentLink",
    "Organisation",
    "RegisterCounter",
    "Resolution",
    "ResolutionExecutor",
    "Setting",
    "Staff",
]
