"""Helpers shared by the User API tests."""

import re
import uuid

USER_FIELDS = ["userId", "email", "displayName", "firstName", "lastName", "roleName", "disabled",
               "isServiceAccount", "homeTenantId", "homeTenantName", "lastLogin", "tenantCount",
               "tenantNames", "dateCreated"]
ISO_8601 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")
ROLE_ERROR = "Role '{}' is not valid. Valid roles: Administrator, TenantAdmin, Analyst, Viewer"


def new_email(prefix="user"):
    return f"{prefix}.{uuid.uuid4().hex[:10]}@example.com"


def user_body(**overrides):
    body = {"email": new_email(), "displayName": "Test User", "firstName": "Test",
            "lastName": "User", "roleName": "Analyst"}
    body.update(overrides)
    return body


def create_user(admin, **overrides):
    """Creates a user with the global key; returns its id."""
    response = admin.post("/api/user", json=user_body(**overrides))
    assert response.status_code == 201, response.text
    return response.json()["userId"]


def add_to_tenant(client, tenant_id, **overrides):
    """Creates a user in a tenant (create-or-assign); returns its id."""
    response = client.post(f"/api/tenant/{tenant_id}/user", json=user_body(**overrides))
    assert response.status_code == 201, response.text
    return response.json()["userId"]


def tenant_name(admin, tenant_id):
    return admin.get(f"/api/tenant/{tenant_id}").json()["name"]
