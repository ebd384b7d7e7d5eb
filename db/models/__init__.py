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
from db.models.users import AppUser, AuditEntry, UserRole

__all__ = [
    "Addressee",
    "AppUser",
    "Attachment",
    "AuditEntry",
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
    "UserRole",
]
