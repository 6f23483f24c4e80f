#!/usr/bin/env python3
"""The applicant's side of the web desk in a real browser (headless Chromium, Selenium, /usr/bin/chromedriver).

Three applicants, each registering with its 统一社会信用代码 and filling its call's form, generated from the call folder:

- Hubei (十堰蓝海): registers — first with a typo in its code, refused with the check-character message — fills the
  form from Samples/data/applicant-hubei-industrial-model-2026.yaml leaving 单位地址 blank and typing a wrong code,
  sees both findings beside those fields, fixes them, downloads the 申报书 (LibreOffice opens it, the values are in
  its text, no 【待补充 mark), and submits it — the book as a PDF made by LibreOffice, plus the three 佐证材料 the call
  asks for — to 十堰市经济和信息化局, which the page picks out by the book's own 推荐单位 among the bureaus of two
  市州. The bureau sees it in its inbox with no error; the applicant cannot open the bureau's pages.
- Guangdong (东莞云图): the form refuses a fourth tick in a 最多选3项 group; its Word book, downloaded and ticked a
  fourth time in Word's XML, is uploaded as the applicant's own book (读入并检查): the four ticks come back, the
  count is shown over the limit and the finding stands beside the group; one tick off, no error, submitted to
  东莞市工业和信息化局, whose inbox shows it with no error.
- Wuhan 培育库 (光谷智算): the enterprise record form filled from Samples/wuhan-ai-enterprise-2025/enterprises.csv; the
  classification and counted revenue the page shows after saving are what `shenbao classify` says of the same
  row — and again after the AI revenue is retyped.

    SHENBAO_BIN=.build-web/debug/shenbao SHENBAO_SCREENSHOTS=docs/screenshots python3 Tests/Browser/applicant_browser_test.py

The server start-up and helpers are desk_browser_test.py's (ChromiumDesk).
"""
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import yaml
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_browser_test import (BINARY, CALL, PAGE_TIMEOUT, READ_TIMEOUT, REPO, ChromiumDesk, PageWait,  # noqa: E402
                               soffice_convert, tiny_pdf)

DATA_FILE = REPO / "Samples" / "data" / f"applicant-{CALL}.yaml"
USCC = "91420300NYQM61362U"
USCC_TYPO = "91420300NYQM61362X"
APPLICANT = "十堰蓝海信息技术有限公司"
APPLICANT_CONTACT = "彭嘉霞，15446875432"
BUREAU_LOGIN = "shiyan"
BUREAU_NAME = "十堰市经济和信息化局"  # the sample's cover.recommender
BUREAU_REGION = "十堰市"
OTHER_HUBEI_BUREAU = ("wuhan", "武汉市经济和信息化局", "武汉市")  # the same call, another 市州
BLANK_FIELD, BLANK_LABEL = "org.address", "单位地址"
USCC_FIELD = "org.uscc"
# The call's submission.evidence, named as EvidenceRule matches them (by file name).
EVIDENCE = (("营业执照.pdf", "Business licence"), ("上年度企业纳税证明.pdf", "Tax certificate"),
            ("上年度审计报告.pdf", "Audit report"))

GD_CALL = "guangdong-ai-scenario-2023"
GD_DATA_FILE = REPO / "Samples" / "data" / f"applicant-{GD_CALL}.yaml"
GD_BUREAU = ("dongguan", "东莞市工业和信息化局", "东莞市")
GD_LIMITED = "org.tech_directions"      # 主要人工智能技术方向（最多选3项）: the sample ticks three
GD_FOURTH = "计算机视觉"                 # …and the form refuses this fourth
GD_OVER = "org.industries"              # 主要服务行业和领域（最多选3项）: the sample ticks two; Word gets two more
GD_TICKED_IN_WORD = ("农林牧渔", "采矿")  # options of that group only

ENTERPRISE_CALL = "wuhan-ai-enterprise-2025"
ENTERPRISE_CSV = REPO / "Samples" / ENTERPRISE_CALL / "enterprises.csv"
ENTERPRISE_RETYPED = ("biz.annual.ai_revenue", "1500")  # 15 % of 10000 and ≤ 2000 万元: 不纳入, where the row's 60 % is 核心

def load_data_file(path: Path) -> dict:
    """The sample data file (flow-style YAML: PyYAML, which `make test-deps` installs, reads it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def tick_in_docx(path: Path, option: str):
    """Ticks one more box in the Word book as a company does in Word: ☐option becomes ☑option (once in the book)."""
    with zipfile.ZipFile(path) as book:
        infos = book.infolist()
        parts = {info.filename: book.read(info.filename) for info in infos}
    body = parts["word/document.xml"].decode("utf-8")
    assert body.count("☐" + option) == 1, f"☐{option} is not once in {path.name}"
    parts["word/document.xml"] = body.replace("☐" + option, "☑" + option).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for info in infos:
            book.writestr(info, parts[info.filename])


def flatten(data: dict, prefix="") -> list:
    """(field id, value) pairs: nested keys joined by dots; a {start, end} pair stays one value (an 起止日期)."""
    pairs = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and not set(value) <= {"start", "end"}:
            pairs.extend(flatten(value, name + "."))
        else:
            pairs.append((name, value))
    return pairs


def text_of(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class ApplicantInChromium(ChromiumDesk):
    @classmethod
    def prepare(cls):
        cls.bureau_password = "Bureau-" + os.urandom(9).hex()
        cls.applicant_password = "Applicant-" + os.urandom(6).hex()
        for login, name, region, call in ((BUREAU_LOGIN, BUREAU_NAME, BUREAU_REGION, CALL), OTHER_HUBEI_BUREAU + (CALL,),
                                          GD_BUREAU + (GD_CALL,)):
            created = subprocess.run([str(BINARY), "serve", "--data", str(cls.data), "--create-bureau", login],
                                     env=dict(cls.env, SHENBAO_BUREAU_PASSWORD=cls.bureau_password,
                                              SHENBAO_BUREAU_NAME=name, SHENBAO_BUREAU_REGION=region,
                                              SHENBAO_BUREAU_CALLS=call),
                                     capture_output=True, text=True, timeout=120)
            assert created.returncode == 0, f"--create-bureau {login} failed: {created.stderr}"

    def setUp(self):
        self.driver.delete_all_cookies()  # each applicant starts signed out

    # -- helpers -------------------------------------------------------------------------------------------------

    def field_box(self, field_id):
        """The field's container on the form (its label, input, help and findings)."""
        boxes = self.driver.find_elements(By.CSS_SELECTOR, f".appform-field[data-field='{field_id}']")
        self.assertEqual(len(boxes), 1, f"the form has {len(boxes)} containers for {field_id}")
        return boxes[0]

    def typed(self, name, text):
        inputs = self.driver.find_elements(By.NAME, name)
        self.assertEqual(len(inputs), 1, f"the form has {len(inputs)} inputs named {name!r}")
        element = inputs[0]
        element.clear()
        if text:
            element.send_keys(text)
        return element

    def choose(self, field_id, value, multiple=False):
        """Clicks the radio (or checkbox) of `value`; 「其他：说明」 picks 其他 and types the note."""
        option, note = (value.split("：", 1) + [None])[:2] if value.startswith("其他：") else (value, None)
        kind = "checkbox" if multiple else "radio"
        boxes = self.driver.find_elements(By.CSS_SELECTOR, f"input[type={kind}][name='{field_id}']")
        self.assertTrue(boxes, f"no {kind} buttons named {field_id}")
        matching = [b for b in boxes if (b.get_attribute("value") == option if note is None
                                         else b.get_attribute("value").startswith("其他"))]
        self.assertEqual(len(matching), 1, f"{field_id}: no single option {value!r} among "
                         f"{[b.get_attribute('value') for b in boxes]}")
        box = matching[0]
        label = f"label[for='{box.get_attribute('id')}']"
        # A click on the label can be lost while the page is still settling: click again until the box shows it,
        # and fail naming the option when it never does.
        for _ in range(3):
            if box.is_selected():
                break
            self.driver.find_element(By.CSS_SELECTOR, label).click()
            try:
                PageWait(self.driver, 2).until(lambda _: box.is_selected())
            except TimeoutException:
                pass
        self.assertTrue(box.is_selected(), f"{field_id}: clicking 「{value}」 did not select it")
        if note is not None:
            self.typed(field_id + ".note", note)

    def fill(self, field_id, value):
        if isinstance(value, dict):  # 起止日期
            self.typed(field_id + ".start", value.get("start", ""))
            self.typed(field_id + ".end", value.get("end", ""))
        elif isinstance(value, list):
            if self.driver.find_elements(By.CSS_SELECTOR, f"input[type=checkbox][name='{field_id}']"):
                for item in value:
                    self.choose(field_id, item, multiple=True)
            else:  # a list: one row per item
                for index, item in enumerate(value):
                    self.typed(f"{field_id}[{index}]", text_of(item))
        elif self.driver.find_elements(By.CSS_SELECTOR, f"input[type=radio][name='{field_id}']"):
            self.choose(field_id, value)
        else:
            self.typed(field_id, text_of(value))

    def save_and_check(self):
        self.submit("form.application", "保存并检查")
        return self.shown("main p.notice[role=status]", what="the notice after saving").text

    def error_count(self, notice):
        if "没有发现问题" in notice:
            return 0
        found = re.search(r"发现错误 (\d+) 项", notice)
        self.assertTrue(found, f"the notice after saving does not count errors: {notice!r}")
        return int(found.group(1))

    def status_of(self, path):
        """The HTTP status of a GET with the browser's cookies (Selenium cannot read a page's status)."""
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=PAGE_TIMEOUT) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    def page_text(self, path):
        cookie = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(self.base + path, headers={"Cookie": cookie})
        try:
            with urllib.request.urlopen(request, timeout=PAGE_TIMEOUT) as answer:
                return answer.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return ""

    def downloaded(self, suffix, before):
        def done(_):
            names = list(self.downloads.iterdir())
            finished = [p for p in names if p.name.endswith("." + suffix) and p.name not in before]
            partial = [p for p in names if p.name.endswith(".crdownload")]
            return finished[0] if finished and not partial and finished[0].stat().st_size > 0 else False
        try:
            return self.wait(READ_TIMEOUT).until(done)
        except TimeoutException:
            self.fail(f"no .{suffix} download within {READ_TIMEOUT} s: {list(self.downloads.iterdir())}")

    def register(self, uscc, name, contact):
        self.open("/register")
        self.shown("#uscc").send_keys(uscc)
        self.driver.find_element(By.ID, "name").send_keys(name)
        self.driver.find_element(By.ID, "contact").send_keys(contact)
        self.driver.find_element(By.ID, "password").send_keys(self.applicant_password)
        self.submit("form[action='/register']", "注册")

    def start(self, call, name, uscc_field, uscc):
        """开始填写 `call` on 我的申报; returns the application's path. Registration fills the name and code in."""
        Select(self.driver.find_element(By.ID, "call")).select_by_value(call)
        self.submit("form[action='/applications']", "开始填写")
        path = "/" + self.driver.current_url.split("/", 3)[3]
        self.assertRegex(path, r"^/applications/\d+$", "开始填写 did not open the application")
        self.assertEqual(self.driver.find_element(By.NAME, uscc_field).get_attribute("value"), uscc,
                         "registration did not fill the code in")
        self.assertTrue(name in [e.get_attribute("value") for e in self.driver.find_elements(By.CSS_SELECTOR, "input[type=text]")],
                        "registration did not fill the name in")
        return path

    def download_book(self, folder):
        """申报书（Word）, downloaded and moved to `folder`/申报书.docx; with its text as LibreOffice reads it."""
        before = {p.name for p in self.downloads.iterdir()}
        self.driver.find_element(By.LINK_TEXT, "申报书（Word）").click()
        book = self.downloaded("docx", before)
        self.downloaded_name = book.name
        folder.mkdir(parents=True, exist_ok=True)
        book = Path(shutil.move(str(book), str(folder / "申报书.docx")))
        converted = folder / "text"
        soffice_convert([book], "txt:Text (encoded):UTF8", converted, self.work / "lo-profile")
        return book, (converted / "申报书.txt").read_text(encoding="utf-8-sig")

    def stamped_copy(self, book):
        """The stamped copy a company mails: here the book as LibreOffice prints it (without a seal)."""
        soffice_convert([book], "pdf", book.parent, self.work / "lo-profile")
        stamped = book.parent / "申报书（盖章）.pdf"
        (book.parent / "申报书.pdf").rename(stamped)
        return stamped

    def submit_to(self, inbox_id, attachments):
        """提交给推荐单位 with the files attached; waits until the page says 已提交给; returns the status text."""
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit']")
        self.assertNotIn("项错误", form.text, "the submit form still says there are errors")
        Select(self.driver.find_element(By.ID, "bureau")).select_by_value(inbox_id)
        self.driver.find_element(By.ID, "attachments").send_keys("\n".join(str(p) for p in attachments))
        form.find_element(By.XPATH, ".//button[normalize-space()='提交']").click()

        def submitted(driver):
            status = driver.find_elements(By.ID, "application-status")
            if status and "已提交给" in status[0].text:
                return status[0].text
            shown = driver.find_elements(By.CSS_SELECTOR, "form[action$='/submit'] .progress span")
            if shown and ("失败" in shown[0].text or "错误" in shown[0].text or "不能" in shown[0].text):
                raise AssertionError(f"submitting was refused: {shown[0].text}")
            return False
        try:
            status = self.wait(READ_TIMEOUT).until(submitted)
        except TimeoutException:
            self.fail(f"the page did not say 已提交给 within {READ_TIMEOUT} s: {self.body()[:800]}")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "form[action$='/submit']"),
                         "the submit form is still offered after submitting")
        return status

    def bureau_sees(self, login, inbox_id, applicant):
        """The bureau's inbox lists the submission (read in the background: reload until it is there) with its Word
        book and PDF and no error; returns its row and the warnings on its page."""
        self.login(login, self.bureau_password)
        self.open(f"/inboxes/{inbox_id}")
        self.shown("form[data-upload]")

        def listed(driver):
            try:
                rows = self.inbox_rows()
            except Exception:
                rows = []
            if rows:
                return rows
            driver.refresh()
            self.shown("main h1")
            return False
        try:
            rows = self.wait(READ_TIMEOUT).until(listed)
        except TimeoutException:
            self.fail(f"the submission did not reach the inbox within {READ_TIMEOUT} s: {self.body()[:800]}")
        self.assertEqual(len(rows), 1, f"the inbox lists {rows}")
        row = rows[0]
        self.assertEqual(row["申报单位"], applicant, f"the inbox names another applicant: {row}")
        self.assertEqual((row["Word"], row["PDF"]), ("有", "有"), f"Word and PDF not both received: {row}")
        self.driver.get(row["href"])
        self.shown("dl.facts")
        errors = [tr.text for tr in self.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr.error")]
        self.assertEqual(row["错误"], "0", f"the submitted application has errors in the bureau's inbox: {row}; {errors}")
        self.assertEqual(errors, [], "the submission page lists errors")
        warnings = [tr.text for tr in self.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr.warning")]
        self.logout()
        return row, warnings

    def bureau_options(self):
        """The 推荐单位 select's options: (text, value, 市州 group, selected)."""
        return [(o.text, o.get_attribute("value"), o.get_attribute("data-region"), o.is_selected())
                for o in Select(self.driver.find_element(By.ID, "bureau")).options]

    def limited_group(self, field_id):
        """A 最多选N项 group: its checkboxes by option, and its count line."""
        box = self.field_box(field_id)
        boxes = {b.get_attribute("value"): b for b in box.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")}
        return boxes, box.find_element(By.CSS_SELECTOR, ".appform-status").text

    def click_option(self, checkbox):
        self.driver.find_element(By.CSS_SELECTOR, f"label[for='{checkbox.get_attribute('id')}']").click()

    # -- Hubei: 必填 and 统一社会信用代码 --------------------------------------------------------------------------

    def test_a_hubei_applicant_registers_fills_fixes_downloads_and_submits(self):
        timings = {}
        data = load_data_file(DATA_FILE)
        pairs = flatten(data)
        values = dict(pairs)
        self.assertEqual(values[USCC_FIELD], USCC, "the sample data file changed")
        self.assertTrue(values[BLANK_FIELD], "the sample data file has no 单位地址")

        # Registering: a typo in the code is refused with the check-character message, the typed values kept.
        self.register(USCC_TYPO, APPLICANT, APPLICANT_CONTACT)
        message = self.shown("p.notice.error", what="the registration error").text
        self.assertIn("校验位不正确", message, f"a wrong check character is not what the page says: {message}")
        self.assertIn("「U」", message, f"the message does not say which check character is right: {message}")
        self.assertEqual(self.driver.find_element(By.ID, "name").get_attribute("value"), APPLICANT,
                         "the refused form lost the 单位名称 typed")
        self.typed("uscc", USCC)
        self.typed("password", self.applicant_password)
        self.submit("form[action='/register']", "注册")
        self.assertEqual(self.heading(), "我的申报", f"registering did not sign in to 我的申报: {self.body()[:500]}")
        self.assertIn(USCC, self.driver.find_element(By.CSS_SELECTOR, "main p.meta").text)

        application_path = self.start(CALL, APPLICANT, USCC_FIELD, USCC)
        self.assertEqual(self.driver.find_element(By.NAME, "org.name").get_attribute("value"), APPLICANT)

        # Fill the form from the sample data, leaving 单位地址 blank and typing a wrong code.
        mark = time.monotonic()
        for field_id, value in pairs:
            if field_id == BLANK_FIELD:
                self.typed(field_id, "")
            elif field_id == USCC_FIELD:
                self.typed(field_id, USCC_TYPO)
            else:
                self.fill(field_id, value)
        timings["filling"] = time.monotonic() - mark
        notice = self.save_and_check()
        self.assertEqual(self.error_count(notice), 2, f"expected exactly the two planted errors: {notice!r}; "
                         f"{[e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '.appform-findings li.error')]}")

        # Both findings beside their fields, the inputs marked invalid.
        for field_id, expected in ((BLANK_FIELD, f"缺少必填项「{BLANK_LABEL}」"), (USCC_FIELD, "校验位不正确")):
            box = self.field_box(field_id)
            self.assertIn("has-error", box.get_attribute("class"), f"{field_id} is not marked as having an error")
            findings = box.find_elements(By.CSS_SELECTOR, ".appform-findings li.error")
            self.assertTrue(any(expected in f.text for f in findings),
                            f"{expected!r} is not shown beside {field_id}: {[f.text for f in findings]}")
            field = self.driver.find_element(By.NAME, field_id)
            self.assertEqual(field.get_attribute("aria-invalid"), "true", f"{field_id} is not aria-invalid")
            self.assertIn(f"{field.get_attribute('id')}-findings", field.get_attribute("aria-describedby") or "",
                          f"{field_id}'s finding is not tied to its input")
        # The list at the top leads to both fields.
        links = self.driver.find_elements(By.CSS_SELECTOR, "nav.appform-todo li.error a")
        self.assertEqual(sorted(a.get_attribute("hash") for a in links),
                         sorted("#" + self.field_box(f).get_attribute("id") for f in (BLANK_FIELD, USCC_FIELD)),
                         "需要处理的栏目 does not link to the two fields")
        # Only those two fields carry errors; what was typed came back.
        flagged = sorted(b.get_attribute("data-field") for b in self.driver.find_elements(By.CSS_SELECTOR, ".appform-field.has-error"))
        self.assertEqual(flagged, sorted([BLANK_FIELD, USCC_FIELD]), "other fields carry errors")
        self.assertEqual(self.driver.find_element(By.NAME, "model.name").get_attribute("value"), values["model.name"])
        self.assertEqual(self.driver.find_element(By.NAME, "org.intro").get_attribute("value"), values["org.intro"],
                         "the 单位情况介绍 (paragraphs) did not come back as typed")
        self.assertIn("还有 2 项错误", self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit']").text)
        self.screenshot("applicant-form-findings.png")

        # The 推荐单位: the bureaus of this call grouped by 市州, the one the book names (十堰) picked out; the
        # bureau's pages are not the applicant's (its inbox id is what the select offers).
        options = self.bureau_options()
        self.assertEqual(sorted((text, region, chosen) for text, _, region, chosen in options),
                         sorted([(f"{BUREAU_NAME}（{BUREAU_REGION}）", BUREAU_REGION, True),
                                 (f"{OTHER_HUBEI_BUREAU[1]}（{OTHER_HUBEI_BUREAU[2]}）", OTHER_HUBEI_BUREAU[2], False)]),
                         f"推荐单位 offers {options}")
        inbox_id = next(value for _, value, region, _ in options if region == BUREAU_REGION)
        region = Select(self.driver.find_element(By.ID, "bureau-region"))
        self.assertEqual(region.first_selected_option.text, BUREAU_REGION, "所在市州 is not the book's 市州")
        region.select_by_visible_text(OTHER_HUBEI_BUREAU[2])  # narrowing to 武汉市 hides 十堰's bureau
        shown = [o.text for o in Select(self.driver.find_element(By.ID, "bureau")).options
                 if not self.driver.execute_script("return arguments[0].parentNode.disabled || arguments[0].parentNode.hidden", o)]
        self.assertEqual(shown, [f"{OTHER_HUBEI_BUREAU[1]}（{OTHER_HUBEI_BUREAU[2]}）"], f"所在市州 武汉市 still offers {shown}")
        region.select_by_visible_text(BUREAU_REGION)
        for path in (f"/inboxes/{inbox_id}", "/admin/accounts"):
            self.assertEqual(self.status_of(path), 404, f"the applicant can open {path}")
        self.assertNotIn(f"/inboxes/{inbox_id}", self.page_text("/inboxes"), "/inboxes lists the bureau's inbox to the applicant")

        # The list shows the errors.
        self.open("/applications")
        self.shown("#applications")
        cells = [td.text for td in self.driver.find_elements(By.CSS_SELECTOR, "#applications tbody tr td")]
        self.assertEqual(cells[1], "2", f"我的申报 does not count the 2 errors: {cells}")
        self.assertEqual(cells[4], "未提交", f"我的申报 shows another status: {cells}")
        self.screenshot("applicant-list.png")

        # Fix both, save: no error remains.
        self.open(application_path)
        self.shown("form.application")
        self.typed(BLANK_FIELD, values[BLANK_FIELD])
        self.typed(USCC_FIELD, USCC)
        notice = self.save_and_check()
        self.assertEqual(self.error_count(notice), 0, f"errors remain after fixing both: {notice!r}")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, ".appform-field.has-error"), "a field still shows an error")

        # 申报书（Word）: LibreOffice opens it; the values are in it, no 【待补充 mark.
        mark = time.monotonic()
        book, text = self.download_book(self.work / "hubei")
        for what, value in (("单位名称", APPLICANT), ("统一社会信用代码", USCC), ("模型名称", values["model.name"]),
                            ("单位地址", values[BLANK_FIELD]), ("联系人", values["cover.contact"])):
            self.assertIn(value, text, f"the 申报书 does not carry its {what} {value!r}")
        self.assertNotIn(USCC_TYPO, text, "the 申报书 carries the wrong code")
        self.assertNotIn("【待补充", text, "the 申报书 still has 【待补充 marks")
        attachments = [self.stamped_copy(book)]
        for name, content in EVIDENCE:
            (book.parent / name).write_bytes(tiny_pdf(content + " (scan)"))
            attachments.append(book.parent / name)
        timings["download and LibreOffice"] = time.monotonic() - mark

        mark = time.monotonic()
        status = self.submit_to(inbox_id, attachments)
        timings["submitting"] = time.monotonic() - mark
        self.assertIn(f"已提交给{BUREAU_NAME}", status, f"the status names another bureau: {status}")
        self.logout()

        mark = time.monotonic()
        row, warnings = self.bureau_sees(BUREAU_LOGIN, inbox_id, APPLICANT)
        timings["until the bureau sees it"] = time.monotonic() - mark
        submission_path = "/" + row["href"].split("/", 3)[3]

        # The applicant again: its status, and the bureau's pages are not its to open.
        self.login(USCC, self.applicant_password, home="我的申报")
        cells = [td.text for td in self.driver.find_elements(By.CSS_SELECTOR, "#applications tbody tr td")]
        self.assertIn(f"已提交给{BUREAU_NAME}", cells[4], f"我的申报 shows another status: {cells}")
        for path in (f"/inboxes/{inbox_id}", submission_path):
            self.assertEqual(self.status_of(path), 404, f"the applicant can open the bureau's {path}")

        timings["whole test"] = time.monotonic() - self.started
        print("\nhubei applicant: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
              + f"; the bureau's warnings: {warnings}", file=sys.stderr)

    # -- Guangdong: 最多选3项 --------------------------------------------------------------------------------------

    def test_b_guangdong_applicant_goes_over_a_three_choice_limit_in_word_and_fixes_it(self):
        data = load_data_file(GD_DATA_FILE)
        pairs = flatten(data)
        values = dict(pairs)
        applicant, uscc = values["org.name"], values["org.uscc"]
        self.assertEqual(len(values[GD_LIMITED]), 3, "the sample data file no longer ticks three 技术方向")
        self.assertEqual(len(values[GD_OVER]), 2, "the sample data file no longer ticks two 服务行业")

        self.register(uscc, applicant, values["org.contact.name"] + "，" + values["org.contact.mobile"])
        self.assertEqual(self.heading(), "我的申报", f"registering did not sign in: {self.body()[:500]}")
        self.start(GD_CALL, applicant, "org.uscc", uscc)
        for field_id, value in pairs:
            self.fill(field_id, value)

        # Three ticked: the fourth box is disabled, a click on its label ticks nothing.
        boxes, count = self.limited_group(GD_LIMITED)
        self.assertIn("已选满 3 项", count, f"the count line of {GD_LIMITED} says {count!r}")
        self.assertFalse(boxes[GD_FOURTH].is_enabled(), "a fourth 技术方向 can still be ticked")
        self.click_option(boxes[GD_FOURTH])
        self.assertFalse(boxes[GD_FOURTH].is_selected(), "a click ticked a fourth 技术方向")
        notice = self.save_and_check()
        self.assertEqual(self.error_count(notice), 0, f"the sample data has errors: {notice!r}; "
                         f"{[e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '.appform-findings li.error')]}")
        self.assertEqual(sum(b.is_selected() for b in self.limited_group(GD_LIMITED)[0].values()), 3)

        # The book, ticked twice more in Word (a 最多选3项 group with four), uploaded as the applicant's own book.
        book, text = self.download_book(self.work / "guangdong")
        for value in (applicant, uscc, values["scenario.name"]):
            self.assertIn(value, text, f"the 申报书 does not carry {value!r}")
        for option in GD_TICKED_IN_WORD:
            self.assertEqual(text.count("☐" + option), 1, f"☐{option} is not once in the book")
            tick_in_docx(book, option)
        self.driver.find_element(By.ID, "book").send_keys(str(book))
        self.submit("form[action$='/import']", "读入并检查")
        self.shown("form.application")
        boxes, count = self.limited_group(GD_OVER)
        ticked = sorted(option for option, box in boxes.items() if box.is_selected())
        self.assertEqual(ticked, sorted(values[GD_OVER] + list(GD_TICKED_IN_WORD)), f"the four ticks did not come back: {ticked}")
        self.assertIn("已选 4 项，最多只能选 3 项，请取消 1 项", count, f"the count line says {count!r}")
        box = self.field_box(GD_OVER)
        self.assertIn("has-error", box.get_attribute("class"), f"{GD_OVER} is not marked as having an error")
        findings = [f.text for f in box.find_elements(By.CSS_SELECTOR, ".appform-findings li.error")]
        self.assertTrue(any("3" in f and "4" in f for f in findings), f"no finding on the count beside {GD_OVER}: {findings}")
        flagged = [b.get_attribute("data-field") for b in self.driver.find_elements(By.CSS_SELECTOR, ".appform-field.has-error")]
        self.assertEqual(flagged, [GD_OVER], "reading the book back flagged other fields")
        self.assertIn("还有 1 项错误", self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit']").text)
        self.screenshot("applicant-guangdong-over-limit.png")

        # One tick off: no error; the book as it now is goes to 东莞.
        self.click_option(boxes[GD_TICKED_IN_WORD[1]])
        notice = self.save_and_check()
        self.assertEqual(self.error_count(notice), 0, f"errors remain after unticking one: {notice!r}")
        book, text = self.download_book(self.work / "guangdong-fixed")
        self.assertIn("☑" + GD_TICKED_IN_WORD[0], text)
        self.assertIn("☐" + GD_TICKED_IN_WORD[1], text)
        options = self.bureau_options()
        self.assertEqual([(t, c) for t, _, _, c in options], [("请选择推荐单位", True), (f"{GD_BUREAU[1]}（{GD_BUREAU[2]}）", False)],
                         f"推荐单位 offers {options}: the book names none, so none may be picked for the applicant")
        inbox_id = options[1][1]
        # The call prescribes 单位名称-应用场景名称 as the files' name: the Word book downloads so named, and the form
        # says what to name the stamped PDF and which 佐证材料 to attach.
        prescribed = f"{applicant}-{values['scenario.name']}"
        self.assertEqual(self.downloaded_name, prescribed + ".docx", "the 申报书 does not download under the prescribed name")
        self.assertIn(f"「{prescribed}.pdf」", self.driver.find_element(By.ID, "pdf-name").text)
        asked = [li.text for li in self.driver.find_elements(By.CSS_SELECTOR, "#evidence-asked li")]
        self.assertEqual([a.split("（")[0] for a in asked], ["企业营业执照或组织机构代码证书", "用户应用证明"], f"asked for {asked}")
        stamped = self.stamped_copy(book).rename(book.parent / f"{prescribed}.pdf")
        attachments = [stamped]
        for name in ("营业执照.pdf", "用户应用证明.pdf"):
            (book.parent / name).write_bytes(tiny_pdf("Certificate (scan)"))
            attachments.append(book.parent / name)
        status = self.submit_to(inbox_id, attachments)
        self.assertIn(f"已提交给{GD_BUREAU[1]}", status)
        self.logout()
        self.bureau_sees(GD_BUREAU[0], inbox_id, applicant)

    # -- Wuhan 培育库: the classification -------------------------------------------------------------------------

    def classify(self, row):
        """`shenbao classify` on a CSV of the one enterprise: its class, counted value and rule."""
        path = self.work / f"enterprise-{os.urandom(4).hex()}.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
            writer.writerow(row)
        answer = subprocess.run([str(BINARY), "classify", str(path), "--call", ENTERPRISE_CALL, "--format", "json"],
                                env=self.env, capture_output=True, text=True, timeout=120)
        self.assertEqual(answer.returncode, 0, f"shenbao classify failed: {answer.stderr}")
        (enterprise,) = json.loads(answer.stdout)["enterprises"]
        return enterprise

    def shown_classification(self):
        section = self.shown("section#classification", what="the classification")
        heading = section.find_element(By.TAG_NAME, "h2").text
        counted = re.search(r"计入统计的营业收入：([\d.]+) 万元", section.text)
        rule = section.find_element(By.CSS_SELECTOR, "span.code").text
        self.assertTrue(heading.startswith("企业分类："), heading)
        self.assertTrue(counted, f"no counted revenue in {section.text!r}")
        return heading.removeprefix("企业分类："), counted.group(1), rule

    def test_c_enterprise_record_shows_the_classification_classify_gives(self):
        with open(ENTERPRISE_CSV, encoding="utf-8-sig", newline="") as source:
            row = {k: v for k, v in next(csv.DictReader(source)).items() if v}
        self.register(row["basic.uscc"], row["basic.name"], row["basic.contact.name"] + "，" + row["basic.contact.phone"])
        self.assertEqual(self.heading(), "我的申报", f"registering did not sign in: {self.body()[:500]}")
        self.start(ENTERPRISE_CALL, row["basic.name"], "basic.uscc", row["basic.uscc"])
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "section#classification"),
                         "a record not yet saved shows a classification")
        for field_id, value in row.items():
            if self.driver.find_elements(By.CSS_SELECTOR, f"input[type=checkbox][name='{field_id}']"):
                value = re.split(r"[、,，]", value)
            self.fill(field_id, value)
        notice = self.save_and_check()
        self.assertEqual(self.error_count(notice), 0, f"the row has errors: {notice!r}; "
                         f"{[e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '.appform-findings li.error')]}")
        expected = self.classify(row)
        self.assertEqual(self.shown_classification(), (expected["class"], f"{expected['countedValue']:.2f}", expected["rule"]),
                         "the page's classification is not classify's")
        self.screenshot("applicant-enterprise-classification.png")
        # A record filled online: no 申报书 to download or submit (the call has no book template), only its data.
        links = [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=downloads-title] a")]
        self.assertEqual(links, ["数据（YAML，供 shenbao fill 使用）", "数据（JSON）"], f"the downloads offered: {links}")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "form[action$='/submit']"), "a 申报书 submit form is offered")

        # Retyped: another class, still classify's.
        field_id, value = ENTERPRISE_RETYPED
        self.typed(field_id, value)
        self.typed("biz.annual.ai_share", "")
        self.save_and_check()
        retyped = self.classify({**{k: v for k, v in row.items() if k != "biz.annual.ai_share"}, field_id: value})
        self.assertNotEqual(retyped["class"], expected["class"], "the retyped revenue should change the class")
        self.assertEqual(self.shown_classification(), (retyped["class"], f"{retyped['countedValue']:.2f}", retyped["rule"]),
                         "after retyping, the page's classification is not classify's")


if __name__ == "__main__":
    unittest.main(verbosity=2)
