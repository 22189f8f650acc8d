"""Helpers shared by the Dataset API tests: uploads, exports, packages and log figures."""

import csv
import io
import json
import zipfile
from collections import Counter, OrderedDict
from pathlib import Path

import requests

from conftest import unique_name
from project_support import create_project

REPO_ROOT = Path(__file__).resolve().parents[2]


def _shared_dir():
    beside = REPO_ROOT.parent / "shared"
    if (beside / "data").is_dir():
        return beside
    return Path("/work/shared")


SHARED = _shared_dir()
DATA = SHARED / "data"
REFERENCE = DATA / "reference"

# PM4Py's column names, as the shared CSV logs use them.
PM4PY_MAPPING = {"caseIdColumn": "case:concept:name", "activityNameColumn": "concept:name",
                 "activityTimeColumn": "time:timestamp", "resourceColumn": "org:resource"}

SIMPLE_MAPPING = {"caseIdColumn": "CaseID", "activityNameColumn": "Activity",
                  "activityTimeColumn": "Timestamp"}

DATASET_FIELDS = ["datasetId", "datasetName", "datasetDescription", "projectId",
                  "caseIdColumnName", "activityColumnName", "timeColumnName",
                  "resourceColumnName", "beginTimeColumnName", "expectedOrderColumnName",
                  "useDateOnlySorting", "useOnlyEventColumns", "dateCreated", "dateModified",
                  "createdBy", "modifiedBy", "caseCount", "eventCount", "isOriginal", "version",
                  "sourceFormat", "timeZone", "storedBytes"]

IMPORT_FIELDS = ["datasetId", "caseCount", "eventCount", "invalidValueCount", "skippedRowsCount",
                 "errors", "rowIssues", "statusCode"]

MISSING_ID = "00000000-0000-4000-8000-000000000000"

LONG_TIMEOUT = 600


def reference(name):
    return json.loads((REFERENCE / name).read_text())


def base(tenant_id, project_id):
    return f"/api/{tenant_id}/{project_id}/dataset"


def new_project(tenant):
    return create_project(tenant.client, tenant.id)["projectId"]


def send(client, method, path, timeout=LONG_TIMEOUT, **kwargs):
    """Like Client.request, with a longer timeout for big uploads and exports."""
    headers = client.headers(kwargs.pop("headers", None))
    return requests.request(method, client.base_url + path, headers=headers, timeout=timeout,
                            **kwargs)


def upload(client, path, file_name, content, fields=None, method="POST",
           content_type="application/octet-stream", timeout=LONG_TIMEOUT):
    """A multipart upload of `content` (bytes or a file object) as the form field 'file'."""
    files = {"file": (file_name, content, content_type)} if content is not None else None
    data = dict(fields or {})
    if files is None:
        # requests only builds multipart with a file; add a dummy field so the body is a form.
        files = {"unused": (None, "x")}
    return send(client, method, path, files=files, data=data, timeout=timeout)


def create_csv(client, tenant_id, project_id, content, name=None, mapping=None, file_name="log.csv",
               **fields):
    form = {"datasetName": name or unique_name("dataset")}
    form.update(SIMPLE_MAPPING if mapping is None else mapping)
    form.update(fields)
    return upload(client, f"{base(tenant_id, project_id)}/csv", file_name, content, form)


def create_package(client, tenant_id, project_id, content, name=None, **fields):
    form = {"datasetName": name or unique_name("dataset")}
    form.update(fields)
    return upload(client, f"{base(tenant_id, project_id)}/package", "package.zip", content, form,
                  content_type="application/zip")


def create_binary(client, tenant_id, project_id, content, name=None, **fields):
    form = {"datasetName": name or unique_name("dataset")}
    form.update(fields)
    return upload(client, f"{base(tenant_id, project_id)}/binary", "log.pmslog", content, form)


def ok(response):
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["statusCode"] == 200
    assert body["errors"] == []
    return body


def export(client, tenant_id, project_id, dataset_id, fmt="csv"):
    response = send(client, "GET", f"{base(tenant_id, project_id)}/{dataset_id}/export",
                    params={"format": fmt})
    assert response.status_code == 200, response.text
    return response.content


def zip_bytes(members):
    """A ZIP archive of {name: bytes}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read_export(content):
    """The rows of a CSV export as dicts (header from the first line)."""
    text = content.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def read_export_table(content):
    """(header, rows as lists) of a CSV export; headers may repeat (an XES log's case id and
    activity are both 'concept:name'), so roles are taken by position: case id, activity, time,
    then the resource when the dataset has one."""
    records = list(csv.reader(io.StringIO(content.decode("utf-8"), newline="")))
    return records[0], records[1:]


def figures(rows, case_index=0, activity_index=1, resource_index=None):
    by_case = OrderedDict()
    for row in rows:
        by_case.setdefault(row[case_index], []).append(row[activity_index])
    variants = Counter(tuple(trace) for trace in by_case.values())
    result = {
        "events": len(rows),
        "cases": len(by_case),
        "activities": Counter(row[activity_index] for row in rows),
        "start_activities": Counter(trace[0] for trace in by_case.values()),
        "end_activities": Counter(trace[-1] for trace in by_case.values()),
        "activity_case_counts": Counter(a for trace in by_case.values() for a in set(trace)),
        "variants": variants,
    }
    if resource_index is not None:
        result["resources"] = Counter(row[resource_index] for row in rows
                                      if row[resource_index] != "")
    return result


def assert_matches_reference(content, ref, with_resource=False):
    """Compares the figures of a CSV export with a PM4Py reference ('all_events')."""
    header, rows = read_export_table(content)
    got = figures(rows, 0, 1, 3 if with_resource else None)
    assert got["events"] == ref["events"]
    assert got["cases"] == ref["cases"]
    assert dict(got["activities"]) == ref["activities"]
    assert dict(got["start_activities"]) == ref["start_activities"]
    assert dict(got["end_activities"]) == ref["end_activities"]
    assert dict(got["activity_case_counts"]) == ref["activity_case_counts"]
    if with_resource and "resources" in ref:
        assert dict(got["resources"]) == ref["resources"]
    assert len(got["variants"]) == ref["variants"]
    for variant in ref["top_variants"]:
        assert got["variants"][tuple(variant["trace"])] == variant["count"], variant["trace"]
    return got
