"""The command line: `python -m app [--db DB] [command]`, thin over the services.

`program` wires the parser and runs a command; each other module is a group of commands
(`registry.MODULES`) that adds its subcommands and handlers. Exit codes: app/cli/common.py.
"""

from __future__ import annotations

from app.cli.common import _ACTOR, CliError
from app.cli.program import build_parser, main

__all__ = ["_ACTOR", "CliError", "build_parser", "main"]
