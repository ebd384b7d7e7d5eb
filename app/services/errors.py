"""The refusal every document service may give, in a module of its own: the services that
raise it (documents, control, printouts, details) need not import one another for it."""

from __future__ import annotations


class DocumentError(ValueError):
    """A change to a document that cannot be made, with a Ukrainian message."""
