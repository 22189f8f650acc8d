"""Tenant-scoped User API: /api/tenant/{tenantId}/user (global keys or the tenant's own keys)."""

import threading
import uuid
from urllib.parse import quote

import pytest

from conftest import Client, Tenant
from users_support import (ISO_8601, ROLE_ERROR, USER_FIELDS, add_to_tenant, create_user,
                           new_email, tenant_name, user_body)

CAPACITY_HINT = "Increase the tenant's user or analyst limit to add more users"


def users_path(tenant_id, user_id=None):
    base = f"/api/tenant/{tenant_id}/user"
    return base if user_id is None else f"{base}/{user_id}"


def user_limit_error(limit):
    return {"error": f"Cannot add user: tenant has reached its maximum user limit ({limit})",
            "hint": CAPACITY_HINT}


def analyst_limit_error(limit):
    return {"error": f"Cannot add user: tenant has reached its maximum analyst limit ({limit})",
            "hint": CAPACITY_HINT}


def not_assigned(user_id):
    return {"error": "User is not assigned to this tenant", "userId": user_id}


# --- create in tenant -----------------------------------------------------------------------------

def test_create_in_tenant_creates_and_assigns(admin, tenant):
    body = user_body(roleName="viewer", displayName="Tia Tenant")
    response = tenant.client.post(users_path(tenant.id), json=body)
    assert response.status_code == 201, response.text
    created = response.json()
    assert list(created) == ["userId", "email", "displayName", "message"]
    assert created["message"] == "User created and assigned to tenant successfully"
    assert (created["email"], created["displayName"]) == (body["email"], "Tia Tenant")

    response = tenant.client.get(users_path(tenant.id, created["userId"]))
    assert response.status_code == 200
    user = response.json()
    assert list(user) == USER_FIELDS + ["tenants"]
    assert user["userId"] == created["userId"]
    assert user["roleName"] == "Viewer"
    assert (user["firstName"], user["lastName"]) == ("Test", "User")
    assert user["disabled"] is False and user["isServiceAccount"] is False
    assert user["homeTenantId"] is None and user["homeTenantName"] is None
    assert user["lastLogin"] is None
    assert user["tenantCount"] == 1
    assert user["tenantNames"] == tenant_name(admin, tenant.id)
    assert len(user["tenants"]) == 1
    assignment = user["tenants"][0]
    assert assignment["tenantId"] == tenant.id
    assert assignment["tenantName"] == tenant_name(admin, tenant.id)
    assert assignment["displayName"] == "Test Tenant"
    assert ISO_8601.match(assignment["dateAssigned"])


def test_create_in_tenant_with_known_email_assigns_the_existing_user(admin, tenant):
    email = new_email()
    user_id = create_user(admin, email=email, displayName="Original Name", roleName="Viewer")
    response = tenant.client.post(users_path(tenant.id),
                                  json=user_body(email=email.upper(), displayName="Other Name"))
    assert response.status_code == 201
    assert response.json() == {"userId": user_id, "email": email, "displayName": "Original Name",
                               "message": "Existing user assigned to tenant successfully"}
    user = admin.get(f"/api/user/{user_id}").json()
    assert user["tenantCount"] == 1
    assert user["roleName"] == "Viewer"  # the existing profile is kept

    response = tenant.client.post(users_path(tenant.id), json=user_body(email=email))
    assert response.status_code == 409
    assert response.json() == {"error": "User is already assigned to this tenant"}


def test_create_in_tenant_validation(tenant):
    response = tenant.client.post(users_path(tenant.id),
                                  json={"email": "bad", "displayName": "x" * 101,
                                        "firstName": "f" * 51, "roleName": "Guru"})
    assert response.status_code == 400
    assert response.json() == {"error": "Validation failed", "validationErrors": [
        "Email 'bad' is not a valid email address",
        "Display name must be between 2 and 100 characters",
        "First name cannot exceed 50 characters",
        ROLE_ERROR.format("Guru")]}

    response = tenant.client.post(users_path(tenant.id), data="{oops",
                                  headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    response = tenant.client.post(users_path(tenant.id), json=user_body(roleName=["Analyst"]))
    assert response.status_code == 400
    assert response.json()["validationErrors"] == ["'roleName' must be a string"]


def test_tenant_key_cannot_grant_administrator(admin, tenant):
    response = tenant.client.post(users_path(tenant.id), json=user_body(roleName="administrator"))
    assert response.status_code == 403
    assert response.json() == {"error": "Tenant API keys cannot grant the Administrator role"}

    user_id = add_to_tenant(tenant.client, tenant.id, roleName="TenantAdmin")
    response = tenant.client.put(users_path(tenant.id, user_id), json={"roleName": "Administrator"})
    assert response.status_code == 403
    assert response.json() == {"error": "Tenant API keys cannot grant the Administrator role"}

    outsider = create_user(admin, roleName="Viewer")
    response = tenant.client.post(users_path(tenant.id, outsider),
                                  json={"roleName": "Administrator"})
    assert response.status_code == 403
    assert admin.get(f"/api/user/{outsider}").json()["tenantCount"] == 0

    # A global key may.
    assert admin.post(users_path(tenant.id), json=user_body(roleName="Administrator")) \
        .status_code == 201


# --- get / by-email / list ------------------------------------------------------------------------

def test_get_unassigned_or_unknown_user_is_404(admin, tenant):
    outsider = create_user(admin)
    unknown = str(uuid.uuid4())
    for user_id in (outsider, unknown):
        for method, body in (("GET", None), ("PUT", {"displayName": "New Name"}),
                             ("DELETE", None)):
            response = tenant.client.request(method, users_path(tenant.id, user_id), json=body)
            assert response.status_code == 404, (method, user_id)
            assert response.json() == not_assigned(user_id)


def test_get_by_email_in_tenant(admin, tenant):
    email = new_email("in+tenant")
    user_id = add_to_tenant(tenant.client, tenant.id, email=email)
    response = tenant.client.get(f"{users_path(tenant.id)}/by-email/{quote(email.upper(), safe='')}")
    assert response.status_code == 200
    user = response.json()
    assert list(user) == USER_FIELDS + ["tenants"]
    assert (user["userId"], user["email"], user["tenantCount"]) == (user_id, email, 1)

    outsider = new_email()
    create_user(admin, email=outsider)
    for missing in (outsider, new_email()):
        response = tenant.client.get(f"{users_path(tenant.id)}/by-email/{quote(missing, safe='')}")
        assert response.status_code == 404
        assert response.json() == {"error": f"User not found with email '{missing}'",
                                   "email": missing}


def test_list_in_tenant_filters_and_pages(admin, tenant):
    ids = [add_to_tenant(tenant.client, tenant.id, displayName=f"Member {i}", roleName=role)
           for i, role in enumerate(["Analyst", "Viewer", "Viewer", "TenantAdmin"])]
    disabled = add_to_tenant(tenant.client, tenant.id, displayName="Member gone",
                             roleName="Viewer")
    assert tenant.client.put(users_path(tenant.id, disabled), json={"disabled": True}) \
        .status_code == 200
    create_user(admin, displayName="Member elsewhere")

    response = tenant.client.get(users_path(tenant.id))
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["users", "totalCount", "page", "pageSize"]
    assert (body["totalCount"], body["page"], body["pageSize"]) == (4, 1, 50)
    assert [u["userId"] for u in body["users"]] == ids  # ordered by display name
    for user in body["users"]:
        assert list(user) == USER_FIELDS
        assert user["tenantCount"] == 1

    everyone = tenant.client.get(users_path(tenant.id), params={"includeDisabled": True}).json()
    assert everyone["totalCount"] == 5

    viewers = tenant.client.get(users_path(tenant.id), params={"role": "viewer"}).json()
    assert [u["userId"] for u in viewers["users"]] == ids[1:3]

    search = tenant.client.get(users_path(tenant.id), params={"search": "MEMBER 3"}).json()
    assert [u["userId"] for u in search["users"]] == [ids[3]]

    page = tenant.client.get(users_path(tenant.id), params={"page": 2, "pageSize": 3}).json()
    assert [u["userId"] for u in page["users"]] == ids[3:]
    assert (page["totalCount"], page["page"], page["pageSize"]) == (4, 2, 3)
    capped = tenant.client.get(users_path(tenant.id), params={"pageSize": 1001}).json()
    assert capped["pageSize"] == 1000


# --- assign ---------------------------------------------------------------------------------------

def test_assign_existing_user(admin, tenant):
    user_id = create_user(admin, roleName="Viewer")
    response = tenant.client.post(users_path(tenant.id, user_id), json={"roleName": "analyst"})
    assert response.status_code == 200
    assert response.json() == {"message": "User assigned to tenant successfully"}
    user = tenant.client.get(users_path(tenant.id, user_id)).json()
    assert user["roleName"] == "Analyst" and user["tenantCount"] == 1

    response = tenant.client.post(users_path(tenant.id, user_id))
    assert response.status_code == 409
    assert response.json() == {"error": "User is already assigned to this tenant"}


def test_assign_without_body_keeps_the_role(admin, tenant):
    user_id = create_user(admin, roleName="TenantAdmin")
    assert tenant.client.post(users_path(tenant.id, user_id)).status_code == 200
    assert admin.get(f"/api/user/{user_id}").json()["roleName"] == "TenantAdmin"


def test_assign_errors(admin, tenant):
    unknown = str(uuid.uuid4())
    response = tenant.client.post(users_path(tenant.id, unknown), json={})
    assert response.status_code == 404
    assert response.json() == {"error": f"User not found with ID '{unknown}'", "userId": unknown}

    user_id = create_user(admin)
    response = tenant.client.post(users_path(tenant.id, user_id), json={"roleName": "Chief"})
    assert response.status_code == 400
    assert response.json()["validationErrors"] == [ROLE_ERROR.format("Chief")]
    response = tenant.client.post(users_path(tenant.id, user_id), data="[1,",
                                  headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert tenant.client.post(users_path(tenant.id, "12345")).status_code == 400


# --- update ---------------------------------------------------------------------------------------

def test_update_in_tenant(tenant):
    user_id = add_to_tenant(tenant.client, tenant.id, roleName="Viewer")
    response = tenant.client.put(users_path(tenant.id, user_id),
                                 json={"displayName": "Renamed", "roleName": "TenantAdmin",
                                       "firstName": "Ren"})
    assert response.status_code == 200
    assert response.json() == {"message": "User updated successfully"}
    user = tenant.client.get(users_path(tenant.id, user_id)).json()
    assert (user["displayName"], user["roleName"], user["firstName"], user["lastName"]) == \
        ("Renamed", "TenantAdmin", "Ren", "User")

    response = tenant.client.put(users_path(tenant.id, user_id), json={"lastName": "l" * 51})
    assert response.status_code == 400
    assert response.json()["validationErrors"] == ["Last name cannot exceed 50 characters"]
    response = tenant.client.put(users_path(tenant.id, user_id), json={"disabled": 1})
    assert response.status_code == 400


def test_tenant_key_service_accounts_stay_home(admin, tenant, other_tenant):
    user_id = add_to_tenant(tenant.client, tenant.id, roleName="TenantAdmin")
    response = tenant.client.put(users_path(tenant.id, user_id),
                                 json={"isServiceAccount": True, "homeTenantId": other_tenant.id})
    assert response.status_code == 403
    assert response.json() == {
        "error": "Tenant API keys can only set homeTenantId to their own tenant"}

    response = tenant.client.put(users_path(tenant.id, user_id), json={"isServiceAccount": True})
    assert response.status_code == 400
    assert response.json() == {
        "error": "homeTenantId is required when making a user a service account"}

    response = tenant.client.put(users_path(tenant.id, user_id),
                                 json={"isServiceAccount": True, "homeTenantId": tenant.id})
    assert response.status_code == 200
    user = tenant.client.get(users_path(tenant.id, user_id)).json()
    assert user["isServiceAccount"] is True
    assert (user["homeTenantId"], user["homeTenantName"]) == \
        (tenant.id, tenant_name(admin, tenant.id))

    response = tenant.client.put(users_path(tenant.id, user_id), json={"roleName": "Analyst"})
    assert response.status_code == 400
    assert response.json() == {
        "error": "Only Administrator and TenantAdmin roles can be service accounts"}


# --- remove ---------------------------------------------------------------------------------------

def test_remove_from_tenant_keeps_the_user(admin, tenant, other_tenant):
    email = new_email()
    user_id = add_to_tenant(tenant.client, tenant.id, email=email)
    add_to_tenant(other_tenant.client, other_tenant.id, email=email)

    response = tenant.client.delete(users_path(tenant.id, user_id))
    assert response.status_code == 200
    assert response.json() == {"message": "User removed from tenant successfully"}
    assert tenant.client.get(users_path(tenant.id, user_id)).status_code == 404
    assert tenant.client.get(users_path(tenant.id)).json()["totalCount"] == 0

    user = admin.get(f"/api/user/{user_id}").json()
    assert [t["tenantId"] for t in user["tenants"]] == [other_tenant.id]

    response = tenant.client.delete(users_path(tenant.id, user_id))
    assert response.status_code == 404
    assert response.json() == not_assigned(user_id)

    # Removing frees the place: the user can be assigned again.
    assert tenant.client.post(users_path(tenant.id, user_id)).status_code == 200


# --- capacity -------------------------------------------------------------------------------------

def test_user_limit(admin):
    full = Tenant(admin, maxUsers=1, maxAnalyst=-1)
    add_to_tenant(full.client, full.id, roleName="Viewer")

    response = full.client.post(users_path(full.id), json=user_body(roleName="Viewer"))
    assert response.status_code == 400
    assert response.json() == user_limit_error(1)

    waiting = create_user(admin, roleName="Viewer")
    response = full.client.post(users_path(full.id, waiting))
    assert response.status_code == 400
    assert response.json() == user_limit_error(1)
    assert admin.get(f"/api/user/{waiting}").json()["tenantCount"] == 0


def test_analyst_limit(admin):
    tenant = Tenant(admin, maxUsers=-1, maxAnalyst=1)
    add_to_tenant(tenant.client, tenant.id, roleName="Analyst")

    response = tenant.client.post(users_path(tenant.id), json=user_body(roleName="analyst"))
    assert response.status_code == 400
    assert response.json() == analyst_limit_error(1)

    viewer = add_to_tenant(tenant.client, tenant.id, roleName="Viewer")
    response = tenant.client.put(users_path(tenant.id, viewer), json={"roleName": "Analyst"})
    assert response.status_code == 400
    assert response.json() == analyst_limit_error(1)
    assert tenant.client.get(users_path(tenant.id, viewer)).json()["roleName"] == "Viewer"

    outsider = create_user(admin, roleName="Viewer")
    response = tenant.client.post(users_path(tenant.id, outsider), json={"roleName": "Analyst"})
    assert response.status_code == 400
    assert response.json() == analyst_limit_error(1)
    assert admin.get(f"/api/user/{outsider}").json()["roleName"] == "Viewer"


def test_disabled_users_do_not_count_and_reenabling_is_checked(admin):
    tenant = Tenant(admin, maxUsers=1, maxAnalyst=5)
    first = add_to_tenant(tenant.client, tenant.id, roleName="Viewer")
    assert tenant.client.put(users_path(tenant.id, first), json={"disabled": True}) \
        .status_code == 200
    second = add_to_tenant(tenant.client, tenant.id, roleName="Viewer")
    assert second

    response = tenant.client.put(users_path(tenant.id, first), json={"disabled": False})
    assert response.status_code == 400
    assert response.json() == user_limit_error(1)
    assert admin.get(f"/api/user/{first}").json()["disabled"] is True

    # A role change of a user who already counts does not need a free place.
    response = tenant.client.put(users_path(tenant.id, second), json={"roleName": "Analyst"})
    assert response.status_code == 200


def test_unlimited_tenant(admin):
    tenant = Tenant(admin, maxUsers=-1, maxAnalyst=-1)
    for _ in range(5):
        add_to_tenant(tenant.client, tenant.id, roleName="Analyst")
    assert tenant.client.get(users_path(tenant.id)).json()["totalCount"] == 5


def test_concurrent_adds_never_exceed_the_user_limit(admin):
    tenant = Tenant(admin, maxUsers=3, maxAnalyst=-1)
    statuses = []
    lock = threading.Lock()

    def add():
        response = tenant.client.post(users_path(tenant.id), json=user_body(roleName="Viewer"))
        with lock:
            statuses.append(response.status_code)

    threads = [threading.Thread(target=add) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(statuses) == [201] * 3 + [400] * 7
    assert tenant.client.get(users_path(tenant.id)).json()["totalCount"] == 3


# --- tenant isolation -----------------------------------------------------------------------------

def test_tenant_key_cannot_reach_another_tenants_users(admin, tenant, other_tenant):
    email = new_email("secret")
    victim = add_to_tenant(other_tenant.client, other_tenant.id, email=email,
                           displayName="Secret Person")
    other_name = tenant_name(admin, other_tenant.id)
    routes = [("GET", users_path(other_tenant.id), None),
              ("POST", users_path(other_tenant.id), user_body()),
              ("GET", users_path(other_tenant.id, victim), None),
              ("GET", f"{users_path(other_tenant.id)}/by-email/{quote(email, safe='')}", None),
              ("POST", users_path(other_tenant.id, victim), {"roleName": "Viewer"}),
              ("PUT", users_path(other_tenant.id, victim), {"displayName": "Hijacked"}),
              ("DELETE", users_path(other_tenant.id, victim), None)]
    for method, path, body in routes:
        response = tenant.client.request(method, path, json=body)
        assert response.status_code == 403, (method, path)
        assert response.json()["error"] == \
            f"This API key is not authorized for tenant '{other_tenant.id}'"
        for secret in (victim, email, "Secret Person", other_name):
            assert secret not in response.text
    # Through its own tenant the victim is invisible too.
    for method, body in (("GET", None), ("PUT", {"displayName": "Hijacked"}), ("DELETE", None)):
        response = tenant.client.request(method, users_path(tenant.id, victim), json=body)
        assert response.status_code == 404
        assert email not in response.text
    response = tenant.client.get(f"{users_path(tenant.id)}/by-email/{quote(email, safe='')}")
    assert response.status_code == 404
    assert victim not in response.text

    user = admin.get(f"/api/user/{victim}").json()
    assert user["displayName"] == "Secret Person" and user["tenantCount"] == 1


def test_tenant_key_sees_only_its_own_tenant_of_a_shared_user(admin, tenant, other_tenant):
    email = new_email()
    shared = add_to_tenant(admin, other_tenant.id, email=email, roleName="TenantAdmin")
    add_to_tenant(admin, tenant.id, email=email)
    assert admin.put(f"/api/user/{shared}",
                     json={"isServiceAccount": True, "homeTenantId": other_tenant.id}) \
        .status_code == 200
    own_name = tenant_name(admin, tenant.id)
    other_name = tenant_name(admin, other_tenant.id)

    responses = [tenant.client.get(users_path(tenant.id, shared)),
                 tenant.client.get(f"{users_path(tenant.id)}/by-email/{quote(email, safe='')}")]
    for response in responses:
        user = response.json()
        assert user["tenantCount"] == 1
        assert user["tenantNames"] == own_name
        assert [t["tenantId"] for t in user["tenants"]] == [tenant.id]
        assert user["isServiceAccount"] is True
        assert user["homeTenantId"] is None and user["homeTenantName"] is None
    listed = tenant.client.get(users_path(tenant.id)).json()["users"]
    assert [(u["userId"], u["tenantNames"]) for u in listed] == [(shared, own_name)]
    for response in responses + [tenant.client.get(users_path(tenant.id))]:
        assert other_tenant.id not in response.text and other_name not in response.text

    # A global key on the same routes sees everything.
    user = admin.get(users_path(tenant.id, shared)).json()
    assert user["tenantCount"] == 2
    assert (user["homeTenantId"], user["homeTenantName"]) == (other_tenant.id, other_name)
    assert user["tenantNames"] == ", ".join(sorted([own_name, other_name]))


def test_global_key_on_unknown_tenant_is_404(admin):
    tenant_id = str(uuid.uuid4())
    user_id = create_user(admin)
    routes = [("GET", users_path(tenant_id), None), ("POST", users_path(tenant_id), user_body()),
              ("GET", users_path(tenant_id, user_id), None),
              ("GET", f"{users_path(tenant_id)}/by-email/a%40b.co", None),
              ("POST", users_path(tenant_id, user_id), None),
              ("PUT", users_path(tenant_id, user_id), {"displayName": "Nope"}),
              ("DELETE", users_path(tenant_id, user_id), None)]
    for method, path, body in routes:
        response = admin.request(method, path, json=body)
        assert response.status_code == 404, (method, path)
        assert response.json() == {"error": f"Tenant with ID '{tenant_id}' not found"}


@pytest.mark.parametrize("path", ["/api/tenant/xyz/user", "/api/tenant/xyz/user/by-email/a%40b.co",
                                  f"/api/tenant/{uuid.uuid4()}/user/not-a-guid"])
def test_malformed_guids_in_the_path_are_400(admin, path):
    response = admin.get(path)
    assert response.status_code == 400
    assert "expected a GUID" in response.json()["error"]


def test_tenant_routes_require_a_valid_key(admin, anonymous, tenant):
    response = anonymous.get(users_path(tenant.id))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"
    assert Client(admin.base_url, "wrong").get(users_path(tenant.id)).status_code == 401


def test_revoked_tenant_key_is_refused(admin, tenant):
    issued = admin.post(f"/api/tenant/{tenant.id}/apikey", json={"name": "short-lived"}).json()
    client = admin.with_key(issued["apiKey"])
    assert client.get(users_path(tenant.id)).status_code == 200

    response = admin.delete(f"/api/tenant/{tenant.id}/apikey/{issued['apiKeyId']}")
    assert response.status_code == 200
    response = client.get(users_path(tenant.id))
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_token"
    assert client.post(users_path(tenant.id), json=user_body()).status_code == 401
    assert tenant.client.get(users_path(tenant.id)).status_code == 200


# --- persistence ----------------------------------------------------------------------------------

def test_assignments_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    tenant = Tenant(admin, maxUsers=2, maxAnalyst=-1)
    kept = add_to_tenant(tenant.client, tenant.id, roleName="Viewer")
    removed = add_to_tenant(tenant.client, tenant.id, roleName="Analyst")
    assert tenant.client.delete(users_path(tenant.id, removed)).status_code == 200
    add_to_tenant(tenant.client, tenant.id, roleName="Viewer")
    before = tenant.client.get(users_path(tenant.id)).json()

    srv.restart()
    client = Client(srv.url, tenant.key)
    assert client.get(users_path(tenant.id)).json() == before
    assert client.get(users_path(tenant.id, kept)).json()["tenantCount"] == 1
    assert client.get(users_path(tenant.id, removed)).status_code == 404
    response = client.post(users_path(tenant.id), json=user_body(roleName="Viewer"))
    assert response.status_code == 400
    assert response.json() == user_limit_error(2)
