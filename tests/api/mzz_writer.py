"""Writes mindzieStudio dataset files (.mzz) for test fixtures, byte for byte by the grammar of
docs/formats-mzz.md (../shared/spec/mzz-format.md): a single-member gzip stream over the .NET
BinaryWriter payload (header, string table, case table, event table, LogProperties, conformance
table, trailer).

The writer does what mindzieStudio's export does: cases are stored sorted by case id, events
grouped by case in case-table order and stably sorted by time within a case, strings interned in
first-use order (case by case: the case's string attributes in column order, then those of its
events; the strings of derived columns are appended after all others, as an enriched dataset
extends its source's table), InternalCaseId holds the string index of the event's case id and
InternalEventIndex counts 1..n.

Usage:

    from datetime import datetime, timedelta
    from mzz_writer import Derived, MzzDataset

    dataset = MzzDataset(resource_column="Resource")
    dataset.case_column("Age", "int32")            # optional: types are inferred from values
    dataset.case_column("TimeSinceLastActivity", "timespan",
                        derived=Derived(b2=1, source_columns=["~calc~CaseEnd"], kind=70,
                                        category=2))
    dataset.add_case("C1", Age=34, TimeSinceLastActivity=timedelta(minutes=32))
    dataset.add_event("C1", "Registration", datetime(2025, 5, 4, 12, 3), Resource="Ann",
                      Temp=36.7)                   # Temp: an event attribute (float)
    dataset.add_event("C1", "Triage", datetime(2025, 5, 4, 12, 10), Resource=None)
    dataset.freeze_time = datetime(2025, 5, 4, 14, 0)
    dataset.log_properties = ("Debug", 604, "Eastern Standard Time")
    dataset.write("datasets/7f0e3112-6409-41fa-8521-37d525f1f041.mzz")   # or .to_bytes()

Types: "string", "int32", "datetime", "bool", "float" (single precision), "timespan". Python
values map to them as str, int, datetime (naive: wall clock; aware: converted to UTC), bool,
float, timedelta; None is null. A column is declared by case_column/event_column or on first use
(its type then comes from the first non-null value; a column of only None must be declared).
"""

import struct
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Optional

TYPE_CODES = {"string": 0, "int32": 1, "datetime": 2, "bool": 3, "float": 4, "timespan": 9}
LEVEL_CONFORMANCE, LEVEL_CASE, LEVEL_EVENT = 0, 1, 2
_DOTNET_EPOCH = datetime(1, 1, 1)
_ONE_MICROSECOND = timedelta(microseconds=1)
# The gzip header mindzieStudio writes: no flags, mtime 0, OS byte 0x0a.
_GZIP_HEADER = bytes([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x0A])


@dataclass
class Derived:
    """The ColumnMeta of a column an enrichment calculated (see the table in the format
    description): b2 1 for case-representative/case-group operators, kind (x) e.g. 0, 10, 42,
    60, 70, category (y) 2 or 4."""
    b2: int = 0
    source_columns: Optional[list] = None
    source_activities: Optional[list] = None
    kind: int = 0
    category: int = 2


@dataclass
class _Column:
    name: str
    type: Optional[str]
    derived: Optional[Derived] = None
    values: dict = field(default_factory=dict)  # row key -> value


def _type_of(value):
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int32"
    if isinstance(value, float):
        return "float"
    if isinstance(value, datetime):
        return "datetime"
    if isinstance(value, timedelta):
        return "timespan"
    if isinstance(value, str):
        return "string"
    raise TypeError(f"no .mzz type for {value!r}")


def _ticks(value):
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return (value - _DOTNET_EPOCH) // _ONE_MICROSECOND * 10


class _Payload:
    """The .NET BinaryWriter primitives."""

    def __init__(self):
        self.out = bytearray()

    def u8(self, value):
        self.out += struct.pack("<B", value)

    def i32(self, value):
        self.out += struct.pack("<i", value)

    def i64(self, value):
        self.out += struct.pack("<q", value)

    def f32(self, value):
        self.out += struct.pack("<f", value)

    def str(self, text):
        data = text.encode("utf-8")
        length = len(data)
        while True:  # 7-bit encoded length, low bits first
            byte = length & 0x7F
            length >>= 7
            self.u8(byte | (0x80 if length else 0))
            if not length:
                break
        self.out += data

    def nstr(self, text):
        self.u8(1 if text is None else 0)
        if text is not None:
            self.str(text)

    def nlist(self, items):
        self.u8(1 if items is None else 0)
        if items is not None:
            self.i32(len(items))
            for item in items:
                self.str(item)


class MzzDataset:
    """A mindzie dataset to write: cases with attributes, events with attributes."""

    def __init__(self, case_id_column="CaseId", activity_column="ActivityName",
                 time_column="ActivityTime", resource_column=None):
        self.case_id_column = case_id_column
        self.activity_column = activity_column
        self.time_column = time_column
        self.resource_column = resource_column
        self.freeze_time = None        # datetime: the trailer's freeze time
        self.log_properties = None     # (name, int, time zone), e.g. ("Debug", 604, "Eastern ...")
        self._case_columns = {}
        self._event_columns = {}
        if resource_column is not None:
            self.event_column(resource_column, "string")
        self._cases = {}               # case id -> None, in order of addition
        self._events = []              # (case id, activity, time, input order)

    def case_column(self, name, type_name=None, derived=None):
        return self._declare(self._case_columns, name, type_name, derived)

    def event_column(self, name, type_name=None, derived=None):
        return self._declare(self._event_columns, name, type_name, derived)

    def add_case(self, case_id, **attributes):
        if case_id in self._cases:
            raise ValueError(f"case {case_id!r} added twice")
        self._cases[case_id] = None
        for name, value in attributes.items():
            self._set(self._case_columns, name, case_id, value)

    def add_event(self, case_id, activity, time, **attributes):
        """Adds an event (its case is created on first use). With a resource column, pass the
        resource as an attribute of that name."""
        self._cases.setdefault(case_id, None)
        row = len(self._events)
        self._events.append((case_id, activity, time, row))
        for name, value in attributes.items():
            self._set(self._event_columns, name, row, value)

    def to_bytes(self):
        """The .mzz file: a single gzip member over the payload."""
        payload = self.payload()
        deflater = zlib.compressobj(6, zlib.DEFLATED, -15)
        body = deflater.compress(payload) + deflater.flush()
        return (_GZIP_HEADER + body +
                struct.pack("<II", zlib.crc32(payload), len(payload) & 0xFFFFFFFF))

    def write(self, path):
        Path(path).write_bytes(self.to_bytes())

    def payload(self):
        """The decompressed payload."""
        cases = sorted(self._cases, key=lambda case_id: case_id.encode("utf-8"))
        case_row = {case_id: row for row, case_id in enumerate(cases)}
        events = sorted(self._events, key=lambda e: (case_row[e[0]], e[2], e[3]))
        by_case = {case_id: [] for case_id in cases}
        for event in events:
            by_case[event[0]].append(event)
        empty = [case_id for case_id in cases if not by_case[case_id]]
        if empty:
            raise ValueError(f"cases without events: {empty}")
        for columns in (self._case_columns, self._event_columns):
            for column in columns.values():
                if column.type is None:
                    raise ValueError(f"column {column.name!r} has only nulls: declare its type")

        strings = self._intern(cases, by_case)
        out = _Payload()
        out.i32(15)
        out.u8(0)
        out.i32(1)
        out.i32(len(strings))
        for text in strings:
            out.str(text)

        out.i32(1)
        out.str(self.case_id_column)
        case_table = [(_Column(self.case_id_column, "string", values={c: c for c in cases}), 0)]
        case_table += [(column, 0) for column in self._case_columns.values()]
        self._column_set(out, strings, LEVEL_CASE, cases, case_table)

        out.i32(1)
        out.str(self.time_column)
        out.str(self.activity_column)
        out.nstr(self.resource_column)
        out.nstr(None)  # start-time column
        out.u8(0)
        out.u8(0)
        rows = [event[3] for event in events]
        internal_case = _Column("InternalCaseId", "int32",
                                values={e[3]: strings.index_of(e[0]) for e in events})
        activity = _Column(self.activity_column, "string", values={e[3]: e[1] for e in events})
        time = _Column(self.time_column, "datetime", values={e[3]: e[2] for e in events})
        event_index = _Column("InternalEventIndex", "int32",
                              values={row: n + 1 for n, row in enumerate(rows)})
        event_table = [(internal_case, 1), (activity, 0), (time, 0)]
        event_table += [(column, 0) for column in self._event_columns.values()]
        event_table.append((event_index, 2))
        self._column_set(out, strings, LEVEL_EVENT, rows, event_table)

        name, number, zone = self.log_properties or (None, 0, None)
        out.nstr(name)
        out.out += bytes([0, 0, 0, 0, 0, 1, 0, 0, 0, 0])
        out.i32(number)
        out.out += bytes([1, 1])
        out.nstr(zone)
        out.out += bytes([1, 0, 0, 0, 0, 0, 0, 0])

        out.i32(1)
        conformance = [(_Column("InternalCaseId", "int32"), 1),
                       (_Column("ConformanceIssueId", "int32"), 1)]
        self._column_set(out, strings, LEVEL_CONFORMANCE, [], conformance)

        out.u8(1 if self.freeze_time is None else 0)
        if self.freeze_time is not None:
            out.i64(_ticks(self.freeze_time))
        out.i32(2)
        out.out += bytes([1, 0, 1, 1, 1])
        return bytes(out.out)

    @staticmethod
    def _declare(columns, name, type_name, derived):
        if type_name is not None and type_name not in TYPE_CODES:
            raise ValueError(f"unknown type {type_name!r}: one of {sorted(TYPE_CODES)}")
        column = columns.setdefault(name, _Column(name, None))
        column.type = type_name or column.type
        column.derived = derived
        return column

    @staticmethod
    def _set(columns, name, key, value):
        column = columns.setdefault(name, _Column(name, None))
        if value is not None and column.type is None:
            column.type = _type_of(value)
        column.values[key] = value

    def _intern(self, cases, by_case):
        strings = _StringTable()
        case_strings = [c for c in self._case_columns.values() if c.type == "string"]
        event_strings = [c for c in self._event_columns.values() if c.type == "string"]
        for derived in (False, True):
            for case_id in cases:
                if not derived:
                    strings.add(case_id)
                for column in case_strings:
                    if (column.derived is not None) == derived:
                        strings.add(column.values.get(case_id))
                for event in by_case[case_id]:
                    if not derived:
                        strings.add(event[1])
                    for column in event_strings:
                        if (column.derived is not None) == derived:
                            strings.add(column.values.get(event[3]))
        return strings

    @staticmethod
    def _column_set(out, strings, level, rows, columns):
        out.i32(1)
        out.i32(len(rows))
        out.i32(len(rows))
        out.i32(len(columns))
        for column, role in columns:
            _write_column(out, strings, level, rows, column, internal=role != 0,
                          event_index=role == 2)


class _StringTable(list):
    def __init__(self):
        super().__init__()
        self._index = {}

    def add(self, text):
        if text is not None and text not in self._index:
            self._index[text] = len(self)
            self.append(text)

    def index_of(self, text):
        return self._index[text]


def _write_column(out, strings, level, rows, column, internal, event_index):
    out.i32(8)
    out.str(column.name)
    out.u8(TYPE_CODES[column.type])
    out.i32(0)
    out.i32(len(rows))
    for row in rows:
        value = column.values.get(row)
        if column.type == "string":
            out.i32(-1 if value is None else strings.index_of(value))
            continue
        out.u8(1 if value is None else 0)
        if value is None:
            continue
        if column.type == "int32":
            out.i32(value)
        elif column.type == "datetime":
            out.i64(_ticks(value))
        elif column.type == "bool":
            out.u8(1 if value else 0)
        elif column.type == "float":
            out.f32(value)
        else:
            out.i64(value // _ONE_MICROSECOND * 10)
    derived = column.derived
    out.u8(1 if internal else 0)
    out.i32(level)
    out.nstr(column.name if derived is not None or event_index else None)
    out.u8(0)
    out.u8(1)
    out.u8(derived.b2 if derived else 0)
    out.nlist(derived.source_columns if derived else None)
    out.nlist(derived.source_activities if derived else None)
    out.i32(derived.kind if derived else (10 if event_index else 0))
    out.u8(0)
    out.i32(derived.category if derived else 0)
