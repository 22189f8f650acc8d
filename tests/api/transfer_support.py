"""Helpers for the project package (.mpz) tests: download, import, read packages, and a project
with several datasets, investigations, notebooks, dashboards, templates and a thumbnail."""

import io
import json
import re
import zipfile
from types import SimpleNamespace

from analysis_support import Workspace, api, mcl_text, MCL_EXAMPLES
from conftest import unique_name
from dataset_support import ok, send
from execution_support import run_notebook, shared_log
from project_support import data_uri, png_bytes

IMPORT_FIELDS = ["success", "projectId", "projectName", "datasetsImported",
                 "investigationsImported", "dashboardsImported", "message", "details"]

GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

# A tenant template: one notebook with a calculator, its dashboard selector and a panel.
TEMPLATE_MCL = json.loads(mcl_text(next(p for p in MCL_EXAMPLES if p.name == "WaitingForBed.mcl")))
_notebook = TEMPLATE_MCL["Notebooks"][0]
_notebook["Name"] = "Resources"
_notebook["Blocks"] = [dict(_notebook["Blocks"][1], Title="Resource frequency",
                            OperatorTypeName="CalculatorResourceFrequency",
                            OperatorSettings="{\r\n  \"MaxRows\": 0\r\n}",
                            ParentBlockId=None, IsFirstBlock=True)]


def download(client, tenant_id, project_id):
    return send(client, "GET", f"/api/{tenant_id}/project/{project_id}/download")


def exported(client, tenant_id, project_id):
    response = download(client, tenant_id, project_id)
    assert response.status_code == 200, response.text
    return response.content


def import_package(client, tenant_id, content, file_name="backup.mpz", params=None):
    return send(client, "POST", f"/api/{tenant_id}/project/import", params=params,
                files={"file": (file_name, content, "application/octet-stream")})


def imported(client, tenant_id, content, **params):
    response = import_package(client, tenant_id, content, params=params or None)
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == IMPORT_FIELDS and body["success"] is True
    assert list(body["details"]) == ["successful", "failed", "warnings"]
    return body


def members(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def package(entries):
    """A zip of {name: bytes or dict (written as JSON)}."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, json.dumps(data) if isinstance(data, dict) else data)
    return buffer.getvalue()


def bad_request(response):
    assert response.status_code == 400, response.text
    body = response.json()
    assert list(body) == ["success", "errorMessage"] and body["success"] is False
    return body["errorMessage"]


class ProjectView:
    """Everything of one project read through the API, keyed by names so that two projects
    (an original and its import) can be compared object by object."""

    def __init__(self, client, tenant_id, project_id):
        self.client = client
        self.base = api(tenant_id, project_id)
        get = self.get
        self.project = get(f"/api/{tenant_id}/project/{project_id}")
        self.thumbnail = get(f"/api/{tenant_id}/project/{project_id}/thumbnail")
        self.datasets = {d["datasetName"]: d for d in get(f"{self.base}/dataset")["datasets"]}
        self.investigations = {}
        self.notebooks = {}
        self.blocks = {}
        for investigation in get(f"{self.base}/investigation")["investigations"]:
            name = investigation["investigationName"]
            self.investigations[name] = investigation
            investigation_id = investigation["investigationId"]
            for notebook in get(f"{self.base}/notebook/investigation/{investigation_id}"):
                key = (name, notebook["name"])
                self.notebooks[key] = notebook
                self.blocks[key] = get(f"{self.base}/notebook/{notebook['notebookId']}/blocks"
                                       )["blocks"]
        self.dashboards = {}
        self.panels = {}
        notebook_names = {n["notebookId"]: key for key, n in self.notebooks.items()}
        for dashboard in get(f"{self.base}/dashboard", params={"pageSize": 100})["dashboards"]:
            key = notebook_names.get(dashboard["notebookId"], dashboard["name"])
            self.dashboards[key] = dashboard
            self.panels[key] = get(f"{self.base}/dashboard/{dashboard['dashboardId']}/panels"
                                   )["panels"]

    def get(self, path, **kwargs):
        response = self.client.get(path, **kwargs)
        assert response.status_code == 200, (path, response.text)
        return response.json()

    def ids(self):
        """Every object id of the project."""
        found = {self.project["projectId"]}
        found |= {d["datasetId"] for d in self.datasets.values()}
        found |= {i["investigationId"] for i in self.investigations.values()}
        found |= {n["notebookId"] for n in self.notebooks.values()}
        found |= {b["blockId"] for blocks in self.blocks.values() for b in blocks}
        found |= {d["dashboardId"] for d in self.dashboards.values()}
        found |= {p["panelId"] for panels in self.panels.values() for p in panels}
        return found

    def id_map(self, other):
        """Ids of this project -> ids of the same objects in `other`."""
        mapping = {self.project["projectId"]: other.project["projectId"]}
        for kind, key in ((self.datasets, "datasetId"), (self.investigations, "investigationId"),
                          (self.notebooks, "notebookId"), (self.dashboards, "dashboardId")):
            others = getattr(other, {"datasetId": "datasets", "investigationId": "investigations",
                                     "notebookId": "notebooks", "dashboardId": "dashboards"}[key])
            for name, item in kind.items():
                mapping[item[key]] = others[name][key]
        for key, blocks in self.blocks.items():
            for mine, theirs in zip(blocks, other.blocks[key]):
                mapping[mine["blockId"]] = theirs["blockId"]
        for key, panels in self.panels.items():
            for mine, theirs in zip(panels, other.panels[key]):
                mapping[mine["panelId"]] = theirs["panelId"]
        return mapping


def remapped(value, mapping):
    """`value` (JSON-able) with every id replaced through `mapping`."""
    text = json.dumps(value)
    return json.loads(GUID.sub(lambda m: mapping.get(m.group(0), m.group(0)), text))


class RichProject:
    """A project built from the shared logs: three datasets; investigations with a filter,
    calculators and a panel, a notebook from the global Process Discovery template and one from a
    tenant template; a project dashboard whose panels show calculators of two notebooks; a
    thumbnail."""

    def __init__(self, tenant, admin):
        self.tenant = tenant
        self.ws = Workspace(tenant, shared_log("running-example.csv"))
        ws = self.ws
        client = tenant.client
        ok(shared_log("receipt.csv")(client, tenant.id, ws.project))
        ok(shared_log("bpic2012.xes.gz")(client, tenant.id, ws.project))
        datasets = {d["datasetName"]: d["datasetId"]
                    for d in client.get(f"{ws.base}/dataset").json()["datasets"]}
        receipt = next(i for n, i in datasets.items() if i != ws.dataset and n.startswith("log"))
        bpic = next(i for i in datasets.values() if i not in (ws.dataset, receipt))

        running = ws.investigation(investigationName="Running example",
                                   investigationDescription="small log")["investigationId"]
        self.analysis = ws.notebook(running, name="Analysis")["notebookId"]
        ws.block(self.analysis, "FilterActivities",
                 {"ActivityNames": ["reject request"], "Mode": "KeepCasesWithAny"},
                 name="Rejected")
        self.frequency = ws.block(self.analysis, "CalculatorActivityFrequency", {"MaxRows": 0},
                                  name="Frequencies")["blockId"]
        ws.block(self.analysis, "CalculatorVariants", {"TopN": 0}, name="Variants")
        ws.block(self.analysis, "CalculatorCaseDuration", {"Unit": 1}, name="Durations")
        own = self.dashboard_of(self.analysis)
        self.panel(own, "Frequencies", self.frequency, "DashboardPanelDataTable", {})
        discovery = next(t for t in admin.get("/api/templates").json()["templates"]
                         if t["name"] == "Process Discovery")
        created = client.post(f"{ws.base}/notebook/investigation/{running}/from-template",
                              json={"templateId": discovery["templateId"]})
        assert created.status_code == 201, created.text
        self.template = admin.post(f"/api/templates/tenant/{tenant.id}",
                                   json={"name": unique_name("Resources"), "category": "Custom",
                                         "mclText": json.dumps(TEMPLATE_MCL)}).json()
        assert admin.put(f"/api/templates/{self.template['templateId']}/thumbnail",
                         json={"base64Image": data_uri("image/png", png_bytes(3, 3))}
                         ).status_code == 200
        created = client.post(f"{ws.base}/notebook/investigation/{running}/from-template",
                              json={"templateId": self.template["templateId"],
                                    "name": "Resources"})
        assert created.status_code == 201, created.text

        receipts = ws.investigation(investigationName="Receipts", datasetId=receipt
                                    )["investigationId"]
        self.receipt_flow = ws.notebook(receipts, name="Flow")["notebookId"]
        ws.block(self.receipt_flow, "FilterCaseSize", {"MinEvents": 3}, name="Three or more")
        self.process_map = ws.block(self.receipt_flow, "CalculatorProcessFollows", {},
                                    name="Map")["blockId"]
        self.case_count = ws.block(self.receipt_flow, "CalculatorCaseCount", name="Cases"
                                   )["blockId"]
        loans = ws.investigation(investigationName="Loans", datasetId=bpic)["investigationId"]
        self.loans = ws.notebook(loans, name="Variants")["notebookId"]
        ws.block(self.loans, "CalculatorVariants", {"TopN": 25}, name="Top variants")

        overview = client.post(f"{ws.base}/dashboard",
                               json={"name": "Overview", "description": "two notebooks"})
        assert overview.status_code == 201, overview.text
        self.overview = overview.json()["dashboardId"]
        self.panel(self.overview, "Receipt map", self.process_map, "DashboardPanelProcessMap", None)
        self.panel(self.overview, "Running frequencies", self.frequency,
                   "DashboardPanelHorizontalBarChart",
                   {"tableIndex": 0, "columnNames": ["concept:name", "Count"],
                    "sortColumnName": "Count", "sortAscending": False, "maxRows": 10}, column=6)
        thumbnail = client.post(f"/api/{tenant.id}/project/{ws.project}/thumbnail",
                                json={"base64Image": data_uri("image/png", png_bytes())})
        assert thumbnail.status_code == 200, thumbnail.text

    def dashboard_of(self, notebook_id):
        dashboards = self.ws.client.get(f"{self.ws.base}/dashboard").json()["dashboards"]
        return next(d["dashboardId"] for d in dashboards if d["notebookId"] == notebook_id)

    def panel(self, dashboard_id, title, block_id, panel_type, settings, column=0):
        body = {"title": title, "panelType": panel_type, "blockId": block_id, "row": 0,
                "column": column, "width": 6, "height": 4}
        if settings is not None:
            body["settings"] = settings
        response = self.ws.client.post(f"{self.ws.base}/dashboard/{dashboard_id}/panel", json=body)
        assert response.status_code == 201, response.text


def figures(client, tenant_id, project_id, notebook_id):
    """The results of running a notebook, without what differs between runs and copies."""
    workspace = SimpleNamespace(
        client=client, base=api(tenant_id, project_id),
        load=lambda: client.get(f"/api/{tenant_id}/project/{project_id}/load"))
    results = run_notebook(workspace, notebook_id)
    assert results["status"] == "Completed", results
    return [{k: v for k, v in block.items()
             if k not in ("blockId", "executionId", "durationMs", "fromCache")}
            for block in results["blocks"]]

