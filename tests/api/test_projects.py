"""Project management: /api/{tenantId}/project (list, get, create, update, delete, summary)."""

import re
import sqlite3

from conftest import Client, Tenant, create_tenant, create_tenant_key, unique_name
from project_support import (MISSING_ID, PROJECT_FIELDS, create_project, data_uri,
                             not_found_body, png_bytes)

ISO_8601 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")


def validation_failed(*errors):
    return {"error": "Validation failed", "validationErrors": list(errors)}


# --- create -------------------------------------------------------------------------------------

def test_create_returns_the_project_in_documented_field_order(tenant):
    response = tenant.client.post(f"/api/{tenant.id}/project",
                                  json={"projectName": "Purchase Order Analysis",
                                        "projectDescription": "P2P workflow"})
    assert response.status_code == 201
    project = response.json()
    assert list(project) == PROJECT_FIELDS
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
                        project["projectId"])
    assert project["tenantId"] == tenant.id
    assert project["projectName"] == "Purchase Order Analysis"
    assert project["projectDescription"] == "P2P workflow"
    assert ISO_8601.match(project["dateCreated"])
    assert project["dateModified"] == project["dateCreated"]
    assert project["createdBy"] == "test key"
    assert project["modifiedBy"] == "test key"
    assert project["isActive"] is True
    for count in ("datasetCount", "investigationCount", "dashboardCount", "userCount"):
        assert project[count] == 0


def test_create_without_description_gives_an_empty_one(tenant):
    response = tenant.client.post(f"/api/{tenant.id}/project", json={"projectName": "Solo"})
    assert response.status_code == 201
    assert response.json()["projectDescription"] == ""


def test_create_reads_property_names_case_insensitively(tenant):
    response = tenant.client.post(f"/api/{tenant.id}/project",
                                  json={"ProjectName": "Cased", "PROJECTDESCRIPTION": "d"})
    assert response.status_code == 201
    assert response.json()["projectName"] == "Cased"
    assert response.json()["projectDescription"] == "d"


def test_duplicate_project_names_are_allowed(tenant):
    first = create_project(tenant.client, tenant.id, name="Same name")
    second = create_project(tenant.client, tenant.id, name="Same name")
    assert first["projectId"] != second["projectId"]


def test_create_with_the_global_key_records_its_name(admin, tenant):
    project = create_project(admin, tenant.id)
    assert project["createdBy"] == project["modifiedBy"] != ""


def test_create_requires_a_name(tenant):
    for body in ({}, {"projectName": None}, {"projectName": ""}, {"projectName": "   \t"},
                 {"projectDescription": "no name"}):
        response = tenant.client.post(f"/api/{tenant.id}/project", json=body)
        assert response.status_code == 400, body
        assert response.json() == validation_failed("Project name is required"), body


def test_create_name_length_limit_is_255_characters(tenant):
    ok = tenant.client.post(f"/api/{tenant.id}/project", json={"projectName": "n" * 255})
    assert ok.status_code == 201
    assert ok.json()["projectName"] == "n" * 255
    too_long = tenant.client.post(f"/api/{tenant.id}/project", json={"projectName": "n" * 256})
    assert too_long.status_code == 400
    assert too_long.json() == validation_failed("Project name cannot exceed 255 characters")


def test_lengths_count_characters_not_bytes(tenant):
    response = tenant.client.post(f"/api/{tenant.id}/project",
                                  json={"projectName": "é" * 255,
                                        "projectDescription": "日" * 1000})
    assert response.status_code == 201
    assert response.json()["projectName"] == "é" * 255


def test_create_description_length_limit_is_1000_characters(tenant):
    ok = tenant.client.post(f"/api/{tenant.id}/project",
                            json={"projectName": "p", "projectDescription": "d" * 1000})
    assert ok.status_code == 201
    too_long = tenant.client.post(f"/api/{tenant.id}/project",
                                  json={"projectName": "p", "projectDescription": "d" * 1001})
    assert too_long.status_code == 400
    assert too_long.json() == validation_failed("Project description cannot exceed 1000 characters")


def test_create_reports_every_validation_error(tenant):
    response = tenant.client.post(f"/api/{tenant.id}/project",
                                  json={"projectName": "", "projectDescription": "d" * 1001})
    assert response.status_code == 400
    assert response.json() == validation_failed("Project name is required",
                                                 "Project description cannot exceed 1000 "
                                                 "characters")


def test_create_rejects_malformed_json(tenant):
    for raw in ("{", "not json", "[1, 2]", ""):
        response = tenant.client.post(f"/api/{tenant.id}/project", data=raw,
                                      headers={"Content-Type": "application/json"})
        assert response.status_code == 400, raw
        assert "error" in response.json()


def test_create_rejects_wrong_json_types(tenant):
    for body in ({"projectName": 5}, {"projectName": ["a"]}, {"projectName": "p",
                                                                "projectDescription": 7}):
        response = tenant.client.post(f"/api/{tenant.id}/project", json=body)
        assert response.status_code == 400, body
        assert response.json()["error"] == "Validation failed"
    assert tenant.client.get(f"/api/{tenant.id}/project").json()["totalCount"] == 0


def test_create_in_unknown_tenant_is_404(admin):
    response = admin.post(f"/api/{MISSING_ID}/project", json={"projectName": "p"})
    assert response.status_code == 404


# --- get ----------------------------------------------------------------------------------------

def test_get_returns_the_same_object_as_create(tenant):
    created = create_project(tenant.client, tenant.id)
    response = tenant.client.get(f"/api/{tenant.id}/project/{created['projectId']}")
    assert response.status_code == 200
    assert response.json() == created
    assert list(response.json()) == PROJECT_FIELDS


def test_get_accepts_an_uppercase_project_id(tenant):
    created = create_project(tenant.client, tenant.id)
    response = tenant.client.get(f"/api/{tenant.id}/project/{created['projectId'].upper()}")
    assert response.status_code == 200
    assert response.json()["projectId"] == created["projectId"]


def test_get_unknown_project_is_the_documented_404(tenant):
    response = tenant.client.get(f"/api/{tenant.id}/project/{MISSING_ID}")
    assert response.status_code == 404
    assert response.json() == not_found_body(MISSING_ID)


def test_malformed_guids_in_the_path_are_400(tenant):
    for path in (f"/api/{tenant.id}/project/not-a-guid",
                 f"/api/{tenant.id}/project/1234",
                 f"/api/{tenant.id}/project/not-a-guid/summary",
                 "/api/not-a-guid/project"):
        response = tenant.client.get(path)
        assert response.status_code == 400, path
    assert tenant.client.put(f"/api/{tenant.id}/project/xyz",
                             json={"projectName": "p"}).status_code == 400
    assert tenant.client.delete(f"/api/{tenant.id}/project/xyz").status_code == 400


# --- list ---------------------------------------------------------------------------------------

def test_list_is_paginated_by_creation_date_then_id(tenant):
    created = [create_project(tenant.client, tenant.id, name=f"p{i}") for i in range(3)]
    # Projects created within the same millisecond are ordered by id.
    ids = [p["projectId"] for p in sorted(created, key=lambda p: (p["dateCreated"],
                                                                  p["projectId"]))]
    first = tenant.client.get(f"/api/{tenant.id}/project", params={"page": 1, "pageSize": 2})
    assert first.status_code == 200
    body = first.json()
    assert list(body) == ["projects", "totalCount", "page", "pageSize"]
    assert body["totalCount"] == 3 and body["page"] == 1 and body["pageSize"] == 2
    assert [p["projectId"] for p in body["projects"]] == ids[:2]
    assert all(list(p) == PROJECT_FIELDS for p in body["projects"])
    second = tenant.client.get(f"/api/{tenant.id}/project", params={"page": 2, "pageSize": 2})
    assert [p["projectId"] for p in second.json()["projects"]] == ids[2:]
    beyond = tenant.client.get(f"/api/{tenant.id}/project", params={"page": 5, "pageSize": 2})
    assert beyond.json()["projects"] == [] and beyond.json()["totalCount"] == 3


def test_list_defaults_and_caps_the_page_size(tenant):
    default = tenant.client.get(f"/api/{tenant.id}/project").json()
    assert default == {"projects": [], "totalCount": 0, "page": 1, "pageSize": 50}
    capped = tenant.client.get(f"/api/{tenant.id}/project", params={"pageSize": 1000}).json()
    assert capped["pageSize"] == 100


def test_list_rejects_bad_paging_parameters(tenant):
    for params in ({"page": 0}, {"page": "x"}, {"pageSize": 0}, {"pageSize": "-3"}):
        response = tenant.client.get(f"/api/{tenant.id}/project", params=params)
        assert response.status_code == 400, params


def test_list_shows_only_the_tenants_own_projects(tenant, other_tenant):
    mine = create_project(tenant.client, tenant.id)
    create_project(other_tenant.client, other_tenant.id)
    body = tenant.client.get(f"/api/{tenant.id}/project").json()
    assert [p["projectId"] for p in body["projects"]] == [mine["projectId"]]


def test_list_of_unknown_tenant_is_404(admin):
    assert admin.get(f"/api/{MISSING_ID}/project").status_code == 404


# --- update -------------------------------------------------------------------------------------

def test_update_changes_name_description_and_active_flag(admin, tenant):
    created = create_project(admin, tenant.id, description="old")
    path = f"/api/{tenant.id}/project/{created['projectId']}"
    response = tenant.client.put(path, json={"projectName": "Renamed",
                                             "projectDescription": "new", "isActive": False})
    assert response.status_code == 200
    updated = response.json()
    assert list(updated) == PROJECT_FIELDS
    assert updated["projectName"] == "Renamed"
    assert updated["projectDescription"] == "new"
    assert updated["isActive"] is False
    assert updated["createdBy"] == created["createdBy"]
    assert updated["modifiedBy"] == "test key"
    assert updated["dateCreated"] == created["dateCreated"]
    assert updated["dateModified"] >= created["dateModified"]
    assert ISO_8601.match(updated["dateModified"])
    assert tenant.client.get(path).json() == updated


def test_update_leaves_absent_fields_unchanged_and_clears_with_empty_string(tenant):
    created = create_project(tenant.client, tenant.id, description="keep me")
    path = f"/api/{tenant.id}/project/{created['projectId']}"
    kept = tenant.client.put(path, json={"projectName": "n2"}).json()
    assert kept["projectDescription"] == "keep me" and kept["isActive"] is True
    kept = tenant.client.put(path, json={"projectName": "n3", "projectDescription": None}).json()
    assert kept["projectDescription"] == "keep me"
    cleared = tenant.client.put(path, json={"projectName": "n4", "projectDescription": ""}).json()
    assert cleared["projectDescription"] == ""


def test_update_validates_like_create(tenant):
    created = create_project(tenant.client, tenant.id)
    path = f"/api/{tenant.id}/project/{created['projectId']}"
    cases = [({}, ["Project name is required"]),
             ({"projectName": " "}, ["Project name is required"]),
             ({"projectName": "n" * 256}, ["Project name cannot exceed 255 characters"]),
             ({"projectName": "n", "projectDescription": "d" * 1001},
              ["Project description cannot exceed 1000 characters"])]
    for body, errors in cases:
        response = tenant.client.put(path, json=body)
        assert response.status_code == 400, body
        assert response.json() == validation_failed(*errors), body
    ok = tenant.client.put(path, json={"projectName": "n" * 255, "projectDescription": "d" * 1000})
    assert ok.status_code == 200
    for body in ({"projectName": "n", "isActive": "yes"}, {"projectName": 5}):
        assert tenant.client.put(path, json=body).status_code == 400, body
    bad_json = tenant.client.put(path, data="{oops", headers={"Content-Type": "application/json"})
    assert bad_json.status_code == 400
    assert tenant.client.get(path).json() == ok.json()


def test_update_unknown_project_is_404(tenant):
    response = tenant.client.put(f"/api/{tenant.id}/project/{MISSING_ID}",
                                 json={"projectName": "x"})
    assert response.status_code == 404
    assert response.json() == not_found_body(MISSING_ID)


# --- delete -------------------------------------------------------------------------------------

def test_delete_removes_the_project(tenant):
    created = create_project(tenant.client, tenant.id)
    path = f"/api/{tenant.id}/project/{created['projectId']}"
    response = tenant.client.delete(path)
    assert response.status_code == 200
    assert response.json() == {"message": "Project deleted successfully",
                               "projectId": created["projectId"]}
    assert tenant.client.get(path).status_code == 404
    assert tenant.client.get(f"/api/{tenant.id}/project").json()["totalCount"] == 0
    again = tenant.client.delete(path)
    assert again.status_code == 404
    assert again.json() == not_found_body(created["projectId"])


def test_delete_cascades_to_thumbnail(tenant):
    created = create_project(tenant.client, tenant.id)
    path = f"/api/{tenant.id}/project/{created['projectId']}"
    assert tenant.client.post(f"{path}/thumbnail",
                              json={"base64Image": data_uri("image/png", png_bytes())}
                              ).status_code == 200
    assert tenant.client.delete(path).status_code == 200
    assert tenant.client.get(f"{path}/thumbnail").status_code == 404


# --- summary ------------------------------------------------------------------------------------

def test_summary_has_documented_fields_and_statistics(tenant):
    created = create_project(tenant.client, tenant.id, description="about")
    response = tenant.client.get(f"/api/{tenant.id}/project/{created['projectId']}/summary")
    assert response.status_code == 200
    summary = response.json()
    assert list(summary) == ["projectId", "projectName", "projectDescription", "dateCreated",
                             "dateModified", "statistics"]
    assert summary["projectId"] == created["projectId"]
    assert summary["projectName"] == created["projectName"]
    assert summary["projectDescription"] == "about"
    assert summary["dateCreated"] == created["dateCreated"]
    assert summary["dateModified"] == created["dateModified"]
    assert summary["statistics"] == {"totalDatasets": 0, "totalInvestigations": 0,
                                     "totalDashboards": 0, "totalNotebooks": 0, "totalUsers": 0}
    assert list(summary["statistics"]) == ["totalDatasets", "totalInvestigations",
                                           "totalDashboards", "totalNotebooks", "totalUsers"]


def test_summary_of_unknown_project_is_404(tenant):
    response = tenant.client.get(f"/api/{tenant.id}/project/{MISSING_ID}/summary")
    assert response.status_code == 404
    assert response.json() == not_found_body(MISSING_ID)


# --- tenant isolation and keys ------------------------------------------------------------------

def project_routes(tenant_id, project_id):
    """Every project route, with a body that would succeed for the project's own tenant."""
    base = f"/api/{tenant_id}/project/{project_id}"
    png = {"base64Image": data_uri("image/png", png_bytes())}
    return [("GET", f"/api/{tenant_id}/project", None),
            ("POST", f"/api/{tenant_id}/project", {"projectName": "intruder"}),
            ("GET", base, None),
            ("GET", f"{base}/summary", None),
            ("PUT", base, {"projectName": "hijacked", "isActive": False}),
            ("GET", f"{base}/load", None),
            ("DELETE", f"{base}/unload", None),
            ("GET", f"{base}/users", None),
            ("POST", f"{base}/users/{MISSING_ID}", {"isOwner": True}),
            ("PUT", f"{base}/users/{MISSING_ID}", {"isOwner": True}),
            ("DELETE", f"{base}/users/{MISSING_ID}", None),
            ("GET", f"{base}/thumbnail", None),
            ("POST", f"{base}/thumbnail", png),
            ("DELETE", f"{base}/thumbnail", None),
            ("DELETE", base, None)]


def test_another_tenants_key_is_refused_on_every_project_route(admin, tenant, other_tenant):
    victim = create_project(other_tenant.client, other_tenant.id, name="Secret project name",
                            description="secret description")
    victim_path = f"/api/{other_tenant.id}/project/{victim['projectId']}"
    assert other_tenant.client.post(f"{victim_path}/thumbnail",
                                     json={"base64Image": data_uri("image/png", png_bytes(3, 3))}
                                     ).status_code == 200
    before = admin.get(victim_path).json()
    thumbnail_before = admin.get(f"{victim_path}/thumbnail").json()
    for method, path, body in project_routes(other_tenant.id, victim["projectId"]):
        response = tenant.client.request(method, path, json=body)
        assert response.status_code in (401, 403, 404), (method, path, response.status_code)
        assert "Secret project name" not in response.text
        assert "secret description" not in response.text
    assert admin.get(victim_path).json() == before
    assert admin.get(f"{victim_path}/thumbnail").json() == thumbnail_before
    assert admin.get(f"/api/{other_tenant.id}/project").json()["totalCount"] == 1


def test_a_project_id_under_the_wrong_tenant_path_is_404_even_for_the_global_key(
        admin, tenant, other_tenant):
    victim = create_project(other_tenant.client, other_tenant.id, name="Elsewhere")
    victim_path = f"/api/{other_tenant.id}/project/{victim['projectId']}"
    before = admin.get(victim_path).json()
    for method, path, body in project_routes(tenant.id, victim["projectId"]):
        if path.endswith("/project"):
            continue
        for client in (admin, tenant.client):
            response = client.request(method, path, json=body)
            assert response.status_code == 404, (method, path, response.status_code)
            if "/users/" not in path:
                assert response.json() == not_found_body(victim["projectId"]), (method, path)
            assert "Elsewhere" not in response.text
    assert admin.get(victim_path).json() == before


def test_requests_without_a_valid_key_are_401(anonymous, tenant):
    created = create_project(tenant.client, tenant.id)
    for method, path, body in project_routes(tenant.id, created["projectId"]):
        assert anonymous.request(method, path, json=body).status_code == 401, (method, path)
        bad_key = anonymous.with_key("not-a-real-key")
        assert bad_key.request(method, path, json=body).status_code == 401, (method, path)
    assert tenant.client.get(f"/api/{tenant.id}/project/{created['projectId']}").json() == created


def test_revoked_tenant_key_is_refused(admin, tenant):
    created = create_project(tenant.client, tenant.id)
    keys = admin.get(f"/api/tenant/{tenant.id}/apikey").json()["apiKeys"]
    assert len(keys) == 1
    revoke = admin.delete(f"/api/tenant/{tenant.id}/apikey/{keys[0]['apiKeyId']}")
    assert revoke.status_code == 200
    for path in (f"/api/{tenant.id}/project", f"/api/{tenant.id}/project/{created['projectId']}"):
        assert tenant.client.get(path).status_code == 401
    assert tenant.client.post(f"/api/{tenant.id}/project",
                              json={"projectName": "late"}).status_code == 401
    assert admin.get(f"/api/{tenant.id}/project").json()["totalCount"] == 1


def test_deleting_the_tenant_removes_its_projects(admin, server):
    tenant_name = unique_name()
    tenant_id = create_tenant(admin, name=tenant_name, displayName="Doomed")
    client = admin.with_key(create_tenant_key(admin, tenant_id))
    project = create_project(client, tenant_id)
    client.post(f"/api/{tenant_id}/project/{project['projectId']}/thumbnail",
                json={"base64Image": data_uri("image/png", png_bytes())})
    client.get(f"/api/{tenant_id}/project/{project['projectId']}/load")
    response = admin.delete("/api/tenant", json={"tenantId": tenant_id, "name": tenant_name,
                                                 "displayName": "Doomed"})
    assert response.status_code == 200, response.text
    assert admin.get(f"/api/{tenant_id}/project/{project['projectId']}").status_code == 404
    assert admin.get(f"/api/{tenant_id}/project").status_code == 404
    with sqlite3.connect(f"file:{server.data_dir / 'pmstudio.db'}?mode=ro", uri=True) as db:
        for table, column in (("projects", "id"), ("project_thumbnails", "project_id")):
            count = db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?",
                               (project["projectId"],)).fetchone()[0]
            assert count == 0, table


def test_projects_and_thumbnails_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    owner = Tenant(admin)
    project = create_project(owner.client, owner.id, name="Durable", description="kept")
    image = data_uri("image/png", png_bytes(4, 4))
    path = f"/api/{owner.id}/project/{project['projectId']}"
    assert owner.client.post(f"{path}/thumbnail", json={"base64Image": image}).status_code == 200
    srv.restart()
    client = Client(srv.url, owner.key)
    assert client.get(path).json() == project
    assert client.get(f"{path}/thumbnail").json()["base64Image"] == image
    assert client.get(f"/api/{owner.id}/project").json()["totalCount"] == 1
