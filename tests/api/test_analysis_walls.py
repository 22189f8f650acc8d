"""Walls around investigations, notebooks, blocks and templates: another tenant's key is stopped
on every route with the victim's real ids, nothing leaks and nothing changes; everything survives
a restart and a kill."""

import signal

import pytest

from analysis_support import Workspace, assert_single_chain
from conftest import Client, Tenant
from dataset_support import MISSING_ID
from execution_support import execute_block, wait_for_block

SECRET = "victim secret analysis"


def build(ws):
    inv = ws.investigation(investigationName=SECRET)
    notebook = ws.notebook(inv["investigationId"], name=SECRET + " notebook")
    first = ws.block(notebook["notebookId"], "CalculatorVariants", {"TopN": 4}, name=SECRET + " a")
    second = ws.block(notebook["notebookId"], name=SECRET + " b")
    dashboard = ws.client.post(f"{ws.base}/dashboard", json={"name": SECRET + " dashboard"})
    assert dashboard.status_code == 201, dashboard.text
    dashboard_id = dashboard.json()["dashboardId"]
    panel = ws.client.post(f"{ws.base}/dashboard/{dashboard_id}/panel", json={
        "title": SECRET + " panel", "panelType": "DashboardPanelCalculator",
        "blockId": first["blockId"], "row": 0, "column": 0, "width": 6, "height": 3})
    assert panel.status_code == 201, panel.text
    return {"investigationId": inv["investigationId"], "notebookId": notebook["notebookId"],
            "blockId": first["blockId"], "otherBlockId": second["blockId"],
            "datasetId": ws.dataset, "dashboardId": dashboard_id,
            "panelId": panel.json()["panelId"]}


def routes(ws, ids):
    b = ws.base
    inv = f"{b}/investigation/{ids['investigationId']}"
    nb = f"{b}/notebook/{ids['notebookId']}"
    block = f"{b}/block/{ids['blockId']}"
    dash = f"{b}/dashboard/{ids['dashboardId']}"
    panel = f"{dash}/panel/{ids['panelId']}"
    return [
        ("GET", f"{b}/investigation", None), ("GET", inv, None),
        ("POST", f"{b}/investigation", {"investigationName": "x", "datasetId": ids["datasetId"]}),
        ("PUT", inv, {"investigationName": "hijacked"}), ("DELETE", inv, None),
        ("GET", f"{inv}/notebooks", None), ("GET", f"{inv}/main-notebook", None),
        ("GET", f"{b}/notebook/investigation/{ids['investigationId']}", None),
        ("POST", f"{b}/notebook/investigation/{ids['investigationId']}", {"name": "x"}),
        ("POST", f"{b}/notebook/investigation/{ids['investigationId']}/from-template",
         {"templateId": MISSING_ID}),
        ("GET", nb, None), ("PUT", nb, {"name": "hijacked"}), ("DELETE", nb, None),
        ("POST", f"{nb}/copy", {}), ("GET", f"{nb}/url", None),
        ("GET", f"{nb}/blocks", None),
        ("POST", f"{nb}/blocks", {"operatorName": "CalculatorVariants", "name": "x"}),
        ("GET", f"{nb}/blocks/order", None),
        ("PUT", f"{nb}/blocks/order", {"blockIds": [ids["otherBlockId"], ids["blockId"]]}),
        ("GET", block, None), ("PUT", block, {"blockTitle": "hijacked"}), ("DELETE", block, None),
        ("POST", f"{b}/block/filter", {"notebookId": ids["notebookId"], "blockTitle": "x"}),
        ("POST", f"{b}/block/calculator", {"notebookId": ids["notebookId"], "blockTitle": "x"}),
        ("POST", f"{b}/block/alert", {"notebookId": ids["notebookId"], "blockTitle": "x"}),
        ("GET", f"/api/tenant/{ws.tenant.id}/project/{ws.project}/block/types/all", None),
        ("POST", f"{block}/execute", {}), ("GET", f"{block}/results", None),
        ("GET", f"{block}/output-data", None),
        ("POST", f"{b}/execution/notebook/{ids['notebookId']}", {}),
        ("GET", f"{b}/execution/notebook/{ids['notebookId']}/results", None),
        ("GET", f"{b}/execution/status/{ids['notebookId']}", None),
        ("GET", f"{b}/dashboard", None), ("POST", f"{b}/dashboard", {"name": "x"}),
        ("GET", dash, None), ("PUT", dash, {"name": "hijacked"}), ("DELETE", dash, None),
        ("GET", f"{dash}/panels", None), ("GET", f"{dash}/url", None),
        ("POST", f"{dash}/panel", {"title": "x", "panelType": "DashboardPanelCalculator",
                                   "blockId": ids["blockId"], "row": 0, "column": 0,
                                   "width": 1, "height": 1}),
        ("PUT", panel, {"title": "hijacked"}), ("DELETE", panel, None),
    ]


def snapshot(ws, ids):
    ws.load()
    b = ws.base
    return [ws.client.get(path).json() for path in (
        f"{b}/investigation", f"{b}/investigation/{ids['investigationId']}/notebooks",
        f"{b}/notebook/{ids['notebookId']}/blocks", f"{b}/block/{ids['blockId']}",
        f"{b}/dashboard/{ids['dashboardId']}/panels")]


def test_another_tenants_key_is_stopped_everywhere(admin, tenant):
    ws = Workspace(tenant)
    ids = build(ws)
    ws.load()
    before = snapshot(ws, ids)
    intruder = Tenant(admin)
    for method, path, body in routes(ws, ids):
        response = intruder.client.request(method, path, json=body)
        assert response.status_code in (401, 403), (method, path, response.status_code)
        assert SECRET not in response.text
    assert snapshot(ws, ids) == before


def test_ids_of_another_tenant_are_not_found_from_its_own_project(admin, tenant, other_tenant):
    victim = Workspace(tenant)
    ids = build(victim)
    attacker = Workspace(other_tenant)
    attacker.load()
    for method, path, body in routes(victim, ids):
        mine = path.replace(victim.base, attacker.base).replace(victim.tenant.id,
                                                                attacker.tenant.id)
        if not any(ids[key] in mine for key in ("investigationId", "notebookId", "blockId",
                                                "dashboardId")) \
                and ids["datasetId"] not in str(body):
            continue
        response = attacker.client.request(method, mine, json=body)
        assert response.status_code in (400, 404), (method, mine, response.text)
        assert SECRET not in response.text
    assert victim.client.get(f"{victim.base}/block/{ids['blockId']}").status_code == 200


def follow(srv, *holders):
    """Points the clients at the restarted server (it listens on a new port)."""
    for holder in holders:
        client = holder.client if isinstance(holder, Workspace) else holder
        client.base_url = srv.url


def test_everything_survives_a_restart_and_a_kill(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    ws = Workspace(Tenant(admin))
    ids = build(ws)
    ws.client.put(f"{ws.base}/notebook/{ids['notebookId']}/blocks/order",
                  json={"blockIds": [ids["otherBlockId"], ids["blockId"]]})
    first_global = admin.get("/api/templates").json()["templates"][0]["templateId"]
    mcl = admin.get(f"/api/templates/{first_global}").json()["mclText"]
    template = admin.post(f"/api/templates/tenant/{ws.tenant.id}",
                          json={"name": "kept", "mclText": mcl})
    assert template.status_code == 201, template.text
    executed = execute_block(ws, ids["blockId"])
    wait_for_block(ws, ids["blockId"], executed["executionId"])
    output = ws.client.get(f"{ws.base}/block/{ids['blockId']}/output-data").json()
    before = snapshot(ws, ids)
    globals_before = admin.get("/api/templates").json()
    srv.stop()
    follow(srv.start(), admin, ws)
    assert snapshot(ws, ids) == before
    assert admin.get("/api/templates").json()["totalCount"] == globals_before["totalCount"]
    assert admin.get(f"/api/templates/{template.json()['templateId']}").status_code == 200
    assert ws.client.get(f"{ws.base}/block/{ids['blockId']}/output-data").json() == output
    copy = ws.client.post(f"{ws.base}/notebook/{ids['notebookId']}/copy", json={"name": "c"})
    assert copy.status_code == 201
    before = snapshot(ws, ids)
    srv.stop(signal.SIGKILL)
    follow(srv.start(), admin, ws)
    blocks = ws.client.get(f"{ws.base}/notebook/{copy.json()['notebookId']}/blocks").json()
    assert len(assert_single_chain(blocks["blocks"])) == 2
    assert snapshot(ws, ids) == before
