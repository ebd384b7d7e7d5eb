"""Every register the program keeps, by code."""

from app.registers.base import Column, RegisterSpec
from app.registers.incoming import INCOMING

REGISTERS: dict[str, RegisterSpec] = {spec.code: spec for spec in (INCOMING,)}

__all__ = ["INCOMING", "REGISTERS", "Column", "RegisterSpec"]
