"""Dashboard API: dashboards (notebook dashboards listed too), panels with their selector blocks,
shareable URLs, the documented errors, and persistence."""

import json

import pytest

from analysis_support import Workspace
from conftest import Client, Tenant
from dataset_support import MISSING_ID
from execution_support import run_notebook, table

DASHBOARD_FIELDS = ["dashboardId", "projectId", "name", "description", "panelCount", "url",
                    "dateCreated", "dateModified", "createdBy", "modifiedBy", "notebookId"]

PANEL_FIELDS = ["panelId", "title", "dashboardPanelClassName", "row", "column", "width", "height",
                "blockId"]

VALID_TYPES = ("DashboardPanelSingleValue, DashboardPanelCalculator, "
               "DashboardPanelHorizontalBarChart, DashboardPanelDataTable, "
               "DashboardPanelProcessMap, DashboardPanelDashboardNote, "
               "DashboardPanelRecommendationSentence")

KPI_SETTINGS = {"tableIndex": 0, "labelColumnName": "Name", "labelName": "Total Case Count",
                "valueColumnName": "Value", "formatText": "N0"}


class Analysis:
    """A workspace with a notebook of three calculators and a dashboard of its own."""

    def __init__(self, tenant):
        self.ws = Workspace(tenant)
        self.investigation = self.ws.investigation()["investigationId"]
        self.notebook = self.ws.notebook(self.investigation)["notebookId"]
        self.info = self.ws.block(self.notebook, "CalculatorDataInformation")["blockId"]
        self.frequency = self.ws.block(self.notebook, "CalculatorActivityFrequency")["blockId"]
        self.map = self.ws.block(self.notebook, "CalculatorProcessFollows")["blockId"]
        self.dashboard = self.create_dashboard()["dashboardId"]

    def create_dashboard(self, **fields):
        body = {"name": "Operations", "description": "daily figures"}
        body.update(fields)
        response = self.ws.client.post(f"{self.ws.base}/dashboard", json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def url(self, dashboard_id=None):
        return f"{self.ws.base}/dashboard/{dashboard_id or self.dashboard}"

    def post_panel(self, dashboard_id=None, **body):
        return self.ws.client.post(f"{self.url(dashboard_id)}/panel", json=body)

    def panel(self, **fields):
        response = self.post_panel(**fields)
        assert response.status_code == 201, response.text
        return response.json()

    def panels(self, dashboard_id=None):
        response = self.ws.client.get(f"{self.url(dashboard_id)}/panels")
        assert response.status_code == 200, response.text
        return response.json()["panels"]

    def block(self, block_id):
        return self.ws.client.get(f"{self.ws.base}/block/{block_id}")


@pytest.fixture
def an(tenant):
    return Analysis(tenant)


def validation_error(response):
    assert response.status_code == 400, response.text
    body = response.json()
    assert list(body) == ["Error", "Message"] and body["Error"] == "VALIDATION_ERROR"
    return body["Message"]


def not_found(response, kind, identifier):
    assert response.status_code == 404, response.text
    assert response.json() == {"Error": f"{kind} not found", f"{kind}Id": identifier}


def test_notebook_dashboards_are_listed(tenant):
    ws = Workspace(tenant)
    inv = ws.investigation()["investigationId"]
    main = ws.client.get(f"{ws.base}/notebook/investigation/{inv}").json()[0]
    listed = ws.client.get(f"{ws.base}/dashboard")
    assert listed.status_code == 200
    body = listed.json()
    assert {k: body[k] for k in ("totalCount", "page", "pageSize")} == {
        "totalCount": 1, "page": 1, "pageSize": 50}
    dashboard = body["dashboards"][0]
    assert list(dashboard) == DASHBOARD_FIELDS
    assert dashboard["notebookId"] == main["notebookId"]
    assert dashboard["name"] == main["notebookId"]  # as mindzieStudio names them
    assert dashboard["projectId"] == ws.project and dashboard["panelCount"] == 0
    assert dashboard["url"] == f"{ws.client.base_url}/dashboard/{dashboard['dashboardId']}"
    got = ws.client.get(f"{ws.base}/dashboard/{dashboard['dashboardId']}")
    assert got.status_code == 200 and got.json() == dashboard


def test_a_template_notebook_dashboard_lists_its_panels(tenant, admin):
    ws = Workspace(tenant)
    template = next(t for t in admin.get("/api/templates").json()["templates"]
                    if t["name"] == "Process Discovery")
    inv = ws.investigation()["investigationId"]
    created = ws.client.post(f"{ws.base}/notebook/investigation/{inv}/from-template",
                             json={"templateId": template["templateId"]}).json()
    dashboard = next(d for d in ws.client.get(f"{ws.base}/dashboard").json()["dashboards"]
                     if d["notebookId"] == created["notebookId"])
    assert dashboard["panelCount"] == 5
    panels = ws.client.get(f"{ws.base}/dashboard/{dashboard['dashboardId']}/panels").json()
    assert panels["dashboardId"] == dashboard["dashboardId"]
    assert len(panels["panels"]) == 5
    selectors = {b["blockId"] for b in ws.blocks(created["notebookId"]) if b["isDashboardBlock"]}
    for panel in panels["panels"]:
        assert list(panel) == ["panelId", "name", "panelType", "position", "width", "height",
                               "configuration", "blockId"]
        assert panel["position"].startswith("Row: ") and ", Col: " in panel["position"]
        assert isinstance(json.loads(panel["configuration"]), dict)
        assert panel["blockId"] in selectors


def test_create_update_and_delete_a_dashboard(an):
    ws = an.ws
    ws.unload()
    created = an.create_dashboard(name="Weekly", description="for the team")
    assert list(created) == DASHBOARD_FIELDS
    assert created["name"] == "Weekly" and created["description"] == "for the team"
    assert created["notebookId"] is None and created["panelCount"] == 0
    assert created["createdBy"] == created["modifiedBy"]
    assert created["dateCreated"] == created["dateModified"]
    loaded = ws.client.get(f"/api/{ws.tenant.id}/project/{ws.project}/load").json()
    assert loaded["loadedFromCache"] is True  # modifications auto-load the project
    url = an.url(created["dashboardId"])
    renamed = ws.client.put(url, json={"name": "Monthly"})
    assert renamed.status_code == 200, renamed.text
    assert renamed.json()["name"] == "Monthly"
    assert renamed.json()["description"] == "for the team"
    assert renamed.json()["dateModified"] > created["dateModified"]
    described = ws.client.put(url, json={"description": ""}).json()
    assert described["name"] == "Monthly" and described["description"] == ""
    assert ws.client.get(url).json() == described
    assert ws.client.delete(url).status_code == 204
    not_found(ws.client.get(url), "Dashboard", created["dashboardId"])


def test_dashboard_input_is_validated(an):
    ws = an.ws
    url = f"{ws.base}/dashboard"
    assert validation_error(ws.client.post(url, json={})) == "Name is required"
    assert validation_error(ws.client.post(url, json={"name": "  "})) == "Name is required"
    too_long = ws.client.post(url, json={"name": "x" * 201})
    assert "Name cannot exceed 200" in validation_error(too_long)
    assert "Description" in validation_error(
        ws.client.post(url, json={"name": "x", "description": "d" * 2001}))
    assert "name" in validation_error(ws.client.post(url, json={"name": 5}))
    assert validation_error(ws.client.post(url, data="{nope", headers={
        "Content-Type": "application/json"}))
    assert validation_error(ws.client.put(an.url(), json={"name": ""})) == "Name is required"
    names = [d["name"] for d in ws.client.get(url).json()["dashboards"]]
    assert names.count("Operations") == 1 and "x" not in names


def test_pagination(an):
    ws = an.ws
    for i in range(4):
        an.create_dashboard(name=f"d{i}")
    url = f"{ws.base}/dashboard"
    everything = ws.client.get(url).json()
    assert everything["totalCount"] == 7  # 2 notebook dashboards, Operations, d0..d3
    names = [d["name"] for d in everything["dashboards"]]
    assert names[-5:] == ["Operations", "d0", "d1", "d2", "d3"]
    page = ws.client.get(url, params={"page": 2, "pageSize": 3}).json()
    assert (page["page"], page["pageSize"], page["totalCount"]) == (2, 3, 7)
    assert [d["name"] for d in page["dashboards"]] == names[3:6]
    assert ws.client.get(url, params={"page": 4, "pageSize": 3}).json()["dashboards"] == []
    assert ws.client.get(url, params={"pageSize": 500}).json()["pageSize"] == 100
    for bad in ({"page": 0}, {"pageSize": "many"}, {"page": -1}):
        assert ws.client.get(url, params=bad).status_code == 400


def test_unknown_dashboards_and_panels_are_not_found(an):
    ws = an.ws
    missing = an.url(MISSING_ID)
    for method, path, body in [("GET", missing, None), ("PUT", missing, {"name": "x"}),
                               ("DELETE", missing, None), ("GET", f"{missing}/panels", None),
                               ("GET", f"{missing}/url", None),
                               ("POST", f"{missing}/panel", {
                                   "title": "t", "panelType": "DashboardPanelDashboardNote",
                                   "row": 0, "column": 0, "width": 1, "height": 1}),
                               ("PUT", f"{missing}/panel/{MISSING_ID}", {"title": "x"}),
                               ("DELETE", f"{missing}/panel/{MISSING_ID}", None)]:
        not_found(ws.client.request(method, path, json=body), "Dashboard", MISSING_ID)
    panel = f"{an.url()}/panel/{MISSING_ID}"
    not_found(ws.client.put(panel, json={"title": "x"}), "Panel", MISSING_ID)
    not_found(ws.client.delete(panel), "Panel", MISSING_ID)
    assert ws.client.get(f"{ws.base}/dashboard/not-a-guid").status_code == 400
    assert ws.client.get(f"{ws.base.replace(ws.project, MISSING_ID)}/dashboard").status_code == 404


def test_urls(an):
    ws = an.ws
    response = ws.client.get(f"{an.url()}/url")
    assert response.status_code == 200
    assert response.json() == {"dashboardId": an.dashboard,
                               "url": f"{ws.client.base_url}/dashboard/{an.dashboard}",
                               "embedUrl": f"{ws.client.base_url}/embed/dashboard/{an.dashboard}"}
    proxied = ws.client.get(f"{an.url()}/url", headers={"X-Forwarded-Proto": "https",
                                                        "X-Forwarded-Host": "pm.example.com"})
    assert proxied.json()["url"] == f"https://pm.example.com/dashboard/{an.dashboard}"
    assert proxied.json()["embedUrl"] == f"https://pm.example.com/embed/dashboard/{an.dashboard}"


PANEL_CASES = [
    # panel type, calculator, settings, selector
    ("DashboardPanelSingleValue", "info", json.dumps(KPI_SETTINGS), "SelectorSingleValueFromLabel"),
    ("DashboardPanelCalculator", "info", None, "SelectorFullCalculator"),
    ("DashboardPanelHorizontalBarChart", "frequency",
     {"tableIndex": 0, "columnNames": ["Activity", "Count"], "sortColumnName": "Count",
      "sortAscending": False, "maxRows": 10}, "SelectorMultiColumns"),
    ("DashboardPanelDataTable", "frequency", {}, "SelectorFullCalculator"),
    ("DashboardPanelProcessMap", "map", None, "SelectorFullCalculator"),
]


def test_each_panel_type_creates_its_selector_and_runs(an):
    ws = an.ws
    selectors = {}
    for column, (panel_type, calculator, settings, operator) in enumerate(PANEL_CASES):
        fields = {"title": panel_type, "panelType": panel_type,
                  "blockId": getattr(an, calculator), "row": 1, "column": column * 2, "width": 2,
                  "height": 4, "description": "shows " + calculator}
        if settings is not None:
            fields["settings"] = settings
        created = an.panel(**fields)
        assert list(created) == PANEL_FIELDS
        assert {k: created[k] for k in PANEL_FIELDS[1:7]} == {
            "title": panel_type, "dashboardPanelClassName": panel_type, "row": 1,
            "column": column * 2, "width": 2, "height": 4}
        assert created["blockId"] != getattr(an, calculator)
        block = an.block(created["blockId"])
        assert block.status_code == 200
        block = block.json()
        assert (block["operatorName"], block["parentId"], block["isDashboardBlock"],
                block["blockType"], block["notebookId"]) == (
            operator, getattr(an, calculator), True, "Selector", an.notebook)
        configuration = json.loads(block["configuration"])
        assert configuration["CalculatorBlockId"] == getattr(an, calculator)
        selectors[panel_type] = (created["blockId"], configuration)
    assert selectors["DashboardPanelSingleValue"][1] == {
        "TableIndex": 0, "LabelColumnName": "Name", "LabelName": "Total Case Count",
        "ValueColumnName": "Value", "FormatText": "N0", "CalculatorBlockId": an.info}
    assert selectors["DashboardPanelHorizontalBarChart"][1]["ColumnNames"] == ["Activity", "Count"]
    process_map = selectors["DashboardPanelProcessMap"][1]
    assert process_map["DefaultPanelType"] == "DashboardPanelProcessMap"
    note = an.panel(title="Read me", panelType="DashboardPanelDashboardNote",
                    settings={"text": "# Waiting times"}, row=0, column=0, width=12, height=1)
    assert note["blockId"] is None
    assert note["dashboardPanelClassName"] == "DashboardPanelDashboardNote"
    advice = an.panel(title="Advice", panelType="DashboardPanelRecommendationSentence", row=5,
                      column=0, width=1, height=1)
    assert advice["blockId"] is None

    panels = an.panels()
    assert [p["name"] for p in panels] == ["Read me"] + [c[0] for c in PANEL_CASES] + ["Advice"]
    assert panels[1]["position"] == "Row: 1, Col: 0" and panels[2]["position"] == "Row: 1, Col: 2"
    assert json.loads(panels[0]["configuration"]) == {"text": "# Waiting times"}
    assert panels[-1]["configuration"] == "{}" and panels[-1]["position"] == "Row: 5, Col: 0"
    assert ws.client.get(an.url()).json()["panelCount"] == 7
    listed = [b for b in ws.blocks(an.notebook) if b["isDashboardBlock"]]
    assert [b["blockId"] for b in listed] == [s[0] for s in selectors.values()]

    results = run_notebook(ws, an.notebook)
    assert results["status"] == "Completed", results["errorMessage"]
    by_id = {b["blockId"]: b for b in results["blocks"]}
    for block_id, _ in selectors.values():
        assert by_id[block_id]["status"] == "Success", by_id[block_id]["errorMessage"]
    kpi = table(by_id[selectors["DashboardPanelSingleValue"][0]], "Value")
    assert kpi[0]["Value"] == 2 and kpi[0]["Text"] == "2"
    bars = table(by_id[selectors["DashboardPanelHorizontalBarChart"][0]], "Columns")
    assert bars == [{"Activity": "Create", "Count": 2}, {"Activity": "Approve", "Count": 1}]


def panel_fields(an, **changes):
    fields = {"title": "KPI", "panelType": "DashboardPanelSingleValue", "blockId": an.info,
              "row": 0, "column": 0, "width": 2, "height": 1, "settings": KPI_SETTINGS}
    fields.update(changes)
    return {k: v for k, v in fields.items() if v is not None}


def test_documented_panel_errors(an):
    ws = an.ws
    url = f"{an.url()}/panel"
    assert validation_error(ws.client.post(url, json=panel_fields(an, blockId=None))) == \
        "BlockId is required for panel type 'DashboardPanelSingleValue'"
    assert validation_error(ws.client.post(url, json=panel_fields(an, panelType="InvalidType"))) \
        == f"Invalid panel type 'InvalidType'. Valid types: {VALID_TYPES}"
    assert validation_error(ws.client.post(url, json=panel_fields(an, blockId=MISSING_ID))) == \
        f"Block '{MISSING_ID}' does not exist"


@pytest.mark.parametrize("changes, message", [
    ({"title": None}, "Title is required"),
    ({"title": " "}, "Title is required"),
    ({"panelType": None}, "PanelType is required"),
    ({"row": -1}, "Row must be 0 or greater (0-based), got -1"),
    ({"column": -3}, "Column must be 0 or greater (0-based), got -3"),
    ({"width": 0}, "Width must be between 1 and 12, got 0"),
    ({"width": 13}, "Width must be between 1 and 12, got 13"),
    ({"height": 0}, "Height must be between 1 and 20, got 0"),
    ({"height": 21}, "Height must be between 1 and 20, got 21"),
    ({"row": None}, "Row is required"),
    ({"height": None}, "Height is required"),
    ({"width": "wide"}, "'width' must be an integer"),
    ({"blockId": "not-a-guid"}, "blockId"),
    ({"settings": "[1, 2]"}, "Settings must be a JSON object"),
    ({"settings": {"labelName": "x", "tableIndex": "first"}}, "TableIndex"),
    ({"settings": {"tableIndex": 0}}, "LabelName"),
    ({"settings": {"labelName": 5}}, "LabelName"),
])
def test_bad_panels_are_refused(an, changes, message):
    response = an.post_panel(**panel_fields(an, **changes))
    assert message in validation_error(response)
    assert an.panels() == []
    assert not [b for b in an.ws.blocks(an.notebook) if b["isDashboardBlock"]]


def test_panels_show_calculators_only(an, other_tenant):
    ws = an.ws
    a_filter = ws.block(an.notebook, "ActivityFilter", {"activities": ["Create"]})["blockId"]
    message = validation_error(an.post_panel(**panel_fields(an, blockId=a_filter)))
    assert message == f"Block '{a_filter}' is a Filter block: panels show Calculator blocks"
    selector = an.panel(**panel_fields(an))["blockId"]
    message = validation_error(an.post_panel(**panel_fields(an, blockId=selector)))
    assert "is a dashboard block" in message
    elsewhere = Analysis(other_tenant)
    assert validation_error(an.post_panel(**panel_fields(an, blockId=elsewhere.info))) == \
        f"Block '{elsewhere.info}' does not exist"
    note = panel_fields(an, panelType="DashboardPanelDashboardNote", settings=None)
    assert "omit BlockId" in validation_error(an.post_panel(**note))
    assert validation_error(ws.client.post(f"{an.url()}/panel", data="[]", headers={
        "Content-Type": "application/json"}))


def test_largest_panel_is_accepted(an):
    created = an.panel(**panel_fields(an, row=40, column=11, width=12, height=20))
    assert (created["row"], created["column"], created["width"], created["height"]) == (
        40, 11, 12, 20)
    assert an.panels()[0]["position"] == "Row: 40, Col: 11"


def notebook_dashboard(an, notebook_id):
    return next(d for d in an.ws.client.get(f"{an.ws.base}/dashboard").json()["dashboards"]
                if d["notebookId"] == notebook_id)["dashboardId"]


def test_a_notebook_dashboard_shows_its_own_notebooks_calculators(an):
    ws = an.ws
    own = notebook_dashboard(an, an.notebook)
    created = an.panel(dashboard_id=own, **panel_fields(an))
    assert an.block(created["blockId"]).json()["parentId"] == an.info
    other = ws.notebook(an.investigation)["notebookId"]
    foreign = notebook_dashboard(an, other)
    assert validation_error(an.post_panel(dashboard_id=foreign, **panel_fields(an))) == \
        f"Block '{an.info}' is not a block of this dashboard's notebook"
    assert validation_error(ws.client.delete(an.url(own))) == \
        "A notebook's own dashboard is deleted with its notebook"
    copy = ws.client.post(f"{ws.base}/notebook/{an.notebook}/copy", json={}).json()
    copied = an.panels(notebook_dashboard(an, copy["notebookId"]))
    assert len(copied) == 1 and copied[0]["blockId"] != created["blockId"]
    assert ws.client.delete(f"{ws.base}/notebook/{an.notebook}").status_code == 200
    not_found(ws.client.get(an.url(own)), "Dashboard", own)


def test_update_and_delete_panels(an):
    ws = an.ws
    kpi = an.panel(**panel_fields(an))
    url = f"{an.url()}/panel/{kpi['panelId']}"
    before = ws.client.get(an.url()).json()
    moved = ws.client.put(url, json={"title": "Cases", "row": 2, "column": 3, "width": 4})
    assert moved.status_code == 200, moved.text
    assert moved.json() == {**kpi, "title": "Cases", "row": 2, "column": 3, "width": 4}
    assert an.panels()[0]["position"] == "Row: 2, Col: 3"
    after = ws.client.get(an.url()).json()
    assert after["dateModified"] > before["dateModified"]
    relabelled = ws.client.put(url, json={"settings": {"labelName": "Activities"}})
    assert relabelled.status_code == 200, relabelled.text
    configuration = json.loads(an.block(kpi["blockId"]).json()["configuration"])
    assert configuration == {"LabelName": "Activities", "CalculatorBlockId": an.info}
    assert "Width" in validation_error(ws.client.put(url, json={"width": 13}))
    assert "Title" in validation_error(ws.client.put(url, json={"title": ""}))
    assert "LabelName" in validation_error(ws.client.put(url, json={"settings": {}}))
    note = an.panel(title="n", panelType="DashboardPanelDashboardNote", row=0, column=0, width=1,
                    height=1)
    note_url = f"{an.url()}/panel/{note['panelId']}"
    assert ws.client.put(note_url, json={"settings": {"text": "hi"}}).status_code == 200
    assert json.loads(next(p for p in an.panels() if p["name"] == "n")["configuration"]) == {
        "text": "hi"}
    assert ws.client.delete(url).status_code == 204
    assert an.block(kpi["blockId"]).status_code == 404  # its selector went with it
    assert [p["name"] for p in an.panels()] == ["n"]
    assert ws.client.get(an.url()).json()["panelCount"] == 1
    not_found(ws.client.delete(url), "Panel", kpi["panelId"])


def test_deleting_blocks_and_dashboards(an):
    ws = an.ws
    kpi = an.panel(**panel_fields(an))
    bars = an.panel(**panel_fields(an, title="Table", panelType="DashboardPanelDataTable",
                                   blockId=an.frequency, settings=None))
    assert ws.client.delete(f"{ws.base}/block/{an.info}").status_code == 204
    assert an.block(kpi["blockId"]).status_code == 404
    assert {p["name"]: p["blockId"] for p in an.panels()} == {"KPI": None,
                                                             "Table": bars["blockId"]}
    assert validation_error(ws.client.put(f"{an.url()}/panel/{kpi['panelId']}", json={
        "settings": {}})) == "The panel's block was deleted: delete the panel and create another"
    assert ws.client.delete(an.url()).status_code == 204
    assert an.block(bars["blockId"]).status_code == 404
    assert not [b for b in ws.blocks(an.notebook) if b["isDashboardBlock"]]


def test_dashboards_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    an = Analysis(Tenant(admin))
    an.panel(**panel_fields(an))
    an.panel(title="n", panelType="DashboardPanelDashboardNote", settings={"text": "x"}, row=1,
             column=0, width=3, height=2)

    def state():
        listed = an.ws.client.get(f"{an.ws.base}/dashboard").json()
        for dashboard in listed["dashboards"]:
            dashboard.pop("url")
        return listed, an.panels(), an.ws.blocks(an.notebook)

    before = state()
    srv.stop()
    restarted = srv.start()
    an.ws.client.base_url = restarted.url
    assert state() == before
    urls = an.ws.client.get(f"{an.url()}/url").json()
    assert urls["url"] == f"{restarted.url}/dashboard/{an.dashboard}"


def test_pings_are_not_taken_for_dashboard_ids(an, anonymous):
    ws = an.ws
    ping = ws.client.get(f"{ws.base}/dashboard/ping")
    assert ping.status_code == 200 and ping.text == f"Ping Successful (tenant id: {ws.tenant.id})"
    public = anonymous.get(f"{ws.base}/dashboard/unauthorized-ping")
    assert public.status_code == 200 and public.text == "Ping Successful"
