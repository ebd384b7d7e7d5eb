"""Command groups: each module of app/cli/ contributes its subcommands and their handlers.

A group registers itself when its module is imported (`command_group(...)`); `MODULES` names the
modules in the order `--help` lists their commands. A new register's commands are one more small
module here and one more name in `MODULES` — the parser and the dispatch need no change.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.session import Database

#: `command(subparsers, name, help)`: a subcommand that also takes `--db` after its name.
CommandMaker = Callable[[Any, str, str], argparse.ArgumentParser]
#: A command run on an opened database; returns the exit code.
Handler = Callable[["Database", argparse.Namespace], int]
#: A command run on the database's path before it is opened (restore: it may be past opening).
UnopenedHandler = Callable[[str, argparse.Namespace], int]

#: The modules that contribute commands, in the order `--help` lists them.
MODULES = (
    "app.cli.demo",
    "app.cli.documents",
    "app.cli.control",
    "app.cli.printing",
    "app.cli.orders",
    "app.cli.awards",
    "app.cli.meetings",
    "app.cli.reports",
    "app.cli.households",
    "app.cli.backup",
    "app.cli.audit",
)


@dataclass(frozen=True)
class CommandGroup:
    """Subcommands added by `add_parsers(command, subparsers)`, run by `handlers[name]`."""

    add_parsers: Callable[[CommandMaker, Any], None]
    handlers: Mapping[str, Handler] = field(default_factory=dict)
    unopened: Mapping[str, UnopenedHandler] = field(default_factory=dict)


GROUPS: list[CommandGroup] = []


def command_group(
    add_parsers: Callable[[CommandMaker, Any], None],
    handlers: Mapping[str, Handler] | None = None,
    unopened: Mapping[str, UnopenedHandler] | None = None,
) -> CommandGroup:
    """Register a group of commands (called once, at the import of its module)."""
    group = CommandGroup(add_parsers, dict(handlers or {}), dict(unopened or {}))
    GROUPS.append(group)
    return group


def groups() -> list[CommandGroup]:
    """Every group, its module imported on first use, in the order of `MODULES` (whichever
    module happened to be imported first)."""
    for name in MODULES:
        importlib.import_module(name)

    def place(group: CommandGroup) -> int:
        module = group.add_parsers.__module__
        return MODULES.index(module) if module in MODULES else len(MODULES)

    return sorted(GROUPS, key=place)


def handlers() -> dict[str, Handler]:
    return {name: h for g in groups() for name, h in g.handlers.items()}


def unopened_handlers() -> dict[str, UnopenedHandler]:
    return {name: h for g in groups() for name, h in g.unopened.items()}
