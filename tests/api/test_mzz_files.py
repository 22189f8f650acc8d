"""mindzie dataset files (.mzz) written by tests/api/mzz_writer.py: `pmstudio inspect` reads them
(writer and reader agree on the grammar, the event-to-case join, types, derived columns and the
freeze time), and a dataset takes its data from one and keeps its freeze time for executions."""

import json
import time
from datetime import datetime, timedelta

from analysis_support import Workspace
from conftest import Client, Tenant
from execution_support import run_block
from mzz_writer import Derived, MzzDataset
from pmstudio_server import run_inspect


def enriched_dataset():
    """Three emergency-department cases, like an enriched mindzie dataset."""
    dataset = MzzDataset(resource_column="Resource")
    dataset.case_column("TimeSinceLastActivity", "timespan",
                        derived=Derived(b2=1, source_columns=["~calc~CaseEnd"], kind=70,
                                        category=2))
    dataset.case_column("LWBS", "bool", derived=Derived(b2=1, kind=60, category=2))
    start = datetime(2025, 5, 4, 12, 3)
    # Added out of order: the writer stores cases by id and events by time, as mindzie does.
    dataset.add_case("ED120324", PatientID="P0003", Age=71, Temp=38.2,
                     TimeSinceLastActivity=timedelta(minutes=5), LWBS=True)
    dataset.add_case("ED100599", PatientID="P6310", Age=34, Temp=36.7,
                     TimeSinceLastActivity=timedelta(minutes=32), LWBS=False)
    dataset.add_case("ED103402", PatientID="P7011", Age=None, Temp=None,
                     TimeSinceLastActivity=None, LWBS=False)
    events = [("ED100599", "Triage", 7, "Nurse A"), ("ED100599", "Registration", 0, None),
              ("ED100599", "Discharge", 60, "Dr B"), ("ED103402", "Registration", 20, None),
              ("ED103402", "Triage", 25, "Nurse A"), ("ED120324", "Registration", 40, None),
              ("ED120324", "Left", 95, None)]
    for case_id, activity, minutes, resource in events:
        dataset.add_event(case_id, activity, start + timedelta(minutes=minutes),
                          Resource=resource, Bed=f"B{minutes % 3}")
    dataset.freeze_time = datetime(2025, 5, 4, 14, 0)
    dataset.log_properties = ("Debug", 604, "Eastern Standard Time")
    return dataset


def test_inspect_reads_a_written_mzz_file(tmp_path):
    path = tmp_path / "d6254ed2-0000-4000-8000-000000000000.mzz"
    enriched_dataset().write(path)
    result = run_inspect(path)
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    assert figures["format"] == "mzz"
    assert (figures["cases"], figures["events"], figures["activities"]) == (3, 7, 4)
    assert figures["first_timestamp"] == "2025-05-04T12:03:00Z"
    assert figures["last_timestamp"] == "2025-05-04T13:38:00Z"
    assert figures["freeze_time"] == "2025-05-04T14:00:00Z"
    assert figures["case_attributes"] == [
        {"name": "TimeSinceLastActivity", "type": "timespan", "derived": True},
        {"name": "LWBS", "type": "boolean", "derived": True},
        {"name": "PatientID", "type": "string", "derived": False},
        {"name": "Age", "type": "integer", "derived": False},
        {"name": "Temp", "type": "double", "derived": False},
    ]
    assert figures["event_attributes"] == [{"name": "Bed", "type": "string", "derived": False}]


def test_inspect_rejects_a_damaged_mzz_file(tmp_path):
    data = enriched_dataset().to_bytes()
    path = tmp_path / "damaged.mzz"
    path.write_bytes(data + data)  # a second gzip member
    result = run_inspect(path)
    assert result.returncode == 1
    assert "Invalid mindzie dataset file: mzz offset 0x" in result.stderr
    assert "after the gzip member" in result.stderr


def wait_for_import(client, path, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get(path).json()
        if status["status"] in ("Completed", "Failed"):
            return status
        time.sleep(0.05)
    raise AssertionError("the import did not finish")


def test_a_dataset_imported_from_mzz_stays_frozen_in_time_across_restarts(fresh_server,
                                                                           tmp_path):
    srv = fresh_server()
    tenant = Tenant(Client(srv.url, srv.admin_key))
    ws = Workspace(tenant)
    path = tmp_path / "enriched.mzz"
    enriched_dataset().write(path)
    base = f"{ws.base}/dataset/{ws.dataset}"
    with open(path, "rb") as data:
        response = tenant.client.post(f"{base}/import", files={"file": ("enriched.mzz", data)})
    assert response.status_code == 202, response.text
    status = wait_for_import(tenant.client, f"{base}/import/{response.json()['importId']}/status")
    assert status["status"] == "Completed", json.dumps(status)
    dataset = tenant.client.get(base).json()
    assert (dataset["caseCount"], dataset["eventCount"]) == (3, 7)
    assert (dataset["sourceFormat"], dataset["resourceColumnName"]) == ("mzz", "Resource")
    notebook = ws.notebook(ws.investigation()["investigationId"])["notebookId"]
    this_week = {"FilterType": 4, "StartDateSelection": {"Variable": 1},
                 "EndDateSelection": {"Variable": 11}}
    block = ws.block(notebook, "FilterDate", this_week)["blockId"]

    srv.restart()  # the log now comes from the stored binary file
    ws.client = tenant.client = Client(srv.url, tenant.key)
    ws.load()
    envelope = run_block(ws, block)
    # "This week" of the freeze time, Sunday 2025-05-04 14:00, whatever the day the test runs.
    assert envelope["details"]["UsedStartDate"] == "2025-04-28T00:00:00Z"
    assert envelope["outputCaseCount"] == 3
