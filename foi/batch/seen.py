"""Which fingerprints a batch has seen, and on which row first: in about 20 bytes an entry, not a dict's ~100.

A batch of 100,000 rows must run in the memory of one of 10,000, yet finding a duplicate row means
remembering every row. Each 64-bit fingerprint and its row number are kept side by side in two flat
arrays, in the order they came (12 bytes an entry); a hash table of 4-byte positions in those arrays,
at most half full, finds them (as Python's own dicts are laid out). 100,000 rows cost about 2.2 MB, and
growing the table never copies the entries; a dict of Python ints would cost ten times that.
"""

from __future__ import annotations

from array import array

_START = 1 << 10


class Seen:
    """A set of 64-bit fingerprints, each with the first row it came from."""

    def __init__(self) -> None:
        self._keys = array("Q")  # the fingerprints, in the order they came
        self._rows = array("I")  # the row of each
        self._table = array("I", bytes(4 * _START))  # 1 + a position in _keys; 0 marks an empty slot

    def first(self, fingerprint: int, row: int) -> int | None:
        """Note the fingerprint; return the row it was first seen on, or None if this is the first time."""
        slot = self._find(fingerprint)
        at = self._table[slot]
        if at:
            return int(self._rows[at - 1])
        self._keys.append(fingerprint)
        self._rows.append(row)
        self._table[slot] = len(self._keys)
        if len(self._keys) * 2 > len(self._table):
            self._grow()
        return None

    def _find(self, fingerprint: int) -> int:
        """The slot holding the fingerprint, or the empty slot where it would go."""
        table, keys = self._table, self._keys
        mask = len(table) - 1
        slot = fingerprint & mask
        while table[slot] and keys[table[slot] - 1] != fingerprint:
            slot = (slot + 1) & mask
        return slot

    def _grow(self) -> None:
        """A table twice the size, filled from the entries (which stay where they are)."""
        self._table = array("I", bytes(4 * len(self._table) * 2))
        mask = len(self._table) - 1
        for position, fingerprint in enumerate(self._keys, start=1):
            slot = fingerprint & mask
            while self._table[slot]:
                slot = (slot + 1) & mask
            self._table[slot] = position
