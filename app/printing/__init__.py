"""Everything printed, as PDF via reportlab: stamps, resolution slips, РКК cards, registers,
control reports, and for outgoing mail envelopes, address labels and distribution lists.

Input dataclasses are imported eagerly (they are plain Python); the print functions are loaded
on first use, so importing this package does not import reportlab (start-up time).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .data import (
    CardControl,
    ControlRemoval,
    ControlReportData,
    ControlReportRow,
    ControlStampData,
    JournalColumn,
    JournalData,
    ProgressNote,
    RegistrationCardData,
    RegistrationStampData,
    Resolution,
    ResolutionSlipData,
    TermChange,
    fmt_date,
    official_name,
)
from .mail import (
    ENVELOPE_SIZES,
    LABEL_LAYOUTS,
    DistributionEntry,
    DistributionListData,
    MailPiece,
    PostalAddress,
    distribution_list_pdf,
    envelopes_pdf,
    labels_pdf,
)

if TYPE_CHECKING:
    from .card import print_registration_card
    from .control_report import print_control_report
    from .journal import print_journal
    from .resolution import print_resolution_slip
    from .stamps import print_control_stamp, print_document_stamps, print_registration_stamp

_LAZY = {
    "print_registration_stamp": "stamps",
    "print_control_stamp": "stamps",
    "print_document_stamps": "stamps",
    "print_resolution_slip": "resolution",
    "print_registration_card": "card",
    "print_journal": "journal",
    "print_control_report": "control_report",
}

__all__ = [
    "ENVELOPE_SIZES",
    "LABEL_LAYOUTS",
    "CardControl",
    "ControlRemoval",
    "ControlReportData",
    "ControlReportRow",
    "ControlStampData",
    "DistributionEntry",
    "DistributionListData",
    "JournalColumn",
    "JournalData",
    "MailPiece",
    "PostalAddress",
    "ProgressNote",
    "RegistrationCardData",
    "RegistrationStampData",
    "Resolution",
    "ResolutionSlipData",
    "TermChange",
    "distribution_list_pdf",
    "envelopes_pdf",
    "fmt_date",
    "labels_pdf",
    "official_name",
    "print_control_report",
    "print_control_stamp",
    "print_document_stamps",
    "print_journal",
    "print_registration_card",
    "print_registration_stamp",
    "print_resolution_slip",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
