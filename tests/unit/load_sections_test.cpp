// load/sections.cpp: sections and FAQ questions in every layout
// brief-format.md lists.
#include "support.h"

#include "load/sections.h"

using namespace prfaq;
using namespace prfaq::test;

namespace {

SectionKind kind_of(std::string_view heading) { return classify_heading(heading, default_config()); }

// Sections as "kind@line title", questions as "line: text (answered|UNANSWERED)".
std::string kind_name(SectionKind k) {
  switch (k) {
    case SectionKind::other: return "other";
    case SectionKind::press_release: return "press_release";
    case SectionKind::customer_faq: return "customer_faq";
    case SectionKind::internal_faq: return "internal_faq";
    case SectionKind::faq_umbrella: return "faq_umbrella";
    case SectionKind::journey: return "journey";
    case SectionKind::metrics: return "metrics";
  }
  return "?";
}

std::vector<std::string> sections_of(const Brief& b) {
  std::vector<std::string> out;
  for (const auto& s : b.body.sections)
    out.push_back(kind_name(s.kind) + "@" + std::to_string(s.pos.line) + " " + s.title);
  return out;
}

std::vector<std::string> questions_of(const Brief& b, SectionKind kind) {
  std::vector<std::string> out;
  for (const auto& s : b.body.sections)
    if (s.kind == kind)
      for (const auto& q : s.questions)
        out.push_back(std::to_string(q.pos.line) + ": " + q.text + (q.answered ? " (answered)" : " (UNANSWERED)"));
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("press release headings", "[sections]") {
  CHECK(kind_of("Press release") == SectionKind::press_release);
  CHECK(kind_of("PRESS RELEASE") == SectionKind::press_release);
  CHECK(kind_of("PR") == SectionKind::press_release);
  CHECK(kind_of("Announcement") == SectionKind::press_release);
  CHECK(kind_of("Future press release") == SectionKind::press_release);
  CHECK(kind_of("The Press Release") == SectionKind::press_release);
}

TEST_CASE("a leading number, Part N and a trailing parenthesis are ignored", "[sections]") {
  CHECK(kind_of("2. Press Release") == SectionKind::press_release);
  CHECK(kind_of("1) Press release:") == SectionKind::press_release);
  CHECK(kind_of("Part 1 - Press release") == SectionKind::press_release);
  CHECK(kind_of("Part One: PR") == SectionKind::press_release);
  CHECK(kind_of("Press release (draft)") == SectionKind::press_release);
  CHECK(kind_of("3. Customer FAQ (External)") == SectionKind::customer_faq);
  CHECK(kind_of("Part 2 - Internal FAQs (Stakeholders)") == SectionKind::internal_faq);
}

TEST_CASE("Part N may be followed by an en dash or an em dash, as word processors write it", "[sections]") {
  CHECK(kind_of("Part 1 \u2013 Press release") == SectionKind::press_release);
  CHECK(kind_of("Part I\u2014PR") == SectionKind::press_release);
  CHECK(kind_of("2 \u2013 Announcement") == SectionKind::press_release);
}

TEST_CASE("customer FAQ headings", "[sections]") {
  CHECK(kind_of("Customer FAQ") == SectionKind::customer_faq);
  CHECK(kind_of("External FAQs") == SectionKind::customer_faq);
  CHECK(kind_of("User questions") == SectionKind::customer_faq);
  CHECK(kind_of("Questions from adopters") == SectionKind::customer_faq);
}

TEST_CASE("internal FAQ headings", "[sections]") {
  CHECK(kind_of("Internal FAQ") == SectionKind::internal_faq);
  CHECK(kind_of("Stakeholder FAQ") == SectionKind::internal_faq);
  CHECK(kind_of("Technical questions") == SectionKind::internal_faq);
  CHECK(kind_of("Business FAQ") == SectionKind::internal_faq);
  CHECK(kind_of("Engineering FAQs") == SectionKind::internal_faq);
}

TEST_CASE("a plain FAQ heading is an umbrella", "[sections]") {
  CHECK(kind_of("FAQ") == SectionKind::faq_umbrella);
  CHECK(kind_of("FAQs") == SectionKind::faq_umbrella);
  CHECK(kind_of("Frequently asked questions") == SectionKind::faq_umbrella);
}

TEST_CASE("other headings are not FAQ or press release", "[sections]") {
  CHECK(kind_of("Customer") == SectionKind::other);
  CHECK(kind_of("Pricing") == SectionKind::other);
  CHECK(kind_of("Prerequisites") == SectionKind::other);
  CHECK(kind_of("User journey") == SectionKind::journey);
  CHECK(kind_of("Metrics") == SectionKind::metrics);
  CHECK(kind_of("Business case") == SectionKind::metrics);
}

TEST_CASE("a heading's words are runs of ASCII letters and digits, in any case", "[sections]") {
  CHECK(kind_of("FAQ's") == SectionKind::faq_umbrella);
  CHECK(kind_of("FAQ2") == SectionKind::other);
  CHECK(kind_of("customer-faq") == SectionKind::customer_faq);
  CHECK(kind_of("INTERNAL   faqs\t") == SectionKind::internal_faq);
  CHECK(kind_of("\xC3\x89quipe FAQ\xC3\xA9") == SectionKind::faq_umbrella);  // not letters: "quipe", "faq"
  CHECK(kind_of("Faq\xC2\xA0Internal") == SectionKind::internal_faq);     // a no-break space parts words
  CHECK(kind_of("Usersfaq") == SectionKind::other);
  CHECK(kind_of("The journey's end") == SectionKind::journey);
}

TEST_CASE("extra section names come from prfaq.toml", "[sections]") {
  Config c = config_of("[sections]\npress_release = [\"Launch Memo\"]\ncustomer_faq = [\"Ask us\"]\n"
                       "internal_faq = [\"Hard calls\"]\n");
  CHECK(classify_heading("Launch memo", c) == SectionKind::press_release);
  CHECK(classify_heading("2. Ask Us", c) == SectionKind::customer_faq);
  CHECK(classify_heading("Hard calls (team)", c) == SectionKind::internal_faq);
}

TEST_CASE("canonical layout: ## sections, ### questions", "[sections]") {
  Brief b = load(idea_brief(R"(## Press release

Acme launched it.

## Customer FAQ

### How much does it cost?

It is free.

## Internal FAQ

### What is the biggest risk?

Card limits.
)"));
  CHECK(sections_of(b) == Lines{"press_release@6 Press release", "customer_faq@10 Customer FAQ",
                                "internal_faq@16 Internal FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"12: How much does it cost? (answered)"});
  CHECK(questions_of(b, SectionKind::internal_faq) == Lines{"18: What is the biggest risk? (answered)"});
  CHECK(b.body.sections[0].pos == Position{6, 1});
  CHECK(b.body.sections[1].questions[0].heading);
}

TEST_CASE("sections at level 3 under a level-2 title", "[sections]") {
  Brief b = load(idea_brief(R"(## Instant Refunds

### Press release

Text.

### Customer FAQ

#### Is it free?

Yes.
)"));
  CHECK(sections_of(b) == Lines{"other@6 Instant Refunds", "press_release@8 Press release",
                                "customer_faq@12 Customer FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"14: Is it free? (answered)"});
}

TEST_CASE("umbrella ## FAQ with ### Customer FAQ and ### Internal FAQ, questions at ####", "[sections]") {
  Brief b = load(idea_brief(R"(## FAQ

### Customer FAQ

#### How much?

Free.

### Internal FAQ

#### Who builds it?

Payments.
)"));
  CHECK(sections_of(b) == Lines{"faq_umbrella@6 FAQ", "customer_faq@8 Customer FAQ", "internal_faq@14 Internal FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"10: How much? (answered)"});
  CHECK(questions_of(b, SectionKind::internal_faq) == Lines{"16: Who builds it? (answered)"});
}

TEST_CASE("umbrella subsections need only an audience word", "[sections]") {
  Brief b = load(idea_brief("## Frequently asked questions\n\n### External\n\n#### Q?\n\nA.\n\n### Internal\n\n"
                            "#### R?\n\nB.\n"));
  CHECK(sections_of(b) == Lines{"faq_umbrella@6 Frequently asked questions", "customer_faq@8 External",
                                "internal_faq@14 Internal"});
}

TEST_CASE("an umbrella with no FAQ subsections is the customer FAQ", "[sections]") {
  Brief b = load(idea_brief("## FAQ\n\n### How much?\n\nFree.\n\n### Why?\n"));
  CHECK(sections_of(b) == Lines{"customer_faq@6 FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: How much? (answered)", "12: Why? (UNANSWERED)"});
}

TEST_CASE("umbrella questions that name an audience stay questions", "[sections]") {
  Brief b = load(idea_brief("## FAQ\n\n### Who are the users?\n\nShoppers.\n\n### Is the technical risk high?\n\nNo.\n"));
  CHECK(sections_of(b) == Lines{"customer_faq@6 FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) ==
        Lines{"8: Who are the users? (answered)", "12: Is the technical risk high? (answered)"});
}

TEST_CASE("a PR/FAQ title with only a press release holds no FAQ", "[sections]") {
  Brief b = load(idea_brief("# Refunds PR/FAQ\n\n## Press release\n\nText.\n"));
  CHECK(sections_of(b) == Lines{"faq_umbrella@6 Refunds PR/FAQ", "press_release@8 Press release"});
  CHECK(b.body.find(SectionKind::customer_faq) == nullptr);
}

TEST_CASE("a PR/FAQ title heading is not the customer FAQ", "[sections]") {
  // "# Instant Refunds PR/FAQ" names the document, and holds its sections.
  Brief b = load(idea_brief(R"(# Instant Refunds PR/FAQ

## Press release

Text.

## FAQ

### How much?

Free.
)"));
  CHECK(sections_of(b) == Lines{"faq_umbrella@6 Instant Refunds PR/FAQ", "press_release@8 Press release",
                                "customer_faq@12 FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"14: How much? (answered)"});
}

TEST_CASE("a PR/FAQ title over the canonical sections", "[sections]") {
  Brief b = load(idea_brief("# Refunds PR/FAQ\n\n## Press release\n\nText.\n\n## Customer FAQ\n\n### Q?\n\nA.\n\n"
                            "## Internal FAQ\n\n### R?\n\nB.\n"));
  CHECK(sections_of(b) == Lines{"faq_umbrella@6 Refunds PR/FAQ", "press_release@8 Press release",
                                "customer_faq@12 Customer FAQ", "internal_faq@18 Internal FAQ"});
}

TEST_CASE("numbered and parenthesised section headings", "[sections]") {
  Brief b = load(idea_brief(R"(## 1. Press Release

Text.

## Part 2 - Customer FAQ (External)

### Is it free?

Yes.

## 3. Internal FAQ (Stakeholders)

### Who pays?

We do.
)"));
  CHECK(sections_of(b) == Lines{"press_release@6 1. Press Release", "customer_faq@10 Part 2 - Customer FAQ (External)",
                                "internal_faq@16 3. Internal FAQ (Stakeholders)"});
}

TEST_CASE("bold **Q: ...?** paragraphs are questions", "[sections]") {
  Brief b = load(idea_brief(R"(## Customer FAQ

**Q: How much does it cost?**

It is free.

**Is there a limit?** No, there is none.

**Q1. Where does it work?**

**C2. What about refunds**

Everywhere.

**Not a question.** Just bold.
)"));
  CHECK(questions_of(b, SectionKind::customer_faq) ==
        Lines{"8: Q: How much does it cost? (answered)", "12: Is there a limit? (answered)",
              "14: Q1. Where does it work? (UNANSWERED)", "16: C2. What about refunds (answered)"});
  CHECK_FALSE(b.body.sections[0].questions[0].heading);
}

TEST_CASE("a bold Q: label before the question is a Q: paragraph", "[sections]") {
  Brief b = load(idea_brief(R"(## Internal FAQ

**Q:** How much does it cost?

**A:** Four engineers.

**Q1.** Who signs off?
**A1.** Legal.

**Q:** Is it done?
)"));
  CHECK(questions_of(b, SectionKind::internal_faq) ==
        Lines{"8: Q: How much does it cost? (answered)", "12: Q1. Who signs off? (answered)",
              "15: Q: Is it done? (UNANSWERED)"});
}

TEST_CASE("Q: paragraphs with A: answers are questions", "[sections]") {
  Brief b = load(idea_brief(R"(## Internal FAQ

Q: What does it cost?
A: Four engineers.

Q: Who signs off?

A: Legal.

Q: What is the risk? A: Card limits.

Q: Is it done?
)"));
  CHECK(questions_of(b, SectionKind::internal_faq) ==
        Lines{"8: Q: What does it cost? (answered)", "11: Q: Who signs off? (answered)",
              "15: Q: What is the risk? (answered)", "17: Q: Is it done? (UNANSWERED)"});
}

TEST_CASE("a blank A: label left from a template is no answer", "[sections]") {
  Brief b = load(idea_brief(R"(## Internal FAQ

Q: What does it cost?
A:

Q: Who signs off?

**A1.**

**Q: What is the risk?** A:

Q: Is it done? A:

Q: And the date?
A: 2027.

Q: Any plan?
Also yes.
)"));
  CHECK(questions_of(b, SectionKind::internal_faq) ==
        Lines{"8: Q: What does it cost? (UNANSWERED)", "11: Q: Who signs off? (UNANSWERED)",
              "15: Q: What is the risk? (UNANSWERED)", "17: Q: Is it done? (UNANSWERED)",
              "19: Q: And the date? (answered)", "22: Q: Any plan? (answered)"});
}

TEST_CASE("numbered list items ending in ? are questions, their nested content the answer", "[sections]") {
  Brief b = load(idea_brief(R"(## Customer FAQ

1. How much does it cost?
   It is free.
2. Where does it work?

   In 30 countries.
3. Is there an app?
)"));
  CHECK(questions_of(b, SectionKind::customer_faq) ==
        Lines{"8: How much does it cost? (answered)", "10: Where does it work? (answered)",
              "13: Is there an app? (UNANSWERED)"});
}

TEST_CASE("a numbered question's answer runs to the next question, even outside the item", "[sections]") {
  // brief-format.md: the answer is everything up to the next question.
  Brief b = load(idea_brief("## Customer FAQ\n\n1. Is there an app?\n2. A statement.\n"));
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: Is there an app? (answered)"});
}

TEST_CASE("bullet items are not questions", "[sections]") {
  Brief b = load(idea_brief("## Customer FAQ\n\n- How much?\n- Why?\n"));
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{});
}

TEST_CASE("a thematic break is no answer", "[sections]") {
  Brief b = load(idea_brief("## Customer FAQ\n\n### How much?\n\n---\n\n### Why?\n\nBecause.\n\n---\n"));
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: How much? (UNANSWERED)", "12: Why? (answered)"});
}

TEST_CASE("a thematic break inside an answer is ignored", "[sections]") {
  Brief b = load(idea_brief("## Customer FAQ\n\n### How much?\n\n---\n\nFree.\n"));
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: How much? (answered)"});
}

TEST_CASE("an answer is everything up to the next question or section", "[sections]") {
  Brief b = load(idea_brief(R"(## Customer FAQ

### Is it free?

#### Details

## Internal FAQ

### Who builds it?

- Payments
)"));
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: Is it free? (UNANSWERED)"});
  CHECK(questions_of(b, SectionKind::internal_faq) == Lines{"14: Who builds it? (answered)"});
}

TEST_CASE("code, tables and quotes answer a question, HTML comments do not", "[sections]") {
  Brief b = load(idea_brief("## Customer FAQ\n\n### A?\n\n```\ncode\n```\n\n### B?\n\n| x |\n|---|\n| 1 |\n\n"
                            "### C?\n\n> quoted\n\n### D?\n\n<!-- later -->\n"));
  CHECK(questions_of(b, SectionKind::customer_faq) ==
        Lines{"8: A? (answered)", "14: B? (answered)", "20: C? (answered)", "24: D? (UNANSWERED)"});
}

TEST_CASE("a question heading mentioning customer questions stays a question", "[sections]") {
  Brief b = load(idea_brief(R"(## Customer FAQ

### What questions do customers ask first?

About the price.

## Internal FAQ

### Who answers user questions?

Support.
)"));
  CHECK(sections_of(b) == Lines{"customer_faq@6 Customer FAQ", "internal_faq@12 Internal FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: What questions do customers ask first? (answered)"});
  CHECK(questions_of(b, SectionKind::internal_faq) == Lines{"14: Who answers user questions? (answered)"});
  CHECK(b.body.faq_words == 14);  // each block counted once
}

TEST_CASE("headings deeper than a question are not questions", "[sections]") {
  Brief b = load(idea_brief("## Customer FAQ\n\n### Pricing\n\n#### Is it free?\n\nYes.\n"));
  CHECK(questions_of(b, SectionKind::customer_faq) == Lines{"8: Pricing (answered)"});
}

TEST_CASE("words are counted in the press release's prose and in both FAQs", "[sections]") {
  Brief b = load(idea_brief("## Press release\n\nOne two three.\n\n> Four five.\n\n```\nnot counted\n```\n\n"
                            "## Customer FAQ\n\n### Why?\n\nBecause so.\n\n## Internal FAQ\n\n### Who?\n\nUs.\n"));
  CHECK(b.body.press_release.words == 5);
  CHECK(b.body.press_release.sentences == 2);
  CHECK(b.body.faq_words == 5);
}

TEST_CASE("code spans in headings are part of the heading's text", "[sections]") {
  Brief b = load(idea_brief(R"(## `Customer` FAQ

### Does it run `make`?

Yes.

### Does it work `offline?`

Yes.

## Internal FAQ

### Why `![x](y.png)` here?

Because.
)"));
  CHECK(sections_of(b) == Lines{"customer_faq@6 Customer FAQ", "internal_faq@16 Internal FAQ"});
  CHECK(questions_of(b, SectionKind::customer_faq) ==
        Lines{"8: Does it run make? (answered)", "12: Does it work offline? (answered)"});
  CHECK(questions_of(b, SectionKind::internal_faq) == Lines{"18: Why ![x](y.png) here? (answered)"});
}

TEST_CASE("code spans and images in paragraphs are not prose", "[sections]") {
  Brief b = load(idea_brief("Run `make all` then ![a shot](s.png) done.\n"));
  REQUIRE(b.body.blocks.size() == 1);
  CHECK(b.body.blocks[0].text == "Run   then  done.");
}
