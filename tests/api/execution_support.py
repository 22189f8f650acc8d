"""Helpers for the execution tests: run blocks and notebooks and wait for their results."""

import time

from conftest import unique_name
from dataset_support import DATA, PM4PY_MAPPING, create_csv, create_package, zip_bytes

TERMINAL = {"Success", "Completed", "Failed", "Cancelled"}


def shared_log(name):
    """A Workspace upload of a shared log: CSV with PM4Py's column names, or XES in a package."""
    content = (DATA / name).read_bytes()

    def upload(client, tenant_id, project_id):
        if name.endswith(".csv"):
            return create_csv(client, tenant_id, project_id, content, name=unique_name("log"),
                              mapping=PM4PY_MAPPING)
        return create_package(client, tenant_id, project_id, zip_bytes({f"data/{name}": content}))

    return upload


def wait_for_block(ws, block_id, execution_id, timeout=120):
    url = f"{ws.base}/block/{block_id}/results"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for execution in ws.client.get(url).json()["executions"]:
            if execution["executionId"] == execution_id:
                return execution
        time.sleep(0.05)
    raise AssertionError(f"block {block_id} has no result of execution {execution_id}")


def execute_block(ws, block_id, body=None):
    response = ws.client.post(f"{ws.base}/block/{block_id}/execute", json=body or {})
    assert response.status_code == 202, response.text
    return response.json()


def run_block(ws, block_id, body=None):
    """Executes the block, waits, and returns its output-data envelope."""
    queued = execute_block(ws, block_id, body)
    wait_for_block(ws, block_id, queued["executionId"])  # the target block's result comes last
    response = ws.client.get(f"{ws.base}/block/{block_id}/output-data")
    assert response.status_code == 200, response.text
    return response.json()


def run_notebook(ws, notebook_id, timeout=300):
    """Executes the notebook (loading the project first), waits, and returns its results."""
    ws.load()
    response = ws.client.post(f"{ws.base}/execution/notebook/{notebook_id}", json={})
    assert response.status_code == 202, response.text
    execution_id = response.json()["executionId"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = ws.client.get(f"{ws.base}/execution/status/{notebook_id}").json()
        if status["executionId"] == execution_id and status["status"] in TERMINAL:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the notebook execution did not end")
    results = ws.client.get(f"{ws.base}/execution/notebook/{notebook_id}/results")
    assert results.status_code == 200, results.text
    return results.json()


def table(envelope, name):
    found = next(t for t in envelope["tables"] if t["name"] == name)
    columns = [c["name"] for c in found["columns"]]
    return [dict(zip(columns, row)) for row in found["rows"]]
