"""Template API and notebooks made from templates."""

import json

import pytest

from analysis_support import MCL_EXAMPLES, Workspace, assert_single_chain, mcl_text
from conftest import Tenant, unique_name
from dataset_support import MISSING_ID
from project_support import data_uri, png_bytes

SUMMARY_FIELDS = ["templateId", "name", "description", "category", "processName", "tenantId",
                  "isGlobal", "hasThumbnail", "autoAddedDefaultSortOrder", "dateCreated",
                  "dateModified", "createdByName", "modifiedByName"]
DETAIL_FIELDS = ["templateId", "name", "description", "category", "processName", "mclText",
                 "tenantId", "isGlobal", "hasThumbnail", "autoAddedDefaultSortOrder",
                 "originatingNotebookId", "dateCreated", "dateModified", "createdBy",
                 "createdByName", "modifiedBy", "modifiedByName"]
EXAMPLE = next(p for p in MCL_EXAMPLES if p.name == "WaitingForBed.mcl")


def create_template(admin, tenant_id, **fields):
    body = {"name": unique_name("template"), "mclText": mcl_text(EXAMPLE),
            "description": "tests"}
    body.update(fields)
    return admin.post(f"/api/templates/tenant/{tenant_id}", json=body)


def global_template(admin, name):
    return next(t for t in admin.get("/api/templates").json()["templates"] if t["name"] == name)


def test_global_templates_are_installed_and_listed(admin):
    body = admin.get("/api/templates").json()
    names = [t["name"] for t in body["templates"]]
    assert names[:2] == ["Process Discovery", "Performance Overview"]
    assert body["totalCount"] == len(body["templates"])
    for template in body["templates"]:
        assert list(template) == SUMMARY_FIELDS
        assert template["isGlobal"] is True and template["tenantId"] is None
        assert template["category"] == "Templates" and template["createdByName"] == "System"
    detail = admin.get(f"/api/templates/{body['templates'][0]['templateId']}").json()
    assert list(detail) == DETAIL_FIELDS
    assert json.loads(detail["mclText"])["Notebooks"][0]["Name"] == "Process Discovery"


def test_create_get_update_and_delete_a_tenant_template(admin, tenant):
    created = create_template(admin, tenant.id, name="Monthly", category="custom",
                              processName="Report", autoAddedDefaultSortOrder=5)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["tenantId"] == tenant.id and body["isGlobal"] is False
    assert body["category"] == "Custom" and body["processName"] == "Report"
    assert body["autoAddedDefaultSortOrder"] == 5 and body["createdByName"] == "API"
    assert body["mclText"] == mcl_text(EXAMPLE) and body["hasThumbnail"] is False
    url = f"/api/templates/{body['templateId']}"
    assert admin.get(url).json() == body
    listed = admin.get(f"/api/templates/tenant/{tenant.id}").json()["templates"]
    assert [t["name"] for t in listed][-1] == "Monthly"
    assert any(t["isGlobal"] for t in listed)
    assert all(t["name"] != "Monthly" for t in admin.get("/api/templates").json()["templates"])
    updated = admin.put(url, json={"name": "Monthly v2", "category": "BaseKnowledge"})
    assert updated.status_code == 200, updated.text
    assert updated.json()["name"] == "Monthly v2" and updated.json()["category"] == "BaseKnowledge"
    assert updated.json()["description"] == "tests"
    assert updated.json()["dateModified"] > body["dateModified"]
    deleted = admin.delete(url)
    assert deleted.status_code == 200
    assert deleted.json() == {"message": "Template deleted successfully"}
    assert admin.get(url).status_code == 404
    assert admin.delete(url).json() == {"error": "Template not found"}


def test_categories(admin, tenant, other_tenant):
    mine = create_template(admin, tenant.id, category="Custom").json()
    theirs = create_template(admin, other_tenant.id, category="Custom").json()
    all_custom = admin.get("/api/templates/category/Custom").json()["templates"]
    ids = {t["templateId"] for t in all_custom}
    assert {mine["templateId"], theirs["templateId"]} <= ids
    assert all(t["category"] == "Custom" for t in all_custom)
    scoped = admin.get(f"/api/templates/category/custom?tenantId={tenant.id}").json()["templates"]
    assert mine["templateId"] in {t["templateId"] for t in scoped}
    assert theirs["templateId"] not in {t["templateId"] for t in scoped}
    standard = admin.get("/api/templates/category/Templates").json()["templates"]
    assert {t["name"] for t in standard} >= {"Process Discovery", "Performance Overview"}
    assert admin.get("/api/templates/category/Other").status_code == 400
    assert admin.get("/api/templates/category/Custom?tenantId=x").status_code == 400


@pytest.mark.parametrize("fields, problem", [
    ({"name": None}, "Name is required"),
    ({"mclText": None}, "MclText is required"),
    ({"mclText": "{not json"}, "not JSON"),
    ({"mclText": '{"ContentType": 1}'}, "Notebooks"),
    ({"mclText": '{"ContentType": 1, "Notebooks": []}'}, "nothing to instantiate"),
    ({"mclText": mcl_text(EXAMPLE).replace("CalculatorCaseStage", "CalculatorNoSuchThing")},
     "CalculatorNoSuchThing"),
    ({"mclText": mcl_text(EXAMPLE).replace('\\"TimeSpanUnits\\": 2', '\\"TimeSpanUnits\\": \\"x\\"')},
     "TimeSpanUnits"),
    ({"category": "Other"}, "Unknown category"),
    ({"isGlobal": True}, "IsGlobal"),
])
def test_create_validates_fields_and_mcl(admin, tenant, fields, problem):
    response = create_template(admin, tenant.id, **fields)
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error"] == "Validation failed"
    assert any(problem in message for message in body["validationErrors"]), body


def test_names_are_unique(admin, tenant, other_tenant):
    name = unique_name("dup")
    assert create_template(admin, tenant.id, name=name).status_code == 201
    duplicate = create_template(admin, tenant.id, name=name.upper())
    assert duplicate.status_code == 409
    assert duplicate.json() == {"error": "A template with this name already exists"}
    assert create_template(admin, other_tenant.id, name=name).status_code == 201
    assert create_template(admin, tenant.id, name="Process Discovery").status_code == 409
    second = create_template(admin, tenant.id).json()
    clash = admin.put(f"/api/templates/{second['templateId']}", json={"name": name})
    assert clash.status_code == 409


def test_global_templates_are_read_only(admin):
    template = global_template(admin, "Process Discovery")
    url = f"/api/templates/{template['templateId']}"
    updated = admin.put(url, json={"name": "Mine now"})
    assert updated.status_code == 400
    assert updated.json() == {"error": "Cannot update global templates through the API"}
    deleted = admin.delete(url)
    assert deleted.status_code == 400
    assert deleted.json() == {"error": "Cannot delete global templates"}
    assert admin.get(url).json()["name"] == "Process Discovery"


def test_missing_templates(admin):
    url = f"/api/templates/{MISSING_ID}"
    assert admin.get(url).json() == {"error": f"Template with ID '{MISSING_ID}' not found"}
    assert admin.put(url, json={"name": "x"}).json() == {"error": "Template not found"}
    assert admin.get(f"/api/templates/tenant/{MISSING_ID}").status_code == 404
    assert create_template(admin, MISSING_ID).status_code == 404
    assert admin.get("/api/templates/not-a-guid").status_code == 400


def test_thumbnails(admin, tenant):
    template = create_template(admin, tenant.id).json()
    url = f"/api/templates/{template['templateId']}/thumbnail"
    missing = admin.get(url)
    assert missing.status_code == 404
    assert missing.json() == {
        "error": f"Thumbnail not found for template '{template['templateId']}'"}
    image = png_bytes()
    assert admin.put(url, json={"base64Image": data_uri("image/png", image)}).status_code == 200
    got = admin.get(url)
    assert got.status_code == 200 and got.headers["Content-Type"] == "image/png"
    assert got.content == image
    assert admin.get(f"/api/templates/{template['templateId']}").json()["hasThumbnail"] is True
    assert admin.put(url, json={"base64Image": "aGVsbG8="}).status_code == 400
    pd = global_template(admin, "Process Discovery")
    assert admin.put(f"/api/templates/{pd['templateId']}/thumbnail",
                     json={"base64Image": data_uri("image/png", image)}).status_code == 400


def test_template_routes_need_a_global_key(tenant):
    for method, path in [("GET", "/api/templates"), ("GET", f"/api/templates/tenant/{tenant.id}"),
                         ("POST", f"/api/templates/tenant/{tenant.id}"),
                         ("GET", "/api/templates/category/Custom")]:
        response = tenant.client.request(method, path, json={"name": "x", "mclText": "{}"})
        assert response.status_code == 401, path
        assert response.json() == {"error": "This endpoint requires a Global API key.",
                                   "hint": "Global API keys can be created at /admin/global-api-keys"}


def instantiate(ws, template_id, **fields):
    inv = ws.investigation()["investigationId"]
    body = {"templateId": template_id}
    body.update(fields)
    return ws.client.post(f"{ws.base}/notebook/investigation/{inv}/from-template", json=body)


@pytest.mark.parametrize("example", MCL_EXAMPLES, ids=lambda p: p.name)
def test_every_mcl_example_imports_and_instantiates(admin, tenant, example):
    created = create_template(admin, tenant.id, mclText=mcl_text(example))
    assert created.status_code == 201, created.text
    ws = Workspace(tenant)
    response = instantiate(ws, created.json()["templateId"], name="From example")
    assert response.status_code == 201, response.text
    notebook = response.json()
    assert notebook["name"] == "From example" and notebook["notebookType"] == 1
    document = json.loads(mcl_text(example))
    source_blocks = [b for nb in document["Notebooks"] or [] for b in nb["Blocks"]]
    source_blocks += sorted(document["EnrichmentBlocks"] or [], key=lambda b: b["BlockOrder"])
    dashboard_blocks = [b for nb in document["Notebooks"] or [] for b in nb["DashboardBlocks"]]
    blocks = ws.blocks(notebook["notebookId"])
    chain = assert_single_chain(blocks)
    assert [b["operatorName"] for b in chain] == [b["OperatorTypeName"] for b in source_blocks]
    assert [b["configuration"] for b in chain] == [b["OperatorSettings"] for b in source_blocks]
    assert [b["name"] for b in chain] == [b["Title"] for b in source_blocks]
    selectors = [b for b in blocks if b["isDashboardBlock"]]
    assert len(selectors) == len(dashboard_blocks)
    assert notebook["blockCount"] == len(blocks)
    source_ids = {b["Id"] for b in source_blocks + dashboard_blocks}
    assert not source_ids & {b["blockId"] for b in blocks}
    ids = {b["operatorName"]: b["blockId"] for b in chain}
    for selector in selectors:
        settings = json.loads(selector["configuration"])
        assert selector["parentId"] == settings["CalculatorBlockId"]
        assert settings["CalculatorBlockId"] in ids.values()


def test_global_template_instantiates_with_its_dashboard(tenant, admin):
    template = global_template(admin, "Process Discovery")
    ws = Workspace(tenant)
    response = instantiate(ws, template["templateId"])
    assert response.status_code == 201, response.text
    notebook = response.json()
    assert notebook["name"] == "Process Discovery"
    chain = assert_single_chain(ws.blocks(notebook["notebookId"]))
    assert [b["operatorName"] for b in chain] == [
        "CalculatorDataInformation", "CalculatorActivityFrequency", "CalculatorProcessFollows",
        "CalculatorVariants", "CalculatorCaseDuration"]
    again = instantiate(ws, template["templateId"], name="Second", description="custom")
    assert again.status_code == 201 and again.json()["description"] == "custom"


def test_from_template_errors(admin, tenant, other_tenant):
    foreign = create_template(admin, other_tenant.id).json()
    ws = Workspace(tenant)
    for template_id in (foreign["templateId"], MISSING_ID):
        response = instantiate(ws, template_id)
        assert response.status_code == 404
        assert response.json() == {"Error": "Template not found"}
    assert instantiate(ws, "nope").status_code == 400
    inv = ws.investigation()["investigationId"]
    missing_id = ws.client.post(f"{ws.base}/notebook/investigation/{inv}/from-template", json={})
    assert missing_id.status_code == 400
    own = create_template(admin, tenant.id, name=unique_name("own")).json()
    first = ws.client.post(f"{ws.base}/notebook/investigation/{inv}/from-template",
                           json={"templateId": own["templateId"], "name": "Same"})
    assert first.status_code == 201
    second = ws.client.post(f"{ws.base}/notebook/investigation/{inv}/from-template",
                            json={"templateId": own["templateId"], "name": "Same"})
    assert second.status_code == 400


def test_templates_of_a_deleted_tenant_go_with_it(admin):
    doomed = Tenant(admin)
    template = create_template(admin, doomed.id).json()
    response = admin.delete("/api/tenant", json={"tenantId": doomed.id,
                                                 "name": admin.get(f"/api/tenant/{doomed.id}").json()["name"],
                                                 "displayName": "Test Tenant"})
    assert response.status_code == 200, response.text
    assert admin.get(f"/api/templates/{template['templateId']}").status_code == 404
