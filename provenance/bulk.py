"""A bulk write (the record loader's): work that each save would repeat is collected and done
once at the end of the write, inside its transaction.

Outside a bulk write nothing changes: `defer` says so and the caller does the work at once.
"""

from collections.abc import Callable, Hashable
from contextlib import contextmanager
from contextvars import ContextVar

_pending: ContextVar[dict | None] = ContextVar("bulk_write", default=None)


@contextmanager
def bulk_write():
    """Within it, `defer(flush, item)` collects items; when the block ends without an error, each
    `flush` is called once with the set of its items (in the order the flushes were first
    deferred). After an error nothing is flushed: the transaction around it is rolled back."""
    pending: dict[Callable, set] = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    for flush, items in pending.items():
        flush(items)


def defer(flush: Callable[[set], None], item: Hashable) -> bool:
    """Add `item` for `flush(items)` at the end of the bulk write in progress: True. Outside a
    bulk write, False: the caller does the work now."""
    pending = _pending.get()
    if pending is None:
        return False
    pending.setdefault(flush, set()).add(item)
    return True
