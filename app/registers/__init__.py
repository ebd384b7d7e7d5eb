"""Every register the program keeps, by code."""

from app.registers.appeals import APPEALS
from app.registers.awards import AWARDS
from app.registers.base import Column, Printout, RegisterSpec
from app.registers.decisions import DECISIONS
from app.registers.incoming import INCOMING
from app.registers.info_requests import INFO_REQUESTS
from app.registers.orders import ORDERS
from app.registers.outgoing import OUTGOING

REGISTERS: dict[str, RegisterSpec] = {
    spec.code: spec
    for spec in (INCOMING, OUTGOING, ORDERS, DECISIONS, AWARDS, APPEALS, INFO_REQUESTS)
}

__all__ = [
    "APPEALS",
    "AWARDS",
    "DECISIONS",
    "INCOMING",
    "INFO_REQUESTS",
    "ORDERS",
    "OUTGOING",
    "REGISTERS",
    "Column",
    "Printout",
    "RegisterSpec",
]
