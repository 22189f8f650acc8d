"""Tenant API keys: /api/tenant/{tenantId}/apikey and the `pmstudio apikey` CLI."""

import hashlib
import sqlite3
import subprocess

from conftest import Client, Tenant, create_tenant
from pmstudio_server import BINARY

MISSING = "12345678-1234-1234-1234-123456789012"


def test_create_returns_secret_once(admin):
    tenant_id = create_tenant(admin)
    response = admin.post(f"/api/tenant/{tenant_id}/apikey", json={"name": "ci pipeline"})
    assert response.status_code == 201
    key = response.json()
    assert list(key) == ["apiKey", "apiKeyId", "tenantId", "name", "dateCreated"]
    assert key["tenantId"] == tenant_id and key["name"] == "ci pipeline"
    secret = key["apiKey"]
    assert secret.startswith("pms_") and len(secret) == 4 + 64  # 256 bits in hex
    listed = admin.get(f"/api/tenant/{tenant_id}/apikey").json()
    assert listed["totalCount"] == 1
    assert listed["apiKeys"][0]["apiKeyId"] == key["apiKeyId"]
    assert secret not in str(listed)


def test_create_without_body_gets_a_default_name(admin):
    tenant_id = create_tenant(admin)
    response = admin.post(f"/api/tenant/{tenant_id}/apikey")
    assert response.status_code == 201
    assert response.json()["name"].startswith("tenant key ")


def test_store_keeps_only_sha256(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    tenant_id = create_tenant(admin)
    secret = admin.post(f"/api/tenant/{tenant_id}/apikey").json()["apiKey"]
    srv.stop()
    database = (srv.data_dir / "pmstudio.db").read_bytes()
    wal = srv.data_dir / "pmstudio.db-wal"
    raw = database + (wal.read_bytes() if wal.exists() else b"")
    assert secret.encode() not in raw
    assert srv.admin_key.encode() not in raw
    with sqlite3.connect(srv.data_dir / "pmstudio.db") as db:
        hashes = {row[0] for row in db.execute("SELECT key_hash FROM api_keys")}
    assert hashlib.sha256(secret.encode()).hexdigest() in hashes


def test_tenant_key_works_only_for_its_tenant(admin, tenant, other_tenant):
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").text == \
        f"Ping Successful (tenant id: {tenant.id})"
    response = tenant.client.get(f"/api/{other_tenant.id}/project/ping")
    assert response.status_code == 403
    assert other_tenant.id in response.text and "not authorized" in response.text


def test_revocation_takes_effect_on_next_request(admin, tenant):
    key_id = admin.get(f"/api/tenant/{tenant.id}/apikey").json()["apiKeys"][0]["apiKeyId"]
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").status_code == 200
    response = admin.delete(f"/api/tenant/{tenant.id}/apikey/{key_id}")
    assert response.status_code == 200
    assert response.json() == {"message": "API key revoked successfully", "apiKeyId": key_id}
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").status_code == 401
    assert tenant.client.get("/api/Action/ping/authenticated").status_code == 401
    assert admin.delete(f"/api/tenant/{tenant.id}/apikey/{key_id}").status_code == 404


def test_key_of_one_tenant_cannot_be_revoked_through_another(admin, tenant, other_tenant):
    key_id = admin.get(f"/api/tenant/{tenant.id}/apikey").json()["apiKeys"][0]["apiKeyId"]
    assert admin.delete(f"/api/tenant/{other_tenant.id}/apikey/{key_id}").status_code == 404
    assert tenant.client.get(f"/api/{tenant.id}/project/ping").status_code == 200


def test_key_routes_need_a_global_key(tenant, other_tenant):
    for method, path in [("POST", f"/api/tenant/{tenant.id}/apikey"),
                         ("GET", f"/api/tenant/{tenant.id}/apikey"),
                         ("GET", f"/api/tenant/{other_tenant.id}/apikey"),
                         ("DELETE", f"/api/tenant/{tenant.id}/apikey/{MISSING}")]:
        response = tenant.client.request(method, path)
        assert response.status_code == 401, path
        assert "Global API key" in response.json()["error"]
        assert "hint" in response.json()


def test_key_route_errors(admin):
    assert admin.post(f"/api/tenant/{MISSING}/apikey").status_code == 404
    assert admin.get(f"/api/tenant/{MISSING}/apikey").status_code == 404
    assert admin.post("/api/tenant/nope/apikey").status_code == 400
    tenant_id = create_tenant(admin)
    assert admin.delete(f"/api/tenant/{tenant_id}/apikey/bad-id").status_code == 400
    response = admin.post(f"/api/tenant/{tenant_id}/apikey", json={"name": 5})
    assert response.status_code == 400
    response = admin.post(f"/api/tenant/{tenant_id}/apikey", data="{",
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def run_cli(*args):
    return subprocess.run([str(BINARY), "apikey", *args], capture_output=True, text=True,
                          timeout=30)


def test_cli_create_list_revoke(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    tenant_id = create_tenant(admin)
    data_dir = str(srv.data_dir)

    created = run_cli("create", "--data-dir", data_dir, "--tenant", tenant_id, "--name", "cli")
    assert created.returncode == 0, created.stderr
    fields = dict(line.split(":", 1) for line in created.stdout.splitlines() if ":" in line
                  and not line.startswith("("))
    secret = fields["apiKey"].strip()
    key_id = fields["apiKeyId"].strip()
    tenant_client = admin.with_key(secret)
    assert tenant_client.get(f"/api/{tenant_id}/project/ping").status_code == 200

    listed = run_cli("list", "--data-dir", data_dir, "--tenant", tenant_id)
    assert key_id in listed.stdout and secret not in listed.stdout

    revoked = run_cli("revoke", "--data-dir", data_dir, "--tenant", tenant_id, key_id)
    assert revoked.returncode == 0, revoked.stderr
    assert tenant_client.get(f"/api/{tenant_id}/project/ping").status_code == 401

    global_key = run_cli("create", "--data-dir", data_dir, "--name", "second admin")
    secret = [line.split(":", 1)[1].strip() for line in global_key.stdout.splitlines()
              if line.startswith("apiKey:")][0]
    assert admin.with_key(secret).get("/api/tenant").status_code == 200


def test_cli_errors(tmp_path):
    result = run_cli("list", "--data-dir", str(tmp_path / "none"))
    assert result.returncode != 0 and "no pmstudio store" in result.stderr
    result = run_cli("list", "--data-dir", str(tmp_path), "--tenant", "bad")
    assert result.returncode != 0 and "GUID" in result.stderr
