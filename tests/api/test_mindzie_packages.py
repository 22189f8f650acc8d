"""mindzieStudio project packages: .mzz datasets through the strict reader (a damaged one is a
warning), their case/event split, types, derived columns and freeze time kept, and their
enrichments, investigations, notebooks and dashboards imported ready to run."""

import json

import pytest

from conftest import Client, Tenant
from mindzie_package import MindziePackage
from pmstudio_server import run_inspect
from transfer_support import IMPORT_FIELDS, ProjectView, figures, import_package


@pytest.fixture(scope="module")
def mindzie(server):
    tenant = Tenant(Client(server.url, server.admin_key))
    built = MindziePackage()
    response = import_package(tenant.client, tenant.id, built.content, "Emergency Department.mpz")
    assert response.status_code == 200, response.text
    body = response.json()
    return {"tenant": tenant, "package": built, "import": body, "server": server,
            "view": ProjectView(tenant.client, tenant.id, body["projectId"])}


def test_a_mindzie_package_imports_and_reports_the_damaged_dataset(mindzie):
    body, built = mindzie["import"], mindzie["package"]
    assert list(body) == IMPORT_FIELDS and body["success"] is True
    assert body["projectName"] == "Emergency Department"
    assert (body["datasetsImported"], body["investigationsImported"],
            body["dashboardsImported"]) == (2, 2, 1)
    assert body["message"] == ("Project imported with 0 asset(s) left out and 2 warning(s); "
                               "see details")
    details = body["details"]
    assert details["failed"] == []
    assert [(w["type"], w["name"]) for w in details["warnings"]] == [
        ("Dataset", "Year to Date - old"), ("Investigation", "Old analysis")]
    damaged, dependent = details["warnings"]
    assert damaged["id"] == built.old
    assert damaged["message"] == (
        f"Dataset 'Year to Date - old' was not imported: datasets/{built.old}.mzz: "
        f"mzz offset 0x{built.damaged_offset:04X}: expected column record tag 8, found 7")
    assert dependent["message"] == ("Investigation 'Old analysis' was not imported: its dataset "
                                    "'Year to Date - old' was not imported")
    view = mindzie["view"]
    assert sorted(view.datasets) == ["Year to Date", "Year to Date - Enriched"]
    assert sorted(view.investigations) == ["Waiting times", "Year to Date - Enrichment"]


def stored_figures(mindzie, dataset):
    tenant = mindzie["tenant"]
    directory = mindzie["server"].data_dir / "tenants" / tenant.id / "datasets" / dataset
    [stored] = directory.glob("*.pmslog")
    done = run_inspect(stored)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_mindzie_datasets_keep_split_types_derived_columns_and_freeze_time(mindzie):
    view = mindzie["view"]
    enriched = view.datasets["Year to Date - Enriched"]
    assert (enriched["caseCount"], enriched["eventCount"], enriched["sourceFormat"]) == (4, 12,
                                                                                        "mzz")
    assert (enriched["caseIdColumnName"], enriched["activityColumnName"],
            enriched["timeColumnName"], enriched["resourceColumnName"]) == (
        "CaseId", "ActivityName", "ActivityTime", "Resource")
    figures_of = stored_figures(mindzie, enriched["datasetId"])
    assert figures_of["freeze_time"] == "2025-05-04T14:00:00Z"
    assert figures_of["case_attributes"] == [
        {"name": "RegistrationTime", "type": "datetime", "derived": True},
        {"name": "TimeSinceLastActivity", "type": "timespan", "derived": True},
        {"name": "LWBS", "type": "boolean", "derived": True},
        {"name": "WaitingForBed", "type": "timespan", "derived": True},
        {"name": "PatientID", "type": "string", "derived": False},
        {"name": "Age", "type": "integer", "derived": False},
        {"name": "Temp", "type": "double", "derived": False},
    ]
    source = stored_figures(mindzie, view.datasets["Year to Date"]["datasetId"])
    assert "freeze_time" not in source or source["freeze_time"] is None
    assert [c["name"] for c in source["case_attributes"]] == ["PatientID", "Age", "Temp"]


def test_mindzie_enrichments_investigations_and_dashboards_become_ours(mindzie):
    view, tenant = mindzie["view"], mindzie["tenant"]
    datasets = {name: d["datasetId"] for name, d in view.datasets.items()}
    assert view.investigations["Waiting times"]["datasetId"] == datasets["Year to Date - Enriched"]
    # the enrichment pipeline runs on its source dataset
    assert view.investigations["Year to Date - Enrichment"]["datasetId"] == datasets["Year to Date"]
    assert sorted(name for investigation, name in view.notebooks
                  if investigation == "Year to Date - Enrichment") == ["Attributes", "CleanUp",
                                                                       "Main"]
    project = view.project["projectId"]

    def run(key):
        return {b["blockName"]: b for b in figures(tenant.client, tenant.id, project,
                                                    view.notebooks[key]["notebookId"])}

    overview = run(("Waiting times", "Overview"))
    assert overview["Cases"]["tables"][0]["rows"] == [["Case Count", 4]]
    left = run(("Waiting times", "Left without being seen"))
    assert left["LWBS cases"]["tables"][0]["rows"] == [["Case Count", 2]]  # a derived column
    waiting = run(("Waiting times", "Waiting For Bed"))
    assert waiting["select cases where Case End Activity is Triage"]["outputCaseCount"] == 2
    assert waiting["Bed Assignment"]["status"] == "Success"
    assert run(("Year to Date - Enrichment", "CleanUp"))["Freeze"]["status"] == "Success"
    attributes = run(("Year to Date - Enrichment", "Attributes"))
    assert attributes["Cases"]["tables"][0]["rows"] == [["Case Count", 4]]
    [panel] = view.panels["ED Overview"]
    selector = next(b for b in view.blocks[("Waiting times", "Overview")]
                    if b["blockId"] == panel["blockId"])
    calculator = next(b for b in view.blocks[("Waiting times", "Overview")]
                      if b["name"] == "Activities" and not b.get("isDashboardBlock"))
    assert selector["isDashboardBlock"] and selector["parentId"] == calculator["blockId"]
