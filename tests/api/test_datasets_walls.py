"""Dataset API walls: tenant isolation, persistence across restarts, crashes mid-upload and
concurrent creates."""

import signal
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import Client, Tenant, unique_name
from dataset_support import (DATA, MISSING_ID, PM4PY_MAPPING, SIMPLE_MAPPING, base, create_csv,
                             export, new_project, ok, send, upload)

SMALL_CSV = (b"CaseID,Activity,Timestamp\n"
             b"c1,Create,2024-01-15T09:00:00Z\n"
             b"c1,Approve,2024-01-15T10:00:00Z\n"
             b"c2,Create,2024-01-16T09:00:00Z\n")


def dataset_routes(tenant_id, project_id, dataset_id):
    """(method, path, kind) of every dataset route; kind says which body to send."""
    b = base(tenant_id, project_id)
    return [("GET", b, None), ("POST", f"{b}/csv", "csv"), ("POST", f"{b}/package", "package"),
            ("POST", f"{b}/binary", "binary"), ("GET", f"{b}/{dataset_id}", None),
            ("DELETE", f"{b}/{dataset_id}", None), ("GET", f"{b}/{dataset_id}/export", None),
            ("GET", f"{b}/{dataset_id}/export?format=binary", None),
            ("PUT", f"{b}/{dataset_id}/csv", "csv"),
            ("PUT", f"{b}/{dataset_id}/package", "package"),
            ("PUT", f"{b}/{dataset_id}/binary", "binary"), ("GET", f"{b}/ping", None)]


def call(client, method, path, kind):
    if kind is None:
        return send(client, method, path)
    form = dict(SIMPLE_MAPPING, datasetName=unique_name("intruder"))
    return upload(client, path, f"x.{kind}", SMALL_CSV, form, method=method)


def snapshot(tenant, project, dataset_id):
    listed = tenant.client.get(base(tenant.id, project)).json()
    return listed, export(tenant.client, tenant.id, project, dataset_id)


def own_dataset(tenant):
    project = new_project(tenant)
    dataset_id = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV,
                               name="Secret data"))["datasetId"]
    return project, dataset_id


# --- tenant isolation ---------------------------------------------------------------------------

def test_other_tenants_key_is_refused_on_every_dataset_route(tenant, other_tenant):
    project, dataset_id = own_dataset(tenant)
    before = snapshot(tenant, project, dataset_id)
    for method, path, kind in dataset_routes(tenant.id, project, dataset_id):
        response = call(other_tenant.client, method, path, kind)
        assert response.status_code == 403, (method, path, response.text)
        assert b"Secret data" not in response.content and b"Create" not in response.content
    assert snapshot(tenant, project, dataset_id) == before


def test_other_tenants_key_with_its_own_id_does_not_reach_the_project(tenant, other_tenant):
    project, dataset_id = own_dataset(tenant)
    before = snapshot(tenant, project, dataset_id)
    for method, path, kind in dataset_routes(other_tenant.id, project, dataset_id):
        response = call(other_tenant.client, method, path, kind)
        assert response.status_code == 404, (method, path, response.text)
        assert b"Secret data" not in response.content and b"c1," not in response.content
    assert snapshot(tenant, project, dataset_id) == before


def test_global_key_with_the_wrong_tenant_in_the_path_is_404(admin, tenant, other_tenant):
    project, dataset_id = own_dataset(tenant)
    before = snapshot(tenant, project, dataset_id)
    for method, path, kind in dataset_routes(other_tenant.id, project, dataset_id):
        response = call(admin, method, path, kind)
        assert response.status_code == 404, (method, path, response.text)
        assert b"Secret data" not in response.content
    assert snapshot(tenant, project, dataset_id) == before


def test_dataset_of_another_project_is_not_found(tenant):
    project, dataset_id = own_dataset(tenant)
    other_project = new_project(tenant)
    b = base(tenant.id, other_project)
    assert tenant.client.get(f"{b}/{dataset_id}").status_code == 404
    assert tenant.client.get(f"{b}/{dataset_id}/export").status_code == 404
    assert tenant.client.delete(f"{b}/{dataset_id}").status_code == 404
    response = upload(tenant.client, f"{b}/{dataset_id}/csv", "x.csv", SMALL_CSV, method="PUT")
    assert response.status_code == 400
    assert response.json()["error"] == f"dataset with id '{dataset_id}' not found"
    assert tenant.client.get(f"{base(tenant.id, project)}/{dataset_id}").status_code == 200


def test_missing_or_bad_key_is_401(tenant, anonymous):
    project, dataset_id = own_dataset(tenant)
    bad = anonymous.with_key("pms_" + "0" * 64)
    for client in (anonymous, bad):
        for method, path, kind in dataset_routes(tenant.id, project, dataset_id):
            assert call(client, method, path, kind).status_code == 401, (method, path)


def test_uploads_of_a_refused_request_leave_no_file(server, tenant, other_tenant):
    project, dataset_id = own_dataset(tenant)
    for method, path, kind in dataset_routes(tenant.id, project, dataset_id):
        call(other_tenant.client, method, path, kind)
    for tenant_id in (tenant.id, other_tenant.id):
        uploads = server.data_dir / "tenants" / tenant_id / "uploads"
        assert not uploads.exists() or list(uploads.iterdir()) == []


# --- restarts and crashes -----------------------------------------------------------------------

def big_csv(rows, prefix="big"):
    """A generated event log of `rows` events, 5 per case."""
    lines = ["CaseID,Activity,Timestamp,Resource,Amount"]
    for i in range(rows):
        lines.append(f"{prefix}{i // 5},Step {i % 5},2024-01-{1 + (i // 86400) % 28:02d}T"
                     f"{(i // 3600) % 24:02d}:{(i // 60) % 60:02d}:{i % 60:02d}Z,r{i % 37},{i}")
    return ("\n".join(lines) + "\n").encode()


def setup_tenant(srv):
    admin = Client(srv.url, srv.admin_key)
    tenant = Tenant(admin)
    return admin, tenant, new_project(tenant)


def stray_uploads(srv):
    return [p for p in (srv.data_dir / "tenants").glob("*/uploads/*")]


def dataset_files(srv, tenant_id, dataset_id):
    return sorted(p.name for p in (srv.data_dir / "tenants" / tenant_id / "datasets" /
                                   dataset_id).iterdir())


def test_datasets_survive_a_restart(fresh_server):
    srv = fresh_server()
    admin, tenant, project = setup_tenant(srv)
    body = ok(create_csv(tenant.client, tenant.id, project, (DATA / "receipt.csv").read_bytes(),
                         mapping=PM4PY_MAPPING, name="Receipt"))
    listed = tenant.client.get(base(tenant.id, project)).json()
    exports = {fmt: export(tenant.client, tenant.id, project, body["datasetId"], fmt)
               for fmt in ("csv", "xes", "binary")}
    srv.restart()
    client = Client(srv.url, tenant.key)
    assert client.get(base(tenant.id, project)).json() == listed
    for fmt, content in exports.items():
        assert export(client, tenant.id, project, body["datasetId"], fmt) == content, fmt
    assert client.get(f"/api/{tenant.id}/project/{project}").json()["datasetCount"] == 1


def test_update_after_restart_keeps_id_and_bumps_version(fresh_server):
    srv = fresh_server()
    _, tenant, project = setup_tenant(srv)
    dataset_id = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV))["datasetId"]
    srv.restart()
    client = Client(srv.url, tenant.key)
    body = ok(upload(client, f"{base(tenant.id, project)}/{dataset_id}/csv", "n.csv",
                     big_csv(50), method="PUT"))
    assert body["datasetId"] == dataset_id and body["eventCount"] == 50
    srv.restart()
    client = Client(srv.url, tenant.key)
    dataset = client.get(f"{base(tenant.id, project)}/{dataset_id}").json()
    assert (dataset["version"], dataset["eventCount"], dataset["caseCount"]) == (2, 50, 10)
    assert len(dataset_files(srv, tenant.id, dataset_id)) == 1


def send_partial_upload(srv, key, path, body, boundary, fraction):
    """Sends the headers and `fraction` of the body of an upload, then leaves the socket open."""
    head = (f"PUT {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {key}\r\n"
            f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30)
    sock.sendall(head + body[:int(len(body) * fraction)])
    return sock


def multipart(boundary, fields, content):
    parts = [f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n".encode()
             for k, v in fields.items()]
    parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
                 f"filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n".encode() + content +
                 f"\r\n--{boundary}--\r\n".encode())
    return b"".join(parts)


def assert_old_data_intact(srv, tenant, project, dataset_id, before_dataset, before_export):
    client = Client(srv.url, tenant.key)
    dataset = client.get(f"{base(tenant.id, project)}/{dataset_id}").json()
    assert dataset == before_dataset
    assert export(client, tenant.id, project, dataset_id) == before_export
    assert [d["datasetId"] for d in client.get(base(tenant.id, project)).json()["datasets"]] == [
        dataset_id]
    assert stray_uploads(srv) == []
    assert len(dataset_files(srv, tenant.id, dataset_id)) == 1


def test_kill_during_upload_keeps_the_previous_data(fresh_server):
    srv = fresh_server()
    _, tenant, project = setup_tenant(srv)
    dataset_id = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV))["datasetId"]
    before_dataset = tenant.client.get(f"{base(tenant.id, project)}/{dataset_id}").json()
    before_export = export(tenant.client, tenant.id, project, dataset_id)
    body = multipart("kill9boundary", {}, big_csv(300_000))
    sock = send_partial_upload(srv, tenant.key, f"{base(tenant.id, project)}/{dataset_id}/csv",
                               body, "kill9boundary", 0.5)
    try:
        deadline = time.monotonic() + 10
        while not stray_uploads(srv) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert stray_uploads(srv), "the half-received upload should be on disk"
        srv.stop(signal.SIGKILL)
    finally:
        sock.close()
    srv.start()
    assert_old_data_intact(srv, tenant, project, dataset_id, before_dataset, before_export)


def test_kill_during_import_keeps_the_previous_data(fresh_server):
    srv = fresh_server()
    _, tenant, project = setup_tenant(srv)
    dataset_id = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV))["datasetId"]
    before_dataset = tenant.client.get(f"{base(tenant.id, project)}/{dataset_id}").json()
    before_export = export(tenant.client, tenant.id, project, dataset_id)
    content = big_csv(300_000)
    outcome = {}

    def put():
        try:
            outcome["response"] = upload(tenant.client,
                                         f"{base(tenant.id, project)}/{dataset_id}/csv",
                                         "big.csv", content, method="PUT", timeout=60)
        except Exception as error:  # the connection dies with the server
            outcome["error"] = error

    thread = threading.Thread(target=put)
    thread.start()
    # Wait until the body has fully arrived (upload file stops growing) and kill while importing.
    deadline = time.monotonic() + 30
    last = -1
    while time.monotonic() < deadline:
        files = stray_uploads(srv)
        size = sum(f.stat().st_size for f in files if f.exists()) if files else -1
        if size >= len(content) or (size > 0 and size == last):
            break
        last = size
        time.sleep(0.02)
    srv.stop(signal.SIGKILL)
    thread.join(60)
    if "response" in outcome:
        pytest.skip("the import finished before the kill; nothing to check")
    srv.start()
    assert_old_data_intact(srv, tenant, project, dataset_id, before_dataset, before_export)


def test_kill_during_create_leaves_no_dataset(fresh_server):
    srv = fresh_server()
    _, tenant, project = setup_tenant(srv)
    body = multipart("createkill", dict(SIMPLE_MAPPING, datasetName="Never"), big_csv(100_000))
    head = (f"POST {base(tenant.id, project)}/csv HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {tenant.key}\r\n"
            f"Content-Type: multipart/form-data; boundary=createkill\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    sock = socket.create_connection(("127.0.0.1", srv.port), timeout=30)
    try:
        sock.sendall(head + body[:len(body) // 2])
        deadline = time.monotonic() + 10
        while not stray_uploads(srv) and time.monotonic() < deadline:
            time.sleep(0.05)
        srv.stop(signal.SIGKILL)
    finally:
        sock.close()
    srv.start()
    client = Client(srv.url, tenant.key)
    assert client.get(base(tenant.id, project)).json() == {"datasets": []}
    assert stray_uploads(srv) == []
    assert list((srv.data_dir / "tenants" / tenant.id).glob("datasets/*/*")) == []
    ok(create_csv(client, tenant.id, project, SMALL_CSV, name="Never"))


def test_closed_connection_mid_upload_leaves_no_file(server, tenant):
    project = new_project(tenant)
    body = multipart("dropped", dict(SIMPLE_MAPPING, datasetName="Dropped"), big_csv(20_000))
    head = (f"POST {base(tenant.id, project)}/csv HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"Authorization: Bearer {tenant.key}\r\n"
            f"Content-Type: multipart/form-data; boundary=dropped\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=30) as sock:
        sock.sendall(head + body[:len(body) // 2])
        time.sleep(0.3)
    uploads = server.data_dir / "tenants" / tenant.id / "uploads"
    deadline = time.monotonic() + 10
    while uploads.exists() and list(uploads.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not uploads.exists() or list(uploads.iterdir()) == []
    assert tenant.client.get(base(tenant.id, project)).json() == {"datasets": []}


# --- concurrency --------------------------------------------------------------------------------

def test_parallel_creates_with_one_name_give_one_dataset(tenant):
    project = new_project(tenant)
    content = (DATA / "receipt.csv").read_bytes()

    def create(_):
        return create_csv(tenant.client, tenant.id, project, content, name="Raced",
                          mapping=PM4PY_MAPPING)

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(create, range(4)))
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 409, 409, 409], [r.text[:200] for r in responses]
    for response in responses:
        if response.status_code == 409:
            assert response.json()["error"] == (
                "A dataset named 'Raced' already exists in this project")
    listed = tenant.client.get(base(tenant.id, project)).json()["datasets"]
    assert [d["datasetName"] for d in listed] == ["Raced"]
    winner = next(r for r in responses if r.status_code == 200).json()["datasetId"]
    assert listed[0]["datasetId"] == winner


def test_parallel_creates_with_distinct_names_all_succeed(tenant):
    project = new_project(tenant)

    def create(i):
        return create_csv(tenant.client, tenant.id, project, big_csv(2000, f"p{i}-"),
                          name=f"Parallel {i}")

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(create, range(4)))
    assert [r.status_code for r in responses] == [200] * 4
    listed = tenant.client.get(base(tenant.id, project)).json()["datasets"]
    assert sorted(d["datasetName"] for d in listed) == [f"Parallel {i}" for i in range(4)]
    assert all(d["eventCount"] == 2000 and d["caseCount"] == 400 for d in listed)


def test_parallel_updates_of_one_dataset_all_apply(tenant):
    project = new_project(tenant)
    dataset_id = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV))["datasetId"]
    sizes = [100, 200, 300, 400]

    def update(rows):
        return upload(tenant.client, f"{base(tenant.id, project)}/{dataset_id}/csv", "u.csv",
                      big_csv(rows), method="PUT")

    with ThreadPoolExecutor(4) as pool:
        responses = list(pool.map(update, sizes))
    assert [r.status_code for r in responses] == [200] * 4
    dataset = tenant.client.get(f"{base(tenant.id, project)}/{dataset_id}").json()
    assert dataset["version"] == 5
    assert dataset["eventCount"] in sizes
    rows = export(tenant.client, tenant.id, project, dataset_id).count(b"\r\n") - 1
    assert rows == dataset["eventCount"]


def test_update_of_a_deleted_dataset_is_400(tenant):
    project = new_project(tenant)
    dataset_id = ok(create_csv(tenant.client, tenant.id, project, SMALL_CSV))["datasetId"]
    assert tenant.client.delete(f"{base(tenant.id, project)}/{dataset_id}").status_code == 200
    response = upload(tenant.client, f"{base(tenant.id, project)}/{dataset_id}/csv", "u.csv",
                      SMALL_CSV, method="PUT")
    assert response.status_code == 400
    assert MISSING_ID not in response.text
    assert tenant.client.get(base(tenant.id, project)).json() == {"datasets": []}
