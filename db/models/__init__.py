"""The models, by name: `from db.models import Document` loads the module that defines it
(db/models/documents.py), not every register's tables.

The window's first screen needs the documents' tables, not the households', meetings' or
appeals' ones: importing those (and configuring their mappers) cost a tenth of the start
(bench/bench_ui.py start). A model module is imported when one of its names is first asked for
(PEP 562 `__getattr__`); `load_all()` imports every one — what needs the whole schema on
`Base.metadata` (Alembic's environment, the comparison test, emptying every table) calls it.
tests/db/test_models_registry.py checks that every model of db/models/ is named here.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.models.appeals import (
        AppealApplicant,
        AppealDetail,
        AppealTopic,
        ClassifierItem,
        InfoRequestDetail,
        ReceptionSlot,
    )
    from db.models.awards import AwardDetail, AwardKind, AwardOccasion
    from db.models.documents import (
        Addressee,
        Attachment,
        ControlEvent,
        ControlReport,
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
        DecisionExtract,
        Meeting,
        MeetingAttendance,
        RegulatoryTracking,
    )
    from db.models.orders import OrderCopy, OrderDetail
    from db.models.organisation import Organisation, Setting
    from db.models.personnel import PersonnelEvent, PersonnelFile, PriorService
    from db.models.reference import CalendarDay, CaseFile, Correspondent, Department, Staff
    from db.models.users import AppUser, AuditEntry, UserRole

#: Model name → its module under db/models/.
_WHERE: dict[str, str] = {
    # db.models.appeals
    "AppealApplicant": "appeals",
    "AppealDetail": "appeals",
    "AppealTopic": "appeals",
    "ClassifierItem": "appeals",
    "InfoRequestDetail": "appeals",
    "ReceptionSlot": "appeals",
    # db.models.awards
    "AwardDetail": "awards",
    "AwardKind": "awards",
    "AwardOccasion": "awards",
    # db.models.documents
    "Addressee": "documents",
    "Attachment": "documents",
    "ControlEvent": "documents",
    "ControlReport": "documents",
    "Document": "documents",
    "DocumentLink": "documents",
    "RegisterCounter": "documents",
    "Resolution": "documents",
    "ResolutionExecutor": "documents",
    # db.models.exchange
    "ChangeCounter": "exchange",
    "Tombstone": "exchange",
    # db.models.households
    "CertificateTemplate": "households",
    "District": "households",
    "ExchangeState": "households",
    "HouseholdBook": "households",
    "HouseholdCertificate": "households",
    "HouseholdEvent": "households",
    "HouseholdHolding": "households",
    "HouseholdMember": "households",
    "HouseholdObject": "households",
    "HouseholdYear": "households",
    "Settlement": "households",
    # db.models.meetings
    "AgendaItem": "meetings",
    "AgendaVisa": "meetings",
    "CommitteeMember": "meetings",
    "DecisionCopy": "meetings",
    "DecisionDetail": "meetings",
    "DecisionExtract": "meetings",
    "Meeting": "meetings",
    "MeetingAttendance": "meetings",
    "RegulatoryTracking": "meetings",
    # db.models.orders
    "OrderCopy": "orders",
    "OrderDetail": "orders",
    # db.models.organisation
    "Organisation": "organisation",
    "Setting": "organisation",
    # db.models.personnel
    "PersonnelEvent": "personnel",
    "PersonnelFile": "personnel",
    "PriorService": "personnel",
    # db.models.reference
    "CalendarDay": "reference",
    "CaseFile": "reference",
    "Correspondent": "reference",
    "Department": "reference",
    "Staff": "reference",
    # db.models.users
    "AppUser": "users",
    "AuditEntry": "users",
    "UserRole": "users",
}

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
    "ControlReport",
    "Correspondent",
    "DecisionCopy",
    "DecisionDetail",
    "DecisionExtract",
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
    "ReceptionSlot",
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


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'db.models' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"db.models.{module}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def load_all() -> None:
    """Import every model module, so that `Base.metadata` knows every table."""
    for module in sorted(set(_WHERE.values())):
        importlib.import_module(f"db.models.{module}")
