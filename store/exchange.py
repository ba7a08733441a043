"""Export and import files: every session in one JSON document a person can read and keep.

`parse_document` trusts nothing: an import file may come from anywhere, so every field is
checked and the first problem is reported in words, with nothing imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

import orjson

from store.errors import BadImport, UnsafeValue
from store.record import Session, now_iso
from store.validate import record_problem

FORMAT = "parting"
VERSION = 1
MAX_BYTES = 200 * 1024 * 1024


def export_document(sessions: Iterable[Session],
                    clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """The export document for `sessions`. Raises `UnsafeValue` for a value JSON cannot hold."""
    records = []
    for session in sessions:
        record = session.to_record()
        problem = record_problem(record)
        if problem:
            raise UnsafeValue(f"Cannot export session {record.get('id')!r}: it {problem}.")
        records.append(record)
    return {"format": FORMAT, "version": VERSION, "exported_at": now_iso(clock),
            "sessions": records}


def dumps_document(document: dict[str, Any]) -> bytes:
    """The document as pretty UTF-8 JSON; non-ASCII text is kept as it is, not escaped."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def parse_document(data: bytes) -> list[Session]:
    """The sessions in an export file, or `BadImport` saying exactly what is wrong."""
    if len(data) > MAX_BYTES:
        raise BadImport(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB, far larger "
                        "than any parting export; nothing was imported.")
    if not data.strip():
        raise BadImport("The file is empty; nothing was imported.")
    document = _load_json(data)
    if not isinstance(document, dict):
        raise BadImport(f"The file holds a JSON {_json_type(document)}, not a parting export.")
    tag = document.get("format")
    if tag != FORMAT:
        found = "it has no format tag" if tag is None else f"its format is {tag!r}"
        raise BadImport(f"The file is not a parting export ({found}; expected {FORMAT!r}).")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadImport(f"The export's version {version!r} is not a version number.")
    if version > VERSION:
        raise BadImport(f"The file was exported by a newer parting (export version {version}; "
                        f"this one reads up to {VERSION}). Update parting to import it.")
    records = document.get("sessions")
    if not isinstance(records, list):
        raise BadImport(f"The export's \"sessions\" is a {_json_type(records)}, not a list.")
    seen: dict[str, int] = {}
    for n, record in enumerate(records, 1):
        problem = record_problem(record)
        if problem:
            named = f" (id {record['id']!r})" if isinstance(record, dict) and isinstance(
                record.get("id"), str) else ""
            raise BadImport(f"Session {n}{named} {problem}. Nothing was imported.")
        if record["id"] in seen:
            raise BadImport(f"Session {n} has the same id as session {seen[record['id']]} "
                            f"({record['id']!r}); an export never repeats an id.")
        seen[record["id"]] = n
    return [Session.from_record(record) for record in records]


def _load_json(data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if "utf-8" in str(error).lower():
            raise BadImport("The file is not UTF-8 text, so it is not a parting export.") from None
        ended_early = "unexpected end" in error.msg or "EOF" in error.msg
        if ended_early or error.pos >= len(data.rstrip()) - 1:
            raise BadImport("The file is cut short: it ends in the middle of the data. It may "
                            "not have been copied or downloaded completely.") from None
        raise BadImport(f"The file is not valid JSON (line {error.lineno}, column "
                        f"{error.colno}: {error.msg}), so it is not a parting export.") from None


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "true/false", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
