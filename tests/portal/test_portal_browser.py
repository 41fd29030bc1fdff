"""test_portal_browser.py - an office's month and a leader's reading, in a
real browser: headless Chromium driven by Selenium (SPEC §9).

usage: python3 test_portal_browser.py PROVSTAT [SCREENSHOT_DIR]

The office logs in, downloads its template, fills it (openpyxl, as Excel
would), sends it with a wrong value, reads the diagnostic in Vietnamese,
fixes the value, sends it again and sees the period received on its status
page; another office's file is refused and nothing is stored; a
leader downloads the month's workbook, which opens. Screenshots of the main
pages are kept in SCREENSHOT_DIR (default: portal-screenshots beside the
current folder) as test artefacts.
"""
import os
import subprocess
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from portal import check, failed, Server, SUBMISSIONS  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

def browser(download_dir):
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1280,1000", "--lang=vi"):
        o.add_argument(a)
    o.add_experimental_option("prefs", {"download.default_directory": download_dir,
                                        "download.prompt_for_download": False})
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=o)
    d.implicitly_wait(20)  # a page of a sanitizer build on a busy machine may take a while
    d.set_page_load_timeout(120)
    return d


def gone(element):
    """True once element's page has been replaced. Chromium answers a
    question about a node of a page that has gone either as a stale element
    (what EC.staleness_of expects) or, now and then, with "Node with given
    id does not belong to the document", which staleness_of lets through as
    a failure: both mean the same here."""
    try:
        element.is_enabled()
        return False
    except WebDriverException:
        return True


class Page:
    def __init__(self, driver, srv, shots):
        self.d, self.srv, self.shots = driver, srv, shots

    def submit(self, button):
        """Clicks a form's button and waits for the next page."""
        old = self.d.find_element(By.TAG_NAME, "html")
        button.click()
        WebDriverWait(self.d, 60).until(lambda d: gone(old))

    def go(self, path):
        self.d.get(self.srv.url(path))

    def shot(self, name):
        self.d.save_screenshot(os.path.join(self.shots, name + ".png"))

    def login(self, login, password):
        self.go("/login")
        self.d.find_element(By.ID, "login").send_keys(login)
        self.d.find_element(By.ID, "password").send_keys(password)
        self.submit(self.d.find_element(By.ID, "submit"))

    def logout(self):
        self.submit(self.d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))

    def upload(self, path, check_only=False):
        self.go("/upload")
        self.d.find_element(By.ID, "file").send_keys(path)
        if check_only:
            self.d.find_element(By.ID, "check_only").click()
        self.submit(self.d.find_element(By.ID, "send"))
        return self.d.find_element(By.TAG_NAME, "main").text


def fill_template(src, dst, values):
    """Fills the template's value cells the way an officer does in Excel."""
    import openpyxl
    wb = openpyxl.load_workbook(src)
    ws = wb.active
    head = None
    for row in ws.iter_rows():
        names = [c.value for c in row]
        if head is None:
            if "Giá trị" in names or "value" in names:
                head = {n: i for i, n in enumerate(names)}
            continue
        code = row[head.get("Mã chỉ tiêu", head.get("indicator", 2))].value
        if code in values:
            row[head.get("Giá trị", head.get("value"))].value = values[code]
    wb.save(dst)


def wait_file(path):
    for _ in range(200):
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            return True
        time.sleep(0.1)
    return False


def office_month(p, tmp, srv):
    import csv
    p.login("ana", "office-password-193")
    p.shot("01-home")
    p.go("/upload")
    period = p.d.find_element(By.NAME, "period")
    period.clear()
    period.send_keys("2016-08")
    p.d.find_element(By.ID, "template").click()
    form = os.path.join(tmp, "CCTK_193-2016-08.xlsx")
    check("the office downloads its template", wait_file(form), os.listdir(tmp))
    with open(os.path.join(SUBMISSIONS, "2016-07", "CCTK_193.csv"), encoding="utf-8") as f:
        values = {r["indicator"]: round(float(r["value"]) * 1.01) for r in csv.DictReader(f)
                  if r["period"] == "2016-07"}
    filled = os.path.join(tmp, "thang-7.xlsx")
    bad = dict(values, RETAIL="17x23,2")
    fill_template(form, filled, bad)
    before = stored(srv)
    text = p.upload(filled)
    p.shot("02-upload-refused")
    rows = p.d.find_elements(By.CSS_SELECTOR, "#diagnostics tr.error")
    check("a wrong value is shown as an error row naming its cell", len(rows) >= 1 and "Dữ liệu!" in text, text)
    check("the page speaks Vietnamese, the diagnostic too",
          "Tệp có lỗi nên chưa lưu số liệu nào" in text and "không phải là số" in text, text)
    check("and nothing is stored", stored(srv) == before)
    fill_template(form, filled, values)
    text = p.upload(filled)
    p.shot("03-upload-stored")
    check("the corrected workbook is stored", "Đã nhận và lưu số liệu" in text and stored(srv) > before, text)
    p.go("/status?period=2016-08")
    p.shot("04-status")
    cells = [c.text for c in p.d.find_elements(By.CSS_SELECTOR, "#status tr:nth-child(2) td")]
    check("the status page shows the month received", len(cells) >= 5 and cells[0] == "CCTK_193"
          and cells[3] == cells[2] and cells[4] == "0", cells)


def other_office_refused(p, tmp, srv):
    before = stored(srv)
    other = os.path.join(tmp, "CCTK_194-2016-08.csv")
    with open(other, "w", encoding="utf-8") as f:
        f.write("unit,indicator,period,value\n194,RETAIL,2016-08,800.5\n")
    text = p.upload(other)
    p.shot("05-other-office-refused")
    check("another office's file is refused", "Tệp có lỗi nên chưa lưu số liệu nào" in text, text)
    check("and nothing of it is stored", stored(srv) == before)
    p.logout()


def leader_reads(p, tmp, srv):
    import openpyxl
    p.login("lead", "leader-password-1")
    p.go("/trend?indicator=RETAIL&unit=193&from=2016-01&to=2016-07")
    p.shot("06-trend")
    check("the trend page draws its chart", len(p.d.find_elements(By.CSS_SELECTOR, "svg#chart polyline")) >= 1)
    p.go("/report.xlsx?period=2016-07&unit=193")
    path = os.path.join(tmp, "193-2016-07.xlsx")
    ok = wait_file(path)
    names = openpyxl.load_workbook(path).sheetnames if ok else []
    check("the leader downloads the workbook and it opens", ok and len(names) >= 5, names)
    p.go("/lang?to=en&back=/status")
    p.shot("07-status-en")
    check("the language switch gives English", "Reporting status" in p.d.find_element(By.TAG_NAME, "h1").text)


def leader_summary(p, tmp, srv):
    """The Summary page shows the numbers of `show` and highlights the
    cells the workbook's conditional formats highlight."""
    import csv
    import io
    p.go("/lang?to=vi&back=/summary?period=2016-07%26unit=22")
    p.go("/summary?period=2016-07&unit=22")
    p.shot("08-summary")
    out = srv.run("show", "--period", "2016-07", "--unit", "22", "--format", "csv").stdout
    show = {r["indicator"]: r for r in csv.DictReader(io.StringIO(out))}
    rows = p.d.find_elements(By.CSS_SELECTOR, "#summary tr[data-indicator]")
    check("the Summary lists every indicator", len(rows) == len(show), f"{len(rows)} rows, show {len(show)}")
    bad = []
    for row in rows:
        code = row.get_attribute("data-indicator")
        cells = [c.text for c in row.find_elements(By.TAG_NAME, "td")]
        r = show.get(code, {})
        for col, key in ((7, "index_prev_year"), (8, "ytd_index_prev_year"), (9, "pct_of_plan")):
            want = f"{float(r[key]):.1f}".replace(".", ",") if r.get(key) else ""
            if cells[col] != want:
                bad.append((code, key, cells[col], want))
    check("with the indices and attainment of `show` (GRDP 109,2; budget revenue 62,0)", not bad, bad[:5])
    grdp = [c.text for c in p.d.find_element(By.CSS_SELECTOR, "#summary tr[data-indicator='GRDP']")
            .find_elements(By.TAG_NAME, "td")]
    check("the seed's figures read on the page", grdp[8] == "109,2", grdp)
    low = sorted((r.get_attribute("data-indicator"), i) for r in rows
                 for i, c in enumerate(r.find_elements(By.TAG_NAME, "td")) if "low" in (c.get_attribute("class") or ""))
    wb = workbook_highlights(srv, tmp)
    check("and highlights the cells the workbook's Summary highlights", low == wb, f"page {low} workbook {wb}")


def workbook_highlights(srv, tmp):
    """(indicator, column) of the cells whose conditional format holds in
    the workbook's Summary: the rules evaluated on its values."""
    import openpyxl
    path = os.path.join(tmp, "summary-check.xlsx")
    srv.run("--lang", "vi", "report", "--period", "2016-07", "--unit", "22", "--out", path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    import csv
    import io
    out = srv.run("catalog", "indicators", "--format", "csv").stdout
    names = {r["name_vi"]: r["code"] for r in csv.DictReader(io.StringIO(out))}
    got = []
    for row in ws.iter_rows(min_row=5):
        name = row[1].value
        if name not in names:
            continue
        code = names[name]
        ix, yx, pp, pace = (row[c].value for c in (7, 8, 9, 10))
        for col, v in ((7, ix), (8, yx)):
            if isinstance(v, (int, float)) and round(v + 1e-9, 1) < 100:
                got.append((code, col))
        if isinstance(pp, (int, float)) and isinstance(pace, (int, float)) and round(pp + 1e-9, 1) < round(pace + 1e-9, 1):
            got.append((code, 9))
    return sorted(got)


def stored(srv):
    return sqlite3.connect(srv.db).execute("SELECT count(*) FROM obs").fetchone()[0]


def main():
    provstat = os.path.abspath(sys.argv[1])
    shots = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "portal-screenshots")
    os.makedirs(shots, exist_ok=True)
    srv = Server(provstat)
    load = subprocess.run(["sh", "scripts/load-sample.sh", provstat, srv.db], capture_output=True, text=True)
    check("the sample is loaded", load.returncode == 0, load.stderr[-500:])
    srv.add_user("ana", "office-password-193", "--reporter", "CCTK_193")
    srv.add_user("lead", "leader-password-1", "--role", "leader")
    srv.start()
    tmp = tempfile.mkdtemp(prefix="provstat-browser-")
    d = None
    try:
        # inside the try: a browser that cannot start must still stop the
        # server, or the test run waits on it forever
        d = browser(tmp)
        p = Page(d, srv, shots)
        for step in (office_month, other_office_refused, leader_reads, leader_summary):
            try:
                step(p, tmp, srv)
            except Exception as e:  # noqa: BLE001 - a step that breaks is a failure, named
                p.shot(f"error-{step.__name__}")
                check(f"{step.__name__} runs to its end", False, f"{type(e).__name__}: {str(e).splitlines()[0]}")
    finally:
        if d is not None:
            d.quit()
        rc = srv.stop()
    check("the server stops cleanly", rc == 0, rc)
    print(f"{failed()} failed; screenshots in {shots}")
    return 1 if failed() else 0


if __name__ == "__main__":
    sys.exit(main())
