#!/usr/bin/env bash
# Seed corpora for the libFuzzer targets (tests/fuzz/fuzz_*.cpp):
#   tests/fuzz/seeds.sh OUT_DIR
# writes OUT_DIR/brief/ (for fuzz_load_brief, fuzz_check_brief and
# fuzz_render_brief): every brief under content/, every .md file of the
# end-to-end cases (tests/e2e/cases/*.txt, "-- path --" sections), the
# briefs written inline in the unit tests (R"(+++ ... )" strings) and the
# Markdown examples of docs/reference.md; and OUT_DIR/config/ (for
# fuzz_config): the prfaq.toml files of the end-to-end cases and the TOML
# examples of docs/reference.md, the generated one also uncommented; and
# OUT_DIR/index/ (for fuzz_index_file): Git index files that the real git
# writes (versions 2, 3 with an intent-to-add entry and a link, 4, a
# conflict, a split index).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: tests/fuzz/seeds.sh OUT_DIR" >&2; exit 2; }
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$1"
mkdir -p "$out/brief" "$out/config" "$out/index"

n=0
while IFS= read -r -d '' f; do
  cp "$f" "$out/brief/content-$((n += 1)).md"
done < <(find "$root/content" -name '*.md' -print0 | sort -z)

python3 - "$root" "$out" <<'PY'
import glob, os, re, sys
root, out = sys.argv[1], sys.argv[2]
briefs, configs = [], []

def idea(body):  # tests/unit/support.h's idea_brief()
    return '+++\ntitle = "T"\nstatus = "idea"\nowner = "o"\n+++\n' + body

# End-to-end cases: "-- path --" lines start a file; the header sections
# (args, exit, stdout, stderr) are not files.
for case in sorted(glob.glob(os.path.join(root, "tests/e2e/cases/*.txt"))):
    name, body = None, []
    def flush():
        if name and name.endswith(".md"): briefs.append("".join(body))
        elif name and name.endswith("prfaq.toml"): configs.append("".join(body))
    for line in open(case, encoding="utf-8", errors="surrogateescape"):
        m = re.match(r"^-- (.+) --\n?$", line)
        if m:
            flush()
            name, body = m.group(1), []
        else:
            body.append(line)
    flush()

# Briefs and configs written inline in the unit tests.
for src in sorted(glob.glob(os.path.join(root, "tests/unit/*.cpp")) + [os.path.join(root, "tests/unit/support.h")]):
    text = open(src, encoding="utf-8", errors="surrogateescape").read()
    for m in re.finditer(r'R"\((.*?)\)"', text, re.S):
        s = m.group(1)
        if s.startswith("+++"): briefs.append(s)
        elif "\n#" in s or s.startswith("#"): briefs.append(idea(s))  # a body for idea_brief()
        elif re.search(r"^\[(rules|site|review|sections|status|transitions|required_fields)", s, re.M): configs.append(s)

    # idea_brief("...") bodies written as C string literals.
    for m in re.finditer(r'idea_brief\(((?:\s*"(?:[^"\\\n]|\\.)*")+)\s*\)', text):
        lits = re.findall(r'"((?:[^"\\\n]|\\.)*)"', m.group(1))
        briefs.append(idea(bytes("".join(lits), "utf-8", "surrogateescape").decode("unicode_escape")))
    if "complete_brief" in text and src.endswith("support.h"):
        m = re.search(r'std::string text = R"\((.*?)\)";', text, re.S)
        for status in ("idea", "draft", "review", "approved", "launched", "shelved"):
            briefs.append(m.group(1).replace("STATUS", status))

# docs/reference.md: fenced examples.
doc = open(os.path.join(root, "docs/reference.md"), encoding="utf-8").read()
for lang, block in re.findall(r"```(\w*)\n(.*?)```", doc, re.S):
    if block.startswith("+++") or lang == "markdown": briefs.append(block)
    elif lang == "toml":
        configs.append(block)
        if block.startswith("# prfaq.toml"):  # the generated file: its keys uncommented
            configs.append(re.sub(r"^# ([a-z_-]+ = )", r"\1", block, flags=re.M))

for kind, items in (("brief", briefs), ("config", configs)):
    for i, s in enumerate(dict.fromkeys(items)):
        with open(os.path.join(out, kind, "%s-%d" % ("tests" if kind == "brief" else "toml", i)), "w",
                  encoding="utf-8", errors="surrogateescape") as f:
            f.write(s)
PY
# Index files, from a small repository.
repo=$(mktemp -d)
trap 'rm -rf "$repo"' EXIT
g() { git -C "$repo" -c user.email=s@example.com -c user.name=S "$@" >/dev/null 2>&1; }
g init -q -b main
mkdir -p "$repo/content/team" "$repo/content/bundle"
for i in 1 2 3; do echo "brief $i" > "$repo/content/team/b$i.md"; done
echo bundle > "$repo/content/bundle/index.md"
g add -A && g commit -q -m one
cp "$repo/.git/index" "$out/index/v2"
echo new > "$repo/content/team/new.md" && g add -N content/team/new.md
ln -s b1.md "$repo/content/team/link.md" && g add content/team/link.md
cp "$repo/.git/index" "$out/index/v3"
g update-index --index-version 4 && cp "$repo/.git/index" "$out/index/v4"
g update-index --index-version 2 && g reset -q --hard
g checkout -q -b other && echo other > "$repo/content/team/b1.md" && g commit -q -am other
g checkout -q main && echo main > "$repo/content/team/b1.md" && g commit -q -am main
g merge -q other || true
cp "$repo/.git/index" "$out/index/conflict"
g reset -q --hard && g update-index --split-index && cp "$repo/.git/index" "$out/index/split"

echo "seeds: $(ls "$out/brief" | wc -l) briefs, $(ls "$out/config" | wc -l) configs, $(ls "$out/index" | wc -l) indexes in $out"
