"""Investigation API: CRUD, the main notebook, cascades and the project-cache rules."""

import pytest

from analysis_support import (INVESTIGATION_FIELDS, NOT_LOADED, NOTEBOOK_FIELDS, Workspace)
from conftest import unique_name
from dataset_support import MISSING_ID


@pytest.fixture
def ws(tenant):
    return Workspace(tenant)


def test_create_links_the_dataset_and_makes_a_main_notebook(ws):
    created = ws.investigation(investigationName="Order Analysis",
                               investigationDescription="orders", isUsedForOperationCenter=True)
    assert list(created) == INVESTIGATION_FIELDS
    assert created["investigationName"] == "Order Analysis"
    assert created["investigationDescription"] == "orders"
    assert created["datasetId"] == ws.dataset
    assert created["projectId"] == ws.project
    assert created["isUsedForOperationCenter"] is True
    assert created["investigationFolderId"] is None
    assert created["notebookCount"] == 1
    assert created["investigationOrder"] == 1.0
    main = ws.client.get(f"{ws.base}/investigation/{created['investigationId']}/main-notebook")
    assert main.status_code == 200, main.text
    assert list(main.json()) == NOTEBOOK_FIELDS
    assert main.json()["name"] == "Main"
    assert main.json()["notebookType"] == 0
    assert ws.investigation()["investigationOrder"] == 2.0


def test_create_validates_its_input(ws):
    url = f"{ws.base}/investigation"
    missing = ws.client.post(url, json={"investigationName": "x", "datasetId": MISSING_ID})
    assert missing.status_code == 400
    assert missing.json() == {"error": f"Dataset not found with ID '{MISSING_ID}'"}
    no_name = ws.client.post(url, json={"datasetId": ws.dataset})
    assert no_name.status_code == 400
    assert "investigationName is required" in no_name.json()["validationErrors"]
    no_dataset = ws.client.post(url, json={"investigationName": "x"})
    assert "datasetId is required" in no_dataset.json()["validationErrors"]
    bad_guid = ws.client.post(url, json={"investigationName": "x", "datasetId": "nope"})
    assert bad_guid.status_code == 400 and "datasetId" in bad_guid.text
    wrong_type = ws.client.post(url, json={"investigationName": 5, "datasetId": ws.dataset})
    assert wrong_type.status_code == 400 and "investigationName" in wrong_type.text
    not_json = ws.client.post(url, data="{", headers={"Content-Type": "application/json"})
    assert not_json.status_code == 400
    too_long = ws.client.post(url, json={"investigationName": "x" * 201, "datasetId": ws.dataset})
    assert too_long.status_code == 400
    assert ws.client.get(url).json()["totalCount"] == 0


def test_a_dataset_of_another_project_is_not_found(ws, tenant):
    other = Workspace(tenant)
    response = ws.client.post(f"{ws.base}/investigation",
                              json={"investigationName": "x", "datasetId": other.dataset})
    assert response.status_code == 400
    assert response.json()["error"] == f"Dataset not found with ID '{other.dataset}'"


def test_list_get_update_and_pagination(ws):
    first = ws.investigation(investigationName="A")
    ws.investigation(investigationName="B")
    ws.investigation(investigationName="C")
    listed = ws.client.get(f"{ws.base}/investigation?page=2&pageSize=2").json()
    assert listed["totalCount"] == 3 and listed["page"] == 2 and listed["pageSize"] == 2
    assert [i["investigationName"] for i in listed["investigations"]] == ["C"]
    one = f"{ws.base}/investigation/{first['investigationId']}"
    assert ws.client.get(one).json() == first
    updated = ws.client.put(one, json={"investigationName": "A2", "isUsedForOperationCenter": True})
    assert updated.status_code == 200, updated.text
    body = updated.json()
    assert body["investigationName"] == "A2"
    assert body["investigationDescription"] == first["investigationDescription"]
    assert body["isUsedForOperationCenter"] is True
    assert body["dateModified"] > first["dateModified"]
    assert ws.client.put(one, json={"investigationName": ""}).status_code == 400
    assert ws.client.get(f"{ws.base}/investigation?page=0").status_code == 400


def test_missing_investigations_answer_the_documented_404(ws):
    one = f"{ws.base}/investigation/{MISSING_ID}"
    expected = {"error": "Investigation not found", "investigationId": MISSING_ID}
    for method in ("GET", "PUT", "DELETE"):
        response = ws.client.request(method, one, json={"investigationName": "x"})
        assert response.status_code == 404
        assert response.json() == expected
    ws.load()
    for suffix in ("notebooks", "main-notebook"):
        response = ws.client.get(f"{one}/{suffix}")
        assert response.status_code == 404 and response.json() == expected
    assert ws.client.get(f"{ws.base}/investigation/not-a-guid").status_code == 400


def test_delete_cascades_notebooks_blocks_and_dashboards(ws, admin):
    investigation = ws.investigation()
    inv_id = investigation["investigationId"]
    notebook = ws.notebook(inv_id)
    block = ws.block(notebook["notebookId"])
    project_url = f"/api/{ws.tenant.id}/project/{ws.project}"
    assert ws.client.get(project_url).json()["investigationCount"] == 1
    response = ws.client.delete(f"{ws.base}/investigation/{inv_id}")
    assert response.status_code == 204 and response.text == ""
    assert ws.client.get(f"{ws.base}/investigation/{inv_id}").status_code == 404
    assert ws.client.get(f"{ws.base}/notebook/{notebook['notebookId']}").status_code == 404
    assert ws.client.get(f"{ws.base}/block/{block['blockId']}").status_code == 404
    project = ws.client.get(project_url).json()
    assert project["investigationCount"] == 0 and project["dashboardCount"] == 0


def test_notebook_listings_require_the_project_loaded(ws):
    inv_id = ws.investigation()["investigationId"]
    ws.notebook(inv_id, name="Variant Analysis")
    ws.unload()
    for suffix in ("notebooks", "main-notebook"):
        response = ws.client.get(f"{ws.base}/investigation/{inv_id}/{suffix}")
        assert response.status_code == 404
        assert response.json() == NOT_LOADED
    ws.load()
    listed = ws.client.get(f"{ws.base}/investigation/{inv_id}/notebooks")
    assert listed.status_code == 200
    body = listed.json()
    assert body["totalCount"] == 2
    assert [n["name"] for n in body["notebooks"]] == ["Main", "Variant Analysis"]
    assert all(list(n) == NOTEBOOK_FIELDS for n in body["notebooks"])


def test_modifications_auto_load_the_project(ws):
    ws.unload()
    ws.investigation()
    loaded = ws.client.get(f"/api/{ws.tenant.id}/project/{ws.project}/load").json()
    assert loaded["loadedFromCache"] is True


def test_a_dataset_in_use_cannot_be_deleted(ws):
    inv_id = ws.investigation()["investigationId"]
    url = f"{ws.base}/dataset/{ws.dataset}"
    response = ws.client.delete(url)
    assert response.status_code == 409
    assert "investigation" in response.json()["error"]
    assert ws.client.get(url).status_code == 200
    ws.client.delete(f"{ws.base}/investigation/{inv_id}")
    assert ws.client.delete(url).status_code == 200


def test_deleting_the_project_removes_its_investigations(ws):
    inv_id = ws.investigation()["investigationId"]
    response = ws.client.delete(f"/api/{ws.tenant.id}/project/{ws.project}")
    assert response.status_code == 200, response.text
    assert ws.client.get(f"{ws.base}/investigation/{inv_id}").status_code == 404


def test_unique_names_are_not_required_for_investigations(ws):
    name = unique_name("same")
    ws.investigation(investigationName=name)
    ws.investigation(investigationName=name)
    assert ws.client.get(f"{ws.base}/investigation").json()["totalCount"] == 2
