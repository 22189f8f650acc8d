"""Notebook execution speed through the API, against PM4Py in the same run.

Called by bench/execution_bench.sh with the server's URL, the admin key, a tenant id and a log.
bpic mode:  the process map (DFG with frequencies and mean durations) and the variants of a log
            (their tables cut to the 20 most frequent variants, as a dashboard shows them),
            each executed RUNS times as a block (a setting varied per run so no cached output is
            reused): the block's own compute time (durationMs) and the whole API round trip
            (POST execute, poll, GET output-data); with a PM4Py source dir, PM4Py's
            discover_dfg + discover_performance_dfg and get_variants on the same file.
notebook mode: a notebook of 3 filters + process map + variants + case duration + data
            information over a large CSV (CaseID, Activity, Timestamp, Resource, Region, ...):
            the full run, then the run after changing only the last calculator."""

import argparse
import statistics
import sys
import time
import zipfile
from io import BytesIO
from pathlib import Path

import requests

TIMEOUT = 3600


class Api:
    def __init__(self, url, key, tenant):
        self.url, self.tenant = url, tenant
        self.session = requests.Session()  # one kept-alive connection, as a client script has
        self.session.headers["Authorization"] = f"Bearer {key}"

    def call(self, method, path, **kw):
        response = self.session.request(method, self.url + path, timeout=TIMEOUT, **kw)
        assert response.status_code < 300, (path, response.status_code, response.text[:500])
        return response.json() if response.content else None


def upload(api, project, log):
    path = f"/api/{api.tenant}/{project}/dataset"
    if log.suffix == ".csv":
        with log.open("rb") as f:
            return api.call("POST", f"{path}/csv", files={"file": (log.name, f)}, data={
                "datasetName": "bench", "caseIdColumn": "CaseID", "activityNameColumn": "Activity",
                "activityTimeColumn": "Timestamp", "resourceColumn": "Resource"})
    package = BytesIO()
    with zipfile.ZipFile(package, "w") as z:
        z.write(log, f"data/{log.name}")
    return api.call("POST", f"{path}/package", files={"file": ("log.zip", package.getvalue())},
                    data={"datasetName": "bench"})


def setup(api, log):
    """(base path, investigation id, events) of a new project holding the log, loaded."""
    project = api.call("POST", f"/api/{api.tenant}/project", json={"projectName": "bench"})["projectId"]
    base = f"/api/{api.tenant}/{project}"
    dataset = upload(api, project, log)
    investigation = api.call("POST", f"{base}/investigation", json={
        "investigationName": "bench", "datasetId": dataset["datasetId"]})["investigationId"]
    api.call("GET", f"/api/{api.tenant}/project/{project}/load")
    return base, investigation, dataset["eventCount"]


def new_notebook(api, base, investigation, name):
    return api.call("POST", f"{base}/notebook/investigation/{investigation}",
                    json={"name": name})["notebookId"]


def add_block(api, base, notebook, operator, configuration):
    return api.call("POST", f"{base}/notebook/{notebook}/blocks", json={
        "operatorName": operator, "name": operator, "configuration": configuration})["blockId"]


def run_block(api, base, block):
    """(server compute ms, API round trip s) of one execution of the block."""
    start = time.perf_counter()
    execution = api.call("POST", f"{base}/block/{block}/execute", json={})["executionId"]
    while True:
        history = api.call("GET", f"{base}/block/{block}/results")["executions"]
        if any(e["executionId"] == execution for e in history):
            break
        time.sleep(0.002)
    output = api.call("GET", f"{base}/block/{block}/output-data")
    elapsed = time.perf_counter() - start
    assert output["status"] == "Success" and not output["fromCache"], output.get("errorMessage")
    return output["durationMs"], elapsed


def run_notebook(api, base, notebook):
    start = time.perf_counter()
    execution = api.call("POST", f"{base}/execution/notebook/{notebook}", json={})["executionId"]
    while True:
        status = api.call("GET", f"{base}/execution/status/{notebook}")
        if status["executionId"] == execution and status["status"] in ("Completed", "Failed"):
            break
        time.sleep(0.005)
    elapsed = time.perf_counter() - start
    results = api.call("GET", f"{base}/execution/notebook/{notebook}/results")
    assert results["status"] == "Completed", status.get("errorMessage")
    return elapsed, results["blocks"]


def pm4py_times(pm4py_dir, log, runs):
    sys.path.insert(0, pm4py_dir)
    import os
    os.environ.setdefault("TQDM_DISABLE", "1")
    import pm4py  # noqa: E402 (PM4Py runs from source)
    frame = pm4py.read_xes(str(log)) if log.suffix != ".csv" else None
    if frame is None:
        import pandas
        frame = pm4py.format_dataframe(pandas.read_csv(log), case_id="CaseID",
                                       activity_key="Activity", timestamp_key="Timestamp")
    dfg, variants = [], []
    for _ in range(runs):
        start = time.perf_counter()
        pm4py.discover_dfg(frame)
        pm4py.discover_performance_dfg(frame)
        dfg.append(time.perf_counter() - start)
        start = time.perf_counter()
        pm4py.get_variants(frame)
        variants.append(time.perf_counter() - start)
    return statistics.median(dfg), statistics.median(variants)


def bpic(api, args):
    base, investigation, events = setup(api, args.log)
    print(f"log: {args.log.name}, {events:,} events; median of {args.runs} runs")
    timings = {}
    # The tables of a dashboard's process map and variants list: the 20 most frequent variants.
    for operator, setting in (("CalculatorProcessFollows", "DefaultTopNVariants"),
                              ("CalculatorVariants", "TopN")):
        # A notebook of its own, so no figure computed by another block is shared.
        notebook = new_notebook(api, base, investigation, operator)
        block = add_block(api, base, notebook, operator, {setting: 20})
        runs = []
        for i in range(args.runs):
            api.call("PUT", f"{base}/block/{block}", json={"configuration": {setting: 20 + i}})
            runs.append(run_block(api, base, block))
        compute = statistics.median(r[0] for r in runs) / 1000
        round_trip = statistics.median(r[1] for r in runs)
        timings[operator] = (compute, round_trip)
        print(f"pmstudio {operator}: compute {compute * 1000:.1f} ms, "
              f"API execute+fetch {round_trip * 1000:.1f} ms")
    if args.pm4py:
        dfg, variants = pm4py_times(args.pm4py, args.log, args.runs)
        print(f"PM4Py discover_dfg + discover_performance_dfg: {dfg * 1000:.1f} ms; "
              f"get_variants: {variants * 1000:.1f} ms")
        for name, theirs in (("CalculatorProcessFollows", dfg), ("CalculatorVariants", variants)):
            compute, round_trip = timings[name]
            print(f"ratio PM4Py/pmstudio {name}: {theirs / compute:.1f}x compute, "
                  f"{theirs / round_trip:.1f}x through the API")


def notebook(api, args):
    base, investigation, events = setup(api, args.log)
    notebook_id = new_notebook(api, base, investigation, "bench")
    blocks = [
        ("FilterCaseSize", {"MinEvents": 3}),
        ("FilterDate", {"FilterType": 4, "StartDateSelection": {"Variable": 0, "Time": "2000-01-01T00:00:00Z"},
                        "EndDateSelection": {"Variable": 0, "Time": "2100-01-01T00:00:00Z"}}),
        ("FilterActivities", {"ActivityNames": ["Approve Requisition"], "Mode": "KeepCasesWithAny"}),
        ("CalculatorProcessFollows", {}),
        ("CalculatorVariants", {"TopN": 50}),
        ("CalculatorCaseDuration", {"Unit": 4}),
        ("CalculatorDataInformation", {}),
    ]
    ids = [add_block(api, base, notebook_id, op, conf) for op, conf in blocks]
    full, results = run_notebook(api, base, notebook_id)
    print(f"log: {args.log.name}, {events:,} events")
    for block in results:
        print(f"  {block['operatorName']:<28} {block['durationMs']:9.1f} ms  "
              f"({block['inputCaseCount']:,} cases in)")
    print(f"full notebook: {full:.3f} s (queue to results, through the API)")
    api.call("PUT", f"{base}/block/{ids[-1]}", json={"configuration": "{ }"})
    rerun, results = run_notebook(api, base, notebook_id)
    recomputed = [b["operatorName"] for b in results if not b["fromCache"]]
    print(f"re-run after changing only the last calculator: {rerun:.3f} s = "
          f"{100 * rerun / full:.1f}% of the full run (recomputed: {', '.join(recomputed)})")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["bpic", "notebook"])
    parser.add_argument("url")
    parser.add_argument("key")
    parser.add_argument("tenant")
    parser.add_argument("log", type=Path)
    parser.add_argument("--pm4py", default="")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    api = Api(args.url, args.key, args.tenant)
    (bpic if args.mode == "bpic" else notebook)(api, args)


if __name__ == "__main__":
    main()
