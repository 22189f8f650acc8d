"""The dashboard pages: the page shells, …/data, the panels' process-map SVG, re-runs and the
bundled assets, opened with a session (signed in at /login) or an embed token; their refusals,
tenant walls and restart persistence; and the pages in headless Chromium on BPIC 2012 with one
panel of each type. Sign-in and the embed-token routes themselves are in
test_dashboard_access.py."""

import json
import re
import time

import pytest
import requests

from conftest import Client, Tenant
from dashboard_pages_support import (PANELS, PagesDashboard, embed_token, revoke, run_browser,
                                     sign_in, browser_output_dir, wait_until_ready)
from dataset_support import MISSING_ID
from execution_support import table

PANEL_FIELDS = ["panelId", "title", "description", "panelType", "row", "column", "width",
                "height", "options", "blockId", "selectorOperator", "calculatorBlockId",
                "calculatorOperator", "calculatorName", "status", "error", "resultDate",
                "result"]
DATA_FIELDS = ["dashboardId", "projectId", "name", "description", "notebookId", "embedded",
               "status", "generatedAt", "panels"]

SMALL_CALCULATORS = {"info": ("CalculatorDataInformation", {})}
KPI = ("Cases", "DashboardPanelSingleValue", "info",
       {"labelName": "Total Case Count", "formatText": "N0"}, 0, 0, 3, 1)


@pytest.fixture(scope="module")
def owner(server):
    return Tenant(Client(server.url, server.admin_key))


@pytest.fixture(scope="module")
def bpic(owner):
    """The BPIC 2012 dashboard every test of the module shares (built and executed once)."""
    return PagesDashboard(owner)


@pytest.fixture(scope="module")
def session(server, owner):
    return sign_in(server.url, owner.key)


@pytest.fixture(scope="module")
def first_view(server, bpic, session):
    """The data route's answers from the first opening until the notebook finished."""
    answers = []

    def fetch():
        response = session.get(server.url + bpic.page + "/data", timeout=30)
        answers.append(response.json())
        return response

    wait_until_ready(fetch)
    return answers


def small_dashboard(tenant, panels=(KPI,)):
    return PagesDashboard(tenant, log=None, calculators=SMALL_CALCULATORS, panels=list(panels))


def data(server, client, dashboard, path=None):
    return client.get(server.url + (path or dashboard.page) + "/data", timeout=30)


def executions_of(dashboard, title):
    block = dashboard.panels[title]["blockId"]
    response = dashboard.ws.client.get(f"{dashboard.ws.base}/block/{block}/results")
    assert response.status_code == 200, response.text
    return [e["executionId"] for e in response.json()["executions"]]


def svg_counts(svg):
    """Activity boxes and edges between activities of a Graphviz SVG (start/end left out)."""
    titles = re.findall(r'<g id="(node|edge)\d+" class="\1">\s*<title>([^<]*)</title>', svg)
    nodes = [t for kind, t in titles if kind == "node" and t not in ("__start", "__end")]
    edges = [t for kind, t in titles if kind == "edge" and "__start" not in t and "__end" not in t]
    return len(nodes), len(edges)


# --- the data route --------------------------------------------------------------------------

def test_first_opening_executes_the_notebook_once_and_answers_every_panel(first_view, bpic):
    assert first_view[0]["status"] == "Running"  # never executed: the page polls
    assert all(p["status"] == "Running" for p in first_view[0]["panels"] if p["blockId"])
    view = first_view[-1]
    assert list(view) == DATA_FIELDS
    assert (view["dashboardId"], view["projectId"], view["name"], view["embedded"],
            view["notebookId"], view["status"]) == (
        bpic.dashboard, bpic.ws.project, "Loan applications", False, None, "Ready")
    panels = {p["title"]: p for p in view["panels"]}
    assert [p["title"] for p in view["panels"]] == [
        title for title, *_ in sorted(PANELS, key=lambda p: (p[4], p[5]))]
    for title, panel_type, calculator, settings, row, column, width, height in PANELS:
        panel = panels[title]
        assert list(panel) == PANEL_FIELDS
        assert (panel["panelType"], panel["row"], panel["column"], panel["width"],
                panel["height"]) == (panel_type, row, column, width, height)
        if calculator is None:
            assert panel["status"] == "Ready" and panel["result"] is None
            assert panel["options"] == settings and panel["blockId"] is None
            continue
        assert panel["status"] == "Success", panel["error"]
        assert panel["error"] is None and panel["resultDate"]
        assert panel["blockId"] == bpic.panels[title]["blockId"]
        assert panel["calculatorBlockId"] == bpic.calculators[calculator]
    # Exactly one execution, however often the page polled while it ran.
    assert len({p["result"]["executionId"] for p in view["panels"] if p["result"]}) == 1
    assert executions_of(bpic, "Cases") == [panels["Cases"]["result"]["executionId"]]
    assert panels["Cases"]["selectorOperator"] == "SelectorSingleValueFromLabel"
    assert panels["Top activities"]["selectorOperator"] == "SelectorMultiColumns"
    assert panels["Process map"]["selectorOperator"] == "SelectorFullCalculator"
    assert panels["Declined vs approved"]["calculatorOperator"] == "CalculatorTrend"
    assert panels["Cases per month"]["calculatorOperator"] == "CalculatorValueOverTime"
    assert panels["Waiting applications"]["calculatorOperator"] == "CalculatorCaseStage"


def test_results_are_the_selectors_output_data(first_view, bpic):
    panels = {p["title"]: p for p in first_view[-1]["panels"]}
    for title in ("Cases", "Events", "Declined vs approved", "Top activities",
                  "Cases per month"):
        assert panels[title]["result"] == bpic.output(title), title
    assert panels["Cases"]["result"]["details"]["text"] == "13,087"
    bars = table(panels["Top activities"]["result"], "Columns")
    assert len(bars) == 8 and bars[0]["concept:name"] == "W_Completeren aanvraag"
    # Results over 256 KB come with their long tables cut to 1,000 rows (rowCount: all of them).
    for title in ("Process map", "Waiting applications", "Variants"):
        result, output = panels[title]["result"], bpic.output(title)
        assert [t["name"] for t in result["tables"]] == [t["name"] for t in output["tables"]]
        for cut, whole in zip(result["tables"], output["tables"]):
            if len(whole["rows"]) > 1000:
                assert cut["rowCount"] == len(whole["rows"]) and cut["rows"] == whole["rows"][:1000]
            else:
                assert cut == whole


def test_data_answers_are_not_cached_or_framed(server, bpic, session, first_view):
    response = data(server, session, bpic)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    assert response.headers["Cache-Control"] == "no-store"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


# --- the page shells -------------------------------------------------------------------------

def test_the_page_needs_a_session_and_sends_others_to_login(server, bpic, session):
    anonymous = requests.get(server.url + bpic.page, allow_redirects=False, timeout=30)
    assert anonymous.status_code == 303
    assert anonymous.headers["Location"] == f"/login?next=/dashboard/{bpic.dashboard}"
    bogus = requests.get(server.url + bpic.page, cookies={"pmstudio_session": "f" * 64},
                         allow_redirects=False, timeout=30)
    assert bogus.status_code == 303
    page = session.get(server.url + bpic.page, allow_redirects=False, timeout=30)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.headers["Cache-Control"] == "no-store"
    assert page.headers["X-Frame-Options"] == "DENY"
    policy = page.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert 'data-mode="page"' in page.text
    scripts = re.findall(r'src="(/assets/dashboard\.js\?v=[0-9a-f]{16})"', page.text)
    styles = re.findall(r'href="(/assets/dashboard\.css\?v=[0-9a-f]{16})"', page.text)
    assert len(scripts) == 1 and len(styles) == 1
    upper = session.get(server.url + bpic.page.upper().replace("/DASHBOARD/", "/Dashboard/"),
                        allow_redirects=False, timeout=30)
    assert upper.status_code == 200  # GUIDs and fixed segments ignore case, as on /api
    missing = session.get(f"{server.url}/dashboard/{MISSING_ID}", allow_redirects=False,
                          timeout=30)
    assert missing.status_code == 404
    assert missing.headers["Content-Type"].startswith("text/html")
    assert "Dashboard not found" in missing.text
    assert session.get(f"{server.url}/dashboard/nope", timeout=30).status_code == 400


def test_without_a_session_nothing_is_readable(server, bpic, first_view):
    panel = bpic.panels["Process map"]["panelId"]
    for method, path in [("GET", "/data"), ("GET", f"/panel/{panel}/process-map.svg"),
                         ("POST", "/run")]:
        for cookies in (None, {"pmstudio_session": "0" * 64}):
            response = requests.request(method, server.url + bpic.page + path, cookies=cookies,
                                        allow_redirects=False, timeout=30)
            assert response.status_code == 401, (method, path, response.text)
            assert response.json()["error"] == "Sign in to see this dashboard"
        # An API key is no page credential, and the page's routes are no API.
        keyed = requests.request(method, server.url + bpic.page + path, timeout=30,
                                 headers={"Authorization": f"Bearer {bpic.tenant.key}"})
        assert keyed.status_code == 401


# --- process maps ----------------------------------------------------------------------------

def test_a_panels_process_map_is_the_graphviz_svg_of_its_result(server, bpic, session,
                                                                 first_view):
    panels = {p["title"]: p for p in first_view[-1]["panels"]}
    url = f"{server.url}{bpic.page}/panel/{panels['Process map']['panelId']}/process-map.svg"
    counts = session.get(url, timeout=30)
    assert counts.status_code == 200, counts.text
    assert counts.headers["Content-Type"] == "image/svg+xml"
    assert counts.headers["Cache-Control"] == "no-store"
    output = bpic.output("Process map")
    assert svg_counts(counts.text) == (len(table(output, "Nodes")), len(table(output, "Edges")))
    same = bpic.ws.client.get(f"{bpic.ws.base}/block/{bpic.panels['Process map']['blockId']}"
                              "/process-map.svg")
    assert counts.text == same.text  # the Block API's rendering, not a second layout
    durations = session.get(url, params={"label": "duration"}, timeout=30)
    assert durations.status_code == 200 and durations.text != counts.text
    assert re.search(r">\d+\.\d (s|min|h|d)</text>", durations.text)
    bad = session.get(url, params={"label": "speed"}, timeout=30)
    assert bad.status_code == 400
    assert "label" in json.dumps(bad.json())


def test_process_map_refusals(server, bpic, session, first_view):
    panels = {p["title"]: p for p in first_view[-1]["panels"]}
    base = f"{server.url}{bpic.page}/panel"
    kpi = session.get(f"{base}/{panels['Cases']['panelId']}/process-map.svg", timeout=30)
    assert kpi.status_code == 400
    assert "not a process map" in kpi.json()["error"]
    note = session.get(f"{base}/{panels['About']['panelId']}/process-map.svg", timeout=30)
    assert note.status_code == 400 and note.json()["error"] == "Panel 'About' shows no block"
    missing = session.get(f"{base}/{MISSING_ID}/process-map.svg", timeout=30)
    assert missing.status_code == 404 and missing.json()["PanelId"] == MISSING_ID
    other = small_dashboard(bpic.tenant, [("Map", "DashboardPanelProcessMap", "info", None,
                                           0, 0, 6, 4)])
    foreign = session.get(f"{base}/{other.panels['Map']['panelId']}/process-map.svg",
                          timeout=30)
    assert foreign.status_code == 404  # a panel of another dashboard
    never_ran = session.get(f"{server.url}{other.page}/panel/{other.panels['Map']['panelId']}"
                            "/process-map.svg", timeout=30)
    assert never_ran.status_code == 404
    assert "has no result yet" in never_ran.json()["error"]


# --- assets ----------------------------------------------------------------------------------

def test_assets_are_served_with_cache_headers(server, bpic, session):
    page = session.get(server.url + bpic.page, timeout=30).text
    versioned = re.search(r'src="(/assets/dashboard\.js\?v=([0-9a-f]{16}))"', page)
    script = requests.get(server.url + versioned.group(1), timeout=30)
    assert script.status_code == 200
    assert script.headers["Content-Type"] == "text/javascript; charset=utf-8"
    assert script.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert script.headers["ETag"] == f'"{versioned.group(2)}"'
    assert "pmstudio" in script.text and len(script.content) > 100_000  # Chart.js is in it
    plain = requests.get(f"{server.url}/assets/dashboard.js", timeout=30)
    assert plain.headers["Cache-Control"] == "public, no-cache" and plain.text == script.text
    unchanged = requests.get(f"{server.url}/assets/dashboard.js", timeout=30,
                             headers={"If-None-Match": script.headers["ETag"]})
    assert unchanged.status_code == 304 and unchanged.content == b""
    style = requests.get(f"{server.url}/assets/dashboard.css", timeout=30)
    assert style.status_code == 200 and style.headers["Content-Type"] == "text/css; charset=utf-8"
    assert ".grid" in style.text
    missing = requests.get(f"{server.url}/assets/nope.js", timeout=30)
    assert missing.status_code == 404 and missing.json()["error"] == "No asset named 'nope.js'"


# --- re-runs and fresh results ---------------------------------------------------------------

def test_rerun_executes_the_notebooks_again(server, bpic, session, first_view):
    url = server.url + bpic.page + "/run"
    before = executions_of(bpic, "Cases")
    cross_site = session.post(url, json={}, headers={"Origin": "https://evil.example"},
                              timeout=30)
    assert cross_site.status_code == 403
    assert executions_of(bpic, "Cases") == before
    response = session.post(url, json={}, headers={"Origin": server.url}, timeout=30)
    assert response.status_code == 202, response.text
    executions = response.json()["executions"]
    assert [e["notebookId"] for e in executions] == [bpic.notebook]
    assert executions[0]["status"] in ("Queued", "Running", "Completed")
    view = wait_until_ready(lambda: data(server, session, bpic))
    results = {p["result"]["executionId"] for p in view["panels"] if p["result"]}
    assert results == {executions[0]["executionId"]}
    assert executions_of(bpic, "Cases")[0] == executions[0]["executionId"]


def test_a_changed_panel_is_computed_again_when_the_page_opens(server, tenant):
    dashboard = small_dashboard(tenant)
    client = sign_in(server.url, tenant.key)
    view = wait_until_ready(lambda: data(server, client, dashboard))
    assert view["panels"][0]["result"]["details"]["text"] == "2"
    panel = dashboard.panels["Cases"]["panelId"]
    changed = dashboard.ws.client.put(f"{dashboard.api}/panel/{panel}", json={
        "settings": {"labelName": "Total Case Count", "formatText": "N2"}})
    assert changed.status_code == 200, changed.text
    view = wait_until_ready(lambda: data(server, client, dashboard))
    assert view["panels"][0]["result"]["details"]["text"] == "2.00"
    assert len(executions_of(dashboard, "Cases")) == 2
    view = wait_until_ready(lambda: data(server, client, dashboard))
    assert len(executions_of(dashboard, "Cases")) == 2  # nothing changed: no third run


def test_failed_and_broken_panels_show_why_without_running_again(server, tenant):
    broken = ("Broken", "DashboardPanelSingleValue", "info", {"labelName": "No such figure"},
              1, 0, 3, 1)
    dashboard = small_dashboard(tenant, [KPI, broken])
    client = sign_in(server.url, tenant.key)
    view = wait_until_ready(lambda: data(server, client, dashboard))
    panels = {p["title"]: p for p in view["panels"]}
    assert panels["Broken"]["status"] == "Failed"
    assert "No such figure" in panels["Broken"]["error"]
    assert panels["Cases"]["status"] == "Success"  # its selector ran before the broken one
    runs = dashboard.ws.client.get(f"{dashboard.ws.base}/execution/status/{dashboard.notebook}")
    first = runs.json()["executionId"]
    for _ in range(3):
        again = wait_until_ready(lambda: data(server, client, dashboard))
        assert {p["title"]: p["status"] for p in again["panels"]} == {
            "Cases": "Success", "Broken": "Failed"}
    runs = dashboard.ws.client.get(f"{dashboard.ws.base}/execution/status/{dashboard.notebook}")
    assert runs.json()["executionId"] == first  # a failing notebook is not queued again
    deleted = dashboard.ws.client.delete(f"{dashboard.ws.base}/block/"
                                         f"{dashboard.calculators['info']}")
    assert deleted.status_code == 204
    view = wait_until_ready(lambda: data(server, client, dashboard))
    for panel in view["panels"]:
        assert panel["status"] == "Failed" and panel["result"] is None
        assert panel["error"] == "The panel's block was deleted: delete the panel and create " \
                                 "another"


# --- embedding -------------------------------------------------------------------------------

def test_the_embed_page_works_with_its_token_only(server, bpic, session, first_view):
    token = embed_token(bpic.ws, bpic.dashboard)
    assert token["embedUrl"].endswith(bpic.embed_page(token["token"]))
    page = requests.get(server.url + bpic.embed_page(token["token"]), timeout=30)
    assert page.status_code == 200
    assert 'data-mode="embed"' in page.text
    assert "X-Frame-Options" not in page.headers
    assert "frame-ancestors *" in page.headers["Content-Security-Policy"]
    assert page.headers["Referrer-Policy"] == "no-referrer"
    embed_data = f"/embed/dashboard/{bpic.dashboard}"
    view = requests.get(f"{server.url}{embed_data}/data", params={"token": token["token"]},
                        timeout=30).json()
    assert view["embedded"] is True and view["status"] == "Ready"
    signed_in = data(server, session, bpic).json()
    assert [p["result"] for p in view["panels"]] == [p["result"] for p in signed_in["panels"]]
    panel = bpic.panels["Process map"]["panelId"]
    svg = requests.get(f"{server.url}{embed_data}/panel/{panel}/process-map.svg",
                       params={"token": token["token"], "label": "duration"}, timeout=30)
    assert svg.status_code == 200 and svg.headers["Content-Type"] == "image/svg+xml"
    # Embedded pages only read: there is no re-run.
    rerun = requests.post(f"{server.url}{embed_data}/run", params={"token": token["token"]},
                          json={}, timeout=30)
    assert rerun.status_code == 404
    for path in ("", "/data"):
        missing = requests.get(f"{server.url}{embed_data}{path}", timeout=30)
        assert missing.status_code == 401
        bad = requests.get(f"{server.url}{embed_data}{path}", params={"token": "x.1.abc"},
                           timeout=30)
        assert bad.status_code == 401
    refusal = requests.get(f"{server.url}{embed_data}", timeout=30)
    assert refusal.headers["Content-Type"].startswith("text/html")
    assert "This dashboard link is not valid" in refusal.text
    revoke(bpic.ws, bpic.dashboard, token["tokenId"])
    revoked = requests.get(server.url + bpic.embed_page(token["token"]), timeout=30)
    assert revoked.status_code == 401 and "revoked" in revoked.text
    revoked_data = requests.get(f"{server.url}{embed_data}/data",
                                params={"token": token["token"]}, timeout=30)
    assert revoked_data.status_code == 401 and "revoked" in revoked_data.json()["error"]


def test_an_embed_token_reaches_nothing_but_its_dashboard(server, bpic, first_view):
    token = embed_token(bpic.ws, bpic.dashboard)["token"]
    other = small_dashboard(bpic.tenant, [("Map", "DashboardPanelProcessMap", "info", None,
                                           0, 0, 6, 4)])
    other_embed = f"{server.url}/embed/dashboard/{other.dashboard}"
    for path in ("", "/data", f"/panel/{other.panels['Map']['panelId']}/process-map.svg"):
        response = requests.get(other_embed + path, params={"token": token}, timeout=30)
        assert response.status_code == 401, path
    # Another dashboard's panel through this dashboard's path is not found.
    foreign_panel = requests.get(
        f"{server.url}/embed/dashboard/{bpic.dashboard}/panel/{other.panels['Map']['panelId']}"
        "/process-map.svg", params={"token": token}, timeout=30)
    assert foreign_panel.status_code == 404
    # The signed-in pages and the API do not take it.
    assert requests.get(f"{server.url}{bpic.page}/data", params={"token": token},
                        timeout=30).status_code == 401
    for headers, params in (({"Authorization": f"Bearer {token}"}, None), ({}, {"token": token})):
        for path in (f"{bpic.ws.base}/dashboard/{bpic.dashboard}",
                     f"{bpic.ws.base}/block/{bpic.panels['Cases']['blockId']}/output-data",
                     f"/api/tenant/{bpic.tenant.id}"):
            response = requests.get(server.url + path, headers=headers, params=params,
                                    timeout=30)
            assert response.status_code == 401, (path, response.text)


# --- tenant walls and persistence ------------------------------------------------------------

def test_another_tenant_can_neither_read_nor_run_this_dashboard(server, bpic, other_tenant,
                                                                first_view):
    intruder = sign_in(server.url, other_tenant.key)
    panel = bpic.panels["Process map"]["panelId"]
    before = executions_of(bpic, "Cases")
    page = intruder.get(server.url + bpic.page, allow_redirects=False, timeout=30)
    assert page.status_code == 404 and "Dashboard not found" in page.text
    for method, path in [("GET", "/data"), ("GET", f"/panel/{panel}/process-map.svg"),
                         ("POST", "/run")]:
        response = intruder.request(method, server.url + bpic.page + path,
                                    json={} if method == "POST" else None,
                                    allow_redirects=False, timeout=30)
        assert response.status_code == 404, (method, path, response.text)
        assert response.json() == {"Error": "Dashboard not found", "DashboardId": bpic.dashboard}
    assert executions_of(bpic, "Cases") == before
    # Their own token on our dashboard is no token for it.
    theirs = small_dashboard(other_tenant)
    token = embed_token(theirs.ws, theirs.dashboard)["token"]
    for path in ("", "/data", f"/panel/{panel}/process-map.svg"):
        response = requests.get(f"{server.url}/embed/dashboard/{bpic.dashboard}{path}",
                                params={"token": token}, timeout=30)
        assert response.status_code == 401
    # Nor can their key make one for it.
    forged = other_tenant.client.post(f"{bpic.api}/embed-token", json={})
    assert forged.status_code == 403


def test_results_and_pages_survive_a_restart(fresh_server):
    srv = fresh_server()
    tenant = Tenant(Client(srv.url, srv.admin_key))
    dashboard = small_dashboard(tenant, [KPI, ("Map", "DashboardPanelProcessMap", "info", None,
                                               1, 0, 6, 4)])
    token = embed_token(dashboard.ws, dashboard.dashboard)["token"]
    client = sign_in(srv.url, tenant.key)
    before = wait_until_ready(lambda: data(srv, client, dashboard))
    srv.stop()
    restarted = srv.start()
    client = sign_in(restarted.url, tenant.key)
    after = data(restarted, client, dashboard).json()
    assert after["status"] == "Ready"  # the stored results, no new execution
    assert [p["result"] for p in after["panels"]] == [p["result"] for p in before["panels"]]
    embedded = requests.get(f"{restarted.url}/embed/dashboard/{dashboard.dashboard}/data",
                            params={"token": token}, timeout=30)
    assert embedded.status_code == 200
    assert [p["result"] for p in embedded.json()["panels"]] == \
        [p["result"] for p in before["panels"]]


# --- in the browser --------------------------------------------------------------------------

def by_title(report):
    return {p["title"] or p["panelId"]: p for p in report["panels"]}


def test_the_pages_in_chromium(server, bpic, first_view, capsys):
    """Signs in through the login page, opens the dashboard and its embed view in headless
    Chromium and compares what each panel shows with the API."""
    shots = browser_output_dir() / "browser"
    shots.mkdir(parents=True, exist_ok=True)
    token = embed_token(bpic.ws, bpic.dashboard)
    never_opened = small_dashboard(bpic.tenant)
    plan = {"baseUrl": server.url, "outputDir": str(shots), "steps": [
        {"kind": "signIn", "path": bpic.page, "apiKey": bpic.tenant.key},
        {"kind": "dashboard", "path": bpic.page, "screenshot": "dashboard.png", "interact": True},
        {"kind": "dashboard", "path": never_opened.page},
        {"kind": "dashboard", "path": bpic.embed_page(token["token"]), "newContext": True,
         "screenshot": "embed.png"},
        {"kind": "open", "path": f"/embed/dashboard/{bpic.dashboard}", "newContext": True,
         "screenshot": "embed-without-token.png"},
    ]}
    result = run_browser(plan)
    signed_in, page, first_opening, embedded, without_token = result["reports"]
    assert page["consoleErrors"] == [] and embedded["consoleErrors"] == []

    assert signed_in["loginUrl"].endswith(f"/login?next=/dashboard/{bpic.dashboard}")
    assert signed_in["landedAt"] == server.url + bpic.page
    assert bpic.tenant.key not in json.dumps(result)  # nowhere in URLs, storage or cookies

    assert (page["status"], page["state"], page["pageError"]) == (200, "ready", None)
    assert page["title"] == "Loan applications - pmstudio" and page["toolbar"]
    panels = by_title(page)
    api = {p["title"]: p for p in first_view[-1]["panels"]}
    assert set(panels) == {title for title, *_ in PANELS}
    for title, _, _, _, row, column, width, height in PANELS:
        assert panels[title]["status"] == api[title]["status"] and not panels[title]["error"]
        assert panels[title]["grid"] == {"columnStart": str(column + 1),
                                         "columnEnd": f"span {width}",
                                         "rowStart": str(row + 1), "rowEnd": f"span {height}"}
    # KPI cards: the selector's formatted text exactly.
    for title in ("Cases", "Events"):
        assert panels[title]["kpi"]["value"] == bpic.output(title)["details"]["text"]
    assert panels["Cases"]["kpi"] == {"value": "13,087", "label": "Total Case Count"}
    # The bar chart: one horizontal bar per row of the selector's Columns table.
    bars = table(bpic.output("Top activities"), "Columns")
    chart = panels["Top activities"]["chart"]
    assert (chart["type"], chart["indexAxis"], chart["bars"]) == ("bar", "y", len(bars))
    assert chart["labels"] == [row["concept:name"] for row in bars]
    assert chart["datasets"] == [{"label": "Count", "data": [row["Count"] for row in bars]}]
    # The process map: the calculator's activities and edges, laid out.
    output = bpic.output("Process map")
    graph = panels["Process map"]["map"]
    activities = [n for n in graph["nodes"] if n not in ("__start", "__end")]
    follows = [e for e in graph["edges"] if "__start" not in e and "__end" not in e]
    assert len(activities) == len(table(output, "Nodes"))
    assert sorted(activities) == sorted(row["Activity"] for row in table(output, "Nodes"))
    assert len(follows) == len(table(output, "Edges"))
    assert graph["label"] == "count"
    # The note's Markdown, sanitised, with its link opening elsewhere.
    note = panels["About"]["note"]
    assert note["heading"] == "BPIC 2012 loan applications"
    assert note["strong"] == "October 2011 to March 2012"
    assert (note["link"]["target"], note["link"]["rel"]) == ("_blank", "noopener noreferrer")
    assert panels["Advice"]["recommendation"].startswith("Call applicants back")
    # The trend: fewer approved than declined applications, and an increase would be good.
    trend = table(bpic.output("Declined vs approved"), "Trend")[0]
    assert trend["Change"] < 0 and trend["Is Good"] is False
    shown_trend = panels["Declined vs approved"]["trend"]
    assert {k: shown_trend[k] for k in ("direction", "mood", "symbol", "color")} == {
        "direction": "down", "mood": "bad", "symbol": "\u25bc", "color": "rgb(198, 40, 40)"}
    assert float(shown_trend["change"].removesuffix(" %")) == round(trend["Change Percent"], 2)
    # Value over time as a line; case-stage lists; the data table.
    months = table(bpic.output("Cases per month"), "Values")
    line = panels["Cases per month"]["chart"]
    assert line["type"] == "line" and line["labels"] == [m["Period"] for m in months]
    assert line["datasets"][0]["data"] == [m["Value"] for m in months]
    stages = panels["Waiting applications"]["stages"]
    assert [s["severity"] for s in stages] == ["High"]  # the 1,000 longest waiting of 13,087
    assert stages[0]["listed"] == 50 and stages[0]["count"] == "(1000)"
    cases = table(bpic.output("Waiting applications"), "Cases")
    assert stages[0]["first"] == cases[0]["Case Id"]
    variants = panels["Variants"]["table"]
    assert variants["headers"][:2] == ["Variant", "Activities"] and variants["rows"] == 500
    assert variants["note"] == "The first 500 of 4,366 rows"
    assert page["screenshot"].endswith("dashboard.png")

    # Interactions: edge labels, zoom, pan, refresh and the auto-refresh interval in the address.
    moves = page["interactions"]
    maps = moves["map"]
    assert maps["durations"]["label"] == "duration"
    assert maps["durations"]["edgeLabels"] != maps["initial"]["edgeLabels"]
    assert all(re.fullmatch(r"\d+\.\d (s|min|h|d)", label)
               for label in maps["durations"]["edgeLabels"] if not label.isdigit())
    assert maps["initial"]["zoom"] == 1
    assert maps["zoomedIn"]["zoom"] == 1.25 and maps["wheeled"]["zoom"] > 1.25
    assert maps["panned"]["viewBox"] != maps["wheeled"]["viewBox"]
    assert maps["panned"]["zoom"] == maps["wheeled"]["zoom"]
    assert maps["fitted"]["zoom"] == 1
    assert maps["counts"]["edgeLabels"] == maps["initial"]["edgeLabels"]
    assert maps["counts"]["viewBox"] == maps["initial"]["viewBox"]  # the fitted view, kept
    assert moves["hashAfterAutoRefresh"] == "#refresh=30"
    assert moves["autoRefreshAfterReload"] == "30" and moves["refreshState"] == "30"
    assert moves["stateAfterRefresh"] == "ready"
    assert moves["storage"] == {"local": 0, "session": 0, "cookies": ""}  # the cookie is HttpOnly
    assert moves["hashAfterOff"] == ""

    # A dashboard never executed: the page waits for the execution it caused, then shows it.
    assert first_opening["states"] == ["loading", "running", "ready"]
    assert first_opening["panels"][0]["kpi"]["value"] == never_opened.output("Cases")["details"][
        "text"] == "2"
    assert first_opening["consoleErrors"] == []

    # The embed view: the same panels without the toolbar and without signing in.
    assert (embedded["status"], embedded["state"], embedded["toolbar"]) == (200, "ready", False)
    assert embedded["headers"].get("x-frame-options") is None
    shown = by_title(embedded)
    assert shown["Cases"]["kpi"] == panels["Cases"]["kpi"]
    assert shown["Top activities"]["chart"] == chart
    assert len(shown["Process map"]["map"]["edges"]) == len(graph["edges"])
    assert without_token["status"] == 401
    assert "This dashboard link is not valid" in without_token["text"]

    # After revocation the embed URL is refused.
    revoke(bpic.ws, bpic.dashboard, token["tokenId"])
    after = run_browser({"baseUrl": server.url, "outputDir": str(shots), "steps": [
        {"kind": "open", "path": bpic.embed_page(token["token"]),
         "screenshot": "embed-revoked.png"}]})
    assert after["reports"][0]["status"] == 401
    assert "revoked" in after["reports"][0]["text"]
    with capsys.disabled():
        print(f"\nscreenshots of the dashboard pages: {shots}")
