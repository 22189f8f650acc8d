"""Block and notebook execution: queueing, status, results, output data, failures, caching."""

import time

import pytest
import requests

from analysis_support import NOT_LOADED, Workspace
from dataset_support import MISSING_ID, create_csv
from execution_support import (execute_block, run_notebook, shared_log, table,
                               wait_for_block)

ENVELOPE_FIELDS = ["blockId", "executionId", "blockName", "operatorName", "status",
                   "errorMessage", "inputCaseCount", "inputEventCount", "outputCaseCount",
                   "outputEventCount", "durationMs", "fromCache", "tables"]


@pytest.fixture
def ws(tenant):
    workspace = Workspace(tenant, shared_log("running-example.csv"))
    investigation = workspace.investigation()
    workspace.notebook_id = workspace.notebook(investigation["investigationId"])["notebookId"]
    return workspace


def test_execute_a_block_and_read_its_output(ws):
    block = ws.block(ws.notebook_id, "CalculatorCaseCount", name="Cases")
    queued = execute_block(ws, block["blockId"], {"parameters": {}})
    assert list(queued) == ["blockId", "executionId", "status", "dateQueued", "dateStarted",
                            "dateEnded", "result", "errorMessage", "message"]
    assert queued["status"] == "Queued" and queued["message"] == "Block execution has been queued"
    assert queued["dateStarted"] is None and queued["result"] is None
    history = wait_for_block(ws, block["blockId"], queued["executionId"])
    assert history["status"] == "Success"
    output = ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data").json()
    assert list(output) == ENVELOPE_FIELDS
    assert output["executionId"] == queued["executionId"]
    assert output["inputCaseCount"] == 6 and output["inputEventCount"] == 42
    assert table(output, "Values") == [{"Name": "Case Count", "Value": 6}]
    csv = ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data?format=csv")
    assert csv.status_code == 200 and csv.headers["Content-Type"].startswith("text/csv")
    assert csv.text == "Name,Value\r\nCase Count,6\r\n"
    assert ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data?format=csv&table=Values"
                         ).text == csv.text
    assert ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data?format=xml"
                         ).status_code == 400
    assert ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data?format=csv&table=7"
                         ).status_code == 400
    detail = ws.client.get(f"{ws.base}/block/{block['blockId']}").json()
    assert detail["executionCount"] == 1 and detail["lastExecutionStatus"] == "Success"
    assert detail["lastExecutionDate"] is not None


def test_blocks_never_executed(ws):
    block = ws.block(ws.notebook_id, "CalculatorCaseCount")
    output = ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data")
    assert output.status_code == 404
    body = output.json()
    assert set(body) == {"Error", "BlockId", "Message", "Recommendation"}
    assert body["BlockId"] == block["blockId"]
    history = ws.client.get(f"{ws.base}/block/{block['blockId']}/results").json()
    assert history == {"blockId": block["blockId"], "executions": [], "totalCount": 0}
    for path in ("execute", "results", "output-data"):
        method = "POST" if path == "execute" else "GET"
        missing = ws.client.request(method, f"{ws.base}/block/{MISSING_ID}/{path}", json={})
        assert missing.status_code == 404
        assert missing.json() == {"Error": "Block not found", "BlockId": MISSING_ID}


def test_parameters_must_be_an_object(ws):
    block = ws.block(ws.notebook_id, "CalculatorCaseCount")
    response = ws.client.post(f"{ws.base}/block/{block['blockId']}/execute",
                              json={"parameters": [1]})
    assert response.status_code == 400 and "parameters" in response.text


def test_notebook_execution_requires_the_project_loaded(ws):
    ws.block(ws.notebook_id, "CalculatorCaseCount")
    ws.unload()
    for method, path in (("POST", f"execution/notebook/{ws.notebook_id}"),
                         ("GET", f"execution/notebook/{ws.notebook_id}/results"),
                         ("GET", f"execution/status/{ws.notebook_id}")):
        response = ws.client.request(method, f"{ws.base}/{path}", json={})
        assert response.status_code == 404
        assert response.json() == NOT_LOADED
    ws.load()
    never = ws.client.get(f"{ws.base}/execution/status/{ws.notebook_id}")
    assert never.status_code == 404 and "not been executed" in never.text
    missing = ws.client.post(f"{ws.base}/execution/notebook/{MISSING_ID}", json={})
    assert missing.status_code == 404


def test_notebook_results_follow_the_chain(ws):
    first = ws.block(ws.notebook_id, "CalculatorCaseCount", name="one")
    second = ws.block(ws.notebook_id, "CalculatorCaseCount", name="two")
    results = run_notebook(ws, ws.notebook_id)
    assert results["status"] == "Completed"
    assert [b["blockId"] for b in results["blocks"]] == [first["blockId"], second["blockId"]]
    status = ws.client.get(f"{ws.base}/execution/status/{ws.notebook_id}").json()
    assert status["progress"] == 100 and status["blocksTotal"] == 2
    assert status["blocksCompleted"] == 2 and status["executionId"] == results["executionId"]
    csv = ws.client.get(f"{ws.base}/execution/notebook/{ws.notebook_id}/results"
                        f"?format=csv&blockId={second['blockId']}")
    assert csv.text == "Name,Value\r\nCase Count,6\r\n"
    assert ws.client.get(f"{ws.base}/execution/notebook/{ws.notebook_id}/results?format=csv"
                         ).status_code == 400
    notebook = ws.client.get(f"{ws.base}/notebook/{ws.notebook_id}").json()
    assert notebook["lastExecutionDuration"] > 0


def test_a_failing_block_stops_the_run_and_names_itself(ws):
    good = ws.block(ws.notebook_id, "CalculatorCaseCount", name="good")
    bad = ws.client.post(f"{ws.base}/block/filter", json={"notebookId": ws.notebook_id,
                                                          "blockTitle": "Unfinished filter"})
    assert bad.status_code == 201
    after = ws.block(ws.notebook_id, "CalculatorCaseCount", name="after")
    results = run_notebook(ws, ws.notebook_id)
    assert results["status"] == "Failed"
    statuses = {b["blockId"]: b["status"] for b in results["blocks"]}
    assert statuses == {good["blockId"]: "Success", bad.json()["blockId"]: "Failed"}
    failed = next(b for b in results["blocks"] if b["status"] == "Failed")
    assert "Unfinished filter" in failed["errorMessage"]
    assert "operator" in failed["errorMessage"]
    status = ws.client.get(f"{ws.base}/execution/status/{ws.notebook_id}").json()
    assert status["status"] == "Failed" and "Unfinished filter" in status["errorMessage"]
    assert ws.client.get(f"{ws.base}/block/{good['blockId']}/output-data").status_code == 200
    assert ws.client.get(f"{ws.base}/block/{after['blockId']}/output-data").status_code == 404


def test_disabled_blocks_are_skipped(ws):
    skipped = ws.block(ws.notebook_id, "CalculatorCaseCount", name="off")
    ws.client.put(f"{ws.base}/block/{skipped['blockId']}", json={"isDisabled": True})
    results = run_notebook(ws, ws.notebook_id)
    assert results["status"] == "Completed"
    assert results["blocks"][0]["status"] == "Skipped" and results["blocks"][0]["tables"] == []


def test_unchanged_blocks_come_from_the_cache(ws):
    first = ws.block(ws.notebook_id, "CalculatorCaseCount", name="first")
    last = ws.block(ws.notebook_id, "CalculatorCaseCount", name="last")
    run_notebook(ws, ws.notebook_id)
    again = run_notebook(ws, ws.notebook_id)
    assert [b["fromCache"] for b in again["blocks"]] == [True, True]
    ws.client.put(f"{ws.base}/block/{last['blockId']}", json={"configuration": {"x": 1}})
    ws.client.put(f"{ws.base}/block/{last['blockId']}", json={"configuration": "{}"})
    ws.client.put(f"{ws.base}/block/{first['blockId']}", json={"configuration": "{ }"})
    edited = run_notebook(ws, ws.notebook_id)
    assert [b["fromCache"] for b in edited["blocks"]] == [False, False]


def test_executions_do_not_block_the_http_threads(ws, server):
    block = ws.block(ws.notebook_id, "CalculatorCaseCount")
    queued = [execute_block(ws, block["blockId"]) for _ in range(20)]
    assert requests.get(server.url + "/api/Action/ping", timeout=30).status_code == 200
    for item in queued:
        assert wait_for_block(ws, block["blockId"], item["executionId"])["status"] == "Success"


def test_a_global_template_runs_with_its_dashboard_selectors(ws, admin):
    template = next(t for t in admin.get("/api/templates").json()["templates"]
                    if t["name"] == "Process Discovery")
    investigation = ws.investigation()["investigationId"]
    created = ws.client.post(f"{ws.base}/notebook/investigation/{investigation}/from-template",
                             json={"templateId": template["templateId"]})
    assert created.status_code == 201, created.text
    results = run_notebook(ws, created.json()["notebookId"])
    assert results["status"] == "Completed", results["errorMessage"]
    assert all(block["status"] == "Success" for block in results["blocks"])
    by_id = {block["blockId"]: block for block in results["blocks"]}
    selectors = [b for b in ws.blocks(created.json()["notebookId"]) if b["isDashboardBlock"]]
    assert len(selectors) == 5
    for selector in selectors:
        shown = by_id[selector["parentId"]]
        assert by_id[selector["blockId"]]["tables"] == shown["tables"]
    data = next(b for b in results["blocks"] if b["operatorName"] == "CalculatorDataInformation")
    assert {"Name": "Total Case Count", "Value": 6}.items() <= table(data, "Values")[0].items()


def test_runtime_parameters_override_settings(ws):
    block = ws.block(ws.notebook_id, "CalculatorVariants", {"TopN": 10})
    queued = execute_block(ws, block["blockId"], {"parameters": {"TopN": 2}})
    wait_for_block(ws, block["blockId"], queued["executionId"])
    output = ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data").json()
    assert len(table(output, "Variants")) == 2
    plain = execute_block(ws, block["blockId"])
    wait_for_block(ws, block["blockId"], plain["executionId"])
    output = ws.client.get(f"{ws.base}/block/{block['blockId']}/output-data").json()
    assert len(table(output, "Variants")) == 6  # the running example has 6 variants


INTERVAL_CSV = (b"CaseID,Activity,Start,End\n"
                b"c1,A,2024-01-01T08:00:00Z,2024-01-01T09:00:00Z\n"
                b"c1,B,2024-01-01T10:00:00Z,2024-01-01T10:30:00Z\n"
                b"c2,A,2024-01-02T08:00:00Z,2024-01-02T08:20:00Z\n"
                b"c2,B,2024-01-02T09:20:00Z,2024-01-02T10:20:00Z\n")


def test_start_times_give_waiting_and_service_times(tenant):
    def upload(client, tenant_id, project_id):
        return create_csv(client, tenant_id, project_id, INTERVAL_CSV, mapping={
            "caseIdColumn": "CaseID", "activityNameColumn": "Activity",
            "activityTimeColumn": "End", "startTimeColumn": "Start"})

    ws = Workspace(tenant, upload)
    notebook = ws.notebook(ws.investigation()["investigationId"])["notebookId"]
    ws.block(notebook, "CalculatorProcessFollows", {})
    envelope = run_notebook(ws, notebook)["blocks"][0]
    edge = table(envelope, "Edges")[0]
    assert (edge["From"], edge["To"]) == ("A", "B")
    assert edge["Mean Duration"] == 3600  # waiting: end of A -> start of B, 1 h in both cases
    nodes = {n["Activity"]: n for n in table(envelope, "Nodes")}
    assert nodes["A"]["Mean Service Time"] == (3600 + 1200) / 2
    assert nodes["B"]["Mean Service Time"] == (1800 + 3600) / 2
    assert table(envelope, "Durations")[0]["Value"] == "Waiting"


def test_only_the_newest_executions_are_kept(ws):
    block = ws.block(ws.notebook_id, "CalculatorCaseCount")
    executions = [execute_block(ws, block["blockId"])["executionId"] for _ in range(22)]
    deadline = time.monotonic() + 120
    while True:  # every execution has run once all 22 counted; pruning follows each one's end
        count = ws.client.get(f"{ws.base}/block/{block['blockId']}").json()["executionCount"]
        history = ws.client.get(f"{ws.base}/block/{block['blockId']}/results").json()
        if count == 22 and history["totalCount"] <= 20:
            break
        assert time.monotonic() < deadline, (count, history["totalCount"])
        time.sleep(0.05)
    assert history["totalCount"] == 20
    assert executions[0] not in {e["executionId"] for e in history["executions"]}
    assert executions[-1] in {e["executionId"] for e in history["executions"]}
