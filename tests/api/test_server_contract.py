"""Cross-cutting contract: pings, authentication, headers, routing, errors, rate limits,
OpenAPI, first-start bootstrap, restart and shutdown."""

import concurrent.futures
import json
import os
import signal
import stat
import threading

import pytest
import requests

from conftest import Client, assert_standard_headers, create_tenant

PROJECT = "87654321-4321-4321-4321-210987654321"
SECTIONS = ["action", "actionexecution", "block", "dashboard", "dataset", "investigation",
            "notebook"]


def test_quick_start_ping(anonymous):
    response = anonymous.get("/api/Action/ping")
    assert response.status_code == 200
    assert_standard_headers(response)
    body = response.json()
    assert body["status"] == "ok" and body["timestamp"].endswith("Z") and body["version"]


def test_authenticated_ping(admin, tenant, anonymous):
    response = admin.get("/api/Action/ping/authenticated",
                         headers={"X-Tenant-Id": tenant.id, "X-Project-Id": PROJECT})
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["status", "timestamp", "tenantId", "projectId", "userId", "permissions"]
    assert body["status"] == "authenticated"
    assert body["tenantId"] == tenant.id and body["projectId"] == PROJECT
    body = tenant.client.get("/api/Action/ping/authenticated").json()
    assert body["tenantId"] == tenant.id
    assert "admin" not in body["permissions"]
    response = anonymous.get("/api/Action/ping/authenticated")
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"


@pytest.mark.parametrize("section", SECTIONS)
def test_project_section_pings(anonymous, tenant, section):
    base = f"/api/{tenant.id}/{PROJECT}/{section}"
    response = anonymous.get(f"{base}/unauthorized-ping")
    assert response.status_code == 200
    assert response.text == "Ping Successful"
    assert response.headers["Content-Type"].startswith("text/plain")
    response = anonymous.get(f"{base}/ping")
    assert response.status_code == 401
    assert response.headers["Content-Type"].startswith("text/plain")
    # The project does not exist in this tenant.
    response = tenant.client.get(f"{base}/ping")
    assert response.status_code == 404


def test_project_ping_with_real_project(tenant):
    created = tenant.client.post(f"/api/{tenant.id}/project", json={"projectName": "ping me"})
    assert created.status_code == 201
    project_id = created.json()["projectId"]
    for section in SECTIONS:
        response = tenant.client.get(f"/api/{tenant.id}/{project_id}/{section}/ping")
        assert response.status_code == 200
        assert response.text == f"Ping Successful (tenant id: {tenant.id})"


def test_tenant_pings(anonymous, tenant, admin):
    assert anonymous.get(f"/api/{tenant.id}/project/unauthorized-ping").text == "Ping Successful"
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").text == \
        f"Ping Successful (tenant id: {tenant.id})"
    assert admin.get(f"/api/{tenant.id}/Project/Ping").status_code == 200
    assert admin.get(f"/api/{PROJECT}/project/ping").status_code == 404
    assert anonymous.get("/api/not-a-guid/project/unauthorized-ping").status_code == 400


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer ", "Basic abc", "Bearer wrong",
                                    "bearer pms_0000"])
def test_missing_or_invalid_keys_are_401(server, header):
    headers = {"Authorization": header} if header is not None else {}
    response = requests.get(f"{server.url}/api/tenant", headers=headers, timeout=10)
    assert response.status_code == 401
    body = response.json()
    assert body["error"] == "invalid_token"
    assert body["requestId"] == response.headers["X-Request-Id"]


def test_scheme_is_case_insensitive(server):
    response = requests.get(f"{server.url}/api/tenant",
                            headers={"Authorization": f"bearer {server.admin_key}"}, timeout=10)
    assert response.status_code == 200


def test_unknown_route_is_404_json_and_wrong_method_is_405(admin):
    response = admin.get("/api/does/not/exist")
    assert response.status_code == 404
    assert "No API route" in response.json()["error"]
    assert_standard_headers(response)
    response = admin.request("PATCH", "/api/tenant")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


def test_json_content_type_on_get_and_delete_with_empty_body(admin):
    tenant_id = create_tenant(admin)
    headers = {"Content-Type": "application/json"}
    assert admin.get(f"/api/tenant/{tenant_id}", headers=headers).status_code == 200
    key = admin.post(f"/api/tenant/{tenant_id}/apikey").json()
    response = admin.delete(f"/api/tenant/{tenant_id}/apikey/{key['apiKeyId']}", headers=headers)
    assert response.status_code == 200


def test_request_id_is_unique_or_echoed(anonymous):
    ids = {anonymous.get("/api/Action/ping").headers["X-Request-Id"] for _ in range(20)}
    assert len(ids) == 20
    echoed = anonymous.get("/api/Action/ping", headers={"X-Request-Id": "client-abc.1"})
    assert echoed.headers["X-Request-Id"] == "client-abc.1"
    unsafe = anonymous.get("/api/Action/ping", headers={"X-Request-Id": "bad id\twith<stuff>"})
    assert unsafe.headers["X-Request-Id"].startswith("req_")


def test_oversize_body_is_413(admin):
    response = admin.post("/api/tenant", data=b"x" * (17 << 20),
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 413


def test_openapi_document_covers_every_route(anonymous):
    response = anonymous.get("/swagger/v1/swagger.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    paths = document["paths"]
    for path, method in [("/api/tenant", "get"), ("/api/tenant", "delete"),
                         ("/api/tenant/{tenantId}", "get"), ("/api/Action/ping", "get"),
                         ("/api/tenant/{tenantId}/apikey/{apiKeyId}", "delete"),
                         ("/api/{tenantId}/{projectId}/dataset/unauthorized-ping", "get")]:
        assert method in paths[path], (path, method)
    assert paths["/api/tenant/{tenantId}"]["get"]["parameters"][0]["schema"]["format"] == "uuid"
    assert paths["/api/Action/ping"]["get"]["security"] == []


def test_rate_limit_headers_and_429(fresh_server):
    srv = fresh_server(extra_args=["--rate-limit", "5"])
    admin = Client(srv.url, srv.admin_key)
    remaining = []
    for _ in range(5):
        response = admin.get("/api/tenant")
        assert response.status_code == 200
        assert response.headers["X-RateLimit-Limit"] == "5"
        assert int(response.headers["X-RateLimit-Reset"]) > 0
        remaining.append(int(response.headers["X-RateLimit-Remaining"]))
    response = admin.get("/api/tenant")
    if response.status_code == 200:  # the minute window turned over mid-test; try once more
        for _ in range(5):
            response = admin.get("/api/tenant")
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert response.json()["error"] == "Rate limit exceeded"
    assert remaining[:2] == sorted(remaining[:2], reverse=True)
    tenant_key = Client(srv.url, None)
    assert tenant_key.get("/api/Action/ping").status_code == 200  # other clients unaffected


def test_first_start_creates_private_admin_key_and_prints_it(fresh_server):
    srv = fresh_server()
    key_file = srv.data_dir / "admin-key.txt"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert srv.admin_key in srv.first_output
    assert Client(srv.url, srv.admin_key).get("/api/tenant").status_code == 200
    srv.restart()
    assert srv.output_path.read_text().count(srv.admin_key) == 1  # printed only once


def test_bootstrap_key_from_environment(fresh_server):
    preset = "provisioned-by-automation-0123456789"
    srv = fresh_server(env={"PMSTUDIO_BOOTSTRAP_GLOBAL_KEY": preset})
    assert srv.admin_key == preset
    assert Client(srv.url, preset).get("/api/tenant").status_code == 200


def test_bootstrap_key_is_ignored_after_first_start(fresh_server, tmp_path):
    data_dir = tmp_path / "reused"
    srv = fresh_server(data_dir=data_dir)
    first = srv.admin_key
    srv.stop()
    srv2 = fresh_server(data_dir=data_dir, env={"PMSTUDIO_BOOTSTRAP_GLOBAL_KEY": "late-key-xyz"})
    assert Client(srv2.url, "late-key-xyz").get("/api/tenant").status_code == 401
    assert Client(srv2.url, first).get("/api/tenant").status_code == 200


def test_sigterm_drains_and_exits_cleanly(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    stop = threading.Event()
    results = []

    def hammer():
        session = requests.Session()
        while not stop.is_set():
            try:
                response = session.get(f"{srv.url}/api/tenant",
                                       headers={"Authorization": f"Bearer {srv.admin_key}"},
                                       timeout=10)
                results.append(response.status_code)
                json.loads(response.text)
            except requests.ConnectionError:
                return

    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(hammer) for _ in range(8)]
        while len(results) < 200:
            pass
        created = admin.post("/api/tenant", json={"name": "drained", "displayName": "D",
                                                  "maxUsers": 1, "maxAnalyst": 1, "maxCases": 1})
        assert created.status_code == 201
        code = srv.stop(signal.SIGTERM)
        stop.set()
        for future in futures:
            future.result()  # no malformed or truncated response was read
    assert code == 0
    assert set(results) == {200}
    srv.start()
    tenants = Client(srv.url, srv.admin_key).get("/api/tenant").json()["tenants"]
    assert [t["name"] for t in tenants] == ["drained"]


def test_store_survives_kill_9(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    ids = [create_tenant(admin) for _ in range(5)]
    srv.stop(signal.SIGKILL)
    srv.start()
    admin = Client(srv.url, srv.admin_key)
    assert {t["tenantId"] for t in admin.get("/api/tenant").json()["tenants"]} == set(ids)


def test_openapi_documents_pipeline_errors_from_route_access(anonymous):
    paths = anonymous.get("/swagger/v1/swagger.json").json()["paths"]
    tenant_route = paths["/api/{tenantId}/project/{projectId}"]["get"]["responses"]
    assert {"200", "400", "401", "403", "404", "429"} <= set(tenant_route)
    global_route = paths["/api/tenant"]["get"]["responses"]
    assert "cannot list all tenants" in global_route["401"]["description"]
    assert "403" not in global_route
    public_route = paths["/api/Action/ping"]["get"]["responses"]
    assert set(public_route) == {"200"}
    every = [(p, m) for p, methods in paths.items() for m in methods]
    assert len(every) >= 55  # every route of this capability (later ones only add)
