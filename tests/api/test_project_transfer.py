"""Project packages (.mpz): export, import into another tenant (every object under a new id, every
reference remapped, the same figures), SnapLogic's duplicate handling, bad input, tenant walls,
an import killed midway, restart persistence and the CLI. mindzieStudio packages are in
test_mindzie_packages.py."""

import json
import re
import signal
import socket
import subprocess
import threading
import time
import uuid

import pytest
import requests

from analysis_support import SMALL_CSV, Workspace
from conftest import Client, Tenant, unique_name
from dataset_support import export
from execution_support import shared_log
from pmstudio_server import BINARY
from transfer_support import (ProjectView, RichProject, bad_request, download,
                              exported, figures, import_package, imported, members, package,
                              remapped)

FIGURE_NOTEBOOKS = [("Running example", "Analysis"), ("Running example", "Process Discovery"),
                    ("Running example", "Resources"), ("Receipts", "Flow"), ("Loans", "Variants")]


# --- round trip ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def transfer(server):
    """A rich project of one tenant, its figures, its package and its import into another."""
    admin = Client(server.url, server.admin_key)
    source, target = Tenant(admin), Tenant(admin)
    rich = RichProject(source, admin)
    project = rich.ws.project
    original = ProjectView(source.client, source.id, project)
    before = {key: figures(source.client, source.id, project, original.notebooks[key]["notebookId"])
              for key in FIGURE_NOTEBOOKS}
    response = download(source.client, source.id, project)
    assert response.status_code == 200, response.text
    body = imported(target.client, target.id, response.content)
    copy = ProjectView(target.client, target.id, body["projectId"])
    return {"admin": admin, "source": source, "target": target, "rich": rich,
            "original": original, "figures": before, "download": response, "import": body,
            "copy": copy}


def test_download_is_a_zip_named_after_the_project(transfer):
    response = transfer["download"]
    name = transfer["original"].project["projectName"]
    assert response.headers["Content-Type"] == "application/octet-stream"
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=\"{name}.mpz\"; filename*=UTF-8''{name}.mpz")
    files = members(response.content)
    original = transfer["original"]
    datasets = {f"datasets/{d['datasetId']}.pmslog" for d in original.datasets.values()}
    custom = transfer["rich"].template["templateId"]
    discovery = next(t["templateId"] for t in transfer["admin"].get("/api/templates").json()[
        "templates"] if t["name"] == "Process Discovery")
    assert set(files) == {"project.mcl", "blobs/thumbnail.png", f"blobs/templates/{custom}.mcl",
                          f"blobs/templates/{custom}.png", f"blobs/templates/{discovery}.mcl",
                          *datasets}
    assert files["blobs/thumbnail.png"].startswith(b"\x89PNG")


def test_project_mcl_has_mindzies_keys_and_nesting(transfer):
    original = transfer["original"]
    document = json.loads(members(transfer["download"].content)["project.mcl"])
    assert (document["MclVersion"], document["LogVersion"], document["ContentType"]) == (2, 12, 8)
    assert document["Notebooks"] is None and document["Settings"] == []
    [project] = document["Projects"]
    assert project["ProjectId"] == original.project["projectId"]
    assert project["Name"] == original.project["projectName"]
    assert project["ThumbnailBlob"] == "blobs/thumbnail.png"
    assert {t["Name"] for t in project["Templates"]} == {"Process Discovery",
                                                         transfer["rich"].template["name"]}
    running = next(d for d in document["Datasets"]
                   if d["DatasetId"] == transfer["rich"].ws.dataset)
    assert (running["CaseIdColumnName"], running["ActivityColumnName"],
            running["ActivityTimeColumnName"], running["ResourceColumnName"]) == (
        "case:concept:name", "concept:name", "time:timestamp", "org:resource")
    assert {a["ActivityName"]: a["EventCount"] for a in running["ActivityInfos"]} == {
        "register request": 6, "examine thoroughly": 3, "check ticket": 9, "decide": 9,
        "reinitiate request": 3, "examine casually": 6, "pay compensation": 3,
        "reject request": 3}
    assert {"Name": "Costs", "DataType": "integer", "IsCaseAttribute": False} == {
        k: v for k, v in next(c for c in running["Columns"] if c["Name"] == "Costs").items()
        if k in ("Name", "DataType", "IsCaseAttribute")}
    investigation = next(i for i in document["Investigations"] if i["Name"] == "Running example")
    assert investigation["MainNotebook"]["Name"] == "Main"
    analysis = next(n for n in investigation["Notebooks"] if n["Name"] == "Analysis")
    assert [b["OperatorTypeName"] for b in analysis["Blocks"]] == [
        "FilterActivities", "CalculatorActivityFrequency", "CalculatorVariants",
        "CalculatorCaseDuration"]
    assert analysis["Blocks"][0]["IsFirstBlock"] is True
    assert [b["ParentBlockId"] for b in analysis["Blocks"][1:]] == [
        b["Id"] for b in analysis["Blocks"][:-1]]
    # its own panel's selector and the selector of a project dashboard's panel
    selectors = {b["Id"]: b for b in analysis["DashboardBlocks"]}
    assert len(selectors) == 2
    for selector in selectors.values():
        assert json.loads(selector["OperatorSettings"])["CalculatorBlockId"] == \
            transfer["rich"].frequency == selector["ParentBlockId"]
    [panel] = analysis["NotebookDashboard"]["Panels"]
    [overview] = document["Dashboards"]
    assert overview["Name"] == "Overview" and len(overview["Panels"]) == 2
    assert {panel["InputblockId"]} | {p["InputblockId"] for p in overview["Panels"]} >= \
        set(selectors)


def test_import_answers_the_documented_fields_and_details(transfer):
    body = transfer["import"]
    assert body["projectName"] == transfer["original"].project["projectName"]
    assert (body["datasetsImported"], body["investigationsImported"],
            body["dashboardsImported"]) == (3, 3, 1)
    assert body["message"] == "Project imported successfully"
    details = body["details"]
    assert details["failed"] == [] and details["warnings"] == []
    assert [item["type"] for item in details["successful"]] == [
        "Project", "Dataset", "Dataset", "Dataset", "Template", "Investigation", "Investigation",
        "Investigation", "Dashboard"]
    assert details["successful"][0] == {"type": "Project", "id": body["projectId"],
                                        "name": body["projectName"]}
    copy = transfer["copy"]
    assert {item["id"] for item in details["successful"] if item["type"] == "Dataset"} == {
        d["datasetId"] for d in copy.datasets.values()}


def test_every_object_arrives_under_a_new_id(transfer):
    original, copy = transfer["original"], transfer["copy"]
    assert copy.project["tenantId"] == transfer["target"].id
    for key in ("projectName", "projectDescription", "isActive", "datasetCount",
                "investigationCount", "dashboardCount"):
        assert copy.project[key] == original.project[key], key
    assert copy.thumbnail["base64Image"] == original.thumbnail["base64Image"]
    assert set(copy.datasets) == set(original.datasets)
    assert set(copy.investigations) == set(original.investigations)
    assert set(copy.notebooks) == set(original.notebooks)
    assert set(copy.dashboards) == set(original.dashboards)
    assert not original.ids() & copy.ids()
    everything = json.dumps([copy.project, copy.datasets, copy.investigations,
                             list(copy.notebooks.values()), list(copy.blocks.values()),
                             list(copy.dashboards.values()), list(copy.panels.values())])
    assert not [i for i in original.ids() if i in everything]


def without(item, *keys):
    return {k: v for k, v in item.items() if k not in keys}


AUDIT = ("dateCreated", "dateModified", "createdBy", "modifiedBy")


def test_settings_and_references_are_remapped(transfer):
    original, copy = transfer["original"], transfer["copy"]
    mapping = original.id_map(copy)
    for name, dataset in original.datasets.items():
        assert without(copy.datasets[name], *AUDIT, "datasetId", "projectId") == \
            without(dataset, *AUDIT, "datasetId", "projectId"), name
    for name, investigation in original.investigations.items():
        assert without(copy.investigations[name], *AUDIT) == remapped(
            without(investigation, *AUDIT), mapping)
    for key, notebook in original.notebooks.items():
        assert without(copy.notebooks[key], *AUDIT, "lastExecutionDuration") == remapped(
            without(notebook, *AUDIT, "lastExecutionDuration"), mapping), key
        assert [without(b, *AUDIT) for b in copy.blocks[key]] == remapped(
            [without(b, *AUDIT) for b in original.blocks[key]], mapping), key
    for key, dashboard in original.dashboards.items():
        assert without(copy.dashboards[key], *AUDIT, "url") == remapped(
            without(dashboard, *AUDIT, "url"), mapping), key
        assert copy.panels[key] == remapped(original.panels[key], mapping), key
    # the project dashboard's panels show selectors in two other notebooks
    overview = copy.panels["Overview"]
    selectors = {b["blockId"]: (key, b) for key, blocks in copy.blocks.items() for b in blocks
                 if b.get("isDashboardBlock")}
    shown = {selectors[p["blockId"]][0] for p in overview}
    assert shown == {("Receipts", "Flow"), ("Running example", "Analysis")}
    for panel in overview:
        key, selector = selectors[panel["blockId"]]
        chain = {b["blockId"] for b in copy.blocks[key] if not b.get("isDashboardBlock")}
        assert selector["parentId"] in chain


def test_datasets_keep_their_data(transfer):
    source, target = transfer["source"], transfer["target"]
    original, copy = transfer["original"], transfer["copy"]
    for name, dataset in original.datasets.items():
        assert export(target.client, target.id, copy.project["projectId"],
                      copy.datasets[name]["datasetId"]) == export(
            source.client, source.id, original.project["projectId"], dataset["datasetId"]), name


def test_imported_notebooks_give_the_same_figures(transfer):
    target, copy = transfer["target"], transfer["copy"]
    mapping = transfer["original"].id_map(copy)
    for key in FIGURE_NOTEBOOKS:
        got = figures(target.client, target.id, copy.project["projectId"],
                      copy.notebooks[key]["notebookId"])
        assert got == remapped(transfer["figures"][key], mapping), key
        assert all(block["status"] == "Success" for block in got), key


def test_templates_the_notebooks_came_from_travel(transfer):
    admin, target = transfer["admin"], transfer["target"]
    template = transfer["rich"].template
    listed = admin.get(f"/api/templates/tenant/{target.id}").json()["templates"]
    copied = next(t for t in listed if t["name"] == template["name"])
    assert copied["tenantId"] == target.id and copied["templateId"] != template["templateId"]
    assert copied["category"] == "Custom" and copied["hasThumbnail"] is True
    assert admin.get(f"/api/templates/{copied['templateId']}").json()["mclText"] == \
        template["mclText"]
    assert [t["name"] for t in listed].count("Process Discovery") == 1  # the global one is used


# --- duplicate handling -------------------------------------------------------------------------

class SmallProject:
    """One dataset, one investigation with a calculator, a project dashboard with one panel."""

    def __init__(self, tenant, name=None):
        self.ws = Workspace(tenant)
        ws = self.ws
        self.name = name or unique_name("Small")
        assert ws.client.put(f"/api/{tenant.id}/project/{ws.project}",
                             json={"projectName": self.name}).status_code == 200
        self.investigation = ws.investigation(investigationName="Orders")["investigationId"]
        self.notebook = ws.notebook(self.investigation, name="Counts")["notebookId"]
        self.calculator = ws.block(self.notebook, "CalculatorCaseCount", name="Cases")["blockId"]
        dashboard = ws.client.post(f"{ws.base}/dashboard", json={"name": "Board"}).json()
        panel = ws.client.post(f"{ws.base}/dashboard/{dashboard['dashboardId']}/panel",
                               json={"title": "Cases", "panelType": "DashboardPanelCalculator",
                                     "blockId": self.calculator, "row": 0, "column": 0,
                                     "width": 4, "height": 2})
        assert panel.status_code == 201, panel.text

    def package(self):
        return exported(self.ws.client, self.ws.tenant.id, self.ws.project)


def projects_named(tenant, prefix):
    projects = tenant.client.get(f"/api/{tenant.id}/project").json()["projects"]
    return sorted(p["projectName"] for p in projects if p["projectName"].startswith(prefix))


def test_create_new_numbers_the_name_and_is_the_default(tenant, other_tenant):
    small = SmallProject(tenant)
    content = small.package()
    first = imported(other_tenant.client, other_tenant.id, content)
    assert first["projectName"] == small.name
    second = imported(other_tenant.client, other_tenant.id, content)
    third = imported(other_tenant.client, other_tenant.id, content, duplicate_check="create_new")
    fourth = imported(other_tenant.client, other_tenant.id, content, duplicate_check="false")
    assert [second["projectName"], third["projectName"], fourth["projectName"]] == [
        f"{small.name} 1", f"{small.name} 2", f"{small.name} 3"]
    assert len({first["projectId"], second["projectId"], third["projectId"],
                fourth["projectId"]}) == 4
    assert projects_named(other_tenant, small.name) == [
        small.name, f"{small.name} 1", f"{small.name} 2", f"{small.name} 3"]


def failed_names(body):
    return sorted((f["type"], f["name"], f["statusCode"]) for f in body["details"]["failed"])


def test_skip_keeps_existing_assets_and_adds_the_others(tenant, other_tenant):
    small = SmallProject(tenant)
    first = imported(other_tenant.client, other_tenant.id, small.package())
    ws = small.ws
    ws.investigation(investigationName="Returns")
    for value in ("skip", "true"):
        body = imported(other_tenant.client, other_tenant.id, small.package(),
                        duplicate_check=value)
        assert body["projectId"] == first["projectId"]
        dataset_name = next(iter(ProjectView(ws.client, tenant.id, ws.project).datasets))
        expected_failed = [("Dashboard", "Board", 409), ("Dataset", dataset_name, 409),
                           ("Investigation", "Orders", 409)]
        if value == "true":
            expected_failed.append(("Investigation", "Returns", 409))
        assert failed_names(body) == sorted(expected_failed)
        reason = next(f["reason"] for f in body["details"]["failed"] if f["name"] == "Orders")
        assert reason == f"A investigation named 'Orders' already exists in project '{small.name}'"
    view = ProjectView(other_tenant.client, other_tenant.id, first["projectId"])
    assert sorted(view.investigations) == ["Orders", "Returns"]
    # the added investigation runs on the dataset that was already there
    [dataset] = view.datasets.values()
    assert view.investigations["Returns"]["datasetId"] == dataset["datasetId"]
    assert projects_named(other_tenant, small.name) == [small.name]


def test_overwrite_replaces_only_the_listed_types(tenant, other_tenant):
    small = SmallProject(tenant)
    first = imported(other_tenant.client, other_tenant.id, small.package())
    before = ProjectView(other_tenant.client, other_tenant.id, first["projectId"])
    ws = small.ws
    bigger = SMALL_CSV + b"c3,Create,2024-01-17T09:00:00Z\n"
    replaced = ws.client.put(f"{ws.base}/dataset/{ws.dataset}/csv",
                             files={"file": ("log.csv", bigger)},
                             data={"caseIdColumn": "CaseID", "activityNameColumn": "Activity",
                                   "activityTimeColumn": "Timestamp"})
    assert replaced.status_code == 200, replaced.text
    ws.block(small.notebook, "CalculatorVariants", name="Variants")

    untouched = imported(other_tenant.client, other_tenant.id, small.package(),
                         duplicate_check="overwrite")
    assert len(untouched["details"]["failed"]) == 3 and untouched["datasetsImported"] == 0

    body = imported(other_tenant.client, other_tenant.id, small.package(),
                    duplicate_check="overwrite", overwrite_types="Dataset,investigation")
    assert body["projectId"] == first["projectId"]
    assert (body["datasetsImported"], body["investigationsImported"],
            body["dashboardsImported"]) == (1, 1, 0)
    assert failed_names(body) == [("Dashboard", "Board", 409)]
    updated = sorted(s["name"] for s in body["details"]["successful"])
    dataset_name = next(iter(before.datasets))
    assert updated == sorted([f"{dataset_name} (updated)", "Orders (updated)"])
    after = ProjectView(other_tenant.client, other_tenant.id, first["projectId"])
    dataset = after.datasets[dataset_name]
    assert dataset["datasetId"] == before.datasets[dataset_name]["datasetId"]
    assert dataset["caseCount"] == 3 and dataset["version"] == 2
    assert after.investigations["Orders"]["investigationId"] == \
        before.investigations["Orders"]["investigationId"]
    assert [b["operatorName"] for b in after.blocks[("Orders", "Counts")]
            if not b.get("isDashboardBlock")] == ["CalculatorCaseCount", "CalculatorVariants"]
    # the kept dashboard's panel showed a selector of the replaced notebook
    assert after.panels["Board"][0]["blockId"] is None
    assert after.dashboards["Board"]["dashboardId"] == before.dashboards["Board"]["dashboardId"]

    everything = imported(other_tenant.client, other_tenant.id, small.package(),
                          duplicate_check="overwrite",
                          overwrite_types=["Datasets", "Investigations", "Dashboards"])
    assert everything["details"]["failed"] == [] and everything["dashboardsImported"] == 1
    board = ProjectView(other_tenant.client, other_tenant.id, first["projectId"]).panels["Board"]
    assert board[0]["blockId"] is not None


@pytest.mark.parametrize("params, problem", [
    ({"duplicate_check": "replace"},
     "duplicate_check must be skip, create_new or overwrite (or true/false), got 'replace'"),
    ({"duplicate_check": "overwrite", "overwrite_types": "Pipeline"},
     "overwrite_types: 'Pipeline' is not an asset type; use Dataset, Investigation or Dashboard"),
])
def test_bad_duplicate_parameters(tenant, other_tenant, params, problem):
    content = SmallProject(tenant).package()
    assert bad_request(import_package(other_tenant.client, other_tenant.id, content,
                                      params=params)) == problem


# --- bad input ----------------------------------------------------------------------------------

def tenant_files(server, tenant):
    root = server.data_dir / "tenants" / tenant.id
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def small_package(server):
    admin = Client(server.url, server.admin_key)
    return SmallProject(Tenant(admin)).package()


def edited_document(content, edit):
    files = members(content)
    document = json.loads(files["project.mcl"])
    edit(document)
    files["project.mcl"] = json.dumps(document).encode()
    return package(files)


def bad_packages(valid):
    files = members(valid)
    without_document = {k: v for k, v in files.items() if k != "project.mcl"}
    return [
        ("backup.zip", valid, "Invalid file format. Expected .mpz file."),
        ("backup.mpz", b"CaseID,Activity\nc1,a\n",
         "Invalid .mpz package: not a readable zip archive (Not a zip archive)"),
        ("backup.mpz", package(without_document), "Invalid .mpz package: the package has no "
                                                   "project.mcl"),
        ("backup.mpz", package(dict(files, **{"project.mcl": b"{\n  \"ContentType\": 8,\n  x\n}"})),
         "Invalid .mpz package: project.mcl: MCL document: not JSON at line 3, column 3: "
         "syntax error while parsing "
         "object key - invalid literal; last read: '8,<U+000A>  x'; expected string literal"),
        ("backup.mpz", edited_document(valid, lambda d: d.update(ContentType=1)),
         "Invalid .mpz package: project.mcl: MCL ContentType: expected 8 (a project export), "
         "got 1"),
        ("backup.mpz", edited_document(valid, lambda d: d["Investigations"][0].update(
            DatasetId=str(uuid.UUID(int=7)))),
         "Invalid .mpz package: project.mcl: MCL Investigations[0].DatasetId: "
         f"'{uuid.UUID(int=7)}' is not a dataset of the package"),
        ("backup.mpz", package(dict(files, **{"/etc/cron.d/x": b"x"})),
         "Invalid .mpz package: the zip entry '/etc/cron.d/x' has an absolute path"),
        ("backup.mpz", package(dict(files, **{"blobs/../../x": b"x"})),
         "Invalid .mpz package: the zip entry 'blobs/../../x' contains '..'"),
        ("backup.mpz", package(dict(files, **{"blobs/zeros": bytes(8 << 20)})),
         None),  # the ratio limit; the message is checked below
    ]


@pytest.mark.parametrize("case", range(9))
def test_bad_packages_are_refused_and_leave_nothing(server, tenant, small_package, case):
    file_name, content, problem = bad_packages(small_package)[case]
    message = bad_request(import_package(tenant.client, tenant.id, content, file_name))
    if problem is None:
        assert message.startswith("Invalid .mpz package: the zip entry 'blobs/zeros' expands ")
        assert message.endswith(" to 8388608 (more than 200:1); refused as a zip bomb")
    else:
        assert message == problem
    assert tenant.client.get(f"/api/{tenant.id}/project").json()["totalCount"] == 0
    assert tenant_files(server, tenant) == []


def test_malformed_json_names_line_and_column(tenant, small_package):
    content = package(dict(members(small_package), **{"project.mcl": b"{\n  \"ContentType\" 8\n}"}))
    message = bad_request(import_package(tenant.client, tenant.id, content))
    assert message == ("Invalid .mpz package: project.mcl: MCL document: not JSON at line 2, "
                       "column 17: syntax error while parsing object separator - unexpected "
                       "number literal; expected ':'")


def claim_sizes(content, names, size):
    """The zip with the central directory entries of `names` claiming `size` bytes, compressed and
    uncompressed (a crafted archive: the data itself is unchanged)."""
    content = bytearray(content)
    at = content.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(content[at + 28:at + 30], "little")
        if content[at + 46:at + 46 + length].decode() in names:
            content[at + 20:at + 28] = size.to_bytes(4, "little") * 2
        at = content.find(b"PK\x01\x02", at + 46)
    return bytes(content)


def test_a_package_expanding_beyond_the_total_limit_is_refused(tenant, small_package):
    blobs = {f"blobs/{i}": b"x" * 64 for i in range(3)}
    content = claim_sizes(package(dict(members(small_package), **blobs)), blobs, 3 << 30)
    message = bad_request(import_package(tenant.client, tenant.id, content))
    assert message == ("Invalid .mpz package: the entries expand to more than 8589934592 bytes; "
                       "refused as a zip bomb")


def test_uploads_over_one_gib_are_refused_at_once(server, tenant):
    boundary = "XyZbOuNdArY"
    head = (f"POST /api/{tenant.id}/project/import HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {tenant.key}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: 1200000000\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head)
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(65536)
        head, _, body = answer.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head, re.IGNORECASE).group(1))
        while len(body) < length:
            body += sock.recv(65536)
    assert head.startswith(b"HTTP/1.1 400"), answer[:300]
    assert b"Connection: close" in head
    assert json.loads(body) == {"success": False, "errorMessage": (
        "The upload exceeds the limit of 1073741824 bytes (1 GB)")}
    assert tenant.client.get(f"/api/{tenant.id}/project").json()["totalCount"] == 0


def test_a_file_part_is_required(tenant):
    response = tenant.client.post(f"/api/{tenant.id}/project/import",
                                  files={"other": (None, "x")})
    assert bad_request(response) == "file is required: send the data in the form field 'file'"


# --- tenant walls -------------------------------------------------------------------------------

def test_another_tenants_key_can_neither_download_nor_import(tenant, other_tenant, small_package):
    small = SmallProject(tenant)
    intruder = other_tenant.client
    response = download(intruder, tenant.id, small.ws.project)
    assert response.status_code == 403, response.text
    assert "application/octet-stream" not in response.headers["Content-Type"]
    response = import_package(intruder, tenant.id, small_package)
    assert response.status_code == 403, response.text
    assert projects_named(tenant, "") == [small.name]
    # its own key, the other tenant's project id: not found, as the project routes answer
    response = download(intruder, other_tenant.id, small.ws.project)
    assert response.status_code == 404
    assert response.json()["projectId"] == small.ws.project
    # duplicate handling only looks inside the target tenant
    body = imported(intruder, other_tenant.id, small.package(), duplicate_check="skip")
    assert body["projectId"] != small.ws.project and body["details"]["failed"] == []


def test_unknown_project_and_tenant(tenant, admin, small_package):
    missing = str(uuid.UUID(int=5))
    response = download(tenant.client, tenant.id, missing)
    assert response.status_code == 404
    assert response.json() == {
        "error": f"Project not found with ID '{missing}'. The project may have been deleted or "
                 "the ID is incorrect.", "projectId": missing}
    response = import_package(admin, missing, small_package)
    assert response.status_code == 404
    assert response.json()["success"] is False


# --- kill, restart, CLI -------------------------------------------------------------------------

def many_datasets(content, copies):
    """The package of a one-dataset project with that dataset `copies` times (new ids, names)."""
    files = members(content)
    document = json.loads(files.pop("project.mcl"))
    [dataset] = document["Datasets"]
    data = files.pop(dataset["DataFile"])
    document["Datasets"] = []
    document["Investigations"] = []
    for i in range(copies):
        dataset_id = str(uuid.uuid4())
        member = f"datasets/{dataset_id}.pmslog"
        document["Datasets"].append(dict(dataset, DatasetId=dataset_id, Name=f"copy {i}",
                                         DataFile=member))
        files[member] = data
    files["project.mcl"] = json.dumps(document).encode()
    return package(files)


def test_an_import_killed_midway_leaves_no_trace(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    source, target = Tenant(admin), Tenant(admin)
    ws = Workspace(source, shared_log("bpic2012.xes.gz"))
    content = many_datasets(exported(source.client, source.id, ws.project), 8)
    datasets = srv.data_dir / "tenants" / target.id / "datasets"
    outcome = []

    def run():
        try:
            outcome.append(import_package(target.client, target.id, content).status_code)
        except requests.ConnectionError as error:
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    while not list(datasets.glob("*/*")):
        assert thread.is_alive() and not outcome, outcome
        time.sleep(0.001)
    srv.stop(signal.SIGKILL)
    thread.join()
    assert isinstance(outcome[0], requests.ConnectionError), outcome
    assert list(datasets.glob("*/*"))  # files were written before the kill
    target.client = Client(srv.start().url, target.key)
    assert target.client.get(f"/api/{target.id}/project").json()["totalCount"] == 0
    assert list((srv.data_dir / "tenants" / target.id).rglob("*.*")) == []
    # and the same package imports completely afterwards
    body = imported(target.client, target.id, content)
    assert body["datasetsImported"] == 8


def test_imports_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    source, target = Tenant(admin), Tenant(admin)
    small = SmallProject(source)
    body = imported(target.client, target.id, small.package())
    before = ProjectView(target.client, target.id, body["projectId"])
    srv.stop()
    target.client = Client(srv.start().url, target.key)
    after = ProjectView(target.client, target.id, body["projectId"])
    assert after.ids() == before.ids()
    assert after.blocks == before.blocks and after.panels == before.panels
    result = figures(target.client, target.id, body["projectId"],
                     after.notebooks[("Orders", "Counts")]["notebookId"])
    assert result[0]["tables"][0]["rows"] == [["Case Count", 2]]


def cli(*args):
    return subprocess.run([str(BINARY), "project", *map(str, args)], capture_output=True,
                          text=True, timeout=300)


def test_the_cli_exports_and_imports_for_backups(fresh_server, tmp_path):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    source, target = Tenant(admin), Tenant(admin)
    small = SmallProject(source)
    backup = tmp_path / "backup.mpz"
    done = cli("export", "--data-dir", srv.data_dir, "--tenant", source.id, "--project",
               small.ws.project, "--output", backup)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"exported project '{small.name}' to {backup} (")
    assert json.loads(members(backup.read_bytes())["project.mcl"])["Projects"][0]["Name"] == \
        small.name
    done = cli("import", "--data-dir", srv.data_dir, "--tenant", target.id, "--file", backup)
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert list(body)[:7] == ["success", "projectId", "projectName", "datasetsImported",
                              "investigationsImported", "dashboardsImported", "message"]
    assert body["projectName"] == small.name and body["datasetsImported"] == 1
    # the running server sees the import at once, data included
    view = ProjectView(target.client, target.id, body["projectId"])
    original = ProjectView(source.client, source.id, small.ws.project)
    blocks = [[without(b, *AUDIT) for b in chain] for chain in view.blocks.values()]
    assert blocks == remapped([[without(b, *AUDIT) for b in chain]
                               for chain in original.blocks.values()], original.id_map(view))
    assert view.blocks[("Orders", "Counts")][0]["createdBy"] == "pmstudio CLI"
    result = figures(target.client, target.id, body["projectId"],
                     view.notebooks[("Orders", "Counts")]["notebookId"])
    assert result[0]["tables"][0]["rows"] == [["Case Count", 2]]
    again = cli("import", "--data-dir", srv.data_dir, "--tenant", target.id, "--file", backup,
                "--duplicate-check", "skip")
    assert again.returncode == 0, again.stderr
    assert len(json.loads(again.stdout)["details"]["failed"]) == 3
    wrong = cli("import", "--data-dir", srv.data_dir, "--tenant", target.id, "--file",
                tmp_path / "backup.zip")
    assert wrong.returncode == 2 and "Expected .mpz file." in wrong.stderr
    missing = cli("export", "--data-dir", srv.data_dir, "--tenant", target.id, "--project",
                  small.ws.project, "--output", tmp_path / "x.mpz")
    assert missing.returncode == 1 and "Project not found" in missing.stderr
