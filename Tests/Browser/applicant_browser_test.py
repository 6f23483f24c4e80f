#!/usr/bin/env python3
"""The applicant's side of the web desk in a real browser (headless Chromium, Selenium, /usr/bin/chromedriver).

An applicant (十堰蓝海) registers — first with a typo in its 统一社会信用代码, which the page refuses with the
check-character message — then fills the Hubei form from Samples/data/applicant-hubei-industrial-model-2026.yaml,
leaving 单位地址 blank and typing a wrong code, sees both findings beside those fields, fixes them, downloads the
申报书 (LibreOffice opens it, the values are in its text, no 【待补充 mark), and submits it — the book as a PDF made
by LibreOffice, plus the three 佐证材料 the call asks for — to 十堰市经济和信息化局. The bureau sees it in its
inbox with no error; the applicant cannot open the bureau's pages.

    SHENBAO_BIN=.build-web/debug/shenbao SHENBAO_SCREENSHOTS=docs/screenshots python3 Tests/Browser/applicant_browser_test.py

The server start-up and helpers are desk_browser_test.py's (ChromiumDesk).
"""
import os
import re
import shutil
import subprocess
import sys
import time
import unittest
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, str(Path(__file__).resolve().parent))
from desk_browser_test import (BINARY, CALL, PAGE_TIMEOUT, READ_TIMEOUT, REPO, ChromiumDesk,  # noqa: E402
                               soffice_convert, tiny_pdf)

DATA_FILE = REPO / "Samples" / "data" / f"applicant-{CALL}.yaml"
USCC = "91420300NYQM61362U"
USCC_TYPO = "91420300NYQM61362X"
APPLICANT = "十堰蓝海信息技术有限公司"
APPLICANT_CONTACT = "彭嘉霞，15446875432"
BUREAU_LOGIN = "shiyan"
BUREAU_NAME = "十堰市经济和信息化局"  # the sample's cover.recommender
BUREAU_REGION = "十堰市"
BLANK_FIELD, BLANK_LABEL = "org.address", "单位地址"
USCC_FIELD = "org.uscc"
# The call's submission.evidence, named as EvidenceRule matches them (by file name).
EVIDENCE = (("营业执照.pdf", "Business licence"), ("上年度企业纳税证明.pdf", "Tax certificate"),
            ("上年度审计报告.pdf", "Audit report"))


def load_data_file(path: Path) -> dict:
    """The sample data file (flow-style YAML: PyYAML, which `make test-deps` installs, reads it)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


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
        created = subprocess.run([str(BINARY), "serve", "--data", str(cls.data), "--create-bureau", BUREAU_LOGIN],
                                 env=dict(cls.env, SHENBAO_BUREAU_PASSWORD=cls.bureau_password,
                                          SHENBAO_BUREAU_NAME=BUREAU_NAME, SHENBAO_BUREAU_REGION=BUREAU_REGION,
                                          SHENBAO_BUREAU_CALLS=CALL),
                                 capture_output=True, text=True, timeout=120)
        assert created.returncode == 0, f"--create-bureau failed: {created.stderr}"

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
        if not matching[0].is_selected():
            self.driver.find_element(By.CSS_SELECTOR, f"label[for='{matching[0].get_attribute('id')}']").click()
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

    # -- the applicant's morning ---------------------------------------------------------------------------------

    def test_an_applicant_registers_fills_fixes_downloads_and_submits(self):
        timings = {}
        data = load_data_file(DATA_FILE)
        pairs = flatten(data)
        values = dict(pairs)
        self.assertEqual(values[USCC_FIELD], USCC, "the sample data file changed")
        self.assertTrue(values[BLANK_FIELD], "the sample data file has no 单位地址")

        # Registering: a typo in the code is refused with the check-character message, the typed values kept.
        mark = time.monotonic()
        self.open("/register")
        self.shown("#uscc").send_keys(USCC_TYPO)
        self.driver.find_element(By.ID, "name").send_keys(APPLICANT)
        self.driver.find_element(By.ID, "contact").send_keys(APPLICANT_CONTACT)
        self.driver.find_element(By.ID, "password").send_keys(self.applicant_password)
        self.submit("form[action='/register']", "注册")
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

        # 开始填写 the Hubei call.
        Select(self.driver.find_element(By.ID, "call")).select_by_value(CALL)
        self.submit("form[action='/applications']", "开始填写")
        application_path = "/" + self.driver.current_url.split("/", 3)[3]
        self.assertRegex(application_path, r"^/applications/\d+$", "开始填写 did not open the application")
        # Registration fills the applicant's name and code in.
        self.assertEqual(self.driver.find_element(By.NAME, "org.name").get_attribute("value"), APPLICANT)
        self.assertEqual(self.driver.find_element(By.NAME, USCC_FIELD).get_attribute("value"), USCC)

        # The bureau's pages are not the applicant's: its inbox (the id the 推荐单位 select offers) is 404.
        bureau_select = Select(self.driver.find_element(By.ID, "bureau"))
        bureaus = {o.text: o.get_attribute("value") for o in bureau_select.options}
        self.assertEqual(list(bureaus), [f"{BUREAU_NAME}（{BUREAU_REGION}）"], f"推荐单位 offers {bureaus}")
        inbox_id = bureaus[f"{BUREAU_NAME}（{BUREAU_REGION}）"]
        for path in (f"/inboxes/{inbox_id}", "/admin/accounts"):
            self.assertEqual(self.status_of(path), 404, f"the applicant can open {path}")
        # /inboxes sends an applicant to 我的申报: it must list no inbox.
        self.assertNotIn(f"/inboxes/{inbox_id}", self.page_text("/inboxes"), "/inboxes lists the bureau's inbox to the applicant")

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
        # Only those two fields carry errors; what was typed came back.
        flagged = sorted(b.get_attribute("data-field") for b in self.driver.find_elements(By.CSS_SELECTOR, ".appform-field.has-error"))
        self.assertEqual(flagged, sorted([BLANK_FIELD, USCC_FIELD]), "other fields carry errors")
        self.assertEqual(self.driver.find_element(By.NAME, "model.name").get_attribute("value"), values["model.name"])
        self.assertEqual(self.driver.find_element(By.NAME, "org.intro").get_attribute("value"), values["org.intro"],
                         "the 单位情况介绍 (paragraphs) did not come back as typed")
        self.assertIn("还有 2 项错误", self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit']").text)
        self.screenshot("applicant-form-findings.png")

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
        before = {p.name for p in self.downloads.iterdir()}
        self.driver.find_element(By.LINK_TEXT, "申报书（Word）").click()
        book = self.downloaded("docx", before)
        kept = self.work / "applicant"
        kept.mkdir()
        book = Path(shutil.move(str(book), str(kept / "申报书.docx")))
        converted, profile = self.work / "applicant-converted", self.work / "lo-profile"
        soffice_convert([book], "txt:Text (encoded):UTF8", converted, profile)
        text = (converted / "申报书.txt").read_text(encoding="utf-8-sig")
        for what, value in (("单位名称", APPLICANT), ("统一社会信用代码", USCC), ("模型名称", values["model.name"]),
                            ("单位地址", values[BLANK_FIELD]), ("联系人", values["cover.contact"])):
            self.assertIn(value, text, f"the 申报书 does not carry its {what} {value!r}")
        self.assertNotIn(USCC_TYPO, text, "the 申报书 carries the wrong code")
        self.assertNotIn("【待补充", text, "the 申报书 still has 【待补充 marks")

        # The stamped copy (here the book as LibreOffice prints it, without a seal) and the 佐证材料.
        soffice_convert([book], "pdf", kept, profile)
        stamped = kept / "申报书（盖章）.pdf"
        (kept / "申报书.pdf").rename(stamped)
        attachments = [stamped]
        for name, content in EVIDENCE:
            (kept / name).write_bytes(tiny_pdf(content + " (scan)"))
            attachments.append(kept / name)
        timings["download and LibreOffice"] = time.monotonic() - mark

        # 提交给推荐单位.
        mark = time.monotonic()
        form = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit']")
        self.assertNotIn("项错误", form.text, "the submit form still says there are errors")
        Select(self.driver.find_element(By.ID, "bureau")).select_by_value(inbox_id)
        self.driver.find_element(By.ID, "attachments").send_keys("\n".join(str(p) for p in attachments))
        form.find_element(By.XPATH, ".//button[normalize-space()='提交']").click()

        def submitted(driver):
            status = driver.find_elements(By.ID, "application-status")
            if status and "已提交给" in status[0].text:
                return status[0]
            shown = driver.find_elements(By.CSS_SELECTOR, "form[action$='/submit'] .progress span")
            if shown and ("失败" in shown[0].text or "错误" in shown[0].text or "不能" in shown[0].text):
                raise AssertionError(f"submitting was refused: {shown[0].text}")
            return False
        try:
            status = self.wait(READ_TIMEOUT).until(submitted).text
        except TimeoutException:
            self.fail(f"the page did not say 已提交给 within {READ_TIMEOUT} s: {self.body()[:800]}")
        timings["submitting"] = time.monotonic() - mark
        self.assertIn(f"已提交给{BUREAU_NAME}", status, f"the status names another bureau: {status}")
        self.assertFalse(self.driver.find_elements(By.CSS_SELECTOR, "form[action$='/submit']"),
                         "the submit form is still offered after submitting")
        self.logout()

        # The bureau: the submission in its inbox (read in the background: reload until it is there), no error.
        mark = time.monotonic()
        self.login(BUREAU_LOGIN, self.bureau_password)
        inbox_path = f"/inboxes/{inbox_id}"
        self.open(inbox_path)
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
        timings["until the bureau sees it"] = time.monotonic() - mark
        self.assertEqual(len(rows), 1, f"the inbox lists {rows}")
        row = rows[0]
        self.assertEqual(row["申报单位"], APPLICANT, f"the inbox names another applicant: {row}")
        self.assertEqual((row["Word"], row["PDF"]), ("有", "有"), f"Word and PDF not both received: {row}")
        self.assertEqual(row["错误"], "0", f"the submitted application has errors in the bureau's inbox: {row}")
        self.driver.get(row["href"])
        self.shown("dl.facts")
        errors = [tr.text for tr in self.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr.error")]
        self.assertEqual(errors, [], "the submission page lists errors")
        warnings = [tr.text for tr in self.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr.warning")]
        submission_path = "/" + row["href"].split("/", 3)[3]
        self.logout()

        # The applicant again: its status, and the bureau's submission page is not its to open.
        self.login(USCC, self.applicant_password, home="我的申报")
        cells = [td.text for td in self.driver.find_elements(By.CSS_SELECTOR, "#applications tbody tr td")]
        self.assertIn(f"已提交给{BUREAU_NAME}", cells[4], f"我的申报 shows another status: {cells}")
        for path in (inbox_path, submission_path):
            self.assertEqual(self.status_of(path), 404, f"the applicant can open the bureau's {path}")

        timings["whole test"] = time.monotonic() - self.started
        print("\napplicant browser test: " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items())
              + f"; the bureau's warnings: {warnings}", file=sys.stderr)


if __name__ == "__main__":
    unittest.main(verbosity=2)
