"""Helpers shared by the Project API tests."""

import base64
import struct
import zlib


from conftest import unique_name

PROJECT_FIELDS = ["projectId", "tenantId", "projectName", "projectDescription", "dateCreated",
                  "dateModified", "createdBy", "modifiedBy", "isActive", "datasetCount",
                  "investigationCount", "dashboardCount", "userCount"]

MISSING_ID = "00000000-0000-4000-8000-000000000000"


def not_found_body(project_id):
    return {"error": f"Project not found with ID '{project_id}'. The project may have been "
                     "deleted or the ID is incorrect.",
            "projectId": project_id}


def create_project(client, tenant_id, name=None, description="created by tests"):
    body = {"projectName": name or unique_name("project"), "projectDescription": description}
    response = client.post(f"/api/{tenant_id}/project", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def create_tenant_user(admin, tenant_id):
    """A new user assigned to the tenant, through the User API."""
    body = {"email": f"{unique_name('user')}@example.com", "displayName": unique_name("User"),
            "firstName": "Test", "lastName": "User", "roleName": "Analyst"}
    response = admin.post(f"/api/tenant/{tenant_id}/user", json=body)
    assert response.status_code == 201, response.text
    return {"userId": response.json()["userId"], "email": body["email"],
            "displayName": body["displayName"]}


def png_bytes(width=2, height=2):
    """A valid PNG image of opaque red pixels."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def jpeg_bytes():
    """The start and end markers of a JFIF file around a little payload."""
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" +
            bytes(range(256)) + b"\xff\xd9")


def data_uri(mime, data):
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"
