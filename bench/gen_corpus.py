#!/usr/bin/env python3
"""Write a benchmark corpus of realistic PR/FAQ briefs.

    python3 bench/gen_corpus.py OUTDIR N [--seed S]

Writes N briefs under OUTDIR/content/<org>/ (about 1 in 7 as a bundle
<slug>/index.md with journey screenshots), plus an empty OUTDIR/prfaq.toml.
The same N and seed give the same bytes. Standard library only.

Every brief meets the readiness bar of its own status (brief-format.md): the
corpus measures the normal case, where a check finds no errors. Sentences are
built from templates, so a brief may still draw a few style warnings.
"""

import argparse
import datetime
import os
import posixpath
import random
import struct
import sys
import time
import zlib

ORGS = [
    ("payments", "Payments"), ("growth", "Growth"), ("platform", "Platform"),
    ("search", "Search"), ("mobile", "Mobile"), ("ads", "Ads"),
    ("logistics", "Logistics"), ("marketplace", "Marketplace"),
    ("identity", "Identity"), ("data", "Data Platform"),
    ("devtools", "Developer Tools"), ("support", "Customer Support"),
    ("finance", "Finance Systems"), ("security", "Security"),
    ("retail", "Retail Stores"), ("travel", "Travel"), ("media", "Media"),
    ("health", "Health"), ("education", "Education"),
    ("infrastructure", "Infrastructure"),
]

# A domain keeps one brief's nouns, tasks and customers consistent.
DOMAINS = [
    dict(nouns=["Refunds", "Returns", "Chargebacks", "Payouts"], obj="refund",
         task="get their money back", customers=["online shoppers", "store owners", "finance clerks"]),
    dict(nouns=["Checkout", "Payments", "Wallet", "Split Pay"], obj="payment",
         task="pay for an order", customers=["mobile shoppers", "first-time buyers", "small merchants"]),
    dict(nouns=["Invoices", "Billing", "Receipts", "Expenses"], obj="invoice",
         task="send and collect an invoice", customers=["freelancers", "small business owners", "accountants"]),
    dict(nouns=["Alerts", "Notifications", "Reminders", "Digests"], obj="alert",
         task="hear about a change that matters", customers=["account owners", "on-call engineers", "team leads"]),
    dict(nouns=["Dashboard", "Reports", "Insights", "Scorecards"], obj="report",
         task="see how the business is doing", customers=["store managers", "sales leads", "finance analysts"]),
    dict(nouns=["Search", "Suggestions", "Filters", "Catalog"], obj="search",
         task="find the right product", customers=["shoppers on phones", "catalog editors", "buyers"]),
    dict(nouns=["Delivery", "Tracking", "Pickup", "Lockers"], obj="parcel",
         task="get a parcel on the day they chose", customers=["shoppers who order groceries", "couriers", "warehouse managers"]),
    dict(nouns=["Sign-in", "Passkeys", "Recovery", "Profiles"], obj="sign-in",
         task="get into their account", customers=["returning customers", "support agents", "admins"]),
    dict(nouns=["Pipelines", "Exports", "Backups", "Data Sync"], obj="export",
         task="move their data where they need it", customers=["data engineers", "analysts", "IT admins"]),
    dict(nouns=["Builds", "Deploys", "Previews", "Feature Flags"], obj="build",
         task="ship a change to production", customers=["app developers", "release managers", "QA engineers"]),
    dict(nouns=["Help Center", "Chat", "Callbacks", "Case Notes"], obj="support case",
         task="get an answer from support", customers=["customers with an open case", "support agents", "team leads"]),
    dict(nouns=["Bookings", "Itineraries", "Check-in", "Seat Maps"], obj="booking",
         task="book and change a trip", customers=["business travelers", "travel managers", "families"]),
    dict(nouns=["Playlists", "Subtitles", "Downloads", "Watch Party"], obj="video",
         task="watch what they want where they are", customers=["subscribers", "parents", "commuters"]),
    dict(nouns=["Appointments", "Prescriptions", "Lab Results", "Care Plans"], obj="appointment",
         task="see a doctor without a long wait", customers=["patients", "clinic staff", "caregivers"]),
    dict(nouns=["Courses", "Quizzes", "Certificates", "Study Plans"], obj="lesson",
         task="finish a course they started", customers=["students", "teachers", "training managers"]),
    dict(nouns=["Ads", "Campaigns", "Audiences", "Budgets"], obj="campaign",
         task="reach the right buyers for a fair price", customers=["advertisers", "marketing managers", "agency planners"]),
    dict(nouns=["Listings", "Offers", "Seller Tools", "Reviews"], obj="listing",
         task="sell an item to a buyer they trust", customers=["independent sellers", "buyers", "category managers"]),
    dict(nouns=["Access Reviews", "Audit Logs", "Secrets", "Permissions"], obj="access request",
         task="prove who can see what", customers=["security engineers", "auditors", "IT admins"]),
    dict(nouns=["Inventory", "Shelf Labels", "Stock Counts", "Orders"], obj="stock count",
         task="keep the shelves full", customers=["store associates", "store managers", "buyers"]),
    dict(nouns=["Capacity", "Autoscaling", "Cost Reports", "Clusters"], obj="cluster",
         task="run their service without paging anyone", customers=["service owners", "platform engineers", "finance partners"]),
]

QUALIFIERS = [
    "Instant", "Scheduled", "Bulk", "Offline", "Family", "Guest", "Team", "Shared",
    "Self-serve", "One-tap", "Live", "Automatic", "Multi-currency", "Local", "Express",
    "Private", "Recurring", "Open", "Unified", "Mobile", "Weekly", "Verified", "Flexible",
    "Group", "Partner", "Regional", "Secure", "Voice", "Visual", "Same-day", "Predictive",
    "Simple", "Quick", "Smart", "Clear", "Early", "Global", "Trusted", "Paperless", "Pooled",
]
SUFFIXES = ["", "", "", "", " for Sellers", " API", " for Teams", " Hub", " Plus", " Lite",
            " for Business", " Console", " Center", " Assistant", " Insights"]

FIRST = ["Ana", "Ben", "Chen", "Dana", "Eli", "Fatima", "Gabe", "Hana", "Ivan", "Jada", "Kofi",
         "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Vik",
         "Wen", "Xavi", "Yara", "Zoe", "Maya", "Luis", "Ines", "Noor", "Ruth", "Tomas"]
LAST = ["Adeyemi", "Brooks", "Carter", "Duarte", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
        "Jensen", "Kim", "Lopez", "Mensah", "Nair", "Okafor", "Park", "Reyes", "Sato", "Tanaka",
        "Uddin", "Vargas", "Wong", "Young", "Zhang", "Ortiz", "Rivera", "Chen", "Patel", "Silva"]
TITLES = ["Vice President of {team}", "General Manager of {team}", "Director of {team}",
          "Head of {team}", "Chief Product Officer"]
CITIES = ["SEATTLE", "AUSTIN", "BOSTON", "DENVER", "CHICAGO", "LONDON", "DUBLIN", "TORONTO",
          "BERLIN", "SINGAPORE", "SYDNEY", "NEW YORK"]
PLACES = ["Ohio", "Texas", "Leeds", "Lyon", "Osaka", "Denver", "Austin", "Porto", "Calgary",
          "Madrid", "Perth", "Nairobi", "Pune", "Tucson", "Bristol", "Halifax"]
COMPANIES = ["Northwind", "Contoso Foods", "Blue Yonder Bikes", "Fabrikam", "Tailspin Toys",
             "Litware", "Proseware", "Woodgrove", "Alpine Ski House", "Coho Vineyard"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TAGS = ["payments", "mobile", "web", "api", "retention", "acquisition", "cost", "compliance",
        "ml", "onboarding", "self-serve", "enterprise", "smb", "accessibility", "latency",
        "reliability", "international", "pricing", "support", "privacy"]
ROLES = ["engineering", "design", "marketing"]

STATUSES = ["idea", "draft", "review", "approved", "launched", "shelved"]
STATUS_WEIGHTS = [10, 25, 20, 15, 20, 10]

# Launched briefs launched before this date, so they stay in the past.
PAST_END = datetime.date(2026, 10, 31)

# --- press release sentence templates, one list per paragraph role ---------

PR_OPENERS = [
    "{dateline} {company} today launched {product}, which lets {customer} {task} in {minutes} minutes.",
    "{dateline} {company} today announced {product} for {customer}.",
    "{dateline} {company} today made {product} available to all {customer} in {region}.",
]
PR_SUMMARY = [
    "With {product}, {customer} can {task} without a call, a form or a wait.",
    "It replaces {steps} manual steps with one screen.",
    "The first {pilot} {customer} in the pilot used it {uses} times a week.",
    "{product} is live today on the web, on iOS and on Android.",
    "It works with the {obj} tools that teams already use.",
    "The {team} team built it in {months} months with {pilot} customers.",
    "It is the first {obj} product {company} has built for {customer}.",
]
PR_PROBLEM = [
    "Today, {customer} spend {hours} hours a week on work that {product} now does for them.",
    "To {task}, a customer today goes through {steps} screens and {forms} forms.",
    "In our {year} survey, {pct1}% of {customer} said this was the hardest part of their week.",
    "Each {obj} takes {days} days on average, and {pct2}% of them need a follow-up call.",
    "Support took {calls} calls about this last quarter.",
    "Customers told us they lose track of where each {obj} stands.",
    "When a step goes wrong, nobody can say who owns the next step.",
    "The old process was built for {old} {obj}s a day; today there are {volume}.",
    "{pct3}% of customers who hit this problem did not come back within 90 days.",
    "The cost shows up twice: once in staff time and once in lost orders.",
]
PR_SOLUTION = [
    "{product} puts every {obj} on one page, with its state and its owner.",
    "It checks each {obj} as it arrives and flags the {pct2}% that need a person.",
    "Customers start from the app or the web, and the work carries over between them.",
    "{product} sends a message at each step, so no one has to ask.",
    "The first time a customer uses it, setup takes {minutes} minutes.",
    "It keeps a full record of each {obj} for {retention} days.",
    "Teams can set their own rules, and {product} applies them the same way every time.",
    "For the {pct4}% of cases it cannot handle, it hands off to a person with the history attached.",
    "It runs on the same account, so there is nothing new to sign up for.",
    "The average {obj} now takes {newtime} instead of {days} days.",
]
LEADER_QUOTE = [
    "In {interviews} interviews, {customer} told us they want to {task}.",
    "{product} takes the waiting out of the job.",
    "We measured it with {pilot} pilot customers before we wrote a line of the launch plan.",
    "Every minute we save is a minute our customers spend on their own work.",
    "This is the first of {phases} steps, and the next one ships in {quarter}.",
    "We built it because the old way cost our customers {hours} hours a week.",
]
HOW_IT_WORKS = [
    "To start, open {product} from the main menu and pick a {obj}.",
    "The screen shows what is done, what is next and who is on it.",
    "A customer can share a link with a colleague, who sees the same page.",
    "When a step needs a decision, {product} asks one question and waits.",
    "Reminders go out after {reminder} hours if a step is stuck.",
    "Every change is logged with the time and the person who made it.",
    "Admins can turn each rule on or off in the settings.",
    "The data stays in {region}, and exports come as CSV or JSON.",
    "A weekly summary lists every {obj}, its time and its cost.",
    "If a step fails, {product} retries it {retries} times and then alerts the owner.",
    "It works on screens from a phone to a wall display.",
    "Keyboard users and screen readers get the same flow, tested with {testers} users.",
]
CUSTOMER_QUOTE = [
    "I used to spend my Monday mornings on this, and now it takes {minutes} minutes.",
    "The first week we tried it, our team closed {closed} {obj}s without a single phone call.",
    "I can see where everything stands from my phone.",
    "We stopped keeping our own spreadsheet on day {day}.",
    "My customers noticed before I told them.",
    "It does one job and does it the same way every time.",
]
CTA = [
    "{product} is available today to {customer} in {region}.",
    "It costs {price_text}.",
    "To get started, open the {team} page in your account and choose {product}.",
    "Teams that want help can book a {minutes}-minute setup call.",
    "A guide and a short video are in the help center.",
    "Customers outside {region} can join the waiting list today.",
]

# --- FAQ: each entry is (question, answer sentences) ------------------------

CUSTOMER_QS = [
    ("How much does {product} cost?", [
        "{product} costs {price_text}.", "There is no setup fee and no minimum term.",
        "Customers can cancel at any time from the billing page.",
        "Usage over {volume} {obj}s a month is billed at $0.{cents} each."]),
    ("How do I turn on {product}?", [
        "Open the settings page and switch on {product}.", "It takes effect within {minutes} minutes.",
        "Admins can turn it on for the whole account or for one team at a time.",
        "Nothing changes for users until an admin turns it on."]),
    ("Which countries can use {product}?", [
        "{product} is available in {region} at launch.", "We plan {countries} countries in {quarter}.",
        "Customers elsewhere can join the waiting list from the product page."]),
    ("Does {product} work on my phone?", [
        "Yes. {product} works in the iOS and Android apps and in the mobile browser.",
        "The apps need iOS 16 or Android 12 and above.",
        "The phone and the web show the same data within {seconds} seconds."]),
    ("What happens to my existing {obj}s?", [
        "They stay where they are, and {product} picks them up on the first day.",
        "Nothing is deleted or moved.", "Records older than {retention} days stay in the archive."]),
    ("Can I export my data?", [
        "Yes. Every page has an export button for CSV and JSON.",
        "Exports hold up to {rows} rows.", "An API returns the same data for scripts."]),
    ("Who can see my data?", [
        "Only people in your account with the right role can see it.",
        "Acme staff see it only when you open a support case and grant access.",
        "Every access is logged, and admins can read the log."]),
    ("What if {product} makes a mistake?", [
        "Every action can be undone for {undo} days.",
        "Support answers within {support_hours} hours, and a fix is credited to your account.",
        "In the pilot, {errors} in 10,000 {obj}s needed a correction."]),
    ("How do I get help?", [
        "The help center has a guide and a {minutes}-minute video.",
        "Chat support is open from 6 am to 10 pm in {region}.",
        "Business customers have a named contact."]),
    ("Is {product} accessible?", [
        "Yes. It meets WCAG 2.2 AA.", "We tested it with {testers} users of screen readers and switch controls.",
        "Every action has a keyboard shortcut."]),
    ("Can I try {product} before I pay?", [
        "Yes. There is a free trial of {trial} days with every feature on.",
        "No card is needed for the trial.", "At the end, the account moves to the free plan unless you pick a paid one."]),
    ("Does {product} replace my current tool?", [
        "It can, but it does not have to.", "{product} imports from {imports} tools our customers use today.",
        "Teams can run both side by side for as long as they like."]),
    ("How long does setup take?", [
        "Setup takes {minutes} minutes for a team of {teamsize}.",
        "The setup guide checks each step and says what is missing.",
        "Large accounts can ask for a setup call."]),
    ("What does {product} need from me?", [
        "An account with the admin role and {minutes} minutes.",
        "If you connect other tools, you need their API keys.",
        "Nothing needs to be installed."]),
]

INTERNAL_REQUIRED = [
    ("Who is the customer, and how large is that group?", [
        "Our customers here are {customer}.", "There are {tam} of them across our markets today.",
        "{pct1}% of them told us this problem costs them time every week.",
        "We start with {region}, where {launchshare}% of them are."]),
    ("What does it cost?", [
        "The build takes {headcount} engineers for {months} months, or {cost_text}.",
        "Running it costs {run_text} a year in compute and support.",
        "The business case expects {revenue_text} a year in revenue or savings."]),
    ("What are the biggest risks?", [
        "Adoption: customers keep their old habits.", "We run a {trial}-day trial and a guided setup to lower that risk for the first 1,000 teams.",
        "Load: {volume} {obj}s a day at peak.", "We load-test at 3 times that volume before launch.",
        "Trust: one wrong {obj} can undo months of goodwill.", "Every automatic action can be undone for {undo} days."]),
    ("What are the dependencies?", [
        "The {dep1} team owns the service we read {obj}s from.", "They have agreed to an API by {quarter}.",
        "We also need the {dep2} team for sign-in and the {dep3} team for billing.",
        "No outside vendor is needed."]),
    ("How will we measure success?", [
        "The main metric is {metric1}, from {base1} to {target1} by {bydate}.",
        "We also track {metric2}.", "The Metrics section describes how we count each one.",
        "We review them every month with the {team} leadership team."]),
]
INTERNAL_EXTRA = [
    ("Why now?", [
        "Volume grew from {old} to {volume} {obj}s a day in 2 years.",
        "The old tool is out of support in {quarter}.", "Two competitors launched a similar feature last year."]),
    ("Why build it instead of buying it?", [
        "We looked at {vendors} vendors.", "None of them handled our {obj} volume or our data rules.",
        "Building it costs {cost_text}; the lowest vendor quote was {vendor_text} a year."]),
    ("What did the pilot show?", [
        "{pilot} customers used it for {pilotweeks} weeks.",
        "The median {obj} took {newtime} instead of {days} days.",
        "{pct3}% of pilot customers asked to keep it."]),
    ("What is out of scope for launch?", [
        "Markets outside {region}.", "Custom rules written in code.",
        "A desktop app; the web app covers the same needs."]),
    ("How does this fit the {team} plan for next year?", [
        "It is the first of {phases} steps in the {team} plan.",
        "The next step, in {quarter}, opens the same flow to partners."]),
    ("What are the legal and privacy questions?", [
        "Data stays in {region}.", "Legal reviewed the terms on {reviewdate}.",
        "We keep records for {retention} days, as the contracts require."]),
    ("How do we support it after launch?", [
        "The {team} team is on call for it.", "Support has a runbook and a training of {minutes} minutes.",
        "We expect {calls} support contacts in the first month."]),
    ("What would make us stop?", [
        "If {metric1} has not moved by {pct2}% after 6 months, we stop and write up why.",
        "If the cost per {obj} goes over ${unitcost}, we pause the rollout."]),
]

# Supporting sentences any FAQ answer can draw on; each brief deals them out
# without repeats, so answers do not echo each other.
FILLER = [
    "We checked this number with the {dep1} team.",
    "The pilot data backs this up.",
    "This matches what we heard in {interviews} customer interviews.",
    "We will revisit it after the first {pilotweeks} weeks.",
    "The {team} team owns this decision.",
    "Finance reviewed the figures on {reviewdate}.",
    "The numbers come from our {year} data.",
    "We wrote this down so the review can challenge it.",
    "In the pilot, {pct3}% of customers used this within the first week.",
    "Support logged {calls} contacts on this topic last quarter.",
    "The design team tested this flow with {testers} customers.",
    "Each of the {pilot} pilot customers gave us written feedback.",
    "We keep the old path open for {undo} days after the switch.",
    "Our target is a median of {newtime} per {obj}.",
    "The help center will carry a guide for this from day one.",
    "The settings page explains each option in one sentence.",
    "Admins get an email when a rule changes.",
    "We show the exact state of each {obj}, not a progress bar.",
    "Customers can reach a person at every step.",
    "Nothing here needs a new contract.",
    "Legal reviewed this wording on {reviewdate}.",
    "The first release covers {region}, and others follow in {quarter}.",
    "This step took a median of {days} days before the pilot and {newtime} during it.",
    "At {volume} {obj}s a day, each saved minute adds up to a team of {teamsize}.",
    "This choice keeps the first release to {months} months of work.",
    "The data team runs this report every Monday.",
    "We publish the results in the {team} weekly update.",
    "A customer can switch this off in one click.",
    "The audit log records who changed what and when.",
    "We tested the flow on phones as old as 5 years.",
    "Customers with {teamsize} or more users get a named contact.",
    "We turn it on for 5% of accounts first, then 25%, then everyone.",
    "Each stage of the rollout lasts {pilotweeks} weeks.",
    "If the error rate passes {pct4} in 1,000, the rollout stops.",
    "The on-call rotation for this service has {headcount} engineers.",
    "Pages load in under 1 second for 95% of requests.",
    "The API and the app share one set of rules.",
    "Every number in this answer is in the metrics dashboard.",
    "We asked {interviews} customers to rank this against other requests, and {pct1}% put it first.",
    "Sales asked for this in {closed} account reviews last year.",
    "The {dep2} team reviewed the design on {reviewdate}.",
    "We plan a follow-up review {pilotweeks} weeks after launch.",
    "The answer holds for accounts of every size.",
    "Partners get the same features on the same day.",
    "Training for support staff takes {minutes} minutes.",
    "The change log lists each release with its date.",
    "We budget {reminder} hours a month for maintenance.",
    "No customer data leaves {region}.",
    "Each {obj} keeps its history for {retention} days.",
    "Customers can download that history as a CSV file.",
    "Our goal is to answer this question before the customer has to ask it.",
    "The first version does one thing: it helps {customer} {task}.",
    "We will add features only when a metric calls for them.",
    "The FAQ will grow as the pilot teaches us.",
]

JOURNEY = [
    ("Discover", "The customer sees {product} on the home page"),
    ("Sign up", "An admin turns it on in {minutes} minutes"),
    ("Import", "{product} picks up the existing {obj}s"),
    ("First {obj}", "The customer starts a {obj} from the app"),
    ("Get notified", "A message says the {obj} moved to the next step"),
    ("Share", "The customer sends a link to a colleague"),
    ("Done", "The {obj} is complete in {newtime}"),
    ("Review", "The weekly summary shows time and cost per {obj}"),
]

METRICS = {
    "activation": ("Accounts that finish setup in week 1", "percent", "up"),
    "adoption": ("Active teams using {product}", "teams", "up"),
    "retention": ("Customers still active after 90 days", "percent", "up"),
    "engagement": ("{obj_cap}s per active customer per week", "count", "up"),
    "revenue": ("Monthly revenue from {product}", "USD", "up"),
    "cost": ("Cost per {obj}", "USD", "down"),
    "quality": ("Time to complete a {obj}, median", "hours", "down"),
    "other": ("Support contacts per 1,000 {obj}s", "contacts", "down"),
}

SHELVE_REASONS = [
    "The pilot moved the main metric by {pct4}%, short of the goal; the team moved to {other}",
    "{other} solves the same problem at half the cost",
    "The {dep1} team cannot deliver its API before {quarter}",
    "Legal found the data rules in {region} block the design",
]


def make_png(rgb, w=48, h=80):
    """A small valid PNG: a phone frame in one colour with a button bar."""
    rows = []
    for y in range(h):
        row = bytearray([0])
        for x in range(w):
            if x < 2 or x >= w - 2 or y < 2 or y >= h - 2:
                row += b"\xc8\xcc\xd2"
            elif 50 <= y < 58 and 6 <= x < w - 6:
                row += bytes(rgb)
            elif y < 12:
                row += bytes(c // 2 for c in rgb)
            else:
                row += b"\xff\xff\xff"
        rows.append(bytes(row))

    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
            + chunk(b"IEND", b""))


PNGS = [make_png(c) for c in [(46, 160, 90), (35, 87, 160), (200, 80, 40), (120, 60, 170)]]


def slugify(title):
    out, dash = [], False
    for ch in title.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")[:64].strip("-")


def rand_date(rng, start, end):
    return start + datetime.timedelta(days=rng.randint(0, (end - start).days))


def long_date(d):
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def amount(v, unit):
    return {"percent": f"{v}%", "USD": f"${v:,}", "count": f"{v:,}"}.get(unit, f"{v:,} {unit}")


def money(k):
    """Thousands of dollars as prose: $450,000 or $1.3 million."""
    return f"${k * 1000:,}" if k < 1000 else f"${k / 1000:.1f} million"


def q(s):
    """A TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Corpus:
    def __init__(self, n, seed):
        self.rng = random.Random(seed)
        self.n = n
        self.plan()

    def plan(self):
        """Pick every brief's slug, place and status first, so related and links can name them."""
        rng = self.rng
        self.briefs, seen = [], set()
        for _ in range(self.n):
            dom = rng.randrange(len(DOMAINS))
            title = rng.choice(QUALIFIERS) + " " + rng.choice(DOMAINS[dom]["nouns"]) + rng.choice(SUFFIXES)
            slug = slugify(title)
            k = 2
            while slug in seen:
                slug = f"{slugify(title)}-{k}"
                k += 1
            seen.add(slug)
            org = rng.randrange(len(ORGS))
            bundle = rng.random() < 0.15
            folder = ORGS[org][0]
            path = f"{folder}/{slug}/index.md" if bundle else f"{folder}/{slug}.md"
            status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
            self.briefs.append(dict(title=title, slug=slug, dom=dom, org=org, team_name=ORGS[org][1],
                                    bundle=bundle, path=path, status=status))
        self.by_slug = {x["slug"]: x for x in self.briefs}

    def context(self, b):
        rng = self.rng
        dom = DOMAINS[b["dom"]]
        team = ORGS[b["org"]][1]
        customer = rng.choice(dom["customers"])
        if b["status"] == "launched":
            launch = rand_date(rng, datetime.date(2024, 1, 1), PAST_END - datetime.timedelta(days=30))
        else:
            launch = rand_date(rng, datetime.date(2027, 1, 1), datetime.date(2028, 12, 31))
        headcount, months = rng.randint(2, 12), rng.randint(2, 12)
        cost_k = headcount * months * rng.randint(12, 20)
        price = rng.choice([0, 5, 9, 12, 19, 29, 49, 99])
        deps = [o[1] for o in rng.sample(ORGS, 4) if o[1] != team][:3]
        ctx = dict(
            product=b["title"], company="Acme", team=team, customer=customer,
            customer_cap=customer[0].upper() + customer[1:], task=dom["task"], obj=dom["obj"],
            obj_cap=dom["obj"][0].upper() + dom["obj"][1:],
            dateline=f"{rng.choice(CITIES)}, {long_date(launch)}.",
            region=rng.choice(["the United States", "Europe", "Canada", "Japan", "Australia", "the UK", "Brazil", "India"]),
            minutes=rng.randint(2, 30), steps=rng.randint(4, 14), forms=rng.randint(2, 6),
            pilot=rng.randint(12, 400), uses=rng.randint(3, 40), hours=rng.randint(2, 20),
            year=launch.year - 1, pct1=rng.randint(20, 80), pct2=rng.randint(5, 40),
            pct3=rng.randint(10, 60), pct4=rng.randint(2, 15), days=rng.randint(2, 14),
            calls=f"{rng.randint(2, 90) * 100:,}", old=f"{rng.randint(1, 9) * 100:,}",
            volume=f"{rng.randint(10, 900) * 100:,}", retention=rng.choice([30, 90, 180, 365]),
            newtime=rng.choice(["4 minutes", "20 minutes", "1 hour", "3 hours", "half a day"]),
            interviews=rng.randint(12, 80), phases=rng.randint(2, 4),
            quarter=f"Q{rng.randint(1, 4)} {launch.year + 1}", reminder=rng.choice([4, 12, 24, 48]),
            retries=rng.randint(2, 5), testers=rng.randint(6, 30), closed=rng.randint(20, 300),
            day=rng.randint(2, 9), price_text=("nothing extra on every plan" if price == 0 else f"${price} a month per user"),
            cents=rng.randint(1, 9) * 10, countries=rng.randint(3, 12), seconds=rng.randint(2, 10),
            rows=f"{rng.choice([10, 50, 100, 500])},000", undo=rng.choice([7, 14, 30]),
            support_hours=rng.choice([2, 4, 8, 24]), errors=rng.randint(1, 30), trial=rng.choice([14, 30]),
            imports=rng.randint(3, 8), teamsize=rng.randint(5, 50), tam=f"{rng.randint(20, 9000) * 1000:,}",
            launchshare=rng.randint(20, 60), headcount=headcount, months=months, cost_k=cost_k,
            run_k=rng.randint(20, 400),
            dep1=deps[0], dep2=deps[1], dep3=deps[2],
            vendors=rng.randint(3, 7), vendor_k=rng.randint(100, 900), pilotweeks=rng.randint(4, 12),
            reviewdate=long_date(launch - datetime.timedelta(days=rng.randint(60, 200))),
            unitcost=rng.randint(1, 20), other=self.briefs[rng.randrange(self.n)]["title"],
        )
        ctx["launch"] = launch
        ctx["revenue_k"] = cost_k * rng.randint(2, 9)
        ctx["cost_text"] = money(cost_k)
        ctx["revenue_text"] = money(ctx["revenue_k"])
        ctx["run_text"] = money(ctx["run_k"])
        ctx["vendor_text"] = money(ctx["vendor_k"])
        return ctx

    def sentences(self, pool, ctx, k):
        return " ".join(s.format(**ctx) for s in self.rng.sample(pool, min(k, len(pool))))

    def person(self):
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def email(self):
        return f"{self.rng.choice(FIRST).lower()}.{self.rng.choice(LAST).lower()}@acme.example"

    def front_matter(self, b, ctx, metrics_spec):
        rng = self.rng
        status, launch = b["status"], ctx["launch"]
        headline = f"Acme launches {ctx['product']}: {ctx['customer']} {ctx['task']} in {ctx['minutes']} minutes"
        if len(headline) > 100:
            headline = f"Acme launches {ctx['product']} for {ctx['customer']}"
        out = [
            "+++",
            f"title = {q(ctx['product'])}",
            f"headline = {q(headline)}",
            f"subheadline = {q(ctx['customer_cap'] + ' can ' + ctx['task'] + ' from one page, with no forms and no calls')}",
            f"status = {q(status)}",
            f"owner = [{', '.join(q(self.email()) for _ in range(rng.choice([1, 1, 1, 2])))}]",
            f"team = {q(ctx['team'])}",
            f"customer = {q(ctx['customer_cap'])}",
            f"launch = {launch.isoformat()}",
            f"tags = [{', '.join(q(t) for t in rng.sample(TAGS, rng.randint(1, 4)))}]",
        ]
        rel = [self.briefs[i]["slug"] for i in rng.sample(range(self.n), min(self.n, 3))[:rng.randint(0, 3)]
               if self.briefs[i]["slug"] != b["slug"]]
        b["related_ids"] = rel
        out.append(f"related = [{', '.join(q(s) for s in rel)}]")
        if status == "shelved":
            out.append(f"reason = {q(rng.choice(SHELVE_REASONS).format(**ctx))}")
        steps = [JOURNEY[i] for i in sorted(rng.sample(range(len(JOURNEY)), rng.randint(3, 6)))]
        aha = rng.randrange(len(steps))
        b["screens"] = []
        for i, (step, detail) in enumerate(steps):
            out += ["", "[[journey]]", f"step = {q(step.format(**ctx))}", f"detail = {q(detail.format(**ctx))}"]
            if b["bundle"] and i < 2:
                name = f"screens/step-{i + 1}.png"
                b["screens"].append(name)
                out.append(f"screen = {q(name)}")
            if i == aha:
                out.append("aha = true")
        for m in metrics_spec:
            out += ["", "[[metric]]", f"name = {q(m['name'])}", f"kind = {q(m['kind'])}",
                    f"unit = {q(m['unit'])}", f"baseline = {m['baseline']}", f"target = {m['target']}",
                    f"by = {m['by'].isoformat()}"]
            if m["actuals"]:
                out.append("actuals = [")
                out += [f"  {{ date = {d.isoformat()}, value = {v} }}," for d, v in m["actuals"]]
                out.append("]")
        out += ["", "[business]", f"headcount = {ctx['headcount']}", f"months = {ctx['months']}",
                f"cost = {ctx['cost_k'] * 1000}", f"revenue = {ctx['revenue_k'] * 1000}", 'currency = "USD"']
        approved = status in ("approved", "launched")
        reviews = []
        for role in ROLES:
            day = min(launch - datetime.timedelta(days=rng.randint(40, 120)),
                      PAST_END - datetime.timedelta(days=rng.randint(0, 60)))
            if rng.random() < 0.33:
                reviews.append((role, "changes-requested", day - datetime.timedelta(days=rng.randint(3, 20))))
            reviews.append((role, "approved" if approved else rng.choice(["approved", "pending", "changes-requested"]), day))
        for role, verdict, day in reviews:
            out += ["", "[[review]]", f"who = {q(self.email())}", f"role = {q(role)}",
                    f"verdict = {q(verdict)}", f"date = {day.isoformat()}"]
            if rng.random() < 0.5:
                out.append(f"note = {q(rng.choice(FILLER).format(**ctx))}")
        out += ["+++", ""]
        return "\n".join(out)

    def metrics(self, b, ctx):
        rng = self.rng
        launched = b["status"] == "launched"
        out = []
        for kind in rng.sample(list(METRICS), rng.randint(1, 4)):
            name, unit, direction = METRICS[kind]
            base = rng.randint(10, 500)
            target = base + rng.randint(5, 300) if direction == "up" else max(1, base - rng.randint(5, base))
            if target == base:
                target = base + 1 if direction == "up" else base - 1
            by = ctx["launch"] + datetime.timedelta(days=rng.randint(90, 365))
            actuals = []
            if launched:
                d = ctx["launch"]
                for share in sorted(rng.randint(20, 110) for _ in range(rng.randint(1, 4))):
                    d = min(d + datetime.timedelta(days=rng.randint(20, 60)), PAST_END)
                    actuals.append((d, base + (target - base) * share // 100))
            out.append(dict(name=name.format(**ctx), kind=kind, unit=unit, baseline=base, target=target,
                            by=by, actuals=actuals))
        return out

    def deal(self, k):
        """The next k supporting sentences of this brief's shuffled deck."""
        out = []
        for _ in range(k):
            if not self.deck:
                self.deck = self.rng.sample(FILLER, len(FILLER))
            out.append(self.deck.pop())
        return out

    def answer(self, sentences, ctx):
        """1 to 3 paragraphs, the question's own sentences in order, then
        supporting ones; 1 answer in 6 ends with a list, 1 in 10 with a table."""
        rng = self.rng
        n = rng.randint(1, min(3, len(sentences)))
        cut = sorted(rng.sample(range(1, len(sentences)), n - 1)) if n > 1 else []
        paras = []
        for lo, hi in zip([0] + cut, cut + [len(sentences)]):
            picked = sentences[lo:hi] + self.deal(rng.randint(1, 3))
            paras.append(" ".join(x.format(**ctx) for x in picked))
        r = rng.random()
        if r < 0.16:
            items = rng.sample(HOW_IT_WORKS, rng.randint(3, 5))
            paras.append("\n".join("- " + x.format(**ctx) for x in items))
        elif r < 0.26:
            rows = ["| Quarter | Customers | Cost |", "|---|---:|---:|"]
            for i in range(rng.randint(3, 5)):
                rows.append(f"| Q{i % 4 + 1} {ctx['launch'].year + i // 4} | {rng.randint(1, 90) * 100:,} | ${rng.randint(5, 400)}K |")
            paras.append("\n".join(rows))
        return "\n\n".join(paras)

    def quote(self, pool, ctx, k, who):
        text = self.sentences(pool, ctx, k)
        return f'"{text[:-1]}," said {who}.'

    def body(self, b, ctx, metrics_spec):
        rng = self.rng
        self.deck = []
        leader = f"{self.person()}, {rng.choice(TITLES).format(team=ctx['team'])}"
        cust = f"{self.person()}, {rng.choice(['owner', 'manager', 'lead', 'founder'])} at {rng.choice(COMPANIES)} in {rng.choice(PLACES)}"
        link = ""
        if b["related_ids"]:
            target = self.by_slug[b["related_ids"][0]]
            rel = posixpath.relpath(target["path"], posixpath.dirname(b["path"]))
            link = f" It builds on [{target['title']}]({rel}), which the {target['team_name']} team owns."
        parts = [
            "## Press release",
            rng.choice(PR_OPENERS).format(**ctx) + " " + self.sentences(PR_SUMMARY, ctx, rng.randint(3, 4)),
            self.sentences(PR_PROBLEM, ctx, rng.randint(5, 7)),
            self.sentences(PR_SOLUTION, ctx, rng.randint(5, 7)) + link,
            self.quote(LEADER_QUOTE, ctx, 3, leader),
            self.sentences(HOW_IT_WORKS, ctx, rng.randint(6, 8)),
            self.quote(CUSTOMER_QUOTE, ctx, rng.randint(2, 3), cust),
            self.sentences(CTA, ctx, rng.randint(4, 5)),
        ]
        if b["bundle"]:
            parts.insert(4, f"![{ctx['product']} first screen]({b['screens'][0]})")
        total = rng.randint(10, 20)
        n_internal = min(len(INTERNAL_REQUIRED) + len(INTERNAL_EXTRA), rng.randint(6, max(6, total - 4)))
        parts.append("## Customer FAQ")
        for question, ans in rng.sample(CUSTOMER_QS, min(total - n_internal, len(CUSTOMER_QS))):
            parts += ["### " + question.format(**ctx), self.answer(ans, ctx)]
        parts.append("## Internal FAQ")
        extra = rng.sample(INTERNAL_EXTRA, n_internal - len(INTERNAL_REQUIRED))
        for question, ans in INTERNAL_REQUIRED + extra:
            parts += ["### " + question.format(**ctx), self.answer(ans, ctx)]
        parts.append("## User journey")
        parts.append(f"{self.person().split()[0]} is one of the {ctx['customer']} we met in the pilot. "
                     + self.sentences(HOW_IT_WORKS, ctx, 3))
        parts.append("## Metrics")
        rows = ["| Metric | Baseline | Target | By |", "|---|---:|---:|---|"]
        rows += [f"| {m['name']} | {amount(m['baseline'], m['unit'])} | {amount(m['target'], m['unit'])} | {long_date(m['by'])} |"
                 for m in metrics_spec]
        parts.append("\n".join(rows))
        parts.append(" ".join(x.format(**ctx) for x in self.deal(2)))
        return "\n\n".join(parts) + "\n"

    def write(self, outdir):
        content = os.path.join(outdir, "content")
        made = set()
        files = total = 0
        for b in self.briefs:
            ctx = self.context(b)
            metrics_spec = self.metrics(b, ctx)
            m1, m2 = metrics_spec[0], metrics_spec[-1]
            ctx.update(metric1=m1["name"].lower(), base1=m1["baseline"], target1=m1["target"],
                       bydate=long_date(m1["by"]), metric2=m2["name"].lower())
            text = (self.front_matter(b, ctx, metrics_spec) + self.body(b, ctx, metrics_spec)).encode()
            path = os.path.join(content, b["path"])
            d = os.path.dirname(path)
            if d not in made:
                os.makedirs(d, exist_ok=True)
                made.add(d)
            with open(path, "wb") as f:
                f.write(text)
            files += 1
            total += len(text)
            if b["screens"]:
                os.makedirs(os.path.join(d, "screens"), exist_ok=True)
                for name in b["screens"]:
                    png = PNGS[self.rng.randrange(len(PNGS))]
                    with open(os.path.join(d, name), "wb") as f:
                        f.write(png)
                    files += 1
                    total += len(png)
        cfg = b"# prfaq configuration: every key has a default (see brief-format.md).\n"
        with open(os.path.join(outdir, "prfaq.toml"), "wb") as f:
            f.write(cfg)
        return files + 1, total + len(cfg)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("n", type=int)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    if args.n < 1:
        ap.error("N must be at least 1")
    if os.path.exists(os.path.join(args.outdir, "content")):
        ap.error(f"{args.outdir}/content already exists; pick an empty folder")
    start = time.monotonic()
    files, total = Corpus(args.n, args.seed).write(args.outdir)
    print(f"{files} files, {total} bytes ({total / 1e6:.1f} MB), {args.n} briefs, "
          f"{time.monotonic() - start:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
