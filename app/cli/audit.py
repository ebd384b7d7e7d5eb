"""`audit verify`: walk the audit trail's hash chain and name the first broken link."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from app.cli.common import user
from app.cli.registry import CommandMaker, command_group

if TYPE_CHECKING:
    from db.session import Database


def add_parsers(command: CommandMaker, sub: Any) -> None:
    trail = command(sub, "audit", "журнал дій")
    trail_sub = trail.add_subparsers(dest="audit_command", metavar="дія", required=True)
    command(trail_sub, "verify", "перевірити, що журнал дій не змінено (ланцюжок підписів записів)")


def cmd_audit(db: Database, args: argparse.Namespace) -> int:
    from app.services.audit import ownership_note, verify

    check = verify(db, user())
    print(check.describe(), file=sys.stdout if check.ok else sys.stderr)
    note = ownership_note(db)
    if note:
        print(f"Увага: {note}", file=sys.stderr)
    return 0 if check.ok else 1


GROUP = command_group(add_parsers, {"audit": cmd_audit})
