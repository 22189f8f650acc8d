"""Global User API: /api/user (global keys only)."""

import uuid
from urllib.parse import quote

import pytest

from conftest import Client, create_tenant
from users_support import (ISO_8601, ROLE_ERROR, USER_FIELDS, add_to_tenant, create_user,
                           new_email, tenant_name, user_body)


def get_user(admin, user_id):
    response = admin.get(f"/api/user/{user_id}")
    assert response.status_code == 200, response.text
    return response.json()


# --- create ---------------------------------------------------------------------------------------

def test_create_returns_documented_body_and_does_not_assign(admin):
    body = user_body(roleName="analyst", firstName="John", lastName="Smith",
                     displayName="John Smith")
    response = admin.post("/api/user", json=body)
    assert response.status_code == 201
    created = response.json()
    assert list(created) == ["userId", "email", "displayName", "message"]
    assert created["email"] == body["email"]
    assert created["displayName"] == "John Smith"
    assert created["message"] == "User created successfully"
    uuid.UUID(created["userId"])

    user = get_user(admin, created["userId"])
    assert list(user) == USER_FIELDS + ["tenants"]
    assert user["userId"] == created["userId"]
    assert user["email"] == body["email"]
    assert user["displayName"] == "John Smith"
    assert user["firstName"] == "John"
    assert user["lastName"] == "Smith"
    assert user["roleName"] == "Analyst"  # matched case-insensitively, stored canonical
    assert user["disabled"] is False
    assert user["isServiceAccount"] is False
    assert user["homeTenantId"] is None
    assert user["homeTenantName"] is None
    assert user["lastLogin"] is None
    assert user["tenantCount"] == 0
    assert user["tenantNames"] == ""
    assert ISO_8601.match(user["dateCreated"])
    assert user["tenants"] == []


def test_create_accepts_case_insensitive_property_names_and_optional_names(admin):
    email = new_email()
    response = admin.post("/api/user", json={"EMAIL": email, "displayname": "Ann Lee",
                                             "ROLENAME": "viewer"})
    assert response.status_code == 201, response.text
    user = get_user(admin, response.json()["userId"])
    assert (user["email"], user["roleName"]) == (email, "Viewer")
    assert user["firstName"] is None and user["lastName"] is None


def test_create_duplicate_email_is_409_case_insensitively(admin):
    email = new_email()
    create_user(admin, email=email)
    response = admin.post("/api/user", json=user_body(email=email.upper()))
    assert response.status_code == 409
    assert response.json() == {"error": f"A user with email '{email.upper()}' already exists"}


def test_create_requires_email_display_name_and_role(admin):
    response = admin.post("/api/user", json={})
    assert response.status_code == 400
    assert response.json() == {"error": "Validation failed",
                               "validationErrors": ["Email is required",
                                                    "Display name is required",
                                                    "Role name is required"]}


@pytest.mark.parametrize("email", ["plain", "@example.com", "a@b@example.com", "a@localhost",
                                   "a@"])
def test_create_rejects_malformed_email(admin, email):
    response = admin.post("/api/user", json=user_body(email=email))
    assert response.status_code == 400
    assert response.json()["validationErrors"] == [f"Email '{email}' is not a valid email address"]


def test_create_rejects_email_over_254_characters(admin):
    email = "a" * 243 + "@example.com"  # 255 characters
    response = admin.post("/api/user", json=user_body(email=email))
    assert response.status_code == 400
    assert response.json()["validationErrors"] == ["Email cannot exceed 254 characters"]


@pytest.mark.parametrize("field,value,message", [
    ("displayName", "x", "Display name must be between 2 and 100 characters"),
    ("displayName", "x" * 101, "Display name must be between 2 and 100 characters"),
    ("firstName", "f" * 51, "First name cannot exceed 50 characters"),
    ("lastName", "l" * 51, "Last name cannot exceed 50 characters"),
    ("roleName", "Boss", ROLE_ERROR.format("Boss")),
])
def test_create_rejects_invalid_fields(admin, field, value, message):
    response = admin.post("/api/user", json=user_body(**{field: value}))
    assert response.status_code == 400
    assert response.json() == {"error": "Validation failed", "validationErrors": [message]}


def test_create_length_limits_count_characters_not_bytes(admin):
    user_id = create_user(admin, displayName="é" * 100, firstName="ß" * 50, lastName="ø" * 50)
    assert get_user(admin, user_id)["displayName"] == "é" * 100


def test_create_rejects_malformed_json_and_wrong_types(admin):
    response = admin.post("/api/user", data="{not json",
                          headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["error"]

    response = admin.post("/api/user", json=user_body(displayName=42))
    assert response.status_code == 400
    assert response.json() == {"error": "Validation failed",
                               "validationErrors": ["'displayName' must be a string"]}

    response = admin.post("/api/user", json=[user_body()])
    assert response.status_code == 400


# --- get / by-email / tenants ---------------------------------------------------------------------

def test_get_unknown_user_is_404(admin):
    user_id = str(uuid.uuid4())
    response = admin.get(f"/api/user/{user_id}")
    assert response.status_code == 404
    assert response.json() == {"error": f"User not found with ID '{user_id}'", "userId": user_id}


@pytest.mark.parametrize("path", ["/api/user/not-a-guid", "/api/user/not-a-guid/tenants"])
def test_malformed_user_id_is_400(admin, path):
    response = admin.get(path)
    assert response.status_code == 400
    assert "userId" in response.json()["error"]


def test_get_by_email_is_case_insensitive_and_url_decoded(admin):
    email = new_email("o'brien+tag")
    user_id = create_user(admin, email=email)
    response = admin.get(f"/api/user/by-email/{quote(email.upper(), safe='')}")
    assert response.status_code == 200, response.text
    user = response.json()
    assert list(user) == USER_FIELDS + ["tenants"]
    assert (user["userId"], user["email"]) == (user_id, email)


def test_get_by_unknown_email_is_404(admin):
    email = new_email()
    response = admin.get(f"/api/user/by-email/{quote(email, safe='')}")
    assert response.status_code == 404
    assert response.json() == {"error": f"User not found with email '{email}'", "email": email}


def test_tenant_assignments_are_sorted_by_tenant_name(admin):
    first = create_tenant(admin, name=f"zz-{uuid.uuid4().hex[:8]}", displayName="Zed Corp")
    second = create_tenant(admin, name=f"aa-{uuid.uuid4().hex[:8]}", displayName="Aye Corp")
    email = new_email()
    user_id = add_to_tenant(admin, first, email=email)
    add_to_tenant(admin, second, email=email)
    names = [tenant_name(admin, second), tenant_name(admin, first)]

    response = admin.get(f"/api/user/{user_id}/tenants")
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["userId", "email", "displayName", "tenants"]
    assert (body["userId"], body["email"], body["displayName"]) == (user_id, email, "Test User")
    assert [t["tenantName"] for t in body["tenants"]] == names
    assert [t["tenantId"] for t in body["tenants"]] == [second, first]
    assert [t["displayName"] for t in body["tenants"]] == ["Aye Corp", "Zed Corp"]
    for assignment in body["tenants"]:
        assert list(assignment) == ["tenantId", "tenantName", "displayName", "dateAssigned"]
        assert ISO_8601.match(assignment["dateAssigned"])

    user = get_user(admin, user_id)
    assert user["tenantCount"] == 2
    assert user["tenantNames"] == ", ".join(names)
    assert user["tenants"] == body["tenants"]


def test_tenants_of_unknown_user_is_404(admin):
    user_id = str(uuid.uuid4())
    response = admin.get(f"/api/user/{user_id}/tenants")
    assert response.status_code == 404
    assert response.json() == {"error": f"User not found with ID '{user_id}'", "userId": user_id}


# --- list -----------------------------------------------------------------------------------------

def test_list_search_role_disabled_and_paging(admin):
    token = uuid.uuid4().hex[:10]
    ids = [create_user(admin, displayName=f"{token} user {i}", roleName=role)
           for i, role in enumerate(["Analyst", "Viewer", "Analyst", "TenantAdmin"])]
    by_email = create_user(admin, email=f"{token}@example.com", displayName="Mail Match",
                           roleName="Viewer")
    disabled = create_user(admin, displayName=f"{token} disabled", roleName="Analyst")
    assert admin.put(f"/api/user/{disabled}", json={"disabled": True}).status_code == 200

    response = admin.get("/api/user", params={"search": token.upper()})
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["users", "totalCount", "page", "pageSize"]
    assert body["totalCount"] == 5 and body["page"] == 1 and body["pageSize"] == 50
    assert {u["userId"] for u in body["users"]} == set(ids) | {by_email}
    for user in body["users"]:
        assert list(user) == USER_FIELDS

    with_disabled = admin.get("/api/user", params={"search": token, "includeDisabled": "true"})
    assert with_disabled.json()["totalCount"] == 6
    assert disabled in {u["userId"] for u in with_disabled.json()["users"]}

    analysts = admin.get("/api/user", params={"search": token, "role": "ANALYST"}).json()
    assert {u["userId"] for u in analysts["users"]} == {ids[0], ids[2]}

    pages = [admin.get("/api/user", params={"search": token, "page": p, "pageSize": 2}).json()
             for p in (1, 2, 3)]
    assert [len(p["users"]) for p in pages] == [2, 2, 1]
    assert all(p["totalCount"] == 5 and p["pageSize"] == 2 for p in pages)
    assert [p["page"] for p in pages] == [1, 2, 3]
    seen = [u["userId"] for p in pages for u in p["users"]]
    assert sorted(seen) == sorted(ids + [by_email])


def test_list_page_size_is_capped_at_1000_and_bad_paging_is_400(admin):
    assert admin.get("/api/user", params={"pageSize": 5000}).json()["pageSize"] == 1000
    assert admin.get("/api/user", params={"page": 0}).status_code == 400
    assert admin.get("/api/user", params={"pageSize": "ten"}).status_code == 400
    assert admin.get("/api/user", params={"includeDisabled": "maybe"}).status_code == 400


# --- update ---------------------------------------------------------------------------------------

def test_update_changes_only_provided_fields(admin):
    user_id = create_user(admin, displayName="Before", firstName="Fay", lastName="Low",
                          roleName="Viewer")
    before = get_user(admin, user_id)
    response = admin.put(f"/api/user/{user_id}",
                         json={"displayName": "After", "roleName": "tenantadmin",
                               "lastName": None, "disabled": True})
    assert response.status_code == 200
    assert response.json() == {"message": "User updated successfully"}
    after = get_user(admin, user_id)
    assert after["displayName"] == "After"
    assert after["roleName"] == "TenantAdmin"
    assert after["disabled"] is True
    assert after["firstName"] == "Fay" and after["lastName"] == "Low"
    assert after["email"] == before["email"]
    assert after["dateCreated"] == before["dateCreated"]

    assert admin.put(f"/api/user/{user_id}", json={"disabled": False}).status_code == 200
    assert get_user(admin, user_id)["disabled"] is False


def test_update_unknown_user_is_404(admin):
    user_id = str(uuid.uuid4())
    response = admin.put(f"/api/user/{user_id}", json={"displayName": "Nobody"})
    assert response.status_code == 404
    assert response.json() == {"error": f"User not found with ID '{user_id}'", "userId": user_id}


@pytest.mark.parametrize("body,message", [
    ({"displayName": "x" * 101}, "Display name must be between 2 and 100 characters"),
    ({"displayName": ""}, "Display name must be between 2 and 100 characters"),
    ({"firstName": "f" * 51}, "First name cannot exceed 50 characters"),
    ({"roleName": "Owner"}, ROLE_ERROR.format("Owner")),
    ({"disabled": "yes"}, "'disabled' must be a boolean (true or false)"),
    ({"homeTenantId": "nope"},
     "'homeTenantId' must be a GUID such as 12345678-1234-1234-1234-123456789012"),
])
def test_update_validation(admin, body, message):
    user_id = create_user(admin)
    response = admin.put(f"/api/user/{user_id}", json=body)
    assert response.status_code == 400
    assert response.json() == {"error": "Validation failed", "validationErrors": [message]}


def test_update_malformed_json_is_400(admin):
    user_id = create_user(admin)
    response = admin.put(f"/api/user/{user_id}", data="{\"displayName\":",
                         headers={"Content-Type": "application/json"})
    assert response.status_code == 400


# --- service accounts -----------------------------------------------------------------------------

def test_service_account_promotion_and_demotion(admin):
    home = create_tenant(admin)
    user_id = create_user(admin, roleName="TenantAdmin")

    response = admin.put(f"/api/user/{user_id}", json={"isServiceAccount": True})
    assert response.status_code == 400
    assert response.json() == {
        "error": "homeTenantId is required when making a user a service account"}

    response = admin.put(f"/api/user/{user_id}",
                         json={"isServiceAccount": True, "homeTenantId": home.upper()})
    assert response.status_code == 200
    user = get_user(admin, user_id)
    assert user["isServiceAccount"] is True
    assert user["homeTenantId"] == home
    assert user["homeTenantName"] == tenant_name(admin, home)

    response = admin.put(f"/api/user/{user_id}", json={"roleName": "Viewer"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "Only Administrator and TenantAdmin roles can be service accounts"}
    assert admin.put(f"/api/user/{user_id}", json={"roleName": "Administrator"}).status_code == 200

    assert admin.put(f"/api/user/{user_id}", json={"isServiceAccount": False}).status_code == 200
    user = get_user(admin, user_id)
    assert user["isServiceAccount"] is False
    assert user["homeTenantId"] is None and user["homeTenantName"] is None


@pytest.mark.parametrize("role", ["Analyst", "Viewer"])
def test_only_admin_roles_can_be_service_accounts(admin, role):
    home = create_tenant(admin)
    user_id = create_user(admin, roleName=role)
    response = admin.put(f"/api/user/{user_id}",
                         json={"isServiceAccount": True, "homeTenantId": home})
    assert response.status_code == 400
    assert response.json() == {
        "error": "Only Administrator and TenantAdmin roles can be service accounts"}
    # Promoting and changing the role in one request is allowed.
    response = admin.put(f"/api/user/{user_id}", json={"isServiceAccount": True,
                                                      "homeTenantId": home,
                                                      "roleName": "TenantAdmin"})
    assert response.status_code == 200


def test_service_account_home_tenant_must_exist(admin):
    user_id = create_user(admin, roleName="Administrator")
    missing = str(uuid.uuid4())
    response = admin.put(f"/api/user/{user_id}",
                         json={"isServiceAccount": True, "homeTenantId": missing})
    assert response.status_code == 400
    assert response.json() == {"error": f"Home tenant '{missing}' not found"}
    assert get_user(admin, user_id)["isServiceAccount"] is False


# --- authentication -------------------------------------------------------------------------------

GLOBAL_HINT = "or create a Global API key at /admin/global-api-keys"


def global_routes(user_id, email):
    return [("GET", "/api/user", None), ("POST", "/api/user", user_body()),
            ("GET", f"/api/user/{user_id}", None),
            ("PUT", f"/api/user/{user_id}", {"displayName": "Hacked"}),
            ("GET", f"/api/user/by-email/{quote(email, safe='')}", None),
            ("GET", f"/api/user/{user_id}/tenants", None)]


def test_list_with_tenant_key_is_the_documented_401(tenant):
    response = tenant.client.get("/api/user")
    assert response.status_code == 401
    assert response.json() == {
        "error": "This endpoint requires a Global API key. Tenant-specific API keys cannot list "
                 "all users.",
        "hint": "Use /api/tenant/{tenantId}/user to list users for a specific tenant, or create a "
                "Global API key at /admin/global-api-keys"}


def test_every_global_route_refuses_tenant_keys(admin, tenant):
    email = new_email()
    user_id = add_to_tenant(admin, tenant.id, email=email)
    for method, path, body in global_routes(user_id, email):
        response = tenant.client.request(method, path, json=body)
        assert response.status_code == 401, (method, path)
        error = response.json()
        assert list(error) == ["error", "hint"]
        assert error["error"].startswith(
            "This endpoint requires a Global API key. Tenant-specific API keys cannot ")
        assert error["hint"].startswith("Use /api/tenant/{tenantId}/user")
        assert error["hint"].endswith(GLOBAL_HINT)
        assert email not in response.text
    assert get_user(admin, user_id)["displayName"] == "Test User"


def test_global_routes_require_a_key(admin, anonymous):
    user_id = create_user(admin)
    for method, path, body in global_routes(user_id, new_email()):
        response = anonymous.request(method, path, json=body)
        assert response.status_code == 401, (method, path)
        assert response.json()["error"] == "invalid_token"
    bad = Client(admin.base_url, "not-a-real-key")
    assert bad.get("/api/user").status_code == 401


# --- persistence ----------------------------------------------------------------------------------

def test_users_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    home = create_tenant(admin)
    email = new_email()
    user_id = add_to_tenant(admin, home, email=email, roleName="TenantAdmin", firstName="Rae")
    assert admin.put(f"/api/user/{user_id}",
                     json={"isServiceAccount": True, "homeTenantId": home}).status_code == 200
    other = create_user(admin, roleName="Viewer")
    assert admin.put(f"/api/user/{other}", json={"disabled": True}).status_code == 200
    before = get_user(admin, user_id)

    srv.restart()
    admin = Client(srv.url, srv.admin_key)
    assert get_user(admin, user_id) == before
    assert before["homeTenantId"] == home and before["tenantCount"] == 1
    assert get_user(admin, other)["disabled"] is True
    listed = admin.get("/api/user", params={"includeDisabled": "true"}).json()
    assert listed["totalCount"] == 2
    response = admin.post("/api/user", json=user_body(email=email))
    assert response.status_code == 409
