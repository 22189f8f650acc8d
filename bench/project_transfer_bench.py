"""Project export and import (.mpz) through the API.

Called by bench/project_transfer_bench.sh with the server's URL, the admin key, a tenant id, the
server's pid and a scratch directory. A project gets one dataset from a CSV upload (the baseline:
its upload time); then RUNS times: GET …/download streamed to a file (time, package size) and
POST …/project/import of that file into a second tenant (time). The server's resident memory is
sampled every 10 ms during each export and import (its largest value, before the first export as
the base): a dataset's log is in memory once at a time, the package never."""

import argparse
import statistics
import threading
import time
from pathlib import Path

import requests

TIMEOUT = 3600
SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) // 1024
    return -1


class Sampler:
    """The largest resident size of a process while the `with` block runs."""

    def __init__(self, pid):
        self.pid, self.peak, self.running = pid, rss_mib(pid), True
        self.thread = threading.Thread(target=self.sample)

    def sample(self):
        while self.running:
            self.peak = max(self.peak, rss_mib(self.pid))
            time.sleep(0.01)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *_):
        self.running = False
        self.thread.join()


def main():
    parser = argparse.ArgumentParser()
    for name in ("url", "admin", "tenant", "pid", "work"):
        parser.add_argument(name)
    parser.add_argument("--csv", default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    admin = {"Authorization": f"Bearer {args.admin}"}
    other = requests.post(f"{args.url}/api/tenant", headers=admin, timeout=TIMEOUT, json={
        "name": "bench-target", "displayName": "Target", "maxUsers": 10, "maxAnalyst": 10,
        "maxCases": -1}).json()["tenantId"]
    project = requests.post(f"{args.url}/api/{args.tenant}/project", headers=admin,
                            json={"projectName": "bench"}, timeout=TIMEOUT).json()["projectId"]
    csv = Path(args.csv) if args.csv else SHARED / "receipt.csv"
    mapping = ({"caseIdColumn": "CaseID", "activityNameColumn": "Activity",
                "activityTimeColumn": "Timestamp", "resourceColumn": "Resource"} if args.csv else
               {"caseIdColumn": "case:concept:name", "activityNameColumn": "concept:name",
                "activityTimeColumn": "time:timestamp", "resourceColumn": "org:resource"})
    started = time.monotonic()
    with csv.open("rb") as data:
        created = requests.post(f"{args.url}/api/{args.tenant}/{project}/dataset/csv",
                                headers=admin, timeout=TIMEOUT,
                                files={"file": (csv.name, data, "text/csv")},
                                data=dict(mapping, datasetName="data"))
    upload_seconds = time.monotonic() - started
    assert created.status_code == 200, created.text[:500]
    events = created.json()["eventCount"]
    print(f"CSV upload (baseline): {events} events, {csv.stat().st_size} bytes, "
          f"{upload_seconds:.2f} s")
    package = Path(args.work) / "bench.mpz"
    base = rss_mib(args.pid)
    exports, imports, export_peak, import_peak = [], [], base, base
    for _ in range(args.runs):
        started = time.monotonic()
        with Sampler(args.pid) as sampler, requests.get(
                f"{args.url}/api/{args.tenant}/project/{project}/download", headers=admin,
                stream=True, timeout=TIMEOUT) as response:
            assert response.status_code == 200, response.text[:500]
            with package.open("wb") as out:
                for chunk in response.iter_content(1 << 20):
                    out.write(chunk)
        exports.append(time.monotonic() - started)
        export_peak = max(export_peak, sampler.peak)
        started = time.monotonic()
        with Sampler(args.pid) as sampler, package.open("rb") as data:
            response = requests.post(f"{args.url}/api/{other}/project/import", headers=admin,
                                     files={"file": ("bench.mpz", data)}, timeout=TIMEOUT)
        assert response.status_code == 200, response.text[:500]
        imports.append(time.monotonic() - started)
        import_peak = max(import_peak, sampler.peak)
    size = package.stat().st_size
    export_s, import_s = statistics.median(exports), statistics.median(imports)
    print(f"server resident memory before the first export: {base} MiB")
    print(f"export: median {export_s:.3f} s of {args.runs}, package {size} bytes "
          f"({size / csv.stat().st_size:.1%} of the CSV), peak resident {export_peak} MiB")
    print(f"import: median {import_s:.3f} s of {args.runs} = {upload_seconds / import_s:.1f}x "
          f"faster than the CSV upload, peak resident {import_peak} MiB")

if __name__ == "__main__":
    main()
