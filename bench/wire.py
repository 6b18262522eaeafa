"""Speed on the wire: the real server as `make run` starts it, measured from outside.

Starts gunicorn (demo settings, the var/ database of `make setup`, the workers of
`make run`) and the background worker on a free port, then measures:
- requests/s and p50/p99 at 8 concurrent clients for each public page and an API query,
  each as a ratio to /healthz in the same run (wrk when installed, else a Python client);
- bytes over the wire of a first view with everything the page loads, as Chromium counts
  them (CDP Network.loadingFinished encodedDataLength), JavaScript on and off;
- the largest XLSX download after its first build, and the home page p95 while two such
  downloads run.
Targets (issue 8): throughput >= 0.5 x /healthz once cached, p99 <= 100 ms, first view
<= 100 KB JS off, XLSX <= 2 s after the first build, home p95 <= 50 ms during two downloads.
Run after `make setup`: `.venv/bin/python bench/wire.py` (or `make bench`).
"""

import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
CLIENTS = 8
SECONDS = float(os.environ.get("WIRE_SECONDS", "5"))
PAGES = [
    "/en/",
    "/en/countries/",
    "/en/countries/SEN/",
    "/en/countries/SEN/profile/",
    "/en/countries/SEN/guide/",
    "/en/data/",
    "/api/v1/observations?indicator=migrant_stock_total&country=SEN",
]
# The largest indicator (refugees_bilateral, 114,599 rows), every country, as XLSX.
XLSX = "/en/data/download/?indicator=refugees_bilateral&country=all&format=xlsx"
# What a browser sends: the server may compress.
HEADERS = {"Accept-Encoding": "gzip, deflate, br", "Accept": "text/html,*/*"}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def server_command(port: int) -> list[str]:
    """gunicorn as `make run` starts it (config/gunicorn.py when present)."""
    config = ROOT / "config" / "gunicorn.py"
    command = [str(VENV_BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    if config.exists():
        return [*command, "--config", str(config)]
    return [*command, "--workers", "2"]


class Server:
    """gunicorn and the background worker, started and stopped together."""

    def __init__(self) -> None:
        self.port = free_port()
        self.processes: list[subprocess.Popen[bytes]] = []

    def __enter__(self) -> "Server":
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.demo", "PORT": ""}
        self.log = open(ROOT / "var" / "bench-wire-server.log", "wb")  # noqa: SIM115
        for command in (
            [str(VENV_BIN / "python"), "manage.py", "db_worker", "--no-reload"],
            server_command(self.port),
        ):
            self.processes.append(
                subprocess.Popen(  # noqa: S603 - our own commands
                    command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT
                )
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if get(self.port, "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.__exit__()
        raise SystemExit(
            "The server did not answer /healthz in 60 s (see var/bench-wire-server.log)"
        )

    def __exit__(self, *_exc: object) -> None:
        for process in self.processes:
            process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.log.close()


def get(port: int, url: str, timeout: float = 120) -> tuple[int, bytes, dict[str, str]]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", url, headers=HEADERS)
        response = connection.getresponse()
        body = response.read()
        return response.status, body, {k.lower(): v for k, v in response.getheaders()}
    finally:
        connection.close()


# --- load ---------------------------------------------------------------------------


def load_with_wrk(port: int, url: str) -> tuple[float, float, float]:
    """requests/s, p50 ms, p99 ms from wrk."""
    command = ["wrk", "-t2", f"-c{CLIENTS}", f"-d{SECONDS:.0f}s", "--latency", "--timeout", "30s"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run(  # noqa: S603 - wrk on our own server
        [*command, f"http://127.0.0.1:{port}{url}"], capture_output=True, text=True, check=True
    ).stdout
    found_rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if found_rate is None:
        raise SystemExit(f"wrk printed no rate for {url}:\n{output}")
    rate = float(found_rate.group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        print(f"  ! {url}: {non_2xx.group(1)} answers not 2xx/3xx", file=sys.stderr)

    def percentile(label: str) -> float:
        found = re.search(rf"\s{label}%\s+([\d.]+)(us|ms|s)\b", output)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    return rate, percentile("50"), percentile("99")


def load_with_python(port: int, url: str) -> tuple[float, float, float]:
    """requests/s, p50 ms, p99 ms from CLIENTS threads with keep-alive connections."""
    samples: list[float] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + SECONDS

    def client() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine = []
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            connection.request("GET", url, headers=HEADERS)
            connection.getresponse().read()
            mine.append((time.perf_counter() - start) * 1000)
        connection.close()
        with lock:
            samples.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    cuts = statistics.quantiles(samples, n=100)
    return len(samples) / SECONDS, statistics.median(samples), cuts[98]


def load(port: int, url: str) -> tuple[float, float, float]:
    get(port, url)  # warm: the first view builds what a cache keeps
    if shutil.which("wrk"):
        return load_with_wrk(port, url)
    return load_with_python(port, url)


# --- bytes over the wire ------------------------------------------------------------------


def wire_bytes(port: int, urls: list[str]) -> dict[tuple[str, bool], tuple[int, int]]:
    """(url, javascript) -> (bytes over the wire, requests) of a first view in Chromium."""
    from playwright.sync_api import sync_playwright

    found: dict[tuple[str, bool], tuple[int, int]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium")
        for javascript in (False, True):
            for url in urls:
                context = browser.new_context(java_script_enabled=javascript)
                page = context.new_page()
                session = context.new_cdp_session(page)
                session.send("Network.enable")
                session.send("Network.setCacheDisabled", {"cacheDisabled": True})
                sizes: list[int] = []
                session.on(
                    "Network.loadingFinished",
                    lambda event, sizes=sizes: sizes.append(int(event["encodedDataLength"])),
                )
                page.goto(f"http://127.0.0.1:{port}{url}", wait_until="networkidle")
                found[(url, javascript)] = (sum(sizes), len(sizes))
                context.close()
        browser.close()
    return found


# --- downloads --------------------------------------------------------------------------


def timed_get(port: int, url: str) -> tuple[float, int, int]:
    """Seconds until the file came, its status and size; a 202 ("being prepared", built by
    the worker) is asked again after its Retry-After, as the page's refresh does."""
    start = time.perf_counter()
    while True:
        status, body, headers = get(port, url, timeout=600)
        if status != 202:
            return time.perf_counter() - start, status, len(body)
        time.sleep(float(headers.get("retry-after", "1")))


def home_during_downloads(port: int) -> tuple[float, int, float]:
    """Home page p95 (ms) and sample count while two XLSX downloads run (or are built), and
    the seconds the slower download took to come."""
    took: list[float] = []
    downloads = [
        threading.Thread(target=lambda: took.append(timed_get(port, XLSX)[0])) for _ in range(2)
    ]
    for thread in downloads:
        thread.start()
    time.sleep(0.1)
    samples: list[float] = []
    while any(thread.is_alive() for thread in downloads) or len(samples) < 20:
        start = time.perf_counter()
        get(port, "/en/", timeout=600)
        samples.append((time.perf_counter() - start) * 1000)
    for thread in downloads:
        thread.join()
    return statistics.quantiles(samples, n=20)[18], len(samples), max(took)


# --- report ---------------------------------------------------------------------------


def verdict(ok: bool) -> str:
    return "pass" if ok else "MISS"


def main() -> None:
    if not (ROOT / "var" / "rabatnet.sqlite3").exists():
        raise SystemExit("No var/ database: run `make setup` first.")
    # Downloads built by an earlier run are set aside: the first build is measured.
    shutil.rmtree(ROOT / "var" / "media" / "downloads", ignore_errors=True)
    with Server() as server:
        port = server.port
        for url in PAGES:
            status, body, headers = get(port, url)
            if status != 200:
                raise SystemExit(f"{url} answered {status}: run `make setup` first.")
        tool = "wrk" if shutil.which("wrk") else "python"
        print(f"server on port {port}; load by {tool}, {CLIENTS} clients, {SECONDS:.0f} s per URL")
        base_rate, base_p50, base_p99 = load(port, "/healthz")
        rows = [(url, *load(port, url)) for url in PAGES]
        weights = wire_bytes(port, PAGES[:-1])

        cold_p95, cold_samples, first_build = home_during_downloads(port)  # the first build
        after_build, status, size = timed_get(port, XLSX)
        home_p95, home_samples, _took = home_during_downloads(port)  # the built file is sent

    print()
    print(f"/healthz: {base_rate:.0f} req/s, p50 {base_p50:.1f} ms, p99 {base_p99:.1f} ms")
    header = (
        f"{'URL':<62} {'req/s':>7} {'x hz':>5} {'p50':>7} {'p99':>7} "
        f"{'KB JS off':>9} {'KB JS on':>8}  verdict"
    )
    print(header)
    print("-" * len(header))
    for url, rate, p50, p99 in rows:
        off = weights.get((url, False))
        on = weights.get((url, True))
        ratio = rate / base_rate
        checks = [ratio >= 0.5, p99 <= 100]
        if off:
            checks.append(off[0] <= 100 * 1024)
        off_text = f"{off[0] / 1024:.1f}" if off else "-"
        on_text = f"{on[0] / 1024:.1f}" if on else "-"
        print(
            f"{url:<62} {rate:>7.0f} {ratio:>5.2f} {p50:>6.1f}ms {p99:>6.1f}ms "
            f"{off_text:>9} {on_text:>8}  {verdict(all(checks))}"
        )
    print()
    print(
        f"largest XLSX ({size / 1024:.0f} KB, status {status}): first (built by the worker) "
        f"{first_build:.2f} s, "
        f"after the first build {after_build:.2f} s (target <= 2 s): {verdict(after_build <= 2)}"
    )
    print(
        f"home p95 during two XLSX downloads: {home_p95:.1f} ms over {home_samples} requests "
        f"(target <= 50 ms): {verdict(home_p95 <= 50)}"
    )
    print(
        f"home p95 while the worker builds the XLSX the first time: {cold_p95:.1f} ms over "
        f"{cold_samples} requests (target <= 50 ms): {verdict(cold_p95 <= 50)}"
    )
    print(
        "targets: req/s >= 0.5 x /healthz, p99 <= 100 ms, first view <= 100 KB over the wire "
        "with JavaScript off"
    )


if __name__ == "__main__":
    main()
