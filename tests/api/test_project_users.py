"""Project user permissions: /api/{tenantId}/project/{projectId}/users[/{userId}]."""

import re
from concurrent.futures import ThreadPoolExecutor

from conftest import Client, Tenant
from project_support import MISSING_ID, create_project, create_tenant_user, not_found_body

ISO_8601 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$")
NOT_A_MEMBER = {"error": "User is not a member of this project"}


def users_path(tenant_id, project_id, user_id=None):
    path = f"/api/{tenant_id}/project/{project_id}/users"
    return f"{path}/{user_id}" if user_id else path


def user_not_found(user_id):
    return {"error": f"User not found with ID '{user_id}'"}


# --- without users ------------------------------------------------------------------------------

def test_a_new_project_has_no_users(tenant):
    project = create_project(tenant.client, tenant.id)
    response = tenant.client.get(users_path(tenant.id, project["projectId"]))
    assert response.status_code == 200
    assert response.json() == {"users": [], "totalCount": 0}
    assert list(response.json()) == ["users", "totalCount"]


def test_adding_an_unknown_user_is_404(tenant):
    project = create_project(tenant.client, tenant.id)
    response = tenant.client.post(users_path(tenant.id, project["projectId"], MISSING_ID))
    assert response.status_code == 404
    assert response.json() == user_not_found(MISSING_ID)


def test_updating_or_removing_a_non_member_is_404(tenant):
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], MISSING_ID)
    update = tenant.client.put(path, json={"isOwner": True})
    assert update.status_code == 404 and update.json() == NOT_A_MEMBER
    remove = tenant.client.delete(path)
    assert remove.status_code == 404 and remove.json() == NOT_A_MEMBER


def test_update_requires_a_boolean_is_owner(tenant):
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], MISSING_ID)
    for body in ({}, {"isOwner": None}, {"isOwner": "true"}, {"isOwner": 1}):
        response = tenant.client.put(path, json=body)
        assert response.status_code == 400, body
        assert response.json()["error"] == "Validation failed"
    assert tenant.client.put(path, data="{x", headers={"Content-Type": "application/json"}
                             ).status_code == 400


def test_add_rejects_a_mistyped_or_malformed_body(tenant):
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], MISSING_ID)
    assert tenant.client.post(path, json={"isOwner": "yes"}).status_code == 400
    assert tenant.client.post(path, data="nope", headers={"Content-Type": "application/json"}
                              ).status_code == 400


def test_malformed_ids_are_400(tenant):
    project = create_project(tenant.client, tenant.id)
    assert tenant.client.post(users_path(tenant.id, project["projectId"], "bob")).status_code == 400
    assert tenant.client.get(users_path(tenant.id, "bad-id")).status_code == 400


def test_unknown_project_is_the_documented_404(tenant):
    for method, path, body in (("GET", users_path(tenant.id, MISSING_ID), None),
                               ("POST", users_path(tenant.id, MISSING_ID, MISSING_ID), None),
                               ("PUT", users_path(tenant.id, MISSING_ID, MISSING_ID),
                                {"isOwner": True}),
                               ("DELETE", users_path(tenant.id, MISSING_ID, MISSING_ID), None)):
        response = tenant.client.request(method, path, json=body)
        assert response.status_code == 404, method
        assert response.json() == not_found_body(MISSING_ID), method


# --- with users of the tenant (User API) --------------------------------------------------------

def test_add_list_promote_and_remove_a_member(admin, tenant):
    user = create_tenant_user(admin, tenant.id)
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], user["userId"])

    added = tenant.client.post(path)
    assert added.status_code == 201
    assert added.json() == {"message": "User added to project successfully"}
    listing = tenant.client.get(users_path(tenant.id, project["projectId"])).json()
    assert listing["totalCount"] == 1
    member = listing["users"][0]
    assert list(member) == ["permissionId", "userId", "email", "displayName", "isOwner",
                            "dateAssigned"]
    assert re.fullmatch(r"[0-9a-f-]{36}", member["permissionId"])
    assert member["userId"] == user["userId"]
    assert member["email"] == user["email"]
    assert member["displayName"] == user["displayName"]
    assert member["isOwner"] is False
    assert ISO_8601.match(member["dateAssigned"])

    promoted = tenant.client.put(path, json={"isOwner": True})
    assert promoted.status_code == 200
    assert promoted.json() == {"message": "User permission updated successfully"}
    member_after = tenant.client.get(users_path(tenant.id, project["projectId"])).json()["users"][0]
    assert member_after == dict(member, isOwner=True)

    removed = tenant.client.delete(path)
    assert removed.status_code == 200
    assert removed.json() == {"message": "User removed from project successfully"}
    assert tenant.client.get(users_path(tenant.id, project["projectId"])).json() == {
        "users": [], "totalCount": 0}
    assert tenant.client.delete(path).json() == NOT_A_MEMBER


def test_add_as_owner_and_duplicate_add_is_409(admin, tenant):
    user = create_tenant_user(admin, tenant.id)
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], user["userId"])
    assert tenant.client.post(path, json={"isOwner": True}).status_code == 201
    again = tenant.client.post(path, json={"isOwner": False})
    assert again.status_code == 409
    assert again.json() == {"error": "User is already a member of this project"}
    users = tenant.client.get(users_path(tenant.id, project["projectId"])).json()["users"]
    assert [u["isOwner"] for u in users] == [True]


def test_concurrent_adds_of_one_user_create_one_membership(admin, tenant):
    user = create_tenant_user(admin, tenant.id)
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], user["userId"])
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: tenant.client.post(path).status_code, range(16)))
    assert sorted(statuses) == [201] + [409] * 15
    assert tenant.client.get(users_path(tenant.id, project["projectId"])).json()["totalCount"] == 1


def test_user_count_follows_membership(admin, tenant):
    first = create_tenant_user(admin, tenant.id)
    second = create_tenant_user(admin, tenant.id)
    project = create_project(tenant.client, tenant.id)
    project_path = f"/api/{tenant.id}/project/{project['projectId']}"

    def counts():
        return (tenant.client.get(project_path).json()["userCount"],
                tenant.client.get(f"{project_path}/summary").json()["statistics"]["totalUsers"])

    assert counts() == (0, 0)
    tenant.client.post(users_path(tenant.id, project["projectId"], first["userId"]))
    tenant.client.post(users_path(tenant.id, project["projectId"], second["userId"]))
    assert counts() == (2, 2)
    listed = tenant.client.get(f"/api/{tenant.id}/project").json()["projects"][0]
    assert listed["userCount"] == 2
    tenant.client.delete(users_path(tenant.id, project["projectId"], first["userId"]))
    assert counts() == (1, 1)


def test_a_user_of_another_tenant_is_not_found(admin, tenant, other_tenant):
    outsider = create_tenant_user(admin, other_tenant.id)
    project = create_project(tenant.client, tenant.id)
    path = users_path(tenant.id, project["projectId"], outsider["userId"])
    for client in (tenant.client, admin):
        response = client.post(path)
        assert response.status_code == 404
        assert response.json() == user_not_found(outsider["userId"])
        assert outsider["email"] not in response.text
    assert tenant.client.get(users_path(tenant.id, project["projectId"])).json()["totalCount"] == 0


def test_another_tenants_key_cannot_touch_members(admin, tenant, other_tenant):
    member = create_tenant_user(admin, other_tenant.id)
    project = create_project(other_tenant.client, other_tenant.id)
    path = users_path(other_tenant.id, project["projectId"], member["userId"])
    assert other_tenant.client.post(path).status_code == 201
    before = admin.get(users_path(other_tenant.id, project["projectId"])).json()
    for method, body in (("GET", None), ("PUT", {"isOwner": True}), ("DELETE", None),
                         ("POST", None)):
        target = users_path(other_tenant.id, project["projectId"]) if method == "GET" else path
        response = tenant.client.request(method, target, json=body)
        assert response.status_code in (401, 403, 404), method
        assert member["email"] not in response.text
    assert admin.get(users_path(other_tenant.id, project["projectId"])).json() == before


def test_memberships_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin = Client(srv.url, srv.admin_key)
    owner = Tenant(admin)
    user = create_tenant_user(admin, owner.id)
    project = create_project(owner.client, owner.id)
    path = users_path(owner.id, project["projectId"], user["userId"])
    assert owner.client.post(path, json={"isOwner": True}).status_code == 201
    before = owner.client.get(users_path(owner.id, project["projectId"])).json()
    srv.restart()
    client = Client(srv.url, owner.key)
    assert client.get(users_path(owner.id, project["projectId"])).json() == before
    assert client.get(f"/api/{owner.id}/project/{project['projectId']}").json()["userCount"] == 1


def test_deleting_the_project_removes_its_memberships(admin, tenant):
    user = create_tenant_user(admin, tenant.id)
    first = create_project(tenant.client, tenant.id)
    second = create_project(tenant.client, tenant.id)
    for project in (first, second):
        tenant.client.post(users_path(tenant.id, project["projectId"], user["userId"]))
    assert tenant.client.delete(f"/api/{tenant.id}/project/{first['projectId']}").status_code == 200
    assert tenant.client.get(users_path(tenant.id, second["projectId"])).json()["totalCount"] == 1
