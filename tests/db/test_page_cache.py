"""SQLite: a read keeps a small page cache, a write SQLite's usual one (db/session.py).

The window's pooled connections each kept up to 2 MB of stale index pages after counting a
large register; a read now keeps READ_CACHE_KIB, and a write — which may change many pages —
still has WRITE_CACHE_KIB, on the same pooled connection one after the other.
"""

from __future__ import annotations

from sqlalchemy import text

from db.session import READ_CACHE_KIB, WRITE_CACHE_KIB, Database


def _cache_kib(session) -> int:  # type: ignore[no-untyped-def]
    return -int(session.execute(text("PRAGMA cache_size")).scalar_one())


def test_reads_keep_a_small_cache_and_writes_the_usual_one(sqlite_db: Database) -> None:
    assert READ_CACHE_KIB < WRITE_CACHE_KIB
    with sqlite_db.read() as s:
        assert _cache_kib(s) == READ_CACHE_KIB
        connection = s.connection().connection.dbapi_connection
    with sqlite_db.write() as s:
        assert s.connection().connection.dbapi_connection is connection  # the same, pooled
        assert _cache_kib(s) == WRITE_CACHE_KIB
    with sqlite_db.read() as s:
        assert s.connection().connection.dbapi_connection is connection
        assert _cache_kib(s) == READ_CACHE_KIB


def test_every_new_connection_reads_with_the_small_cache(sqlite_db: Database) -> None:
    # two sessions at once: the second one opens another connection of the pool
    with sqlite_db.read() as first, sqlite_db.read() as second:
        assert (
            first.connection().connection.dbapi_connection
            is not second.connection().connection.dbapi_connection
        )
        assert _cache_kib(first) == _cache_kib(second) == READ_CACHE_KIB
