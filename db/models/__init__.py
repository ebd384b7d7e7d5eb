"""All models, imported together so that Base.metadata knows every table."""

from db.models.appeals import (
    AppealApplicant,
    AppealDetail,
    AppealTopic,
    ClassifierItem,
    InfoRequestDetail,
)
from db.models.awards import AwardDetail, AwardKind, AwardOccasion
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
from db.models.exchange import ChangeCounter, Tombstone
from db.models.households import (
    CertificateTemplate,
    District,
    ExchangeState,
    HouseholdBook,
    HouseholdCertificate,
    HouseholdEvent,
    HouseholdHolding,
    HouseholdMember,
    HouseholdObject,
    HouseholdYear,
    Settlement,
)
from db.models.meetings import (
    AgendaItem,
    AgendaVisa,
    CommitteeMember,
    DecisionCopy,
    DecisionDetail,
    Meeting,
    MeetingAttendance,
    RegulatoryTracking,
)
from db.models.orders import OrderCopy, OrderDetail
from db.models.organisation import Organisation, Setting
from db.models.personnel import PersonnelEvent, PersonnelFile, PriorService
from db.models.reference import CalendarDay, CaseFile, Correspondent, Department, Staff
from db.models.users import AppUser, AuditEntry, UserRole

__all__ = [
    "Addressee",
    "AgendaItem",
    "AgendaVisa",
    "AppUser",
    "AppealApplicant",
    "AppealDetail",
    "AppealTopic",
    "Attachment",
    "AuditEntry",
    "AwardDetail",
    "AwardKind",
    "AwardOccasion",
    "CalendarDay",
    "CaseFile",
    "CertificateTemplate",
    "ChangeCounter",
    "ClassifierItem",
    "CommitteeMember",
    "ControlEvent",
    "Correspondent",
    "DecisionCopy",
    "DecisionDetail",
    "Department",
    "District",
    "Document",
    "DocumentLink",
    "ExchangeState",
    "HouseholdBook",
    "HouseholdCertificate",
    "HouseholdEvent",
    "HouseholdHolding",
    "HouseholdMember",
    "HouseholdObject",
    "HouseholdYear",
    "InfoRequestDetail",
    "Meeting",
    "MeetingAttendance",
    "OrderCopy",
    "OrderDetail",
    "Organisation",
    "PersonnelEvent",
    "PersonnelFile",
    "PriorService",
    "RegisterCounter",
    "RegulatoryTracking",
    "Resolution",
    "ResolutionExecutor",
    "Setting",
    "Settlement",
    "Staff",
    "Tombstone",
    "UserRole",
]
