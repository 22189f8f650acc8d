"""Project thumbnails: GET, POST and DELETE /api/{tenantId}/project/{projectId}/thumbnail."""

import base64

import pytest

from project_support import (MISSING_ID, create_project, data_uri, jpeg_bytes, not_found_body,
                             png_bytes)

MAX_BYTES = 1024 * 1024


@pytest.fixture
def thumbnail_path(tenant):
    project = create_project(tenant.client, tenant.id)
    return f"/api/{tenant.id}/project/{project['projectId']}/thumbnail"


def decoded(uri):
    header, payload = uri.split(",", 1)
    return header, base64.b64decode(payload, validate=True)


def test_a_new_project_has_no_thumbnail(tenant, thumbnail_path):
    response = tenant.client.get(thumbnail_path)
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["projectId", "hasThumbnail", "base64Image"]
    assert body["projectId"] in thumbnail_path
    assert body["hasThumbnail"] is False
    assert body["base64Image"] is None


@pytest.mark.parametrize("mime, data", [("image/png", png_bytes()), ("image/jpeg", jpeg_bytes())])
def test_round_trip_is_byte_exact(tenant, thumbnail_path, mime, data):
    response = tenant.client.post(thumbnail_path, json={"base64Image": data_uri(mime, data)})
    assert response.status_code == 200
    assert response.json() == {"message": "Thumbnail updated successfully"}
    body = tenant.client.get(thumbnail_path).json()
    assert body["hasThumbnail"] is True
    assert body["base64Image"] == data_uri(mime, data)
    assert decoded(body["base64Image"]) == (f"data:{mime};base64", data)


def test_image_jpg_is_accepted_as_jpeg(tenant, thumbnail_path):
    response = tenant.client.post(thumbnail_path,
                                  json={"base64Image": data_uri("image/jpg", jpeg_bytes())})
    assert response.status_code == 200
    assert tenant.client.get(thumbnail_path).json()["base64Image"] == data_uri("image/jpeg",
                                                                               jpeg_bytes())


@pytest.mark.parametrize("mime, data", [("image/png", png_bytes()), ("image/jpeg", jpeg_bytes())])
def test_bare_base64_is_typed_by_its_content(tenant, thumbnail_path, mime, data):
    bare = base64.b64encode(data).decode()
    assert tenant.client.post(thumbnail_path, json={"base64Image": bare}).status_code == 200
    assert tenant.client.get(thumbnail_path).json()["base64Image"] == data_uri(mime, data)


def test_posting_again_replaces_the_thumbnail(tenant, thumbnail_path):
    tenant.client.post(thumbnail_path, json={"base64Image": data_uri("image/png", png_bytes())})
    tenant.client.post(thumbnail_path, json={"base64Image": data_uri("image/jpeg", jpeg_bytes())})
    assert tenant.client.get(thumbnail_path).json()["base64Image"] == data_uri("image/jpeg",
                                                                               jpeg_bytes())


def test_an_image_of_exactly_one_mebibyte_is_accepted(tenant, thumbnail_path):
    image = png_bytes()
    image += b"\x00" * (MAX_BYTES - len(image))
    response = tenant.client.post(thumbnail_path,
                                  json={"base64Image": data_uri("image/png", image)})
    assert response.status_code == 200
    assert decoded(tenant.client.get(thumbnail_path).json()["base64Image"])[1] == image


GIF = b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
PNG_B64 = base64.b64encode(png_bytes()).decode()

INVALID_IMAGES = {
    "gif declared as gif": data_uri("image/gif", GIF),
    "gif declared as png": data_uri("image/png", GIF),
    "bare gif": base64.b64encode(GIF).decode(),
    "text": data_uri("image/png", b"hello, this is not an image"),
    "plain text value": "just some text",
    "bad base64 characters": "data:image/png;base64,iVBOR!!w0KGgo=",
    "base64 with whitespace": f"data:image/png;base64,{PNG_B64[:8]} {PNG_B64[8:]}",
    "truncated base64": f"data:image/png;base64,{PNG_B64[:-1]}",
    "png declared as jpeg": data_uri("image/jpeg", png_bytes()),
    "jpeg declared as png": data_uri("image/png", jpeg_bytes()),
    "over 1 MiB": data_uri("image/png", png_bytes() + b"\x00" * MAX_BYTES),
    "not base64 data uri": "data:image/png," + PNG_B64,
    "unsupported type": data_uri("text/plain", png_bytes()),
    "data uri without comma": "data:image/png;base64",
    "empty payload": "data:image/png;base64,",
}


@pytest.mark.parametrize("name", INVALID_IMAGES)
def test_invalid_images_are_400_and_keep_the_old_thumbnail(tenant, thumbnail_path, name):
    original = data_uri("image/png", png_bytes(5, 5))
    assert tenant.client.post(thumbnail_path, json={"base64Image": original}).status_code == 200
    response = tenant.client.post(thumbnail_path, json={"base64Image": INVALID_IMAGES[name]})
    assert response.status_code == 400, response.text
    assert list(response.json()) == ["error"]
    assert response.json()["error"]
    assert tenant.client.get(thumbnail_path).json()["base64Image"] == original


@pytest.mark.parametrize("body", [{}, {"base64Image": None}, {"base64Image": ""},
                                  {"base64Image": 12}, {"base64Image": ["x"]}])
def test_missing_or_mistyped_image_is_a_validation_error(tenant, thumbnail_path, body):
    response = tenant.client.post(thumbnail_path, json=body)
    assert response.status_code == 400
    assert response.json()["error"] == "Validation failed"
    assert tenant.client.get(thumbnail_path).json()["hasThumbnail"] is False


def test_malformed_json_is_400(tenant, thumbnail_path):
    response = tenant.client.post(thumbnail_path, data="{",
                                  headers={"Content-Type": "application/json"})
    assert response.status_code == 400


def test_delete_removes_the_thumbnail(tenant, thumbnail_path):
    tenant.client.post(thumbnail_path, json={"base64Image": data_uri("image/png", png_bytes())})
    response = tenant.client.delete(thumbnail_path)
    assert response.status_code == 200
    assert response.json() == {"message": "Thumbnail removed successfully"}
    assert tenant.client.get(thumbnail_path).json()["hasThumbnail"] is False


def test_deleting_a_missing_thumbnail_is_404(tenant, thumbnail_path):
    project_id = thumbnail_path.split("/")[-2]
    response = tenant.client.delete(thumbnail_path)
    assert response.status_code == 404
    assert response.json() == {"error": "Project has no thumbnail", "projectId": project_id}


def test_unknown_project_is_the_documented_404(tenant):
    path = f"/api/{tenant.id}/project/{MISSING_ID}/thumbnail"
    png = {"base64Image": data_uri("image/png", png_bytes())}
    for method, body in (("GET", None), ("POST", png), ("DELETE", None)):
        response = tenant.client.request(method, path, json=body)
        assert response.status_code == 404, method
        assert response.json() == not_found_body(MISSING_ID)


def test_malformed_project_id_is_400(tenant):
    assert tenant.client.get(f"/api/{tenant.id}/project/bad/thumbnail").status_code == 400


def test_thumbnails_belong_to_their_project(tenant):
    first = create_project(tenant.client, tenant.id)
    second = create_project(tenant.client, tenant.id)
    base = f"/api/{tenant.id}/project"
    tenant.client.post(f"{base}/{first['projectId']}/thumbnail",
                       json={"base64Image": data_uri("image/png", png_bytes())})
    assert tenant.client.get(f"{base}/{second['projectId']}/thumbnail").json()[
        "hasThumbnail"] is False
