"""Tenant API: /api/tenant (global keys only)."""

import concurrent.futures
import uuid

import pytest

from conftest import Tenant, assert_standard_headers, create_tenant, unique_name

MISSING = "12345678-1234-1234-1234-123456789012"


def tenant_body(**overrides):
    body = {"name": unique_name(), "displayName": "Acme Corporation", "description": "Main tenant",
            "maxUsers": 50, "maxAnalyst": 10, "maxCases": 100000, "timeZone": "America/New_York"}
    body.update(overrides)
    return body


def test_create_returns_201_with_documented_fields(admin):
    body = tenant_body()
    response = admin.post("/api/tenant", json=body)
    assert response.status_code == 201
    assert_standard_headers(response)
    created = response.json()
    assert list(created) == ["tenantId", "name", "displayName", "message",
                             "storageContainerCreated"]
    assert created["name"] == body["name"]
    assert created["displayName"] == "Acme Corporation"
    assert created["message"] == "Tenant 'Acme Corporation' created successfully"
    assert created["storageContainerCreated"] is True
    uuid.UUID(created["tenantId"])
    assert created["tenantId"] == created["tenantId"].lower()


def test_get_returns_every_documented_field(admin):
    body = tenant_body()
    tenant_id = admin.post("/api/tenant", json=body).json()["tenantId"]
    response = admin.get(f"/api/tenant/{tenant_id}")
    assert response.status_code == 200
    tenant = response.json()
    for field in ["tenantId", "name", "displayName", "description", "isAcademic", "preRelease",
                  "maxUserCount", "maxAnalystCount", "maxCases", "dateCreated", "isDisabled"]:
        assert field in tenant, field
    assert tenant["maxUserCount"] == 50
    assert tenant["maxAnalystCount"] == 10
    assert tenant["maxCases"] == 100000
    assert tenant["timeZone"] == "America/New_York"
    assert tenant["isDisabled"] is False
    assert tenant["dateCreated"].endswith("Z")


def test_get_is_case_insensitive_on_guid_and_route(admin):
    tenant_id = create_tenant(admin)
    response = admin.get(f"/API/Tenant/{tenant_id.upper()}")
    assert response.status_code == 200
    assert response.json()["tenantId"] == tenant_id


def test_get_unknown_is_404_with_documented_body(admin):
    response = admin.get(f"/api/tenant/{MISSING}")
    assert response.status_code == 404
    assert response.json() == {"error": f"Tenant with ID '{MISSING}' not found"}


def test_get_malformed_guid_is_400(admin):
    response = admin.get("/api/tenant/not-a-guid")
    assert response.status_code == 400
    assert "not-a-guid" in response.json()["error"]


def test_list_paginates_with_counts(admin):
    mine = {create_tenant(admin) for _ in range(3)}
    total = admin.get("/api/tenant").json()["totalCount"]
    assert total >= 3
    page = admin.get("/api/tenant", params={"page": 2, "pageSize": 2}).json()
    assert page["page"] == 2 and page["pageSize"] == 2
    assert page["totalCount"] == total
    assert len(page["tenants"]) == min(2, max(0, total - 2))
    item = page["tenants"][0]
    assert list(item)[:14] == ["tenantId", "name", "displayName", "description", "caseCount",
                               "maxUserCount", "maxAnalystCount", "analystCount", "userCount",
                               "preRelease", "isAcademic", "autoload", "dateCreated", "isDisabled"]
    fresh = [t for number in range(1, total // 100 + 2)
             for t in admin.get("/api/tenant", params={"page": number, "pageSize": 100}
                                ).json()["tenants"] if t["tenantId"] in mine]
    assert len(fresh) == 3
    for item in fresh:  # other tests' tenants on the shared server may hold data
        assert item["caseCount"] == 0 and item["userCount"] == 0 and item["analystCount"] == 0


def test_list_pages_do_not_overlap(admin):
    for _ in range(3):
        create_tenant(admin)
    first = admin.get("/api/tenant", params={"page": 1, "pageSize": 2}).json()["tenants"]
    second = admin.get("/api/tenant", params={"page": 2, "pageSize": 2}).json()["tenants"]
    assert not {t["tenantId"] for t in first} & {t["tenantId"] for t in second}


def test_list_page_size_is_capped_at_100(admin):
    assert admin.get("/api/tenant", params={"pageSize": 5000}).json()["pageSize"] == 100


@pytest.mark.parametrize("params", [{"page": 0}, {"page": "x"}, {"pageSize": -1}])
def test_list_rejects_bad_paging(admin, params):
    response = admin.get("/api/tenant", params=params)
    assert response.status_code == 400
    assert response.json()["error"] == "Validation failed"


def test_duplicate_name_is_409(admin):
    body = tenant_body()
    assert admin.post("/api/tenant", json=body).status_code == 201
    response = admin.post("/api/tenant", json=body)
    assert response.status_code == 409
    assert response.json() == {"error": f"A tenant with name '{body['name']}' already exists"}


@pytest.mark.parametrize("name,message", [
    ("ab", "Name must be between 3 and 63 characters"),
    ("a" * 64, "Name must be between 3 and 63 characters"),
    ("Has-Upper", "Name can only contain lowercase letters, numbers, and hyphens"),
    ("has space", "Name can only contain lowercase letters, numbers, and hyphens"),
    ("under_score", "Name can only contain lowercase letters, numbers, and hyphens"),
    ("-leading", "Name must start and end with a letter or number"),
])
def test_invalid_names_are_400(admin, name, message):
    response = admin.post("/api/tenant", json=tenant_body(name=name))
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "Validation failed"
    assert message in body["validationErrors"]


def test_boundary_names_are_accepted(admin):
    for name in ["abc", ("x" + uuid.uuid4().hex * 2)[:63]]:
        assert admin.post("/api/tenant", json=tenant_body(name=name)).status_code == 201


def test_missing_required_fields_are_listed(admin):
    response = admin.post("/api/tenant", json={"name": unique_name()})
    assert response.status_code == 400
    errors = response.json()["validationErrors"]
    assert "Display name is required" in errors
    assert "maxUsers is required" in errors
    assert "maxAnalyst is required" in errors
    assert "maxCases is required" in errors


def test_oversize_and_wrong_types_are_400(admin):
    response = admin.post("/api/tenant", json=tenant_body(displayName="d" * 256))
    assert response.status_code == 400
    assert "Display name cannot exceed 255 characters" in response.json()["validationErrors"]
    response = admin.post("/api/tenant", json=tenant_body(description="d" * 1001))
    assert "Description cannot exceed 1000 characters" in response.json()["validationErrors"]
    response = admin.post("/api/tenant", json=tenant_body(maxUsers="many"))
    assert response.status_code == 400
    assert response.json()["validationErrors"] == ["'maxUsers' must be an integer"]
    response = admin.post("/api/tenant", json=tenant_body(timeZone="Mars/Olympus"))
    assert response.status_code == 400


def test_malformed_json_is_400(admin):
    response = admin.post("/api/tenant", data="{not json",
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]
    response = admin.post("/api/tenant", data="[1,2]", headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_property_names_are_case_insensitive_and_unknown_ignored(admin):
    name = unique_name()
    response = admin.post("/api/tenant", json={
        "NAME": name, "DisplayName": "Caps", "maxusers": 1, "MAXANALYST": 1, "maxCases": 1,
        "somethingElse": {"nested": True}})
    assert response.status_code == 201
    assert response.json()["name"] == name


def test_update_changes_only_given_fields(admin):
    tenant_id = admin.post("/api/tenant", json=tenant_body()).json()["tenantId"]
    response = admin.put("/api/tenant", json={
        "tenantId": tenant_id, "displayName": "Renamed", "maxUsers": 100, "maxCases": -1,
        "description": None, "preRelease": True})
    assert response.status_code == 200
    body = response.json()
    assert body["displayName"] == "Renamed"
    assert body["message"] == f"Tenant '{body['name']}' updated successfully"
    assert body["isDisabled"] is False
    tenant = admin.get(f"/api/tenant/{tenant_id}").json()
    assert tenant["maxUserCount"] == 100
    assert tenant["maxAnalystCount"] == 10
    assert tenant["maxCases"] == -1
    assert tenant["description"] == "Main tenant"
    assert tenant["preRelease"] is True
    assert admin.put("/api/tenant", json={"tenantId": tenant_id, "description": ""}).ok
    assert admin.get(f"/api/tenant/{tenant_id}").json()["description"] == ""


def test_update_cannot_change_name(admin):
    body = tenant_body()
    tenant_id = admin.post("/api/tenant", json=body).json()["tenantId"]
    admin.put("/api/tenant", json={"tenantId": tenant_id, "name": "other-name"})
    assert admin.get(f"/api/tenant/{tenant_id}").json()["name"] == body["name"]


def test_update_errors(admin):
    response = admin.put("/api/tenant", json={"tenantId": MISSING, "displayName": "x"})
    assert response.status_code == 404
    assert response.json() == {"error": f"Tenant with ID '{MISSING}' not found"}
    tenant_id = create_tenant(admin)
    response = admin.put("/api/tenant", json={"tenantId": tenant_id, "displayName": "d" * 256})
    assert response.status_code == 400
    assert response.json() == {"error": "Validation failed",
                               "validationErrors": ["Display name cannot exceed 255 characters"]}
    assert admin.put("/api/tenant", json={"displayName": "x"}).status_code == 400
    assert admin.put("/api/tenant", json={"tenantId": "bad", "displayName": "x"}).status_code == 400
    response = admin.put("/api/tenant", json={"tenantId": tenant_id, "isDisabled": "yes"})
    assert response.status_code == 400


def test_delete_requires_triple_verification(admin):
    body = tenant_body(displayName="Delete Me")
    tenant_id = admin.post("/api/tenant", json=body).json()["tenantId"]
    hint = "All three identifiers (ID, name, display name) must match exactly for safety"

    response = admin.delete("/api/tenant", json={"tenantId": tenant_id, "name": "wrong-name",
                                                 "displayName": "Delete Me"})
    assert response.status_code == 400
    assert response.json() == {
        "error": f"Tenant name 'wrong-name' does not match the tenant with ID '{tenant_id}'. "
                 f"Expected '{body['name']}'.", "hint": hint}

    response = admin.delete("/api/tenant", json={"tenantId": tenant_id, "name": body["name"],
                                                 "displayName": "Wrong Name"})
    assert response.status_code == 400
    assert response.json() == {
        "error": f"Display name 'Wrong Name' does not match the tenant with ID '{tenant_id}'. "
                 "Expected 'Delete Me'.", "hint": hint}
    assert admin.get(f"/api/tenant/{tenant_id}").status_code == 200

    response = admin.delete("/api/tenant", json={"tenantId": tenant_id, "name": body["name"],
                                                 "displayName": "Delete Me"})
    assert response.status_code == 200
    assert response.json() == {"message": "Tenant 'Delete Me' deleted successfully",
                               "tenantName": body["name"], "tenantDisplayName": "Delete Me",
                               "storageContainerDeleted": True}
    assert admin.get(f"/api/tenant/{tenant_id}").status_code == 404


def test_delete_unknown_and_bad_input(admin):
    response = admin.delete("/api/tenant", json={"tenantId": MISSING, "name": "x",
                                                 "displayName": "y"})
    assert response.status_code == 404
    assert response.json() == {"error": f"Tenant not found with ID '{MISSING}'"}
    assert admin.delete("/api/tenant", json={"tenantId": MISSING}).status_code == 400
    assert admin.delete("/api/tenant").status_code == 400


def test_delete_cascades_everything_the_tenant_owns_but_not_users(admin, server):
    tenant = Tenant(admin, displayName="Cascade")
    project = tenant.client.post(f"/api/{tenant.id}/project", json={"projectName": "p"})
    assert project.status_code == 201
    project_id = project.json()["projectId"]
    user = admin.post(f"/api/tenant/{tenant.id}/user", json={
        "email": f"{unique_name('cascade')}@example.com", "displayName": "Cascade User",
        "roleName": "Analyst"}).json()["userId"]
    assert tenant.client.post(f"/api/{tenant.id}/project/{project_id}/users/{user}").ok
    container = server.data_dir / "tenants" / tenant.id
    assert container.is_dir()

    name = admin.get(f"/api/tenant/{tenant.id}").json()["name"]
    assert admin.delete("/api/tenant", json={"tenantId": tenant.id, "name": name,
                                             "displayName": "Cascade"}).status_code == 200
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").status_code == 401
    assert admin.get(f"/api/{tenant.id}/project/{project_id}").status_code == 404
    assert admin.get(f"/api/tenant/{tenant.id}/apikey").status_code == 404
    assert not container.exists()
    survivor = admin.get(f"/api/user/{user}").json()
    assert survivor["tenantCount"] == 0 and survivor["tenants"] == []


def test_tenant_keys_get_documented_401_on_every_tenant_route(tenant):
    calls = [("GET", "/api/tenant", None), ("GET", f"/api/tenant/{tenant.id}", None),
             ("POST", "/api/tenant", tenant_body()), ("PUT", "/api/tenant", {"tenantId": tenant.id}),
             ("DELETE", "/api/tenant", {"tenantId": tenant.id, "name": "x", "displayName": "y"})]
    for method, path, body in calls:
        response = tenant.client.request(method, path, json=body)
        assert response.status_code == 401, (method, path)
        payload = response.json()
        assert payload["hint"] == "Global API keys can be created at /admin/global-api-keys"
        assert payload["error"].startswith("This endpoint requires a Global API key.")
    listed = tenant.client.get("/api/tenant").json()
    assert listed["error"] == ("This endpoint requires a Global API key. Tenant-specific API keys "
                               "cannot list all tenants.")


def test_tenant_key_cannot_disable_or_delete_its_own_tenant(admin, tenant):
    name = admin.get(f"/api/tenant/{tenant.id}").json()["name"]
    assert tenant.client.put("/api/tenant", json={"tenantId": tenant.id,
                                                  "isDisabled": True}).status_code == 401
    assert tenant.client.delete("/api/tenant", json={"tenantId": tenant.id, "name": name,
                                                     "displayName": "Test Tenant"}).status_code == 401
    assert admin.get(f"/api/tenant/{tenant.id}").json()["isDisabled"] is False


def test_disabled_tenant_keys_get_403_and_reenabled_work_again(admin, tenant):
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").status_code == 200
    admin.put("/api/tenant", json={"tenantId": tenant.id, "isDisabled": True})
    response = tenant.client.get("/api/Action/ping/authenticated")
    assert response.status_code == 403
    assert "disabled" in response.json()["error"]
    response = tenant.client.get(f"/api/{tenant.id}/project/ping")
    assert response.status_code == 403
    assert "disabled" in response.text
    listed = [t for t in admin.get("/api/tenant", params={"pageSize": 100}).json()["tenants"]
              if t["tenantId"] == tenant.id]
    assert listed == [] or listed[0]["isDisabled"] is True
    admin.put("/api/tenant", json={"tenantId": tenant.id, "isDisabled": False})
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").status_code == 200


def test_concurrent_creates_of_one_name_yield_exactly_one_201(admin):
    body = tenant_body()
    with concurrent.futures.ThreadPoolExecutor(max_workers=16) as pool:
        codes = list(pool.map(lambda _: admin.post("/api/tenant", json=body).status_code,
                              range(16)))
    assert codes.count(201) == 1
    assert codes.count(409) == 15


def test_licence_limit_answers_429(fresh_server):
    srv = fresh_server(extra_args=["--max-tenants", "2"])
    from conftest import Client
    admin = Client(srv.url, srv.admin_key)
    assert admin.post("/api/tenant", json=tenant_body()).status_code == 201
    assert admin.post("/api/tenant", json=tenant_body()).status_code == 201
    response = admin.post("/api/tenant", json=tenant_body())
    assert response.status_code == 429
    assert response.json() == {
        "error": "Maximum number of tenants reached. Your license allows 2 tenants.",
        "hint": "Upgrade your license to create more tenants"}


def test_tenants_persist_across_restart(fresh_server):
    from conftest import Client
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    tenant_id = admin.post("/api/tenant", json=tenant_body(displayName="Persisted")).json()["tenantId"]
    admin.put("/api/tenant", json={"tenantId": tenant_id, "maxUsers": 7})
    srv.restart()
    admin = Client(srv.url, srv.admin_key)
    tenant = admin.get(f"/api/tenant/{tenant_id}").json()
    assert tenant["displayName"] == "Persisted"
    assert tenant["maxUserCount"] == 7
