"""Sign-in for the dashboard pages (/login, /logout, the session cookie) and the embed-token
routes of the Dashboard API: issue, list, revoke, their errors, tenant walls and persistence.
The pages themselves, opened with a session or a token, are in test_dashboard_pages.py."""

import re

import pytest
import requests

from analysis_support import Workspace
from conftest import Client, Tenant
from dataset_support import MISSING_ID

COOKIE = "pmstudio_session"


def dashboard(ws, name="Operations"):
    response = ws.client.post(f"{ws.base}/dashboard", json={"name": name})
    assert response.status_code == 201, response.text
    return response.json()["dashboardId"]


def sign_in(base_url, key, next_path="/dashboard/x"):
    return requests.post(f"{base_url}/login", data={"apiKey": key, "next": next_path},
                         allow_redirects=False, timeout=30)


def login_page(base_url, cookie=None):
    cookies = {COOKIE: cookie} if cookie is not None else None
    return requests.get(f"{base_url}/login", cookies=cookies, timeout=30)


@pytest.fixture
def ws(tenant):
    return Workspace(tenant)


# --- sign-in ---------------------------------------------------------------------------------

def test_login_page_is_a_form_taking_the_key_in_a_password_field(server):
    response = requests.get(f"{server.url}/login?next=/dashboard/abc", timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/html")
    assert response.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert re.search(r'<input type="password" id="apiKey" name="apiKey"', response.text)
    assert '<form method="post" action="/login">' in response.text
    assert 'name="next" value="/dashboard/abc"' in response.text


def test_signing_in_sets_an_httponly_strict_cookie_and_redirects_to_next(server, tenant):
    response = sign_in(server.url, tenant.key, "/dashboard/abc")
    assert response.status_code == 303
    assert response.headers["Location"] == "/dashboard/abc"
    set_cookie = response.headers["Set-Cookie"]
    assert set_cookie.startswith(f"{COOKIE}=")
    for attribute in ("HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=43200"):
        assert attribute in set_cookie
    assert "Secure" not in set_cookie
    secret = response.cookies[COOKIE]
    assert len(secret) == 64 and tenant.key not in secret
    assert tenant.key not in response.headers["Location"]
    page = login_page(server.url, secret)
    assert page.status_code == 200
    assert "Signed in with the API key <strong>test key</strong>" in page.text
    assert 'action="/logout"' in page.text


def test_the_cookie_is_secure_behind_an_https_proxy(server, tenant):
    response = requests.post(f"{server.url}/login", data={"apiKey": tenant.key},
                             headers={"X-Forwarded-Proto": "https"}, allow_redirects=False,
                             timeout=30)
    assert response.status_code == 303
    assert response.headers["Set-Cookie"].endswith("; Secure")


def test_a_wrong_or_missing_key_shows_the_form_again_with_the_problem(server):
    wrong = sign_in(server.url, "pmk_not-a-real-key")
    assert wrong.status_code == 401
    assert "That API key is not valid, or its tenant is disabled." in wrong.text
    assert "Set-Cookie" not in wrong.headers
    assert 'name="next" value="/dashboard/x"' in wrong.text
    missing = requests.post(f"{server.url}/login", data={"next": "/dashboard/x"},
                            allow_redirects=False, timeout=30)
    assert missing.status_code == 400
    assert "Enter an API key." in missing.text
    garbage = requests.post(f"{server.url}/login", data=b"\x00\xff%%%", allow_redirects=False,
                            timeout=30)
    assert garbage.status_code == 400


@pytest.mark.parametrize("next_path", ["//evil.example/x", "https://evil.example/",
                                       "/\\evil.example", "dashboard/x", "", "/a\r\nSet-Cookie: x"])
def test_next_never_leaves_the_server(server, tenant, next_path):
    response = sign_in(server.url, tenant.key, next_path)
    assert response.status_code == 303
    assert response.headers["Location"] == "/login"


def test_html_in_next_is_escaped(server):
    response = requests.get(f"{server.url}/login", params={"next": '/x"><script>alert(1)</script>'},
                            timeout=30)
    assert "<script>" not in response.text
    assert "/x&quot;&gt;&lt;script&gt;" in response.text


def test_signing_out_ends_the_session_on_the_server(server, tenant):
    secret = sign_in(server.url, tenant.key).cookies[COOKIE]
    out = requests.post(f"{server.url}/logout", cookies={COOKIE: secret}, allow_redirects=False,
                        timeout=30)
    assert out.status_code == 303
    assert out.headers["Location"] == "/login"
    assert out.headers["Set-Cookie"].startswith(f"{COOKIE}=; Max-Age=0")
    assert "Sign in to pmstudio" in login_page(server.url, secret).text


def test_a_session_ends_when_its_key_is_revoked(server, admin, tenant):
    created = admin.post(f"/api/tenant/{tenant.id}/apikey", json={"name": "browser key"}).json()
    secret = sign_in(server.url, created["apiKey"]).cookies[COOKIE]
    assert "browser key" in login_page(server.url, secret).text
    listed = admin.get(f"/api/tenant/{tenant.id}/apikey").json()["apiKeys"]
    key_id = next(k["apiKeyId"] for k in listed if k["name"] == "browser key")
    assert admin.delete(f"/api/tenant/{tenant.id}/apikey/{key_id}").status_code == 200
    assert "Sign in to pmstudio" in login_page(server.url, secret).text


def test_a_session_ends_when_its_tenant_is_disabled(server, admin, tenant):
    secret = sign_in(server.url, tenant.key).cookies[COOKIE]
    response = admin.put("/api/tenant", json={"tenantId": tenant.id, "isDisabled": True})
    assert response.status_code == 200, response.text
    assert "Sign in to pmstudio" in login_page(server.url, secret).text
    assert sign_in(server.url, tenant.key).status_code == 401


def test_a_session_cookie_does_not_authenticate_the_api(server, tenant):
    secret = sign_in(server.url, tenant.key).cookies[COOKIE]
    response = requests.get(f"{server.url}/api/{tenant.id}/project", cookies={COOKIE: secret},
                            timeout=30)
    assert response.status_code == 401


def test_an_invented_cookie_is_not_a_session(server):
    assert "Sign in to pmstudio" in login_page(server.url, "0" * 64).text


def test_sessions_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    tenant = Tenant(admin)
    secret = sign_in(srv.url, tenant.key).cookies[COOKIE]
    srv.stop()
    restarted = srv.start()
    assert "Signed in with the API key" in login_page(restarted.url, secret).text


# --- embed tokens ----------------------------------------------------------------------------

TOKEN_FIELDS = ["tokenId", "dashboardId", "expiresAt", "revoked", "dateRevoked", "dateCreated",
                "createdBy"]


def issue(ws, dashboard_id, body=None):
    response = ws.client.post(f"{ws.base}/dashboard/{dashboard_id}/embed-token",
                              json=body if body is not None else {"expiresInMinutes": 60})
    assert response.status_code == 201, response.text
    return response.json()


def test_issuing_an_embed_token(server, ws):
    dashboard_id = dashboard(ws)
    body = issue(ws, dashboard_id)
    assert list(body) == TOKEN_FIELDS + ["token", "embedUrl"]
    assert body["dashboardId"] == dashboard_id
    assert body["revoked"] is False and body["dateRevoked"] is None
    assert body["createdBy"] == "test key"
    assert re.fullmatch(rf"{body['tokenId']}\.\d{{10}}\.[0-9a-f]{{64}}", body["token"])
    assert body["embedUrl"] == f"{server.url}/embed/dashboard/{dashboard_id}?token={body['token']}"
    assert body["expiresAt"] > body["dateCreated"]


def test_an_embed_token_expires_in_a_day_by_default(ws):
    dashboard_id = dashboard(ws)
    response = ws.client.post(f"{ws.base}/dashboard/{dashboard_id}/embed-token")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["expiresAt"][:10] > body["dateCreated"][:10]


@pytest.mark.parametrize("body, message", [
    ({"expiresInMinutes": 0}, "ExpiresInMinutes must be between 1 and 527040, got 0"),
    ({"expiresInMinutes": 527041}, "ExpiresInMinutes must be between 1 and 527040, got 527041"),
    ({"expiresInMinutes": "soon"}, "expiresInMinutes"),
])
def test_embed_token_expiry_is_validated(ws, body, message):
    dashboard_id = dashboard(ws)
    response = ws.client.post(f"{ws.base}/dashboard/{dashboard_id}/embed-token", json=body)
    assert response.status_code == 400
    assert response.json()["Error"] == "VALIDATION_ERROR"
    assert message in response.json()["Message"]


def test_malformed_json_is_a_validation_error(ws):
    dashboard_id = dashboard(ws)
    response = ws.client.post(f"{ws.base}/dashboard/{dashboard_id}/embed-token", data="{nope",
                              headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["Error"] == "VALIDATION_ERROR"


def test_listing_shows_tokens_newest_first_without_their_secrets(ws):
    dashboard_id = dashboard(ws)
    first = issue(ws, dashboard_id)
    second = issue(ws, dashboard_id)
    other = issue(ws, dashboard(ws, "Other"))
    response = ws.client.get(f"{ws.base}/dashboard/{dashboard_id}/embed-tokens")
    assert response.status_code == 200
    body = response.json()
    assert body["dashboardId"] == dashboard_id
    assert [t["tokenId"] for t in body["tokens"]] == [second["tokenId"], first["tokenId"]]
    assert all(list(t) == TOKEN_FIELDS for t in body["tokens"])
    assert first["token"] not in response.text and other["tokenId"] not in response.text


def test_revoking_a_token(ws):
    dashboard_id = dashboard(ws)
    token = issue(ws, dashboard_id)
    url = f"{ws.base}/dashboard/{dashboard_id}/embed-token/{token['tokenId']}"
    assert ws.client.delete(url).status_code == 204
    listed = ws.client.get(f"{ws.base}/dashboard/{dashboard_id}/embed-tokens").json()["tokens"]
    assert listed[0]["revoked"] is True and listed[0]["dateRevoked"]
    assert ws.client.delete(url).status_code == 204


def test_revoking_an_unknown_token_or_another_dashboards(ws):
    dashboard_id = dashboard(ws)
    token = issue(ws, dashboard(ws, "Other"))
    for token_id in (MISSING_ID, token["tokenId"]):
        response = ws.client.delete(f"{ws.base}/dashboard/{dashboard_id}/embed-token/{token_id}")
        assert response.status_code == 404
        assert response.json() == {"Error": "Embed token not found", "TokenId": token_id}


def test_embed_token_routes_of_an_unknown_dashboard(ws):
    missing = {"Error": "Dashboard not found", "DashboardId": MISSING_ID}
    base = f"{ws.base}/dashboard/{MISSING_ID}"
    for method, path in (("POST", "/embed-token"), ("GET", "/embed-tokens"),
                         ("DELETE", f"/embed-token/{MISSING_ID}")):
        response = ws.client.request(method, base + path)
        assert response.status_code == 404, path
        assert response.json() == missing


def test_tenant_walls_for_embed_tokens(ws, other_tenant):
    dashboard_id = dashboard(ws)
    token = issue(ws, dashboard_id)
    base = f"{ws.base}/dashboard/{dashboard_id}"
    attempts = (("POST", "/embed-token"), ("GET", "/embed-tokens"),
                ("DELETE", f"/embed-token/{token['tokenId']}"))
    for method, path in attempts:
        response = other_tenant.client.request(method, base + path)
        assert response.status_code in (401, 403), (path, response.text)
        assert token["token"] not in response.text
    own = Workspace(other_tenant)
    for method, path in attempts:
        response = own.client.request(method, f"{own.base}/dashboard/{dashboard_id}{path}")
        assert response.status_code == 404, path
    listed = ws.client.get(f"{base}/embed-tokens").json()["tokens"]
    assert len(listed) == 1 and listed[0]["revoked"] is False


def test_embed_tokens_survive_a_restart_and_go_with_their_dashboard(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    ws = Workspace(Tenant(admin))
    dashboard_id = dashboard(ws)
    token = issue(ws, dashboard_id)
    srv.stop()
    restarted = srv.start()
    ws.client.base_url = restarted.url
    listed = ws.client.get(f"{ws.base}/dashboard/{dashboard_id}/embed-tokens").json()["tokens"]
    assert [t["tokenId"] for t in listed] == [token["tokenId"]]
    assert ws.client.delete(f"{ws.base}/dashboard/{dashboard_id}").status_code == 204
    response = ws.client.get(f"{ws.base}/dashboard/{dashboard_id}/embed-tokens")
    assert response.status_code == 404
