"""portal.py - starting `provstat serve` for a test, and a small HTTP client.

A test makes a database from the sample catalog, adds accounts with
`provstat user add`, starts the server on a free loopback port (--listen
127.0.0.1:0; the port is read from its first line on standard error) and
talks to it with http.client: no library outside Python's own.
"""
import http.client
import os
import re
import signal
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CATALOG = os.path.join(ROOT, "samples", "quang-ninh", "catalog")
SUBMISSIONS = os.path.join(ROOT, "samples", "quang-ninh", "submissions")


_failures = 0


def check(name, cond, detail=""):
    """Prints "ok NAME", or "FAIL NAME detail" and counts the failure."""
    global _failures
    if cond:
        print("ok", name)
    else:
        _failures += 1
        print("FAIL", name, str(detail)[:2000])


def failed():
    return _failures


class Server:
    """A provstat database in a temporary folder and a server on it."""

    def __init__(self, provstat, extra_args=()):
        self.provstat = provstat
        self.dir = tempfile.mkdtemp(prefix="provstat-portal-")
        self.db = os.path.join(self.dir, "portal.db")
        self.log_path = os.path.join(self.dir, "serve.log")
        self.run("init", "--catalog", CATALOG)
        self.extra_args = list(extra_args)
        self.proc = None
        self.port = None

    def run(self, *args, stdin=None, check=True):
        env = dict(os.environ, PROVSTAT_LANG="en")
        p = subprocess.run([self.provstat, "--db", self.db, *args], input=stdin, capture_output=True,
                           text=True, env=env)
        if check and p.returncode != 0:
            raise AssertionError(f"provstat {' '.join(args)} exited {p.returncode}: {p.stderr}")
        return p

    def add_user(self, login, password, *role):
        self.run("user", "add", login, *role, stdin=password + "\n")

    def start(self):
        self.log = open(self.log_path, "w")
        env = dict(os.environ)
        env.pop("PROVSTAT_LANG", None)
        self.proc = subprocess.Popen([self.provstat, "--db", self.db, "serve", "--listen", "127.0.0.1:0",
                                      *self.extra_args], stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stderr.readline()
        m = re.search(r"on port (\d+)", line)
        if not m:
            raise AssertionError("the server did not start: " + line + self.proc.stderr.read())
        self.port = int(m.group(1))
        self.log.write(line)
        import threading
        self.reader = threading.Thread(target=self._copy_log, daemon=True)
        self.reader.start()
        return self

    def _copy_log(self):
        for line in self.proc.stderr:
            self.log.write(line)
            self.log.flush()

    def stop(self, sig=signal.SIGTERM, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(timeout)
        if self.proc:
            self.reader.join(5)
            self.log.close()
        return self.proc.returncode if self.proc else None

    def log_text(self):
        with open(self.log_path) as f:
            return f.read()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"


class Client:
    """One browser-like session: cookies kept, no redirect followed."""

    def __init__(self, server):
        self.server = server
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60)
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                value = rest.split(";", 1)[0]
                if "Max-Age=0" in v:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
        c.close()
        return r, data.decode("utf-8", "replace")

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields)
        return self.request("POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"})

    def csrf(self, path):
        r, page = self.get(path)
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
        return m.group(1) if m else ""

    def login(self, login, password):
        token = self.csrf("/login")
        return self.post("/login", {"csrf": token, "login": login, "password": password})

    def upload(self, path, data, name="file.csv", fields=None, token=None):
        token = self.csrf("/upload") if token is None else token
        boundary = "----provstat-test-boundary"
        parts = []
        for k, v in dict(fields or {}, csrf=token).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode())
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
                     f'Content-Type: application/octet-stream\r\n\r\n'.encode() + data + b"\r\n")
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request("POST", path, b"".join(parts),
                            {"Content-Type": f"multipart/form-data; boundary={boundary}"})
