"""portal.py - the portal under load (SPEC §9 "Load"; issue 14, point 6).

usage: python3 bench/portal.py PROVSTAT WORKDIR [SESSIONS]

Makes a province of SESSIONS districts (default 100), each with its own
office and account, and 200 monthly indicators; writes one file per
district for 2016-07 (200 rows each). Then, in the same run:
  (a) the command line: `provstat ingest` of every file, one after another,
      into a fresh database, timed; and SESSIONS Argon2id logins timed the
      way the server makes them (`provstat user passwd` is not used: the
      login cost is measured by the server's own first phase below);
  (b) the portal: a fresh database, `provstat serve`, SESSIONS concurrent
      sessions each logging in and uploading its district's file; every
      request's latency; the server's peak memory (VmHWM) at the end;
  (c) the Summary-like page of the month (`/status`) and the trend page,
      server time from the server's log line.
Checks that every file was stored exactly once and that no request failed.
Prints one block of figures for bench/README.md.
"""
import http.client
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

NIND = 200


def write_catalog(d, n):
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "units.csv"), "w") as f:
        f.write("code,name_vi,name_en,level,kind,parent,valid_from,valid_to,successor\n")
        f.write("P,Tỉnh thử,Test province,province,tỉnh,,,,\n")
        for i in range(n):
            f.write(f"D{i:03d},Huyện {i},District {i},district,huyện,P,,,\n")
    with open(os.path.join(d, "reporters.csv"), "w") as f:
        f.write("code,name_vi,name_en,scope_unit,indicators,report_level,deadline_day\n")
        for i in range(n):
            f.write(f"CTK_{i:03d},Chi cục {i},Office {i},D{i:03d},*,,20\n")
    with open(os.path.join(d, "indicators.csv"), "w") as f:
        f.write("code,name_vi,name_en,unit_vi,unit_en,kind,space_agg,time_agg,decimals,min,max,formula,order,group\n")
        for k in range(NIND):
            f.write(f"X{k:03d},Chỉ tiêu {k},Indicator {k},tỷ đồng,bn VND,flow,sum,sum,1,0,,,{k},Nhóm\n")


def write_files(d, n):
    os.makedirs(d, exist_ok=True)
    paths = []
    for i in range(n):
        p = os.path.join(d, f"CTK_{i:03d}.csv")
        with open(p, "w") as f:
            f.write("unit,indicator,period,value\n")
            for k in range(NIND):
                f.write(f"D{i:03d},X{k:03d},2016-07,{100 + (i * 7 + k * 13) % 900}.5\n")
        paths.append(p)
    return paths


def run(ps, db, *args, stdin=None):
    return subprocess.run([ps, "--db", db, *args], input=stdin, capture_output=True, text=True, check=True)


def fresh_db(ps, work, name, n):
    db = os.path.join(work, name)
    for side in ("", "-wal", "-shm"):
        if os.path.exists(db + side):
            os.remove(db + side)
    run(ps, db, "init", "--catalog", os.path.join(work, "catalog"))
    return db


def cli_baseline(ps, work, files, n):
    db = fresh_db(ps, work, "cli.db", n)
    t0 = time.monotonic()
    for i, p in enumerate(files):
        run(ps, db, "ingest", p, "--reporter", f"CTK_{i:03d}")
    return time.monotonic() - t0, db


def count(db):
    import sqlite3
    return sqlite3.connect(db).execute("SELECT count(*) FROM obs").fetchone()[0]


class Session(threading.Thread):
    def __init__(self, port, i, path, barrier):
        super().__init__()
        self.port, self.i, self.path, self.barrier = port, i, path, barrier
        self.lat = {}
        self.error = None
        self.cookies = {}

    def req(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read().decode("utf-8", "replace")
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        c.close()
        return r.status, data

    def timed(self, name, *a, **k):
        t0 = time.monotonic()
        out = self.req(*a, **k)
        self.lat[name] = time.monotonic() - t0
        return out

    def run(self):
        try:
            self.barrier.wait()
            if self.path is None:  # the logins-only wave
                st, page = self.req("GET", "/login")
                token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
                body = urllib.parse.urlencode({"csrf": token, "login": f"u{self.i:03d}",
                                               "password": f"password-{self.i:05d}"})
                st, _ = self.timed("login", "POST", "/login", body,
                                   {"Content-Type": "application/x-www-form-urlencoded"})
                if st != 303:
                    raise RuntimeError(f"login {st}")
                return
            st, page = self.req("GET", "/login")
            token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
            body = urllib.parse.urlencode({"csrf": token, "login": f"u{self.i:03d}", "password": f"password-{self.i:05d}"})
            st, _ = self.timed("login", "POST", "/login", body, {"Content-Type": "application/x-www-form-urlencoded"})
            if st != 303:
                raise RuntimeError(f"login {st}")
            st, page = self.req("GET", "/upload")
            token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
            data = open(self.path, "rb").read()
            b = "----bench"
            body = (f'--{b}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
                    f'--{b}\r\nContent-Disposition: form-data; name="file"; filename="{os.path.basename(self.path)}"'
                    f'\r\n\r\n').encode() + data + f"\r\n--{b}--\r\n".encode()
            st, page = self.timed("upload", "POST", "/upload", body, {"Content-Type": f"multipart/form-data; boundary={b}"})
            if st != 200 or 'id="diagnostics"' in page and 'class="error"' in page:
                raise RuntimeError(f"upload {st}")
        except Exception as e:  # noqa: BLE001 - reported as a failed session
            self.error = repr(e)


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def portal_run(ps, work, files, n):
    db = fresh_db(ps, work, "portal.db", n)
    t0 = time.monotonic()
    for i in range(n):
        run(ps, db, "user", "add", f"u{i:03d}", "--reporter", f"CTK_{i:03d}", stdin=f"password-{i:05d}\n")
    accounts_s = time.monotonic() - t0
    log = open(os.path.join(work, "serve.log"), "w")
    srv = subprocess.Popen([ps, "--db", db, "serve", "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    port = int(re.search(r"on port (\d+)", srv.stderr.readline()).group(1))
    threading.Thread(target=lambda: [log.write(l) for l in srv.stderr], daemon=True).start()
    wall, sessions = wave(port, files)
    peak = 0
    with open(f"/proc/{srv.pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                peak = int(line.split()[1]) // 1024
    logins_s = wave(port, [None] * n)[0]
    page_ms = pages(port, work)
    srv.terminate()
    srv.wait(60)
    log.close()
    return db, sessions, wall, peak, accounts_s, page_ms, logins_s


def wave(port, files):
    """len(files) sessions at once (a file of None: log in only); the wall time."""
    barrier = threading.Barrier(len(files) + 1)
    sessions = [Session(port, i, f, barrier) for i, f in enumerate(files)]
    for s in sessions:
        s.start()
    barrier.wait()
    t0 = time.monotonic()
    for s in sessions:
        s.join()
    return time.monotonic() - t0, sessions


def pages(port, work):
    """The status and trend pages of the month, server time from the log."""
    s = Session(port, 0, None, None)
    st, page = s.req("GET", "/login")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    s.req("POST", "/login", urllib.parse.urlencode({"csrf": token, "login": "u000", "password": "password-00000"}),
          {"Content-Type": "application/x-www-form-urlencoded"})
    out = {}
    for name, path in (("status", "/status?period=2016-07"), ("trend", "/trend?indicator=X000&unit=D000")):
        times = []
        for _ in range(5):
            t0 = time.monotonic()
            s.req("GET", path)
            times.append((time.monotonic() - t0) * 1000)
        out[name] = min(times)
    return out


def sample_summary(ps, work):
    """The Summary page of the sample's July 2016 (unit 22): the server's own
    time, from its log line, best and median of 10 (the first included)."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    db = os.path.join(work, "sample.db")
    subprocess.run(["sh", os.path.join(root, "scripts", "load-sample.sh"), ps, db], check=True, capture_output=True)
    run(ps, db, "user", "add", "lead", "--role", "leader", stdin="leader-password\n")
    srv = subprocess.Popen([ps, "--db", db, "serve", "--listen", "127.0.0.1:0"], stderr=subprocess.PIPE, text=True)
    port = int(re.search(r"on port (\d+)", srv.stderr.readline()).group(1))
    s = Session(port, 0, None, None)
    st, page = s.req("GET", "/login")
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    s.req("POST", "/login", urllib.parse.urlencode({"csrf": token, "login": "lead", "password": "leader-password"}),
          {"Content-Type": "application/x-www-form-urlencoded"})
    for _ in range(10):
        st, _ = s.req("GET", "/summary?period=2016-07&unit=22")
        if st != 200:
            raise RuntimeError(f"summary {st}")
    srv.terminate()
    log = srv.stderr.read()
    srv.wait(60)
    ms = sorted(int(l.split()[-1]) for l in log.splitlines() if " GET /summary 200 " in l)
    return ms[0], ms[len(ms) // 2]


def main():
    ps, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 100
    os.makedirs(work, exist_ok=True)
    write_catalog(os.path.join(work, "catalog"), n)
    files = write_files(os.path.join(work, "files"), n)
    cli_s, cli_db = cli_baseline(ps, work, files, n)
    db, sessions, wall, peak, accounts_s, page_ms, logins_s = portal_run(ps, work, files, n)
    errors = [s.error for s in sessions if s.error]
    logins = [s.lat["login"] for s in sessions if "login" in s.lat]
    uploads = [s.lat["upload"] for s in sessions if "upload" in s.lat]
    expected = n * NIND
    print(f"sessions {n}, rows per file {NIND}")
    print(f"cli: {n} ingests one after another: {cli_s:.2f} s; stored {count(cli_db)} of {expected}")
    print(f"portal: {n} concurrent sessions (login + upload): {wall:.2f} s; stored {count(db)} of {expected};"
          f" failed sessions {len(errors)} {errors[:3]}")
    print(f"the same {n} logins alone, at once: {logins_s:.2f} s")
    print(f"target: portal <= 2 x cli + logins = {2 * cli_s + logins_s:.2f} s:"
          f" {'met' if wall <= 2 * cli_s + logins_s else 'NOT met'};"
          f" (portal - logins) / cli = {(wall - logins_s) / cli_s:.2f}")
    print(f"login latency  p50 {pct(logins, 50):.3f} s  p95 {pct(logins, 95):.3f} s  p99 {pct(logins, 99):.3f} s")
    print(f"upload latency p50 {pct(uploads, 50):.3f} s  p95 {pct(uploads, 95):.3f} s  p99 {pct(uploads, 99):.3f} s")
    print(f"server peak memory (VmHWM): {peak} MiB")
    print(f"status page of the month: {page_ms['status']:.1f} ms; trend page: {page_ms['trend']:.1f} ms (best of 5)")
    print(f"(accounts made with `provstat user add`, not timed above: {accounts_s:.1f} s)")
    best, median = sample_summary(ps, work)
    print(f"Summary page of the sample, July 2016, unit 22 (server time, 10 requests): best {best} ms,"
          f" median {median} ms (target < 100 ms)")
    ok = not errors and count(db) == expected and count(cli_db) == expected
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
