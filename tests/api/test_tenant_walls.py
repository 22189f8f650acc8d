"""Tenants are walls: every route of the OpenAPI document that takes a {tenantId}, called with
another tenant's key, answers 401/403/404, shows none of the victim's data and changes nothing.
The route list comes from the served document, so routes added later are covered automatically."""

import base64
import re

import pytest

from conftest import Tenant
from project_support import create_project, create_tenant_user, data_uri, png_bytes

BODIES = {  # plausible bodies, so a route would act if authorisation let it through
    "POST": {"projectName": "stolen", "isOwner": True, "roleName": "Analyst", "name": "stolen",
             "email": "intruder@example.com", "displayName": "Intruder",
             "base64Image": data_uri("image/png", png_bytes())},
    "PUT": {"projectName": "hijacked", "isOwner": False, "displayName": "Hijacked",
            "disabled": True},
    "DELETE": {},
}


@pytest.fixture
def victim(admin):
    tenant = Tenant(admin, displayName="Victim Tenant")
    project = create_project(tenant.client, tenant.id, name="victim secret project")
    user = create_tenant_user(admin, tenant.id)
    tenant.client.post(f"/api/{tenant.id}/project/{project['projectId']}/users/{user['userId']}",
                       json={"isOwner": True})
    tenant.client.post(f"/api/{tenant.id}/project/{project['projectId']}/thumbnail",
                       json={"base64Image": data_uri("image/png", png_bytes())})
    key_id = admin.get(f"/api/tenant/{tenant.id}/apikey").json()["apiKeys"][0]["apiKeyId"]
    return {"tenant": tenant, "project": project, "user": user, "apiKeyId": key_id}


def fill(path, victim):
    values = {"tenantId": victim["tenant"].id, "projectId": victim["project"]["projectId"],
              "userId": victim["user"]["userId"], "email": victim["user"]["email"],
              "apiKeyId": victim["apiKeyId"]}
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "00000000-0000-4000-8000-00000000000f"),
                  path)


def snapshot(admin, victim):
    tenant_id = victim["tenant"].id
    project_id = victim["project"]["projectId"]
    return {
        "tenant": admin.get(f"/api/tenant/{tenant_id}").json(),
        "project": admin.get(f"/api/{tenant_id}/project/{project_id}").json(),
        "users": admin.get(f"/api/tenant/{tenant_id}/user").json(),
        "members": admin.get(f"/api/{tenant_id}/project/{project_id}/users").json(),
        "thumbnail": admin.get(f"/api/{tenant_id}/project/{project_id}/thumbnail").json(),
        "keys": admin.get(f"/api/tenant/{tenant_id}/apikey").json(),
    }


def test_another_tenants_key_is_stopped_on_every_tenant_route(admin, anonymous, victim):
    intruder = Tenant(admin)
    document = anonymous.get("/swagger/v1/swagger.json").json()
    before = snapshot(admin, victim)
    secrets = [victim["project"]["projectName"], victim["user"]["email"],
               victim["user"]["displayName"], "Victim Tenant",
               base64.b64encode(png_bytes()).decode()]
    attacked = 0
    for path, methods in document["paths"].items():
        if "{tenantId}" not in path:
            continue
        for method, operation in methods.items():
            if operation.get("security") == []:
                continue  # public pings
            response = intruder.client.request(method.upper(), fill(path, victim),
                                               json=BODIES.get(method.upper()))
            assert response.status_code in (401, 403, 404), (method, path, response.text)
            for secret in secrets:
                assert secret not in response.text, (method, path)
            attacked += 1
    assert attacked >= 30
    assert snapshot(admin, victim) == before
