"""Helpers for the dashboard page tests: a BPIC 2012 dashboard with one panel of each type,
sign-in, embed tokens, and the browser driver (tests/browser/dashboard_pages.mjs)."""

import json
import os
import subprocess
import time
from pathlib import Path

import requests

from analysis_support import Workspace
from execution_support import shared_log
from pmstudio_server import BINARY

REPO_ROOT = Path(__file__).resolve().parents[2]
BROWSER_SCRIPT = REPO_ROOT / "tests" / "browser" / "dashboard_pages.mjs"

NOTE_TEXT = ("# BPIC 2012 loan applications\n\n"
             "Applications of a Dutch bank, **October 2011 to March 2012**. "
             "[The log](https://doi.org/10.4121/uuid:3926db30-f712-4394-aebc-75976070e91f)")
RECOMMENDATION = "Call applicants back within two days: declined offers cluster after day three."


def filter_list(*filters):
    """FilterListSettings as exported: entries hold their settings as JSON text."""
    return json.dumps({"FilterSettingsList": [
        {"OperatorName": name, "JsonText": json.dumps(settings)} for name, settings in filters]})


def cases_with(activity):
    return filter_list(("FilterActivities", {"ActivityNames": [activity]}))


CALCULATORS = {
    "info": ("CalculatorDataInformation", {}),
    "frequency": ("CalculatorActivityFrequency", {}),
    "map": ("CalculatorProcessFollows", {}),
    "variants": ("CalculatorVariants", {}),
    # Group 1: declined applications, group 2: approved ones; the case count falls, which is bad
    # when an increase is good.
    "trend": ("CalculatorTrend", {"TrendGroupName1": "Declined", "TrendGroupName2": "Approved",
                                  "Function": 1, "IsIncreaseGood": True,
                                  "FilterListSettings1": cases_with("A_DECLINED"),
                                  "FilterListSettings2": cases_with("A_APPROVED")}),
    "over_time": ("CalculatorValueOverTime", {"OverTimePeriod": 3, "Function": 1}),
    "stage": ("CalculatorCaseStage", {"StageName": "Open applications",
                                      "TimeColumnName": "~calc~CaseDuration",
                                      "MediumThreshold": "10.00:00:00",
                                      "HighThreshold": "30.00:00:00"}),
}

# title, panel type, calculator, settings, row, column, width, height
PANELS = [
    ("About", "DashboardPanelDashboardNote", None, {"text": NOTE_TEXT}, 0, 0, 8, 2),
    ("Advice", "DashboardPanelRecommendationSentence", None, {"text": RECOMMENDATION}, 0, 8, 4, 2),
    ("Cases", "DashboardPanelSingleValue", "info",
     {"tableIndex": 0, "labelColumnName": "Name", "labelName": "Total Case Count",
      "valueColumnName": "Value", "formatText": "N0"}, 2, 0, 3, 1),
    ("Events", "DashboardPanelSingleValue", "info",
     {"labelName": "Total Activity Count", "formatText": "N0"}, 2, 3, 3, 1),
    ("Declined vs approved", "DashboardPanelCalculator", "trend", None, 2, 6, 6, 2),
    ("Top activities", "DashboardPanelHorizontalBarChart", "frequency",
     {"tableIndex": 0, "columnNames": ["concept:name", "Count"], "sortColumnName": "Count",
      "sortAscending": False, "maxRows": 8, "formatText": "N0"}, 3, 0, 6, 4),
    ("Cases per month", "DashboardPanelCalculator", "over_time", None, 4, 6, 6, 3),
    ("Process map", "DashboardPanelProcessMap", "map", None, 7, 0, 8, 7),
    ("Waiting applications", "DashboardPanelCalculator", "stage", None, 7, 8, 4, 7),
    ("Variants", "DashboardPanelDataTable", "variants", None, 14, 0, 12, 4),
]


class PagesDashboard:
    """A project on BPIC 2012 with one notebook of calculators and a dashboard showing them."""

    def __init__(self, tenant, log="bpic2012.xes.gz", calculators=None, panels=PANELS):
        """`log`: a shared log, or None for analysis_support's small CSV."""
        self.tenant = tenant
        self.ws = Workspace(tenant, upload=shared_log(log) if log else None)
        self.investigation = self.ws.investigation()["investigationId"]
        self.notebook = self.ws.notebook(self.investigation)["notebookId"]
        self.calculators = {
            key: self.ws.block(self.notebook, operator, settings)["blockId"]
            for key, (operator, settings) in (calculators or CALCULATORS).items()}
        self.dashboard = self.create_dashboard("Loan applications")
        self.panels = {}
        for title, panel_type, calculator, settings, row, column, width, height in panels:
            body = {"title": title, "panelType": panel_type, "row": row, "column": column,
                    "width": width, "height": height}
            if calculator:
                body["blockId"] = self.calculators[calculator]
            if settings is not None:
                body["settings"] = settings
            response = self.ws.client.post(f"{self.api}/panel", json=body)
            assert response.status_code == 201, response.text
            self.panels[title] = response.json()

    def create_dashboard(self, name):
        response = self.ws.client.post(f"{self.ws.base}/dashboard", json={"name": name})
        assert response.status_code == 201, response.text
        return response.json()["dashboardId"]

    @property
    def api(self):
        return f"{self.ws.base}/dashboard/{self.dashboard}"

    @property
    def page(self):
        return f"/dashboard/{self.dashboard}"

    def embed_page(self, token):
        return f"/embed/dashboard/{self.dashboard}?token={token}"

    def output(self, title):
        response = self.ws.client.get(f"{self.ws.base}/block/{self.panels[title]['blockId']}"
                                      "/output-data")
        assert response.status_code == 200, response.text
        return response.json()


def sign_in(base_url, key):
    """A requests session signed in through the login form (it holds the session cookie)."""
    session = requests.Session()
    response = session.post(f"{base_url}/login", data={"apiKey": key, "next": "/login"},
                            allow_redirects=False, timeout=30)
    assert response.status_code == 303, response.text
    return session


def embed_token(ws, dashboard_id, minutes=60):
    """An embed token of the dashboard: {tokenId, token, expiresAt, embedUrl, ...}."""
    response = ws.client.post(f"{ws.base}/dashboard/{dashboard_id}/embed-token",
                              json={"expiresInMinutes": minutes})
    assert response.status_code == 201, response.text
    return response.json()


def revoke(ws, dashboard_id, token_id):
    response = ws.client.delete(f"{ws.base}/dashboard/{dashboard_id}/embed-token/{token_id}")
    assert response.status_code == 204, response.text


def wait_until_ready(fetch, timeout=120):
    """Polls a data route (fetch() -> response) until no panel runs; returns the last body."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        response = fetch()
        assert response.status_code == 200, response.text
        body = response.json()
        if body["status"] != "Running":
            return body
        time.sleep(0.1)
    raise AssertionError("the dashboard's notebooks did not finish")


def browser_modules():
    """Where make api-test installed tests/browser/package-lock.json (playwright-core)."""
    return Path(os.environ.get("PMSTUDIO_BROWSER_MODULES", BINARY.parent / "browser-tests"))


def browser_output_dir():
    return Path(os.environ.get("PMSTUDIO_TEST_OUTPUT", BINARY.parent / "test-output"))


def run_browser(plan, timeout=180):
    """Runs tests/browser/dashboard_pages.mjs with a plan of steps; returns its JSON report."""
    modules = browser_modules()
    assert (modules / "node_modules" / "playwright-core").is_dir(), (
        f"playwright-core is not installed in {modules}: run `make browser-deps` "
        "(make api-test does it)")
    env = dict(os.environ, PMSTUDIO_BROWSER_MODULES=str(modules))
    completed = subprocess.run(["node", str(BROWSER_SCRIPT), json.dumps(plan)], env=env,
                               capture_output=True, text=True, timeout=timeout, check=False)
    assert completed.returncode == 0, completed.stderr + completed.stdout
    return json.loads(completed.stdout)
