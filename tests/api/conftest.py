"""Shared fixtures: a session-wide server, an admin (global key) client and tenant factories.

Every test creates its own tenants (unique names), so tests never see each other's data even
though they share one server. Tests that restart or reconfigure a server use `fresh_server`.
"""

import itertools
import os
import uuid

import pytest
import requests

from pmstudio_server import PmstudioServer

_counter = itertools.count()


class Client:
    """requests with a base URL and an optional API key."""

    def __init__(self, base_url, key=None):
        self.base_url = base_url
        self.key = key

    def headers(self, extra=None):
        headers = {}
        if self.key is not None:
            headers["Authorization"] = f"Bearer {self.key}"
        headers.update(extra or {})
        return headers

    def request(self, method, path, **kwargs):
        headers = self.headers(kwargs.pop("headers", None))
        return requests.request(method, self.base_url + path, headers=headers, timeout=30, **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)

    def delete(self, path, **kw):
        return self.request("DELETE", path, **kw)

    def with_key(self, key):
        return Client(self.base_url, key)


def unique_name(prefix="t"):
    return f"{prefix}-{os.getpid()}-{next(_counter)}-{uuid.uuid4().hex[:6]}"


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    srv = PmstudioServer(tmp_path_factory.mktemp("session") / "data").start()
    yield srv
    srv.stop()


@pytest.fixture
def fresh_server(tmp_path):
    """A server of the test's own, for restart, configuration and bootstrap tests."""
    servers = []

    def start(extra_args=(), env=None, data_dir=None):
        srv = PmstudioServer(data_dir or tmp_path / f"data{len(servers)}", extra_args, env).start()
        servers.append(srv)
        return srv

    yield start
    for srv in servers:
        srv.stop()


@pytest.fixture
def admin(server):
    return Client(server.url, server.admin_key)


@pytest.fixture
def anonymous(server):
    return Client(server.url)


def create_tenant(admin_client, **overrides):
    body = {"name": unique_name(), "displayName": "Test Tenant", "description": "created by tests",
            "maxUsers": 50, "maxAnalyst": 10, "maxCases": 100000}
    body.update(overrides)
    response = admin_client.post("/api/tenant", json=body)
    assert response.status_code == 201, response.text
    return response.json()["tenantId"]


def create_tenant_key(admin_client, tenant_id):
    response = admin_client.post(f"/api/tenant/{tenant_id}/apikey", json={"name": "test key"})
    assert response.status_code == 201, response.text
    return response.json()["apiKey"]


class Tenant:
    """A tenant created for one test, with a client authenticated by its own tenant key."""

    def __init__(self, admin_client, **overrides):
        self.id = create_tenant(admin_client, **overrides)
        self.key = create_tenant_key(admin_client, self.id)
        self.client = admin_client.with_key(self.key)


@pytest.fixture
def tenant(admin):
    return Tenant(admin)


@pytest.fixture
def other_tenant(admin):
    return Tenant(admin)


def assert_standard_headers(response):
    assert response.headers.get("X-Request-Id")
    assert response.headers.get("X-Response-Time", "").endswith("ms")
    assert response.headers.get("X-API-Version") == "1.0.0"
