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
from store.validate import due_fault, record_fault

FORMAT = "parting"
VERSION = 1
MAX_BYTES = 200 * 1024 * 1024


def export_document(sessions: Iterable[Session],
                    clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """The export document for `sessions`. Raises `UnsafeValue` for a value JSON cannot hold."""
    records = []
    for session in sessions:
        record = session.to_record()
        fault = record_fault(record)
        if fault:
            raise UnsafeValue(f"Cannot export session {record.get('id')!r}: it {fault[0]}.",
                              code="unsafe_export", params={"where": fault[1] or "session"})
        records.append(record)
    return records_document(records, clock)


def records_document(records: list[dict[str, Any]],
                     clock: Callable[[], datetime] | None = None) -> dict[str, Any]:
    """The export document for records already checked, as `SessionStore.records` gives them.

    Checking them again, and copying each through a `Session`, would double the cost of
    exporting every session.
    """
    return {"format": FORMAT, "version": VERSION, "exported_at": now_iso(clock),
            "sessions": records}


def dumps_document(document: dict[str, Any]) -> bytes:
    """The document as pretty UTF-8 JSON; non-ASCII text is kept as it is, not escaped."""
    return orjson.dumps(document, option=orjson.OPT_INDENT_2) + b"\n"


def parse_document(data: bytes) -> list[Session]:
    """The sessions in an export file, or `BadImport` saying exactly what is wrong."""
    if len(data) > MAX_BYTES:
        raise BadImport(f"The file is larger than {MAX_BYTES // (1024 * 1024)} MB, far larger "
                        "than any parting export; nothing was imported.",
                        code="import_too_large", params={"mb": MAX_BYTES // (1024 * 1024)})
    if not data.strip():
        raise BadImport("The file is empty; nothing was imported.", code="import_empty")
    document = _load_json(data)
    if not isinstance(document, dict):
        raise BadImport(f"The file holds a JSON {_json_type(document)}, not a parting export.",
                        code="import_not_object", params={"type": _json_type(document)})
    tag = document.get("format")
    if tag != FORMAT:
        found = "it has no format tag" if tag is None else f"its format is {tag!r}"
        raise BadImport(f"The file is not a parting export ({found}; expected {FORMAT!r}).",
                        code="import_wrong_format")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BadImport(f"The export's version {version!r} is not a version number.",
                        code="import_bad_version")
    if version > VERSION:
        raise BadImport(f"The file was exported by a newer parting (export version {version}; "
                        f"this one reads up to {VERSION}). Update parting to import it.",
                        code="import_newer", params={"version": version, "supported": VERSION})
    records = document.get("sessions")
    if not isinstance(records, list):
        raise BadImport(f"The export's \"sessions\" is a {_json_type(records)}, not a list.",
                        code="import_sessions_not_list", params={"type": _json_type(records)})
    seen: dict[str, int] = {}
    for n, record in enumerate(records, 1):
        fault = record_fault(record) or due_fault(record)
        if fault:
            named = f" (id {record['id']!r})" if isinstance(record, dict) and isinstance(
                record.get("id"), str) else ""
            params: dict[str, str | int] = {"n": n}
            code = "import_session_not_object"
            if fault[1]:
                code = "import_bad_session"
                params["field"] = fault[1]
            raise BadImport(f"Session {n}{named} {fault[0]}. Nothing was imported.",
                            code=code, params=params)
        if record["id"] in seen:
            raise BadImport(f"Session {n} has the same id as session {seen[record['id']]} "
                            f"({record['id']!r}); an export never repeats an id.",
                            code="import_duplicate_id",
                            params={"n": n, "other": seen[record["id"]]})
        seen[record["id"]] = n
    return [Session.from_record(record) for record in records]


def _load_json(data: bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if "utf-8" in str(error).lower():
            raise BadImport("The file is not UTF-8 text, so it is not a parting export.",
                            code="import_not_utf8") from None
        ended_early = "unexpected end" in error.msg or "EOF" in error.msg
        if ended_early or error.pos >= len(data.rstrip()) - 1:
            raise BadImport("The file is cut short: it ends in the middle of the data. It may "
                            "not have been copied or downloaded completely.",
                            code="import_truncated") from None
        raise BadImport(f"The file is not valid JSON (line {error.lineno}, column "
                        f"{error.colno}: {error.msg}), so it is not a parting export.",
                        code="import_not_json",
                        params={"line": error.lineno, "column": error.colno}) from None


def _json_type(value: Any) -> str:
    names = {dict: "object", list: "list", str: "string", bool: "true/false", int: "number",
             float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)
