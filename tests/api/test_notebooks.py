"""Notebook API: CRUD, unique names, optimistic locking, copies and shareable URLs."""

import pytest
import requests

from analysis_support import NOTEBOOK_FIELDS, Workspace, assert_single_chain
from dataset_support import MISSING_ID


@pytest.fixture
def ws(tenant):
    return Workspace(tenant)


@pytest.fixture
def inv(ws):
    return ws.investigation()["investigationId"]


def test_create_list_and_get(ws, inv):
    created = ws.notebook(inv, name="Process Analysis", description="flow", notebookType=2)
    assert list(created) == NOTEBOOK_FIELDS
    assert created["investigationId"] == inv
    assert created["notebookType"] == 2
    assert created["notebookOrder"] == 2.0  # after the main notebook
    assert created["blockCount"] == 0
    assert created["modifiedBy"] is None
    assert created["lastExecutionDuration"] == 0
    listed = ws.client.get(f"{ws.base}/notebook/investigation/{inv}")
    assert listed.status_code == 200
    assert [n["name"] for n in listed.json()] == ["Main", "Process Analysis"]
    got = ws.client.get(f"{ws.base}/notebook/{created['notebookId']}").json()
    assert got == created


def test_names_are_unique_within_an_investigation(ws, inv):
    ws.notebook(inv, name="Twin")
    response = ws.client.post(f"{ws.base}/notebook/investigation/{inv}", json={"name": "Twin"})
    assert response.status_code == 400
    assert response.json() == {
        "Error": "Failed to create notebook. The name may already exist in this investigation."}
    other = ws.investigation()["investigationId"]
    assert ws.notebook(other, name="Twin")["name"] == "Twin"


def test_create_validates_its_input(ws, inv):
    url = f"{ws.base}/notebook/investigation/{inv}"
    assert ws.client.post(url, json={}).status_code == 400
    bad_type = ws.client.post(url, json={"name": "x", "notebookType": 5})
    assert bad_type.status_code == 400 and "notebookType" in bad_type.text
    assert ws.client.post(url, json={"name": "x", "notebookType": "a"}).status_code == 400
    missing = ws.client.post(f"{ws.base}/notebook/investigation/{MISSING_ID}", json={"name": "x"})
    assert missing.status_code == 404
    assert missing.json() == {"Error": "Investigation not found", "InvestigationId": MISSING_ID}
    listed = ws.client.get(f"{ws.base}/notebook/investigation/{MISSING_ID}")
    assert listed.status_code == 404 and listed.json()["InvestigationId"] == MISSING_ID


def test_update_and_optimistic_locking(ws, inv):
    notebook = ws.notebook(inv, name="Draft")
    url = f"{ws.base}/notebook/{notebook['notebookId']}"
    first = ws.client.put(url, json={"name": "Final", "notebookOrder": 2.5,
                                     "dateModified": notebook["dateModified"]})
    assert first.status_code == 200, first.text
    assert first.json()["name"] == "Final" and first.json()["notebookOrder"] == 2.5
    assert first.json()["modifiedBy"] is not None
    stale = ws.client.put(url, json={"name": "Mine", "dateModified": notebook["dateModified"]})
    assert stale.status_code == 409
    body = stale.json()
    assert body["Error"] == "CONFLICT"
    assert body["Message"] == "Notebook was modified by another user since you last fetched it"
    assert body["YourDateModified"] == notebook["dateModified"]
    assert body["CurrentDateModified"] == first.json()["dateModified"]
    assert body["ModifiedBy"] == first.json()["modifiedBy"]
    assert body["Resolution"].startswith("GET /api/")
    assert ws.client.get(url).json()["name"] == "Final"
    no_lock = ws.client.put(url, json={"name": "Unlocked"})
    assert no_lock.status_code == 200
    assert ws.client.put(url, json={"description": "no name"}).status_code == 400
    bad_date = ws.client.put(url, json={"name": "x", "dateModified": "yesterday"})
    assert bad_date.status_code == 400 and "dateModified" in bad_date.text
    ws.notebook(inv, name="Taken")
    clash = ws.client.put(url, json={"name": "Taken"})
    assert clash.status_code == 400 and "name may already exist" in clash.json()["Error"]
    missing = ws.client.put(f"{ws.base}/notebook/{MISSING_ID}", json={"name": "x"})
    assert missing.status_code == 404
    assert missing.json() == {"Error": "Notebook not found", "NotebookId": MISSING_ID}


def test_delete_answers_the_documented_body(ws, inv):
    notebook = ws.notebook(inv)
    ws.block(notebook["notebookId"])
    url = f"{ws.base}/notebook/{notebook['notebookId']}"
    response = ws.client.delete(url)
    assert response.status_code == 200
    assert response.json() == {"Message": "Notebook successfully deleted",
                               "NotebookId": notebook["notebookId"]}
    assert ws.client.get(url).status_code == 404
    assert ws.client.delete(url).status_code == 404


def build_chain(ws, notebook_id):
    first = ws.block(notebook_id, "FilterActivities",
                     {"ActivityNames": ["Create"], "Mode": "KeepCasesWithAny"})
    second = ws.block(notebook_id, "CalculatorActivityFrequency", '{"MaxRows": 10}')
    third = ws.block(notebook_id, "CalculatorVariants", {"TopN": 5})
    return [first, second, third]


@pytest.mark.parametrize("elsewhere", [False, True])
def test_copy_duplicates_blocks_under_new_ids(ws, inv, elsewhere):
    source = ws.notebook(inv, name="Source")
    originals = build_chain(ws, source["notebookId"])
    body = {"name": "Duplicate"}
    destination = inv
    if elsewhere:
        destination = ws.investigation()["investigationId"]
        body["destinationInvestigationId"] = destination
    response = ws.client.post(f"{ws.base}/notebook/{source['notebookId']}/copy", json=body)
    assert response.status_code == 201, response.text
    copy = response.json()
    assert copy["name"] == "Duplicate" and copy["investigationId"] == destination
    assert copy["blockCount"] == 3
    copied = assert_single_chain(ws.blocks(copy["notebookId"]))
    assert [b["operatorName"] for b in copied] == [b["operatorName"] for b in originals]
    assert [b["configuration"] for b in copied] == [b["configuration"] for b in originals]
    assert not {b["blockId"] for b in copied} & {b["blockId"] for b in originals}
    assert_single_chain(ws.blocks(source["notebookId"]))


def test_copy_defaults_and_errors(ws, inv):
    source = ws.notebook(inv, name="Report")
    url = f"{ws.base}/notebook/{source['notebookId']}/copy"
    default = ws.client.post(url)
    assert default.status_code == 201, default.text
    assert default.json()["name"] == "Copy of Report"
    again = ws.client.post(url, json={})
    assert again.status_code == 400 and "name may already exist" in again.json()["Error"]
    missing_dest = ws.client.post(url, json={"name": "x", "destinationInvestigationId": MISSING_ID})
    assert missing_dest.status_code == 404
    assert ws.client.post(f"{ws.base}/notebook/{MISSING_ID}/copy", json={}).status_code == 404


def test_copy_into_another_project_is_refused(ws, inv, tenant):
    source = ws.notebook(inv)
    other = Workspace(tenant)
    foreign = other.investigation()["investigationId"]
    response = ws.client.post(f"{ws.base}/notebook/{source['notebookId']}/copy",
                              json={"destinationInvestigationId": foreign})
    assert response.status_code == 404


def test_shareable_url_points_at_a_served_page(ws, inv, server):
    notebook = ws.notebook(inv)
    response = ws.client.get(f"{ws.base}/notebook/{notebook['notebookId']}/url")
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["notebookId", "url", "relativePath", "expiresAt"]
    expected = (f"/investigation/{ws.tenant.id}/{ws.project}/{inv}/notebook/"
                f"{notebook['notebookId']}")
    assert body["relativePath"] == expected
    assert body["url"].endswith(expected) and body["expiresAt"] is None
    page = requests.get(server.url + body["relativePath"], timeout=30)
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    assert "notebook view comes later" in page.text
    assert ws.client.get(f"{ws.base}/notebook/{MISSING_ID}/url").status_code == 404
