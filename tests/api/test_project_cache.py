"""Project cache: GET /api/{tenantId}/project/{projectId}/load and DELETE .../unload."""

from project_support import MISSING_ID, create_project, not_found_body

LOAD_FIELDS = ["projectId", "projectName", "tenantName", "investigationCount", "notebookCount",
               "datasetCount", "loadedFromCache", "message"]


def test_first_load_reads_the_database_and_later_loads_hit_the_cache(admin, tenant):
    project = create_project(tenant.client, tenant.id, name="Cached project")
    path = f"/api/{tenant.id}/project/{project['projectId']}/load"
    first = tenant.client.get(path)
    assert first.status_code == 200
    body = first.json()
    assert list(body)[:len(LOAD_FIELDS)] == LOAD_FIELDS
    assert body.pop("datasetBytesLoaded") == 0  # pmstudio additions: what was read into memory
    assert body.pop("loadSeconds") >= 0
    assert body == {"projectId": project["projectId"], "projectName": "Cached project",
                    "tenantName": admin.get(f"/api/tenant/{tenant.id}").json()["name"],
                    "investigationCount": 0, "notebookCount": 0, "datasetCount": 0,
                    "loadedFromCache": False, "message": "Project loaded from database"}
    for _ in range(2):
        again = tenant.client.get(path).json()
        assert again["loadedFromCache"] is True
        assert again["message"] == "Project loaded from cache"


def test_unload_reports_whether_the_project_was_cached(tenant):
    project = create_project(tenant.client, tenant.id)
    base = f"/api/{tenant.id}/project/{project['projectId']}"
    assert tenant.client.get(f"{base}/load").status_code == 200
    first = tenant.client.delete(f"{base}/unload")
    assert first.status_code == 200
    assert list(first.json()) == ["projectId", "wasInCache", "message"]
    assert first.json() == {"projectId": project["projectId"], "wasInCache": True,
                            "message": "Project unloaded from cache successfully"}
    second = tenant.client.delete(f"{base}/unload")
    assert second.status_code == 200
    assert second.json() == {"projectId": project["projectId"], "wasInCache": False,
                             "message": "Project was not in cache"}
    assert tenant.client.get(f"{base}/load").json()["loadedFromCache"] is False


def test_other_calls_do_not_load_a_project(tenant):
    project = create_project(tenant.client, tenant.id)
    base = f"/api/{tenant.id}/project/{project['projectId']}"
    for path in ("", "/summary", "/users", "/thumbnail"):
        assert tenant.client.get(base + path).status_code == 200
    assert tenant.client.get(f"{base}/load").json()["loadedFromCache"] is False


def test_the_cache_is_per_project(tenant):
    first = create_project(tenant.client, tenant.id)
    second = create_project(tenant.client, tenant.id)
    tenant.client.get(f"/api/{tenant.id}/project/{first['projectId']}/load")
    load_second = tenant.client.get(f"/api/{tenant.id}/project/{second['projectId']}/load")
    assert load_second.json()["loadedFromCache"] is False


def test_deleting_a_project_evicts_it(tenant):
    project = create_project(tenant.client, tenant.id)
    base = f"/api/{tenant.id}/project/{project['projectId']}"
    assert tenant.client.get(f"{base}/load").status_code == 200
    assert tenant.client.delete(base).status_code == 200
    for method, path in (("GET", f"{base}/load"), ("DELETE", f"{base}/unload")):
        response = tenant.client.request(method, path)
        assert response.status_code == 404
        assert response.json() == not_found_body(project["projectId"])


def test_unknown_project_is_the_documented_404(tenant):
    base = f"/api/{tenant.id}/project/{MISSING_ID}"
    for method, path in (("GET", f"{base}/load"), ("DELETE", f"{base}/unload")):
        response = tenant.client.request(method, path)
        assert response.status_code == 404
        assert response.json() == not_found_body(MISSING_ID)


def test_malformed_project_id_is_400(tenant):
    assert tenant.client.get(f"/api/{tenant.id}/project/nope/load").status_code == 400
    assert tenant.client.delete(f"/api/{tenant.id}/project/nope/unload").status_code == 400


def test_unknown_tenant_is_404_for_the_global_key(admin):
    base = f"/api/{MISSING_ID}/project/{MISSING_ID}"
    assert admin.get(f"{base}/load").status_code == 404
    assert admin.delete(f"{base}/unload").status_code == 404


def test_another_tenants_key_cannot_load_or_unload(admin, tenant, other_tenant):
    project = create_project(other_tenant.client, other_tenant.id, name="Private")
    base = f"/api/{other_tenant.id}/project/{project['projectId']}"
    assert admin.get(f"{base}/load").status_code == 200
    for method, path in (("GET", f"{base}/load"), ("DELETE", f"{base}/unload")):
        response = tenant.client.request(method, path)
        assert response.status_code in (401, 403, 404)
        assert "Private" not in response.text
    assert admin.get(f"{base}/load").json()["loadedFromCache"] is True
