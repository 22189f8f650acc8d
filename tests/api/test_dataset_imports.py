"""Asynchronous imports (/import, /import/csv, status) and the preview route."""

import http.server
import json
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from conftest import Client
from project_support import create_project

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
RUNNING = SHARED / "running-example.csv"
RECEIPT = SHARED / "receipt.csv"
PM4PY_FIELDS = {"caseIdColumn": "case:concept:name", "activityNameColumn": "concept:name",
                "activityTimeColumn": "time:timestamp", "resourceColumn": "org:resource"}
MAPPING = {"mapping": [
    {"sourceColumn": "case:concept:name", "targetColumn": "CaseID", "dataType": "string"},
    {"sourceColumn": "concept:name", "targetColumn": "Activity", "dataType": "string"},
    {"sourceColumn": "time:timestamp", "targetColumn": "Timestamp", "dataType": "datetime"},
    {"sourceColumn": "org:resource", "targetColumn": "Resource", "dataType": "string"}],
    "options": {"hasHeader": True, "delimiter": ",", "encoding": "UTF-8", "skipRows": 0}}


def new_dataset(client, tenant_id, name="orders"):
    project_id = create_project(client, tenant_id)["projectId"]
    with open(RUNNING, "rb") as data:
        response = client.post(f"/api/{tenant_id}/{project_id}/dataset/csv",
                               files={"file": ("log.csv", data)},
                               data=dict(PM4PY_FIELDS, datasetName=name))
    assert response.status_code == 200, response.text
    return project_id, response.json()["datasetId"]


def wait_for(client, path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(path).json()
        if status["status"] in ("Completed", "Failed"):
            return status
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def start_upload_import(client, tenant_id, project_id, dataset_id, path=RECEIPT, mapping=MAPPING):
    with open(path, "rb") as data:
        return client.post(f"/api/{tenant_id}/{project_id}/dataset/{dataset_id}/import",
                           files={"file": (path.name, data)},
                           data={"columnMapping": json.dumps(mapping)})


def test_upload_import_runs_in_the_background_and_reports_its_outcome(tenant):
    project_id, dataset_id = new_dataset(tenant.client, tenant.id)
    response = start_upload_import(tenant.client, tenant.id, project_id, dataset_id)
    assert response.status_code == 202
    started = response.json()
    assert started["importId"].startswith("import-")
    assert started["datasetId"] == dataset_id
    assert started["status"] in ("Queued", "Processing", "Completed")
    assert started["fileName"] == "receipt.csv"
    assert started["fileSize"] == RECEIPT.stat().st_size
    assert started["rowsTotal"] == 8577
    base = f"/api/{tenant.id}/{project_id}/dataset/{dataset_id}"
    status = wait_for(tenant.client, f"{base}/import/{started['importId']}/status")
    assert status["status"] == "Completed"
    assert status["rowsProcessed"] == 8577 and status["rowsTotal"] == 8577
    assert status["rowsSkipped"] == 0
    assert status["endTime"] and status["duration"].count(":") == 2
    assert status["statistics"]["uniqueCases"] == 1434
    assert status["statistics"]["uniqueActivities"] == 27
    assert status["statistics"]["dateRange"]["earliest"].endswith("Z")
    dataset = tenant.client.get(base).json()
    assert dataset["eventCount"] == 8577 and dataset["version"] == 2


def test_failed_import_keeps_the_previous_data_and_says_why(tenant):
    project_id, dataset_id = new_dataset(tenant.client, tenant.id)
    bad_mapping = {"mapping": [{"sourceColumn": "nope", "targetColumn": "CaseID"},
                               {"sourceColumn": "concept:name", "targetColumn": "Activity"},
                               {"sourceColumn": "time:timestamp", "targetColumn": "Timestamp"}]}
    response = start_upload_import(tenant.client, tenant.id, project_id, dataset_id,
                                   mapping=bad_mapping)
    assert response.status_code == 202
    base = f"/api/{tenant.id}/{project_id}/dataset/{dataset_id}"
    status = wait_for(tenant.client, f"{base}/import/{response.json()['importId']}/status")
    assert status["status"] == "Failed"
    assert status["errors"] == [{"error": "Column 'nope' not found in CSV file"}]
    dataset = tenant.client.get(base).json()
    assert dataset["eventCount"] == 42 and dataset["version"] == 1


def test_without_column_mapping_the_dataset_keeps_its_own(tenant):
    project_id, dataset_id = new_dataset(tenant.client, tenant.id)
    with open(RECEIPT, "rb") as data:
        response = tenant.client.post(
            f"/api/{tenant.id}/{project_id}/dataset/{dataset_id}/import",
            files={"file": ("receipt.csv", data)})
    assert response.status_code == 202
    status = wait_for(tenant.client, f"/api/{tenant.id}/{project_id}/dataset/{dataset_id}"
                                     f"/import/{response.json()['importId']}/status")
    assert status["status"] == "Completed"
    assert status["statistics"]["uniqueCases"] == 1434


def test_import_errors(tenant):
    project_id, dataset_id = new_dataset(tenant.client, tenant.id)
    base = f"/api/{tenant.id}/{project_id}/dataset"
    missing = "00000000-0000-4000-8000-000000000001"
    response = start_upload_import(tenant.client, tenant.id, project_id, missing)
    assert response.status_code == 400
    assert response.json()["errors"] == [f"dataset with id '{missing}' not found"]
    with open(RECEIPT, "rb") as data:
        response = tenant.client.post(f"{base}/{dataset_id}/import",
                                      files={"file": ("receipt.csv", data)},
                                      data={"columnMapping": "{not json"})
    assert response.status_code == 400
    assert "columnMapping is not valid JSON" in response.json()["errors"]
    with open(RECEIPT, "rb") as data:
        response = tenant.client.post(f"{base}/{dataset_id}/import",
                                      files={"file": ("receipt.unknown", data)})
    assert response.status_code == 400
    assert "Cannot tell the format" in response.json()["error"]
    unsupported = dict(MAPPING, options={"hasHeader": False})
    response = start_upload_import(tenant.client, tenant.id, project_id, dataset_id,
                                   mapping=unsupported)
    assert response.status_code == 422
    response = tenant.client.post(f"{base}/{dataset_id}/import",
                                  files={"columnMapping": (None, json.dumps(MAPPING))})
    assert response.status_code == 400
    assert "file is required" in response.json()["error"]
    response = tenant.client.post(f"{base}/{dataset_id}/import", data={"x": "y"})
    assert response.status_code == 400
    assert "Malformed multipart/form-data body" in response.json()["error"]
    status = tenant.client.get(f"{base}/{dataset_id}/import/import-{missing}/status")
    assert status.status_code == 404


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def file_server(tmp_path):
    (tmp_path / "receipt.csv").write_bytes(RECEIPT.read_bytes())
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             partial(QuietHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_csv_import_from_a_url(tenant, file_server):
    project_id, dataset_id = new_dataset(tenant.client, tenant.id)
    base = f"/api/{tenant.id}/{project_id}/dataset/{dataset_id}"
    body = dict(MAPPING, fileUrl=f"{file_server}/receipt.csv")
    response = tenant.client.post(f"{base}/import/csv", json=body)
    assert response.status_code == 202
    status = wait_for(tenant.client, f"{base}/import/{response.json()['importId']}/status")
    assert status["status"] == "Completed", status
    assert status["fileSize"] == RECEIPT.stat().st_size
    assert tenant.client.get(base).json()["eventCount"] == 8577

    response = tenant.client.post(f"{base}/import/csv", json=dict(MAPPING, fileUrl=f"{file_server}/gone.csv"))
    status = wait_for(tenant.client, f"{base}/import/{response.json()['importId']}/status")
    assert status["status"] == "Failed"
    assert "Downloading fileUrl failed" in status["errors"][0]["error"]
    for url in ["file:///etc/passwd", "ftp://example.com/x.csv"]:
        response = tenant.client.post(f"{base}/import/csv", json=dict(MAPPING, fileUrl=url))
        status = wait_for(tenant.client, f"{base}/import/{response.json()['importId']}/status")
        assert status["status"] == "Failed"
        assert "http or https" in status["errors"][0]["error"]
    assert tenant.client.post(f"{base}/import/csv", json=MAPPING).status_code == 400
    response = tenant.client.post(f"{base}/import/csv", json=dict(
        MAPPING, fileUrl=f"{file_server}/receipt.csv",
        transformations=[{"column": "Activity", "type": "replace", "find": "a", "replace": "b"}]))
    assert response.status_code == 422


def test_import_status_survives_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    tenant_id = admin.post("/api/tenant", json={
        "name": "imports", "displayName": "I", "maxUsers": 5, "maxAnalyst": 5,
        "maxCases": -1}).json()["tenantId"]
    project_id, dataset_id = new_dataset(admin, tenant_id)
    response = start_upload_import(admin, tenant_id, project_id, dataset_id)
    path = (f"/api/{tenant_id}/{project_id}/dataset/{dataset_id}/import/"
            f"{response.json()['importId']}/status")
    wait_for(admin, path)
    srv.restart()
    admin = Client(srv.url, srv.admin_key)
    assert admin.get(path).json()["status"] == "Completed"


def test_imports_are_behind_the_tenant_wall(tenant, other_tenant):
    project_id, dataset_id = new_dataset(tenant.client, tenant.id)
    response = start_upload_import(tenant.client, tenant.id, project_id, dataset_id)
    import_id = response.json()["importId"]
    base = f"/api/{tenant.id}/{project_id}/dataset/{dataset_id}"
    wait_for(tenant.client, f"{base}/import/{import_id}/status")
    assert other_tenant.client.get(f"{base}/import/{import_id}/status").status_code == 403
    response = start_upload_import(other_tenant.client, tenant.id, project_id, dataset_id)
    assert response.status_code == 403
    # The other tenant's own path with this tenant's ids finds nothing.
    other_base = f"/api/{other_tenant.id}/{project_id}/dataset/{dataset_id}"
    assert other_tenant.client.get(f"{other_base}/import/{import_id}/status").status_code == 404


def preview(client, tenant_id, project_id, content, name="log.csv", **fields):
    return client.post(f"/api/{tenant_id}/{project_id}/dataset/preview",
                       files={"file": (name, content)}, data=fields)


def test_preview_describes_a_file_and_stores_nothing(tenant):
    project_id = create_project(tenant.client, tenant.id)["projectId"]
    response = preview(tenant.client, tenant.id, project_id, RECEIPT.read_bytes(), "receipt.csv")
    assert response.status_code == 200
    body = response.json()
    assert body["delimiter"] == "," and body["encoding"] == "UTF-8" and body["hasHeader"] is True
    assert body["rowsScanned"] == 8577
    columns = {c["name"]: c for c in body["columns"]}
    assert columns["time:timestamp"]["inferredType"] == "datetime"
    assert columns["time:timestamp"]["dateFormat"] == "ISO 8601"
    assert columns["org:resource"]["inferredType"] == "string"
    assert body["suggestedMapping"] == dict(PM4PY_FIELDS, startTimeColumn=None)
    assert body["mappingUsed"] == body["suggestedMapping"]
    assert len(body["events"]) == 20
    assert body["caseCount"] == 1434 and body["eventCount"] == 8577
    first = body["events"][0]
    assert {"caseId", "activity", "timestamp", "resource", "attributes"} <= set(first)
    assert tenant.client.get(f"/api/{tenant.id}/{project_id}/dataset").json()["datasets"] == []


def test_preview_reads_culture_dates_and_reports_row_issues(tenant):
    project_id = create_project(tenant.client, tenant.id)["projectId"]
    rows = ["Fall;Aktivität;Zeit;Betrag"]
    rows += [f"F{i % 7};Prüfen;{(i % 28) + 1:02d}.03.2024 08:{i % 60:02d};1.234,{i % 10}"
             for i in range(40)]
    rows.append("F1;Prüfen;kein Datum;5")
    rows.append("F2;Prüfen;01.04.2024 09:00;viel")
    content = ("\n".join(rows) + "\n").encode("cp1252")
    response = preview(tenant.client, tenant.id, project_id, content, cultureInfo="de-DE",
                       caseIdColumn="Fall", activityNameColumn="Aktivität",
                       activityTimeColumn="Zeit")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["delimiter"] == ";" and body["encoding"] == "Windows-1252"
    columns = {c["name"]: c for c in body["columns"]}
    assert columns["Zeit"]["dateFormat"] == "dd.MM.yyyy HH:mm"
    assert columns["Betrag"]["inferredType"] == "double"
    assert body["skippedRowsCount"] == 1 and body["invalidValueCount"] == 1
    issues = {(i["rowIndex"], i["columnName"], i["outcome"]) for i in body["rowIssues"]}
    assert issues == {(41, "Zeit", "Skipped"), (42, "Betrag", "SetToNull")}
    assert 1234 <= float(body["events"][0]["attributes"]["Betrag"]) < 1235


def test_preview_errors(tenant, other_tenant):
    project_id = create_project(tenant.client, tenant.id)["projectId"]
    response = preview(tenant.client, tenant.id, project_id, b"a,b\n1,2\n", caseIdColumn="x",
                       activityNameColumn="a", activityTimeColumn="b")
    assert response.status_code == 422
    assert response.json()["errors"] == ["Column 'x' not found in CSV file"]
    response = preview(tenant.client, tenant.id, project_id, b"<log/>", name="log.xes")
    assert response.status_code == 422
    assert preview(other_tenant.client, tenant.id, project_id, b"a\n1\n").status_code == 403
