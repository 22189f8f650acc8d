"""Starts the real pmstudio binary on a free port with its own data directory."""

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("PMSTUDIO_BINARY", REPO_ROOT / "build" / "pmstudio"))


def run_inspect(path):
    """`pmstudio inspect PATH`: the figures of an event-log file, as JSON on stdout."""
    return subprocess.run([str(BINARY), "inspect", str(path)], capture_output=True, text=True,
                          timeout=120, check=False)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PmstudioServer:
    """One server process over one data directory; can be stopped and started again."""

    def __init__(self, data_dir, extra_args=(), env=None):
        self.data_dir = Path(data_dir)
        self.extra_args = list(extra_args)
        self.env = dict(os.environ, **(env or {}))
        self.port = None
        self.process = None
        self.output_path = self.data_dir.parent / f"{self.data_dir.name}-server.log"
        self.first_output = ""

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    @property
    def admin_key(self):
        return (self.data_dir / "admin-key.txt").read_text().strip()

    def start(self):
        self.port = free_port()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        log = open(self.output_path, "a")
        self.process = subprocess.Popen(
            [str(BINARY), "serve", "--port", str(self.port), "--data-dir", str(self.data_dir),
             *self.extra_args],
            stdout=log, stderr=subprocess.STDOUT, env=self.env)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"pmstudio exited early: {self.output_path.read_text()}")
            try:
                requests.get(f"{self.url}/api/Action/ping", timeout=1)
                if not self.first_output:
                    self.first_output = self.output_path.read_text()
                return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("pmstudio did not start within 20 s")

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.process and self.process.poll() is None:
            self.process.send_signal(sig)
            self.process.wait(timeout=timeout)
        code = self.process.returncode if self.process else None
        self.process = None
        return code

    def restart(self):
        self.stop()
        return self.start()
