"""Blocks: creation through the Notebook API, the Block API, the chain and block-type discovery."""

import json

import pytest

from analysis_support import BLOCK_DETAIL_FIELDS, BLOCK_FIELDS, Workspace, assert_single_chain
from dataset_support import MISSING_ID


@pytest.fixture
def ws(tenant):
    return Workspace(tenant)


@pytest.fixture
def nb(ws):
    return ws.notebook(ws.investigation()["investigationId"])["notebookId"]


STUDIO_FILTER = json.dumps({"ColumnName": "Activity", "CompareMethod": 1, "CompareValue": "Create",
                            "RemoveFilter": False}, indent=2).replace("\n", "\r\n")


def test_create_in_both_dialects_stores_the_configuration_as_given(ws, nb):
    studio = ws.block(nb, "FilterAttribute", STUDIO_FILTER, name="Studio form")
    assert list(studio)[:len(BLOCK_FIELDS)] == BLOCK_FIELDS
    assert studio["blockType"] == "Filter"
    assert studio["configuration"] == STUDIO_FILTER
    assert studio["parentId"] is None and studio["order"] == 0 and studio["isActive"] is True
    simple = ws.block(nb, "ActivityFilter", '{"activities": ["Create", "Approve"]}',
                      name="Simple form", blockType="Filter")
    assert simple["operatorName"] == "ActivityFilter"
    assert simple["configuration"] == '{"activities": ["Create", "Approve"]}'
    assert simple["parentId"] == studio["blockId"]
    dialect_only = ws.client.post(f"{ws.base}/notebook/{nb}/blocks", json={
        "name": "By keys", "configuration": {"calculationType": "duration", "unit": "days"}})
    assert dialect_only.status_code == 201, dialect_only.text
    assert dialect_only.json()["blockType"] == "Calculator"
    assert json.loads(dialect_only.json()["configuration"]) == {"calculationType": "duration",
                                                                "unit": "days"}
    listed = ws.client.get(f"{ws.base}/notebook/{nb}/blocks").json()
    assert listed["notebookId"] == nb and listed["totalCount"] == 3
    assert_single_chain(listed["blocks"])


@pytest.mark.parametrize("body, named", [
    ({"operatorName": "NoSuchOperator", "name": "x"}, "NoSuchOperator"),
    ({"operatorName": "FilterAttribute", "name": "x",
      "configuration": '{"ColumnName": "Activity", "CompareMethod": "often"}'}, "CompareMethod"),
    ({"operatorName": "CalculatorVariants", "name": "x", "configuration": {"TopN": "ten"}},
     "TopN"),
    ({"operatorName": "CalculatorVariants", "name": "x", "configuration": "not json"},
     "configuration"),
    ({"operatorName": "CalculatorVariants", "name": "x", "blockType": "Filter"}, "Calculator"),
    ({"operatorName": "CalculatorVariants", "name": "x", "blockType": "Nonsense"}, "Nonsense"),
    ({"operatorName": "CalculatorVariants"}, "name"),
    ({"name": "x"}, "operatorName"),
    ({"operatorName": "CalculatorVariants", "name": "x", "insertAfterBlockId": MISSING_ID},
     "insertAfterBlockId"),
])
def test_bad_blocks_are_refused_naming_the_problem(ws, nb, body, named):
    response = ws.client.post(f"{ws.base}/notebook/{nb}/blocks", json=body)
    assert response.status_code == 400, response.text
    assert named in response.text
    assert ws.blocks(nb) == []


def test_insert_after_and_reorder_keep_one_chain(ws, nb):
    a = ws.block(nb, name="A")
    c = ws.block(nb, name="C")
    b = ws.block(nb, name="B", insertAfterBlockId=a["blockId"])
    chain = assert_single_chain(ws.blocks(nb))
    assert [x["name"] for x in chain] == ["A", "B", "C"]
    order_url = f"{ws.base}/notebook/{nb}/blocks/order"
    order = ws.client.get(order_url).json()
    assert order == {"notebookId": nb, "blockCount": 3, "blockOrder": [
        {"blockId": a["blockId"], "parentId": None, "position": 1},
        {"blockId": b["blockId"], "parentId": a["blockId"], "position": 2},
        {"blockId": c["blockId"], "parentId": b["blockId"], "position": 3}]}
    wanted = [c["blockId"], a["blockId"], b["blockId"]]
    reordered = ws.client.put(order_url, json={"blockIds": wanted})
    assert reordered.status_code == 200, reordered.text
    assert [x["blockId"] for x in reordered.json()["blockOrder"]] == wanted
    chain = assert_single_chain(ws.blocks(nb))
    assert [x["name"] for x in chain] == ["C", "A", "B"]
    for bad in ([c["blockId"], a["blockId"]], wanted + [a["blockId"]],
                [c["blockId"], a["blockId"], MISSING_ID], ["nope"]):
        response = ws.client.put(order_url, json={"blockIds": bad})
        assert response.status_code == 400, bad
    assert ws.client.put(order_url, json={}).status_code == 400
    assert [x["name"] for x in assert_single_chain(ws.blocks(nb))] == ["C", "A", "B"]


def test_get_update_and_delete_a_block(ws, nb):
    a = ws.block(nb, name="A")
    b = ws.block(nb, "CalculatorVariants", {"TopN": 3}, name="B", description="variants")
    c = ws.block(nb, name="C")
    url = f"{ws.base}/block/{b['blockId']}"
    detail = ws.client.get(url).json()
    assert list(detail)[:len(BLOCK_DETAIL_FIELDS)] == BLOCK_DETAIL_FIELDS
    assert detail["notebookId"] == nb and detail["blockTitle"] == "B"
    assert detail["blockDescription"] == "variants" and detail["blockOrder"] == 1
    assert detail["isDisabled"] is False and detail["executionCount"] == 0
    assert detail["lastExecutionDate"] is None and detail["lastExecutionStatus"] is None
    updated = ws.client.put(url, json={"blockTitle": "B2", "isDisabled": True})
    assert updated.status_code == 200, updated.text
    assert updated.json()["blockTitle"] == "B2" and updated.json()["isDisabled"] is True
    assert updated.json()["configuration"] == b["configuration"]
    reconfigured = ws.client.put(url, json={"configuration": {"TopN": 7}})
    assert reconfigured.status_code == 200
    assert json.loads(reconfigured.json()["configuration"]) == {"TopN": 7}
    bad = ws.client.put(url, json={"configuration": {"TopN": "many"}})
    assert bad.status_code == 400
    assert bad.headers["Content-Type"].startswith("text/plain")
    assert bad.text.startswith("Failed to update block.") and "TopN" in bad.text
    assert ws.client.put(url, json={"operatorName": "Nope"}).status_code == 400
    assert json.loads(ws.client.get(url).json()["configuration"]) == {"TopN": 7}
    deleted = ws.client.delete(url)
    assert deleted.status_code == 204
    chain = assert_single_chain(ws.blocks(nb))
    assert [x["blockId"] for x in chain] == [a["blockId"], c["blockId"]]
    for method in ("GET", "PUT", "DELETE"):
        response = ws.client.request(method, url, json={"blockTitle": "x"})
        assert response.status_code == 404
        assert response.json() == {"Error": "Block not found", "BlockId": b["blockId"]}


@pytest.mark.parametrize("kind, block_type", [("filter", "Filter"), ("calculator", "Calculator"),
                                              ("alert", "Alert")])
def test_typed_block_routes(ws, nb, kind, block_type):
    url = f"{ws.base}/block/{kind}"
    response = ws.client.post(url, json={"notebookId": nb, "blockTitle": "Date Range Filter",
                                         "blockDescription": "last 30 days"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["blockType"] == block_type and body["blockTitle"] == "Date Range Filter"
    assert body["notebookId"] == nb
    assert ws.client.post(url, json={"blockTitle": "x"}).status_code == 400
    missing = ws.client.post(url, json={"notebookId": MISSING_ID, "blockTitle": "x"})
    assert missing.status_code == 404
    assert missing.json() == {"Error": "Notebook not found", "NotebookId": MISSING_ID}


def test_typed_route_checks_the_operator_type(ws, nb):
    wrong = ws.client.post(f"{ws.base}/block/filter", json={
        "notebookId": nb, "blockTitle": "x", "operatorName": "CalculatorVariants"})
    assert wrong.status_code == 400 and "Calculator" in wrong.text
    right = ws.client.post(f"{ws.base}/block/calculator", json={
        "notebookId": nb, "blockTitle": "x", "operatorName": "CalculatorVariants",
        "configuration": {"TopN": 3}})
    assert right.status_code == 201


def test_block_type_discovery_lists_every_operator(ws, admin):
    url = f"/api/tenant/{ws.tenant.id}/project/{ws.project}/block/types/all"
    response = ws.client.get(url)
    assert response.status_code == 200
    body = response.json()
    operators = {op["name"]: op for op in body["operators"]}
    assert len(operators) == 44
    attribute = operators["FilterAttribute"]
    assert attribute["blockType"] == "Filter" and attribute["displayName"]
    compare = next(s for s in attribute["settings"] if s["name"] == "CompareMethod")
    assert {"value": 1, "name": "Is"}.items() <= compare["allowedValues"][0].items()
    assert all("result" in op and "settings" in op for op in operators.values())
    assert ws.client.get(f"/api/tenant/{ws.tenant.id}/project/{MISSING_ID}/block/types/all"
                         ).status_code == 404
