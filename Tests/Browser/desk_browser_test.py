#!/usr/bin/env python3
"""The web desk in a real browser: headless Chromium driven by Selenium through /usr/bin/chromedriver.

A clerk's afternoon, end to end, against the real program (`shenbao serve` on a free port of 127.0.0.1, with a
fresh data folder): the administrator creates the bureau with a quota on 账户管理; the bureau's clerk logs in,
uploads the sample inbox (Samples/hubei-industrial-model-2026, one folder per applicant) as a .zip, watches it
being read, opens a submission with errors, recommends up to the quota and is refused one more (推荐名额已满),
downloads the 汇总表 as .docx and .xlsx, and LibreOffice finds in them what it finds in the files
`shenbao summary` writes from the same books.

    python3 Tests/Browser/desk_browser_test.py            # the program: $SHENBAO_BIN, else .build/debug/shenbao
    SHENBAO_BIN=.build-web/debug/shenbao SHENBAO_SCREENSHOTS=docs/screenshots python3 Tests/Browser/desk_browser_test.py

Only the standard library and selenium. Nothing waits a fixed time: every step waits for what the page shows,
with generous limits (reading books on a slow 2-core machine takes minutes).
"""
import base64
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
import zipfile
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

REPO = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SHENBAO_BIN", REPO / ".build/debug/shenbao")).resolve()
CHROMEDRIVER = os.environ.get("SHENBAO_CHROMEDRIVER", "/usr/bin/chromedriver")
CALL = "hubei-industrial-model-2026"
SAMPLES = REPO / "Samples" / CALL
BUREAU_LOGIN = "wuhan"
BUREAU_NAME = "武汉市经济和信息化局"
BUREAU_REGION = "武汉市"
CONTACT = "沈顺，027-85317019"  # no space: see test_b (a space typed in the export form arrives as '+')
SPACED_CONTACT = "沈顺 027-85317019"
QUOTA = 2
READ_TIMEOUT = 300   # reading the inbox's books (worker processes, OCR of stamped copies)
PAGE_TIMEOUT = 60    # an ordinary page
SCREENSHOTS = os.environ.get("SHENBAO_SCREENSHOTS")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def tiny_pdf(text: str) -> bytes:
    """A one-page PDF with a line of text: a scanned certificate as far as the desk is concerned."""
    stream = b"BT /F1 18 Tf 72 770 Td (" + text.encode("ascii") + b") Tj ET"
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def retype_in_docx(path: Path, old: str, new: str):
    """An applicant's typo in the Word copy only (the stamped PDF keeps the right text)."""
    with zipfile.ZipFile(path) as book:
        infos = book.infolist()
        parts = {info.filename: book.read(info.filename) for info in infos}
    body = parts["word/document.xml"].decode("utf-8")
    assert body.count(f">{old}<") == 1, f"{old} is not one run of {path.name}"
    parts["word/document.xml"] = body.replace(f">{old}<", f">{new}<").encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for info in infos:
            book.writestr(info, parts[info.filename])


def sample_inbox(root: Path) -> list:
    """The sample books as a bureau receives them: one folder per applicant (its mail saved as is) holding its Word
    book and stamped PDF. 武汉睿视 also sent its three certificates (no errors then); 十堰蓝海's Word copy carries a
    typo in its 统一社会信用代码 (an error on the field, and the PDF differs); the third sent its book alone.
    Returns the folder names."""
    folders = []
    for book in sorted(SAMPLES.glob("*.docx")):
        stem = book.stem
        folder = root / (stem.split("-")[0] if "有限公司" in stem else stem)
        folder.mkdir(parents=True)
        for path in sorted(SAMPLES.glob(stem + ".*")):
            if path.suffix in (".docx", ".pdf"):
                shutil.copy2(path, folder / path.name)
        folders.append(folder.name)
    clean = root / "武汉睿视智能科技有限公司"
    for name, text in (("营业执照", "Business licence"), ("上年度企业纳税证明", "Tax certificate"), ("上年度审计报告", "Audit report")):
        (clean / f"{name}.pdf").write_bytes(tiny_pdf(text + " (scan)"))
    retype_in_docx(root / "十堰蓝海信息技术有限公司" / "十堰蓝海信息技术有限公司-蓝海智能排产调度模型.docx",
                   "91420300NYQM61362U", "91420300NYQM61362X")
    return folders


def soffice_convert(files, target, outdir: Path, profile: Path):
    """LibreOffice (a private profile, so it never meets another soffice run) converts files to `target`."""
    command = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", target, "--outdir", str(outdir)] + [str(f) for f in files]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise AssertionError(f"soffice failed ({result.returncode}): {result.stderr or result.stdout}")


def normalised(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n"))


class PageWait(WebDriverWait):
    """A WebDriverWait that also polls again when Chromium reports a replaced page's element as an 'unknown error'
    ("Node with given id does not belong to the document") instead of as a stale element: which of the two it
    says depends on when, inside reading the element, the page was swapped."""

    REPLACED = "does not belong to the document"

    def until(self, method, message=""):
        def polled(driver):
            try:
                return method(driver)
            except WebDriverException as error:
                if self.REPLACED in str(error):
                    return False
                raise
        return super().until(polled, message)


class ChromiumDesk(unittest.TestCase):
    """The desk on a free port with a fresh data folder and an administrator, and headless Chromium: the set-up and
    helpers the browser tests share (applicant_browser_test.py imports them). No tests of its own."""

    @classmethod
    def prepare(cls):
        """Runs before the server starts, after the administrator is created: accounts made with the CLI."""

    @classmethod
    def setUpClass(cls):
        if not BINARY.is_file():
            raise AssertionError(f"no program at {BINARY} (build it, or set SHENBAO_BIN)")
        cls.started = time.monotonic()
        cls.work = Path(tempfile.mkdtemp(prefix="shenbao-browser-"))
        cls.addClassCleanup(shutil.rmtree, cls.work, True)
        cls.data = cls.work / "data"
        cls.downloads = cls.work / "downloads"
        cls.downloads.mkdir()
        cls.admin_password = "Admin-" + os.urandom(9).hex()
        cls.bureau_password = "Bureau-" + os.urandom(9).hex()
        cls.env = dict(os.environ, SHENBAO_TEMPLATES=str(REPO / "Templates"), OMP_THREAD_LIMIT="1")

        # The administrator as `make serve` creates it (the password from the environment, never the command line).
        created = subprocess.run([str(BINARY), "serve", "--data", str(cls.data), "--create-admin", "admin"],
                                 env=dict(cls.env, SHENBAO_ADMIN_PASSWORD=cls.admin_password),
                                 capture_output=True, text=True, timeout=120)
        assert created.returncode == 0, f"--create-admin failed: {created.stderr}"
        cls.prepare()

        cls.port = free_port()
        cls.base = f"http://127.0.0.1:{cls.port}"
        cls.server_log = open(cls.work / "server.log", "w+")
        cls.server = subprocess.Popen([str(BINARY), "serve", "--data", str(cls.data), "--host", "127.0.0.1",
                                       "--port", str(cls.port)], env=cls.env, stdout=cls.server_log,
                                      stderr=subprocess.STDOUT, start_new_session=True)
        cls.addClassCleanup(cls.stop_server)
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(cls.base + "/login", timeout=5) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                pass
            if cls.server.poll() is not None or time.monotonic() > deadline:
                cls.server_log.seek(0)
                raise AssertionError(f"the desk did not answer on {cls.base}: {cls.server_log.read()[-2000:]}")
            time.sleep(0.2)  # polling the port, not an assertion

        options = webdriver.ChromeOptions()
        options.binary_location = os.environ.get("SHENBAO_CHROMIUM", "/usr/bin/chromium")
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=zh-CN", "--no-first-run", "--disable-extensions"):
            options.add_argument(argument)
        options.add_experimental_option("prefs", {
            "download.default_directory": str(cls.downloads), "download.prompt_for_download": False,
            "download.directory_upgrade": True, "safebrowsing.enabled": False,
            "intl.accept_languages": "zh-CN,zh",
            # a third download from one page is otherwise held for a permission prompt no one answers
            "profile.default_content_setting_values.automatic_downloads": 1})
        cls.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        cls.addClassCleanup(cls.driver.quit)
        cls.driver.set_window_size(1280, 900)
        cls.driver.set_page_load_timeout(READ_TIMEOUT)
        try:  # the prefs suffice in today's headless mode; older chromedrivers also needed this
            cls.driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(cls.downloads)})
        except Exception:
            pass

    @classmethod
    def stop_server(cls):
        if cls.server.poll() is None:
            cls.server.terminate()
            try:
                cls.server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                cls.server.kill()
                cls.server.wait(timeout=20)
        cls.server_log.close()

    # -- helpers -------------------------------------------------------------------------------------------------

    def wait(self, timeout=PAGE_TIMEOUT):
        """A wait that polls again when the page was replaced between finding an element and reading it (the desk's
        pages reload themselves after a form posts or a job ends)."""
        return PageWait(self.driver, timeout, poll_frequency=0.25,
                        ignored_exceptions=(StaleElementReferenceException,))

    def open(self, path):
        self.driver.get(self.base + path)

    def shown(self, css, timeout=PAGE_TIMEOUT, what=None):
        try:
            return self.wait(timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, css))
        except TimeoutException:
            self.fail(f"{what or css} not shown within {timeout} s on {self.driver.current_url}: "
                      f"{self.driver.find_element(By.TAG_NAME, 'body').text[:800]}")

    def submit(self, form_css, button_text):
        """Clicks a form's button and waits until the browser has left the page it was on."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.driver.find_element(By.CSS_SELECTOR, form_css).find_element(
            By.XPATH, f".//button[normalize-space()='{button_text}']").click()
        self.wait(READ_TIMEOUT).until(lambda d: self.stale(old))
        self.shown("main h1")

    @staticmethod
    def stale(element):
        try:
            element.tag_name
            return False
        except Exception:
            return True

    def heading(self):
        return self.driver.find_element(By.CSS_SELECTOR, "main h1").text

    def login(self, login, password, home="收件箱"):
        self.open("/login")
        self.shown("#login").send_keys(login)
        self.driver.find_element(By.ID, "password").send_keys(password)
        self.submit("form[action='/login']", "登录")
        self.assertEqual(self.heading(), home, f"{login} did not land on {home} after logging in: {self.body()[:500]}")

    def logout(self):
        self.submit("form.logout", "退出登录")
        self.assertEqual(self.heading(), "登录", "退出登录 did not return to the login page")

    def body(self):
        return self.driver.find_element(By.TAG_NAME, "body").text

    def inbox_rows(self):
        """The inbox's submissions table as dicts keyed by column header, with each row's link."""
        table = self.driver.find_element(By.XPATH, "//table[caption[starts-with(normalize-space(), '已收到的申报材料')]]")
        headers = [th.text for th in table.find_elements(By.CSS_SELECTOR, "thead th")]
        rows = []
        for tr in table.find_elements(By.CSS_SELECTOR, "tbody tr"):
            cells = tr.find_elements(By.TAG_NAME, "td")
            if len(cells) != len(headers):
                continue
            row = dict(zip(headers, (c.text for c in cells)))
            row["href"] = cells[0].find_element(By.TAG_NAME, "a").get_attribute("href")
            rows.append(row)
        return rows

    def facts(self):
        """The submission page's facts (申报单位, 材料位置, 推荐意见 …)."""
        terms = self.driver.find_elements(By.CSS_SELECTOR, "dl.facts dt")
        values = self.driver.find_elements(By.CSS_SELECTOR, "dl.facts dd")
        return {t.text: v.text for t, v in zip(terms, values)}

    def screenshot(self, name, width=1100):
        if not SCREENSHOTS:
            return
        folder = Path(SCREENSHOTS)
        folder.mkdir(parents=True, exist_ok=True)
        self.driver.set_window_size(width, 900)
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        self.driver.set_window_size(width, min(max(int(height) + 140, 600), 1500))
        self.driver.save_screenshot(str(folder / name))
        self.driver.set_window_size(1280, 900)

    def decide(self, href, decision_id, note=""):
        self.driver.get(href)
        self.shown("form[action$='/decision']")
        self.driver.find_element(By.CSS_SELECTOR, f"label[for='{decision_id}']").click()
        if note:
            field = self.driver.find_element(By.ID, "note")
            field.clear()
            field.send_keys(note)
        self.submit("form[action$='/decision']", "保存推荐意见")

    def export(self, suffix, contact):
        """The export form: the contact, the format, the button; waits for the finished download and returns its
        path, moved out of the download folder (Chromium would overwrite a file of the same name in place)."""
        field = self.driver.find_element(By.ID, "contact")
        field.clear()
        field.send_keys(contact)
        Select(self.driver.find_element(By.ID, "format")).select_by_value(suffix)
        for old in self.downloads.iterdir():
            old.unlink()
        self.driver.find_element(By.XPATH, "//button[normalize-space()='下载已推荐材料的汇总表']").click()

        def done(_):
            names = [p for p in self.downloads.iterdir()]
            finished = [p for p in names if p.name.endswith("." + suffix)]
            partial = [p for p in names if p.name.endswith(".crdownload")]
            return finished[0] if finished and not partial and finished[0].stat().st_size > 0 else False
        try:
            found = self.wait(READ_TIMEOUT).until(done)
        except TimeoutException:
            self.fail(f"no .{suffix} download within {READ_TIMEOUT} s; downloads: {list(self.downloads.iterdir())}; "
                      f"page: {self.body()[:500]}")
        kept = self.work / "desk" / suffix
        kept.mkdir(parents=True, exist_ok=True)
        return Path(shutil.move(str(found), str(kept / found.name)))


class DeskInChromium(ChromiumDesk):
    # -- the clerk's afternoon -----------------------------------------------------------------------------------

    def test_a_clerk_reads_an_inbox_recommends_and_downloads_the_summary(self):
        timings = {}
        mark = time.monotonic()

        # 账户管理: the administrator creates the bureau with a quota for this call (the command line sets none).
        self.login("admin", self.admin_password)
        self.open("/admin/accounts")
        self.shown("#displayName")
        self.driver.find_element(By.ID, "login").send_keys(BUREAU_LOGIN)
        self.driver.find_element(By.ID, "displayName").send_keys(BUREAU_NAME)
        self.driver.find_element(By.ID, "region").send_keys(BUREAU_REGION)
        self.driver.find_element(By.ID, "password").send_keys(self.bureau_password)
        self.driver.find_element(By.CSS_SELECTOR, f"label[for='call-{CALL}']").click()
        self.driver.find_element(By.ID, f"quota-{CALL}").send_keys(str(QUOTA))
        self.submit("form[action='/admin/accounts']", "创建账户")
        self.assertIn(f"已创建推荐单位账户 {BUREAU_LOGIN}（1 个收件箱）", self.body(), "the bureau was not created")
        self.logout()

        # The clerk logs in and opens the inbox of the call.
        self.login(BUREAU_LOGIN, self.bureau_password)
        links = self.driver.find_elements(By.CSS_SELECTOR, "main table a[href^='/inboxes/']")
        self.assertEqual(len(links), 1, f"the bureau should see one inbox: {self.body()[:500]}")
        quota_cell = self.driver.find_element(By.XPATH, "//main//table//tbody/tr/td[4]").text
        self.assertEqual(quota_cell, str(QUOTA), "收件箱 lists another quota than the administrator gave")
        links[0].click()
        self.shown("form[data-upload]")
        inbox_url = self.driver.current_url
        type(self).inbox_url = inbox_url
        inbox_path = "/" + inbox_url.split("/", 3)[3]
        self.assertIn("尚未收到材料", self.body(), "a new inbox is not empty")

        # The mailed-in books as one .zip, a folder per applicant.
        unpacked = self.work / "收件"
        folders = sample_inbox(unpacked)
        self.assertEqual(len(folders), 3, f"the samples changed: {folders}")
        archive = self.work / "收件-湖北工业模型.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
            for path in sorted(unpacked.rglob("*")):
                zipped.write(path, path.relative_to(unpacked).as_posix())

        # Upload it and watch the progress until the books are read.
        self.driver.find_element(By.ID, "files").send_keys(str(archive))
        self.driver.find_element(By.CSS_SELECTOR, "form[data-upload] button[type=submit]").click()
        seen = {"job-progress": False, "upload-bar": False}

        def finished(driver):
            if driver.find_elements(By.ID, "job-progress"):
                seen["job-progress"] = True
            if driver.find_elements(By.CSS_SELECTOR, "form[data-upload] .progress:not([hidden])"):
                seen["upload-bar"] = True
            found = driver.find_elements(By.ID, "job-finished")
            return found[0] if found else False

        mark = time.monotonic()
        try:
            done = self.wait(READ_TIMEOUT).until(finished)
        except TimeoutException:
            self.fail(f"the upload did not finish within {READ_TIMEOUT} s: {self.body()[:800]}")
        timings["upload and reading"] = time.monotonic() - mark
        self.progress_seen = dict(seen)
        # The books are read in the background: the clerk watched the reading job's page and its bar.
        self.assertIn("/jobs/", self.driver.current_url, "the upload did not lead to its reading job's page")
        self.assertTrue(seen["job-progress"], "no progress bar was shown while the books were read")
        self.assertIn("读取完成，已保存 3 份申报材料", done.text, f"the job's page does not say what was stored: {done.text}")
        back = done.find_elements(By.CSS_SELECTOR, f"a[href='{inbox_path}']")
        self.assertTrue(back, f"#job-finished has no link to the inbox {inbox_path}: {done.text}")
        self.assertNotIn("未接收的文件", done.text, f"the desk refused files of the sample inbox: {done.text}")
        back[0].click()
        self.shown("form[data-upload]")

        # The inbox lists one submission per applicant folder.
        rows = self.inbox_rows()
        self.assertEqual(len(rows), len(folders), f"expected {len(folders)} submissions, the inbox lists {rows}")
        self.assertIn(f"已收到的申报材料（{len(folders)} 份）", self.body())
        for row in rows:
            self.assertEqual((row["Word"], row["PDF"]), ("有", "有"), f"Word and PDF not both received: {row}")
            self.assertTrue(row["申报单位"], f"a submission without 申报单位: {row}")
        self.screenshot("desk-inbox.png")

        # A submission with errors: its page lists each finding with its rule and field.
        with_errors = sorted((row for row in rows if int(row["错误"]) > 0), key=lambda row: -int(row["错误"]))
        self.assertTrue(with_errors, f"no submission of the sample inbox has errors: {rows}")
        self.assertTrue(any(int(row["错误"]) == 0 for row in rows), f"the applicant who sent everything has errors: {rows}")
        flawed = with_errors[0]
        self.driver.get(flawed["href"])
        self.shown("dl.facts")
        self.assertEqual(self.heading(), flawed["申报单位"], "the submission page is another applicant's")
        self.assertEqual(self.facts().get("错误 / 警告"), f"{flawed['错误']} / {flawed['警告']}",
                         "the submission page counts other errors than the inbox")
        findings = []
        for tr in self.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr.error, main table tbody tr.warning"):
            cells = [td.text for td in tr.find_elements(By.TAG_NAME, "td")]
            findings.append((tr.get_attribute("class"), cells))
        errors = [cells for kind, cells in findings if kind == "error"]
        self.assertEqual(len(errors), int(flawed["错误"]), f"the page lists {len(errors)} errors, the inbox counts "
                         f"{flawed['错误']}: {errors}")
        labelled = [cells for cells in errors if re.fullmatch(r"[a-z]+(\.[a-z0-9-]+)+", cells[1]) and cells[2]]
        self.assertTrue(labelled, f"no error with a rule code and a field label: {errors}")
        self.assertIn("field.uscc.check-digit", [cells[1] for cells in labelled], f"the typo is not reported: {errors}")
        self.assertTrue(all(cells[0] == "错误" and cells[3] for cells in errors),
                        f"an error without its severity or message: {errors}")
        self.screenshot("desk-submission.png")

        # 推荐 up to the quota (the fewest errors first), then one more is refused.
        order = sorted(rows, key=lambda row: (int(row["错误"]), row["申报单位"]))
        chosen, rest = order[:QUOTA], order[QUOTA:]
        recommended_places = []
        for row in chosen:
            self.decide(row["href"], "d-yes", note="材料齐全")
            facts = self.facts()
            self.assertEqual(facts.get("推荐意见"), "推荐（材料齐全）", f"the decision was not saved: {facts}")
            recommended_places.append(facts["材料位置"])
        if rest:
            self.decide(rest[0]["href"], "d-yes")
            message = self.shown("p.notice.error", what="the quota message").text
            self.assertIn("推荐名额已满", message, f"recommending beyond the quota: {self.body()[:500]}")
            self.assertIn(f"最多推荐 {QUOTA} 个", message)
            self.driver.get(rest[0]["href"])
            # startswith: an undecided submission shows an empty note as 「未定（）」 today
            self.assertTrue(self.facts().get("推荐意见", "").startswith("未定"), "the refused recommendation was saved")
        self.driver.get(inbox_url)
        self.shown("form[data-upload]")
        meta = self.driver.find_element(By.CSS_SELECTOR, "main p.meta").text
        self.assertIn(f"已推荐 {len(chosen)} 个（名额 {QUOTA} 个）", meta, "the inbox counts other recommendations")
        decisions = {row["申报单位"]: row["推荐意见"] for row in self.inbox_rows()}
        self.assertEqual(decisions, {row["申报单位"]: "推荐" if row in chosen else "未定" for row in rows},
                         "the inbox shows other decisions")

        # The 汇总表 through the export form, as Word and as Excel.
        mark = time.monotonic()
        desk_files = {}
        for suffix in ("docx", "xlsx"):
            desk_files[suffix] = self.export(suffix, CONTACT)
            self.assertEqual(desk_files[suffix].name, f"汇总表-{CALL}.{suffix}", "the download is named otherwise")
        timings["summary downloads"] = time.monotonic() - mark

        # The CLI on exactly the recommended books, laid out as uploaded.
        cli_input = self.work / "cli-input"
        for place in recommended_places:
            matches = [name for name in folders if name in place.split("/")]
            self.assertEqual(len(matches), 1, f"材料位置 {place!r} names none or several of the folders {folders}")
            shutil.copytree(unpacked / matches[0], cli_input / matches[0])
        cli = self.work / "cli"
        cli.mkdir()
        summary = subprocess.run([str(BINARY), "summary", str(cli_input), "--call", CALL, "--recommender", BUREAU_NAME,
                                  "--contact", CONTACT, "--out", str(cli / "cli.docx"), "--out", str(cli / "cli.xlsx")],
                                 env=self.env, capture_output=True, text=True, timeout=READ_TIMEOUT)
        self.assertEqual(summary.returncode, 0, f"shenbao summary failed: {summary.stderr}")

        # LibreOffice opens all four; the desk's and the CLI's say the same.
        mark = time.monotonic()
        converted = self.work / "converted"
        profile = self.work / "lo-profile"
        soffice_convert([desk_files["xlsx"], cli / "cli.xlsx"], "csv:Text - txt - csv (StarCalc):44,34,76", converted, profile)
        soffice_convert([desk_files["docx"], cli / "cli.docx"], "txt:Text (encoded):UTF8", converted, profile)
        timings["LibreOffice"] = time.monotonic() - mark
        for suffix, text in (("xlsx", "csv"), ("docx", "txt")):
            desk_text = normalised((converted / f"汇总表-{CALL}.{text}").read_text(encoding="utf-8-sig"))
            cli_text = normalised((converted / f"cli.{text}").read_text(encoding="utf-8-sig"))
            self.assertEqual(desk_text, cli_text, f"the desk's 汇总表 .{suffix} differs from the CLI's (as LibreOffice reads them)")
            for row in chosen:
                self.assertIn(row["申报单位"], desk_text, f"the .{suffix} 汇总表 leaves out a recommended applicant")
            for row in rest:
                self.assertNotIn(row["申报单位"], desk_text, f"the .{suffix} 汇总表 lists an applicant not recommended")
            self.assertIn(BUREAU_NAME, desk_text, f"the .{suffix} 汇总表 does not name the recommender")
            self.assertIn(CONTACT, desk_text, f"the .{suffix} 汇总表 does not carry the contact")

        timings["whole test"] = time.monotonic() - self.started
        print("\nbrowser test: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
              + f"; #job-progress seen: {self.progress_seen['job-progress']}"
              + f", upload bar seen: {self.progress_seen['upload-bar']}", file=sys.stderr)

    def test_b_a_contact_typed_with_a_space_reaches_the_summary(self):
        """The export form is a GET form, so the browser sends a typed space as '+'; the desk must read it as a
        space (「沈顺 027-85317019」 in the 汇总表, not 「沈顺+027-85317019」)."""
        inbox_url = getattr(type(self), "inbox_url", None)
        if inbox_url is None:
            self.skipTest("test_a did not reach the inbox")
        self.driver.get(inbox_url)
        self.shown("#contact")
        exported = self.export("xlsx", SPACED_CONTACT)
        with zipfile.ZipFile(exported) as workbook:  # the .csv has no 联系人 line
            cells = "".join(workbook.read(name).decode("utf-8") for name in workbook.namelist() if name.endswith(".xml"))
        self.assertIn("联系人及联系方式", cells, "the 汇总表 has no contact line")
        self.assertTrue(SPACED_CONTACT in cells, f"the typed contact {SPACED_CONTACT!r} is not in the 汇总表 as typed "
                      f"({'沈顺+027' in cells and 'it reads 沈顺+027…' or 'not found'})")

    def test_c_pages_print_without_their_forms(self):
        """Printed (Chromium's print to PDF), the inbox keeps its table and drops the upload, export and filter
        forms and the navigation; a submission keeps its facts and findings and drops the decision form."""
        inbox_url = getattr(type(self), "inbox_url", None)
        if inbox_url is None:
            self.skipTest("test_a did not reach the inbox")

        def printed(name):
            data = base64.b64decode(self.driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})["data"])
            path = self.work / f"{name}.pdf"
            path.write_bytes(data)
            return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout

        self.driver.get(inbox_url)
        self.shown("#submissions")
        text = printed("inbox")
        self.assertIn("已收到的申报材料", text, "the printed inbox lost its table")
        for row in self.inbox_rows():
            self.assertIn(row["申报单位"][:4], text, f"the printed inbox lacks {row['申报单位']}")
        for gone in ("上传收到的材料", "下载已推荐材料的汇总表", "筛选", "退出登录"):
            self.assertNotIn(gone, text, f"the printed inbox shows {gone!r}")

        self.driver.find_element(By.CSS_SELECTOR, "#submissions tbody a").click()
        self.shown("dl.facts")
        text = printed("submission")
        for kept in ("统一社会信用代码", "盖章件", "整份材料的问题"):
            self.assertIn(kept, text, f"the printed submission lost {kept!r}")
        for gone in ("保存推荐意见", "替换此文件", "返回收件箱"):
            self.assertNotIn(gone, text, f"the printed submission shows {gone!r}")


if __name__ == "__main__":
    unittest.main(verbosity=2)
