"""The registers the demo fills, in order: each is one module with `fill(ctx)`.

A new register adds its module and one line here; its filler runs after the ones before it, so
it may refer to their documents (outgoing letters answer incoming ones).
"""

from __future__ import annotations

from app.services.demo import (
    appeals,
    awards,
    households,
    incoming,
    meetings,
    orders,
    outgoing,
    personnel,
)
from app.services.demo.context import Filler

FILLERS: tuple[Filler, ...] = (
    incoming.fill,
    outgoing.fill,
    orders.fill,
    meetings.fill,
    appeals.fill,
    personnel.fill,
    households.fill,
    awards.fill,
)
