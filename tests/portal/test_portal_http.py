"""test_portal_http.py - every security promise of SPEC §9 at the HTTP level.

usage: python3 test_portal_http.py PROVSTAT

Starts `provstat serve` on a free loopback port and checks: the security
headers on every answer, the cookie flags, CSRF on every POST (the login
form included), a wrong password and an unknown login answered alike, the
lockout after five failures and its record, role and scope, HTML escaping
of text from files, a malicious office tampering with every field, logout
and a POST replayed after it, the upload limit,
no password or token in the database or the log, and the graceful stop.
"""
import os
import re
import signal
import sqlite3
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portal import check, failed, Client, Server, SUBMISSIONS  # noqa: E402

PW_OFFICE = "office-password-193"
PW_OTHER = "office-password-194"
PW_LEADER = "leader-password-1"
PW_ADMIN = "admin-password-1"
HEADERS = {"Content-Security-Policy": "default-src 'self'", "X-Content-Type-Options": "nosniff",
           "X-Frame-Options": "DENY", "Referrer-Policy": "same-origin"}


def headers_ok(r):
    return all(r.getheader(k) == v for k, v in HEADERS.items())


def stored_values(srv):
    return sqlite3.connect(srv.db).execute("SELECT count(*) FROM obs").fetchone()[0]


def sample(name, period="2016-07"):
    with open(os.path.join(SUBMISSIONS, period, name), "rb") as f:
        return f.read()


def test_headers_and_cookies(srv):
    c = Client(srv)
    for path in ("/login", "/", "/no-such-page", "/style.css"):
        r, _ = c.get(path)
        check(f"security headers on GET {path} ({r.status})", headers_ok(r), str(r.getheaders()))
    r, _ = c.get("/login")
    cookie = r.getheader("Set-Cookie") or ""
    check("the login form's cookie is HttpOnly, SameSite=Strict, Path=/",
          all(f in cookie for f in ("HttpOnly", "SameSite=Strict", "Path=/")), cookie)
    check("and not Secure without --secure-cookies", "Secure" not in cookie, cookie)
    r, _ = c.login("ana", PW_OFFICE)
    cookies = [v for k, v in r.getheaders() if k.lower() == "set-cookie" and v.startswith("ps_session=")]
    check("login sets the session cookie", r.status == 303 and len(cookies) == 1, str(r.getheaders()))
    check("the session cookie is HttpOnly, SameSite=Strict, Path=/",
          cookies and all(f in cookies[0] for f in ("HttpOnly", "SameSite=Strict", "Path=/")), str(cookies))
    r, _ = c.get("/status")
    check("security headers on a logged-in page", headers_ok(r))


def test_csrf(srv):
    c = Client(srv)
    c.get("/login")
    r, page = c.post("/login", {"login": "ana", "password": PW_OFFICE})
    check("a login POST without the form's token is refused (403)", r.status == 403, str(r.status))
    check("and opens no session", "ps_session" not in c.cookies)
    r, _ = c.post("/login", {"csrf": "0" * 64, "login": "ana", "password": PW_OFFICE})
    check("a login POST with another token is refused (403)", r.status == 403, str(r.status))
    c.login("ana", PW_OFFICE)
    before = stored_values(srv)
    r, _ = c.upload("/upload", sample("CCTK_193.csv"), token="")
    check("an upload without the session's token is refused (403)", r.status == 403, str(r.status))
    r, _ = c.upload("/upload", sample("CCTK_193.csv"), token="ab" * 32)
    check("an upload with a forged token is refused (403)", r.status == 403, str(r.status))
    check("and nothing is stored", stored_values(srv) == before)
    r, _ = c.post("/logout", {})
    check("logout without the token is refused (403)", r.status == 403, str(r.status))


def test_login_failures(srv):
    c = Client(srv)
    r1, p1 = c.login("bob", "wrong-password-1")
    r2, p2 = c.login("nobody-at-all", "wrong-password-1")
    m1 = re.search(r'id="problem">([^<]*)<', p1)
    m2 = re.search(r'id="problem">([^<]*)<', p2)
    check("a wrong password and an unknown login get the same answer",
          r1.status == r2.status == 401 and m1 and m2 and m1.group(1) == m2.group(1), f"{r1.status} {r2.status}")
    check("in Vietnamese by default", m1 and "mật khẩu" in m1.group(1), m1.group(1) if m1 else p1)
    for i in range(4):
        r, page = c.login("bob", f"wrong-password-{i + 2}")
    check("the fifth failure within 15 minutes locks the login (429)", r.status == 429, str(r.status))
    r, page = c.login("bob", PW_LEADER)
    check("then even the right password is refused", r.status == 429 and "ps_session" not in c.cookies)
    kinds = [k for (k,) in sqlite3.connect(srv.db).execute(
        "SELECT kind FROM login_event WHERE login = 'bob' ORDER BY id")]
    check("every failure, the lock and the refusal are recorded",
          kinds.count("failed") == 5 and "locked" in kinds and "refused-locked" in kinds, str(kinds))


def test_roles_and_scope(srv):
    leader = Client(srv)
    leader.login("lead", PW_LEADER)
    r, _ = leader.get("/upload")
    check("a leader cannot open the upload form (403)", r.status == 403, str(r.status))
    before = stored_values(srv)
    token = leader.csrf("/status")
    r, _ = leader.upload("/upload", sample("CCTK_193.csv"), token=token)
    check("nor upload (403), and nothing is stored", r.status == 403 and stored_values(srv) == before,
          str(r.status))
    anon = Client(srv)
    r, _ = anon.get("/status")
    check("without a session a page sends to the login (303 /login)",
          r.status == 303 and r.getheader("Location") == "/login", str(r.status))
    office = Client(srv)
    office.login("ana", PW_OFFICE)
    before = stored_values(srv)
    r, page = office.upload("/upload", sample("CCTK_194.csv"), name="CCTK_194.csv",
                            fields={"reporter": "CCTK_194"})
    check("another office's file is refused (its units are outside the scope)",
          r.status == 200 and '<tr class="error">' in page and "194" in page, page[-1500:])
    check("and nothing of it is stored", stored_values(srv) == before)
    r, page = office.get("/status?period=2016-07")
    check("an office's status shows its own row only",
          "CCTK_193" in page and "CCTK_194" not in page, page[-800:])


def test_escaping(srv):
    office = Client(srv)
    office.login("ana", PW_OFFICE)
    evil = b'unit,indicator,period,value\n<script>alert(1)</script>,RETAIL,2016-07,1\n'
    r, page = office.upload("/upload", evil, name='<img src=x onerror=alert(2)>.csv')
    check("text from a file is escaped in the page", "<script>alert(1)" not in page and
          "&lt;script&gt;alert(1)&lt;/script&gt;" in page, page[-1500:])
    check("and so is the file's name", "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page)


def test_upload_and_logout(srv):
    office = Client(srv)
    office.login("ana", PW_OFFICE)
    before = stored_values(srv)
    r, page = office.upload("/upload", sample("CCTK_193.csv", "2016-06"), name="CCTK_193.csv",
                            fields={"check_only": "1"})
    check("check only stores nothing", r.status == 200 and stored_values(srv) == before, str(r.status))
    token = office.csrf("/upload")
    r, page = office.upload("/upload", sample("CCTK_193.csv", "2016-06"), name="CCTK_193.csv", token=token)
    after = stored_values(srv)
    check("an upload is stored through the ingest", r.status == 200 and after > before, page[-800:])
    cookie = dict(office.cookies)
    r, _ = office.post("/logout", {"csrf": token})
    check("logout ends the session", r.status == 303 and "ps_session" not in office.cookies, str(r.status))
    replay = Client(srv)
    replay.cookies = cookie
    r, _ = replay.upload("/upload", sample("CCTK_193.csv", "2016-05"), name="x.csv", token=token)
    check("a POST replayed after logout is refused", r.status in (303, 403) and stored_values(srv) == after,
          str(r.status))
    r, _ = replay.get("/status")
    check("and the old cookie opens nothing", r.status == 303)


def test_submissions(srv):
    ana = Client(srv)
    ana.login("ana", PW_OFFICE)
    r, page = ana.get("/submissions")
    uploads = page.split('id="uploads"')[1] if 'id="uploads"' in page else ""
    check("an office sees its uploads, the refused ones too",
          r.status == 200 and "CCTK_194.csv" in uploads and "refused" in uploads and "stored" in uploads,
          uploads[:1500])
    stored = page.split('id="submissions"')[1].split("</table>")[0] if 'id="submissions"' in page else ""
    check("and its stored submissions", "CCTK_193.csv" in stored, stored[:800])
    ben = Client(srv)
    ben.login("ben", PW_OTHER)
    r, page = ben.get("/submissions")
    check("another office sees none of them", r.status == 200 and "CCTK_193" not in page, page[-800:])
    lead = Client(srv)
    lead.login("lead", PW_LEADER)
    r, page = lead.get("/submissions")
    check("a leader sees every office's", "CCTK_193" in page)


def test_downloads_and_trend(srv):
    import io
    import zipfile
    lead = Client(srv)
    lead.login("lead", PW_LEADER)
    r, body = lead.request("GET", "/report.xlsx?period=2016-06")
    ctype = r.getheader("Content-Type") or ""
    check("a leader downloads the workbook", r.status == 200 and "spreadsheetml" in ctype, f"{r.status} {ctype}")
    c = http_bytes(srv, lead, "/report.xlsx?period=2016-06")
    check("and it is a workbook", c[:2] == b"PK" and "xl/workbook.xml" in zipfile.ZipFile(io.BytesIO(c)).namelist())
    c = http_bytes(srv, lead, "/export.csv?period=2016-06&format=sdmx")
    check("the SDMX export downloads with its header",
          c.decode("utf-8-sig").startswith("DATAFLOW,REF_AREA,INDICATOR,MEASURE,TIME_PERIOD,OBS_VALUE"), c[:200])
    r, page = lead.get("/trend?indicator=RETAIL&unit=193&from=2016-01&to=2016-07")
    check("the trend page draws an SVG chart with its fit", r.status == 200 and "<svg" in page and 'id="fit"' in page,
          page[-600:])
    ana = Client(srv)
    ana.login("ana", PW_OFFICE)
    r, _ = ana.get("/report.xlsx?period=2016-06&unit=194")
    check("an office cannot download another unit's workbook (403)", r.status == 403, str(r.status))
    r, _ = ana.get("/trend?indicator=RETAIL&unit=22")
    check("nor see the province's trend (403)", r.status == 403, str(r.status))
    r, _ = ana.get("/export.csv?period=2016-06&unit=193&format=long")
    check("but gets its own unit's export", r.status == 200, str(r.status))
    r, _ = ana.get("/export.csv?period=2016-06&format=../../etc/passwd")
    check("a tampered format is refused (400)", r.status == 400, str(r.status))
    r, _ = ana.get("/report.xlsx?period=2016-13")
    check("a tampered period is refused (400)", r.status == 400, str(r.status))
    leftovers = [f for f in os.listdir(os.environ.get("TMPDIR", "/tmp")) if f.startswith("provstat-serve-")]
    made = [f for d in leftovers for f in os.listdir(os.path.join(os.environ.get("TMPDIR", "/tmp"), d))
            if f.startswith("make-")]
    check("no made file is left in the server's folder", not made, str(made))


def http_bytes(srv, client, path):
    import http.client
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
    c.request("GET", path, headers={"Cookie": "; ".join(f"{k}={v}" for k, v in client.cookies.items())})
    return c.getresponse().read()


def test_errors_csv(srv):
    ana = Client(srv)
    ana.login("ana", PW_OFFICE)
    bad = b"unit,indicator,period,value\n193,RETAIL,2016-05,12x5\n193,RETAIL,2016-04,=1+1\n"
    r, page = ana.upload("/upload", bad, name="may.csv")
    m = re.search(r'id="errors-csv" href="/upload/errors\?id=(\d+)"', page)
    check("the result page offers the errors CSV", r.status == 200 and m is not None, page[-800:])
    if not m:
        return
    csv = http_bytes(srv, ana, f"/upload/errors?id={m.group(1)}")
    text = csv.decode("utf-8-sig")
    check("the errors CSV has a BOM and the header of SPEC §4", csv.startswith(b"\xef\xbb\xbf") and
          text.startswith("file,line,column,severity,code,message,value\n"), csv[:120])
    check("its code column is the code, its messages in the page's language, text guarded",
          ",error,bad-number," in text and "'=1+1" in text and "không" in text, text[:600])
    ben = Client(srv)
    ben.login("ben", PW_OTHER)
    r, _ = ben.get(f"/upload/errors?id={m.group(1)}")
    check("another office cannot read it (403)", r.status == 403, str(r.status))


def test_template_raw_missing(srv):
    import io
    import zipfile
    ana = Client(srv)
    ana.login("ana", PW_OFFICE)
    c = http_bytes(srv, ana, "/template?period=2016-08")
    check("an office downloads its template workbook", c[:2] == b"PK" and
          "xl/worksheets/sheet1.xml" in zipfile.ZipFile(io.BytesIO(c)).namelist())
    c = http_bytes(srv, ana, "/template?period=2016-08&format=csv&reporter=CCTK_194")
    check("the CSV template is its own, whatever reporter the query names", b"193," in c and b"194," not in c,
          c[:300])
    r, page = ana.get("/status?period=2016-08")
    check("the status page lists the values still missing", r.status == 200 and 'id="missing"' in page
          and "Tổng mức bán lẻ" in page, page[-600:])
    sid = sqlite3.connect(srv.db).execute(
        "SELECT max(s.id) FROM submission s JOIN reporter r ON r.id = s.reporter_id WHERE r.code = 'CCTK_193'"
        " AND s.outcome <> 'retract'").fetchone()[0]
    raw = http_bytes(srv, ana, f"/submission/raw?id={sid}")
    check("an office downloads the raw file of its submission, byte for byte",
          raw == sample("CCTK_193.csv", "2016-06"), raw[:100])
    ben = Client(srv)
    ben.login("ben", PW_OTHER)
    r, _ = ben.get(f"/submission/raw?id={sid}")
    check("another office cannot (403)", r.status == 403, str(r.status))
    r, _ = ben.get("/submission/raw?id=999999")
    check("an unknown submission is 404", r.status == 404, str(r.status))


def test_admin(srv):
    ana = Client(srv)
    ana.login("ana", PW_OFFICE)
    r, _ = ana.get("/admin")
    check("an office cannot open the admin page (403)", r.status == 403, str(r.status))
    lead = Client(srv)
    lead.login("lead", PW_LEADER)
    token = lead.csrf("/status")
    r, _ = lead.post("/admin/close", {"csrf": token, "period": "2016-06"})
    check("a leader cannot close a period (403)", r.status == 403, str(r.status))
    root = Client(srv)
    root.login("root", PW_ADMIN)
    token = root.csrf("/admin")
    r, page = root.post("/admin/account/add", {"csrf": token, "login": "<script>x", "role": "leader",
                                               "password": "long-enough-pw"})
    check("a bad login is refused, and shown escaped", r.status == 400 and "<script>x" not in page
          and "&lt;script&gt;x" in page, page[-600:])
    r, page = root.post("/admin/account/add", {"csrf": token, "login": "cam", "role": "office",
                                               "reporter": "cctk_195", "password": "camera-password-1"})
    check("an admin adds an office's account", r.status == 200 and 'id="done"' in page)
    cam = Client(srv)
    r, _ = cam.login("cam", "camera-password-1")
    check("which can log in", r.status == 303 and "ps_session" in cam.cookies)
    r, _ = root.post("/admin/account/add", {"login": "dan", "role": "leader", "password": "long-enough-pw"})
    check("an admin POST without the token is refused (403)", r.status == 403)
    r, page = root.post("/admin/close", {"csrf": token, "period": "2016-06", "unit": "193"})
    check("an admin closes June 2016 for unit 193", r.status == 200 and 'class="note"' in page, page[-600:])
    token_a = ana.csrf("/upload")
    changed = b"unit,indicator,period,value\n193,RETAIL,2016-06,1799.9\n"
    r, page = ana.upload("/upload", changed, name="late-fix.csv", token=token_a)
    check("then the office's change to June is refused (closed period)",
          '<tr class="error">' in page and "late-fix.csv" in page, page[-800:])
    r, page = root.post("/admin/reopen", {"csrf": token, "period": "2016-06", "unit": "193"})
    check("the admin reopens it", r.status == 200 and 'class="note"' in page, page[-600:])
    sid = sqlite3.connect(srv.db).execute(
        "SELECT max(s.id) FROM submission s JOIN reporter r ON r.id = s.reporter_id"
        " WHERE r.code = 'CCTK_193' AND s.outcome <> 'retract'").fetchone()[0]
    r, page = root.post("/admin/retract", {"csrf": token, "submission": str(sid)})
    withdrawn = sqlite3.connect(srv.db).execute(
        "SELECT count(*) FROM obs WHERE submission_id <> ? AND value IS NULL", (sid,)).fetchone()[0]
    check("the admin withdraws what one submission brought", r.status == 200 and withdrawn > 0, page[-600:])
    r, _ = root.post("/admin/retract", {"csrf": token, "submission": "../../1"})
    check("a tampered submission number is refused (400)", r.status == 400, str(r.status))


def test_malicious_office(srv):
    """An office tampering with what it sends (issue 14's malicious office):
    fields it may not choose are ignored or refused, a path in the file's
    name goes nowhere, a note with markup is kept as text and shown as text,
    another office's files cannot be fetched; nothing is stored that the
    office could not send through the form."""
    ana = Client(srv)
    ana.login("ana", PW_OFFICE)
    db = sqlite3.connect(srv.db)
    before = stored_values(srv)
    r, page = ana.upload("/upload", sample("CCTK_194.csv"), name="CCTK_194.csv",
                         fields={"reporter": "CCTK_194", "unit": "194", "period": "2016-07",
                                 "path": "/etc/passwd", "role": "admin"})
    check("tampered reporter, unit, period, path and role fields change nothing: 194's file is refused",
          r.status == 200 and '<tr class="error">' in page and stored_values(srv) == before, page[-1200:])
    escape = "/tmp/provstat-portal-escape.csv"
    if os.path.exists(escape):
        os.unlink(escape)
    note = "<script>alert(3)</script>"
    good = ("unit,indicator,period,value,note\n193,RETAIL,2016-03,1500.5," + note + "\n").encode()
    r, page = ana.upload("/upload", good, name="../../../../../../.." + escape)
    check("a file name with ../ is kept as its last part and writes nothing outside the upload folder",
          r.status == 200 and not os.path.exists(escape) and "provstat-portal-escape.csv" in page
          and "../" not in page.split('id="outcome"')[1][:300], page[-1200:])
    kept = db.execute("SELECT o.note FROM obs o JOIN unit u ON u.id = o.unit_id JOIN indicator i"
                      " ON i.id = o.indicator_id WHERE u.code = '193' AND i.code = 'RETAIL'"
                      " AND o.period = 2016303 AND o.measure = 0").fetchone()
    check("the note with <script> is stored as the text it is", kept is not None and kept[0] == note, str(kept))
    for path in ("/submissions", "/summary?period=2016-03", "/status?period=2016-03"):
        r, page = ana.get(path)
        check(f"and no page shows it as markup ({path})", r.status == 200 and "<script>alert(3)" not in page,
              str(r.status))
    r, _ = ana.get("/summary?period=2016-07&unit=194")
    check("a unit outside the office's scope in the address is refused (403)", r.status == 403, str(r.status))
    r, page = ana.get("/summary?period=<script>x</script>")
    check("a period that is not one is answered as an error, escaped",
          r.status == 400 and "<script>x" not in page, str(r.status))
    r, _ = ana.get("/template?reporter=CCTK_194&period=2016-08&format=csv")
    check("a template asked for another reporter is the office's own",
          r.status == 200 and "CCTK_193-2016-08.csv" in (r.getheader("Content-Disposition") or ""),
          str(r.getheader("Content-Disposition")))
    theirs = db.execute("SELECT s.id FROM submission s JOIN reporter r ON r.id = s.reporter_id"
                        " WHERE r.code <> 'CCTK_193' LIMIT 1").fetchone()
    if theirs is None:
        other = Client(srv)
        other.login("ben", PW_OTHER)
        other.upload("/upload", sample("CCTK_194.csv", "2016-06"), name="CCTK_194.csv")
        theirs = db.execute("SELECT s.id FROM submission s JOIN reporter r ON r.id = s.reporter_id"
                            " WHERE r.code <> 'CCTK_193' LIMIT 1").fetchone()
    r, _ = ana.get(f"/submission/raw?id={theirs[0]}")
    check("another office's raw file cannot be fetched (403)", r.status == 403, str(r.status))
    for path in ("/submission/raw?id=../../etc/passwd", "/submission/raw?id=-1", "/upload/errors?id=1e3",
                 "/upload/errors?id=99999"):
        r, _ = ana.get(path)
        check(f"a tampered number is not found ({path})", r.status == 404, str(r.status))
    token = ana.csrf("/upload")
    count = stored_values(srv)
    for path, fields in (("/admin/retract", {"submission": str(theirs[0])}),
                         ("/admin/close", {"period": "2016-07", "unit": "193"}),
                         ("/admin/account/add", {"login": "mallory", "password": "x" * 12, "role": "admin"})):
        r, _ = ana.post(path, dict(fields, csrf=token))
        check(f"an office's POST to {path} is refused (403)", r.status == 403, str(r.status))
    accounts = [row[0] for row in db.execute("SELECT login FROM account")]
    check("and nothing changed", stored_values(srv) == count and "mallory" not in accounts, str(accounts))


def test_upload_limit(srv):
    """Above --max-upload (1 MiB here): a body sent in chunks, whose size is
    not declared, is read and cut at the limit (never kept whole) and
    answered 413; a body declared too big is answered before it is sent."""
    import socket
    office = Client(srv)
    office.login("ana", PW_OFFICE)
    token = office.csrf("/upload")
    before = stored_values(srv)
    big = b"unit,indicator,period,value\n" + b"193,RETAIL,2016-07,1\n" * (2 * 1024 * 1024 // 21)
    body = (f'--bigfile\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
            '--bigfile\r\nContent-Disposition: form-data; name="file"; filename="big.csv"\r\n\r\n').encode() + \
        big + b"\r\n--bigfile--\r\n"
    s = socket.create_connection(("127.0.0.1", srv.port))
    cookie = "; ".join(f"{k}={v}" for k, v in office.cookies.items())
    s.sendall(f"POST /upload HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n"
              "Content-Type: multipart/form-data; boundary=bigfile\r\nTransfer-Encoding: chunked\r\n\r\n".encode())
    for i in range(0, len(body), 65536):
        part = body[i:i + 65536]
        s.sendall(b"%x\r\n" % len(part) + part + b"\r\n")
    s.sendall(b"0\r\n\r\n")
    s.settimeout(30)
    answer = s.recv(4096)
    s.close()
    check("a chunked file above --max-upload is cut and refused (413)", answer.startswith(b"HTTP/1.1 413"),
          answer[:80])
    check("and nothing is stored", stored_values(srv) == before)
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall(b"POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=x\r\n"
              b"Content-Length: 2000000000\r\n\r\n" + b"\0" * 65536)
    s.settimeout(10)
    answer = s.recv(4096)
    s.close()
    check("a declared 2 GB body is answered 413 before it is sent", answer.startswith(b"HTTP/1.1 413"), answer[:80])


def test_nameless_part(srv):
    """A multipart part without a name (found by fuzz_portal: it reached
    strdup(NULL)) is a malformed form: 400, nothing stored, the server on.
    The request is the fuzzer's, chunked, its first part's header garbled."""
    import socket
    office = Client(srv)
    office.login("ana", PW_OFFICE)
    token = office.csrf("/upload")
    before = stored_values(srv)
    body = (f'--XX\r\nConte-iDnopstsition: form-data; name="csrf"\r\n\r\n{token}\r\n'
            '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
            'unit,indicator,period,value\n193,RETAIL,2016-07,1\n\r\n--XX--\r\n').encode()
    cookie = "; ".join(f"{k}={v}" for k, v in office.cookies.items())
    s = socket.create_connection(("127.0.0.1", srv.port))
    s.sendall(f"POST /upload HTTP/1.1\r\nHost: x\r\nCookie: {cookie}\r\n"
              "Content-Type: multipart/form-data; boundary=XX\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
              + b"%x\r\n" % len(body) + body + b"\r\n0\r\n\r\n")
    s.settimeout(30)
    answer = s.recv(4096)
    s.close()
    check("a form part without a name is refused (400)", answer.startswith(b"HTTP/1.1 400"), answer[:80])
    r, _ = office.get("/status")
    check("and the server goes on, nothing stored", r.status == 200 and stored_values(srv) == before)


def test_secrets_kept_secret(srv):
    raw = open(srv.db, "rb").read()
    for side in ("-wal",):
        if os.path.exists(srv.db + side):
            raw += open(srv.db + side, "rb").read()
    log = srv.log_text()
    for pw in (PW_OFFICE, PW_LEADER, PW_ADMIN):
        check(f"the password {pw[:6]}… is in neither the database nor the log",
              pw.encode() not in raw and pw not in log)
    tokens = re.findall(r"[0-9a-f]{64}", log)
    check("no token in the log", not tokens, str(tokens[:2]))
    lines = [l for l in log.splitlines()[1:] if l.strip()]
    check("one log line per request: time, login, method, path, status, ms",
          lines and all(re.fullmatch(r"\S+ \S+ (GET|POST|OTHER) /\S* \d{3} \d+", l) for l in lines),
          "\n".join(l for l in lines if not re.fullmatch(r"\S+ \S+ (GET|POST|OTHER) /\S* \d{3} \d+", l))[:500])


def test_graceful_stop(srv):
    """SIGTERM arrives while an upload is half sent: the server stops
    listening, waits for that request, answers it, and exits 0."""
    import http.client
    office = Client(srv)
    office.login("ana", PW_OFFICE)
    token = office.csrf("/upload")
    boundary = "----graceful"
    data = b"unit,indicator,period,value\n" + b"".join(
        b"193,RETAIL,2014-%02d,%d\n" % (m, 1000 + m) for m in range(1, 13))
    body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{token}\r\n'
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="late.csv"\r\n\r\n'
            ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
    c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
    c.putrequest("POST", "/upload")
    c.putheader("Content-Type", f"multipart/form-data; boundary={boundary}")
    c.putheader("Content-Length", str(len(body)))
    c.putheader("Cookie", "; ".join(f"{k}={v}" for k, v in office.cookies.items()))
    c.endheaders()
    half = len(body) // 2
    c.send(body[:half])
    time.sleep(0.5)
    srv.proc.send_signal(signal.SIGTERM)
    time.sleep(0.5)
    check("after SIGTERM the server waits for the request in flight", srv.proc.poll() is None)
    c.send(body[half:])
    r = c.getresponse()
    page = r.read().decode()
    check("and answers it in full", r.status == 200 and "late.csv" in page, str(r.status) + page[-600:])
    rc = srv.proc.wait(30)
    check("then exits 0", rc == 0, str(rc))
    r2 = sqlite3.connect(srv.db).execute(
        "SELECT count(*) FROM obs o JOIN indicator i ON i.id = o.indicator_id"
        " WHERE i.code = 'RETAIL' AND o.period BETWEEN 2014301 AND 2014312").fetchone()[0]
    check("and the upload was stored", r2 == 12, str(r2))


def main():
    provstat = os.path.abspath(sys.argv[1])
    srv = Server(provstat, ["--max-upload", "1"])
    srv.add_user("ana", PW_OFFICE, "--reporter", "CCTK_193")
    srv.add_user("ben", PW_OTHER, "--reporter", "CCTK_194")
    srv.add_user("bob", PW_LEADER, "--role", "leader")
    srv.add_user("lead", PW_LEADER, "--role", "leader")
    srv.add_user("root", PW_ADMIN, "--role", "admin")
    srv.start()
    try:
        test_headers_and_cookies(srv)
        test_csrf(srv)
        test_login_failures(srv)
        test_roles_and_scope(srv)
        test_escaping(srv)
        test_upload_and_logout(srv)
        test_upload_limit(srv)
        test_nameless_part(srv)
        test_submissions(srv)
        test_downloads_and_trend(srv)
        test_template_raw_missing(srv)
        test_errors_csv(srv)
        test_malicious_office(srv)
        test_admin(srv)
        test_secrets_kept_secret(srv)
        test_graceful_stop(srv)
    finally:
        srv.stop()
    secure = Server(provstat, ["--secure-cookies"]).start()
    try:
        r, _ = Client(secure).get("/login")
        check("--secure-cookies marks cookies Secure", "Secure" in (r.getheader("Set-Cookie") or ""))
    finally:
        secure.stop()
    print(f"{failed()} failed")
    return 1 if failed() else 0


if __name__ == "__main__":
    sys.exit(main())
