"""Machine-readable reports, parsed and checked field by field."""
import unittest

from prfaq_test import DRAFT_BROKEN, IDEA, TestCase


class Test(TestCase):
    def setUp(self):
        self.r = self.repo({
            "content/a/broken.md": DRAFT_BROKEN,
            "content/ok.md": IDEA.format(title="OK"),
            "content/Ünïcode dir/x y.md": IDEA.format(title="spaces"),
        })

    def test_json_findings_and_summary(self):
        res = self.r.run("check", "--format", "json")
        self.assertEqual(res.returncode, 1, res.stderr)
        doc = self.json(res)
        self.assertEqual(doc["version"], 1)
        self.assertEqual(doc["summary"], {"briefs": 3, "errors": 2, "warnings": 6})
        rules = [(f["file"], f["line"], f["column"], f["severity"], f["rule"]) for f in doc["findings"]]
        self.assertIn(("content/a/broken.md", 5, 12, "warning", "weasel-words"), rules)
        self.assertIn(("content/a/broken.md", 16, 1, "error", "faq-unanswered"), rules)
        self.assertIn(("content/Ünïcode dir/x y.md", 1, 1, "error", "slug-malformed"), rules)
        self.assertEqual(rules, sorted(rules, key=lambda r: (r[0], r[1], r[2], r[4])))
        briefs = {b["slug"]: b for b in doc["briefs"]}
        self.assertEqual(briefs["broken"]["status"], "draft")
        self.assertEqual(briefs["broken"]["readiness"], "idea")
        self.assertEqual(briefs["ok"]["readiness"], "idea")
        self.assertEqual(briefs["ok"]["errors"], 0)

    def test_json_clean_repository(self):
        r = self.repo({"content/ok.md": IDEA.format(title="OK")})
        res = r.run("check", "--format=json")
        self.assertEqual(res.returncode, 0)
        doc = self.json(res)
        self.assertEqual(doc["findings"], [])
        self.assertEqual(doc["summary"], {"briefs": 1, "errors": 0, "warnings": 0})

    def test_sarif_is_valid_2_1_0(self):
        res = self.r.run("check", "--format", "sarif")
        self.assertEqual(res.returncode, 1, res.stderr)
        doc = self.json(res)
        self.assertEqual(doc["version"], "2.1.0")
        self.assertEqual(len(doc["runs"]), 1)
        run = doc["runs"][0]
        driver = run["tool"]["driver"]
        self.assertEqual(driver["name"], "prfaq")
        ids = [r["id"] for r in driver["rules"]]
        self.assertEqual(len(ids), len(set(ids)))
        for r in driver["rules"]:
            self.assertTrue(r["shortDescription"]["text"])
            self.assertIn(r["defaultConfiguration"]["level"], ("error", "warning"))
        self.assertEqual(len(run["results"]), 8)
        for result in run["results"]:
            self.assertEqual(ids[result["ruleIndex"]], result["ruleId"])
            self.assertIn(result["level"], ("error", "warning"))
            self.assertTrue(result["message"]["text"])
            loc = result["locations"][0]["physicalLocation"]
            self.assertEqual(loc["artifactLocation"]["uriBaseId"], "SRCROOT")
            self.assertGreaterEqual(loc["region"]["startLine"], 1)
            self.assertGreaterEqual(loc["region"]["startColumn"], 1)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
        self.assertIn("content/%C3%9Cn%C3%AFcode%20dir/x%20y.md", uris)
        unanswered = [r for r in run["results"] if r["ruleId"] == "faq-unanswered"][0]
        self.assertEqual(unanswered["level"], "error")
        self.assertEqual(unanswered["locations"][0]["physicalLocation"]["region"], {"startLine": 16, "startColumn": 1})

    def test_rules_json_lists_every_rule(self):
        res = self.r.run("rules", "--format", "json")
        self.assertEqual(res.returncode, 0)
        rules = self.json(res)
        by_id = {r["id"]: r for r in rules}
        self.assertEqual(by_id["faq-unanswered"]["from"], "draft")
        self.assertEqual(by_id["weasel-words"]["severity"], "warning")
        self.assertIsNone(by_id["weasel-words"]["from"])
        self.assertIn("slug-collision", by_id)

    def test_list_json(self):
        res = self.r.run("list", "--format", "json")
        self.assertEqual(res.returncode, 0, res.stderr)
        rows = {b["slug"]: b for b in self.json(res)}
        self.assertEqual(rows["broken"]["owner"], ["ana@acme.example"])
        self.assertEqual(rows["broken"]["readiness"], "idea")
        self.assertEqual(rows["ok"]["title"], "OK")


if __name__ == "__main__":
    unittest.main()
