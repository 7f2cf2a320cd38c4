"""Checks an evaluation set's questions.jsonl against its docs/: `python3 eval-sets/check.py eval-sets/helpcenter5`.

Takes the set's folder as its one argument, so that every help-center set is checked by the same rules.

Verifies that ids are unique and well formed, that every field has the right type and kind-dependent content, that
every gold article exists, and that every must_contain alternative occurs in at least one of the question's gold
articles as the judge sees them (HTML tags removed and entities decoded; Markdown ** and backticks dropped;
compared case-insensitively with runs of whitespace read as one space). Exits 1 on any problem.
"""
import html
import json
import re
import sys
from collections import Counter
from pathlib import Path

KINDS = {"answerable", "not_answerable", "person"}
FIELDS = ["id", "question", "history", "kind", "gold_docs", "must_contain", "notes"]


def article_text(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    else:
        text = text.replace("**", "").replace("`", "")
    return normalise(text)


def normalise(text):
    return re.sub(r"\s+", " ", text).strip().lower()


def body_words(path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".html":
        body = re.search(r'<div class="hc-article-body">(.*?)</div>\s*<footer', text, re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", body.group(1) if body else text))
    return len(text.split())


def main(argv):
    if len(argv) != 2 or not (Path(argv[1]) / "questions.jsonl").is_file() or not (Path(argv[1]) / "docs").is_dir():
        print("usage: python3 eval-sets/check.py <set folder holding questions.jsonl and docs/>", file=sys.stderr)
        return 2
    here = Path(argv[1]).resolve()
    problems = []
    docs = {f"docs/{p.name}": p for p in sorted((here / "docs").iterdir())}
    texts = {name: article_text(p) for name, p in docs.items()}
    for name, p in docs.items():
        words = body_words(p)
        if not 150 <= words <= 600:
            problems.append(f"{name}: body has {words} words, outside 150-600")
        if p.suffix == ".md" and not p.read_text(encoding="utf-8").startswith("# "):
            problems.append(f"{name}: first line is not '# Title'")
        if p.suffix == ".html":
            raw = p.read_text(encoding="utf-8")
            for tag in ("<title>", "<h1>", "<nav", "breadcrumb", "sidebar", "Was this article helpful", "Related articles", "<footer"):
                if tag not in raw:
                    problems.append(f"{name}: no {tag}")

    ids = Counter()
    counts = Counter()
    followups = Counter()
    lines = (here / "questions.jsonl").read_text(encoding="utf-8").splitlines()
    for n, line in enumerate(lines, 1):
        where = f"line {n}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            problems.append(f"{where}: not JSON ({e})")
            continue
        if list(q) != FIELDS:
            problems.append(f"{where}: fields {list(q)}, expected {FIELDS}")
            continue
        where = f"{where} ({q['id']})"
        ids[q["id"]] += 1
        if not re.fullmatch(r"q\d{3}", str(q["id"])):
            problems.append(f"{where}: id is not qNNN")
        if not isinstance(q["question"], str) or not q["question"].strip():
            problems.append(f"{where}: empty question")
        if not isinstance(q["notes"], str) or not q["notes"].strip():
            problems.append(f"{where}: empty notes")
        if not isinstance(q["history"], list):
            problems.append(f"{where}: history is not a list")
        else:
            for turn in q["history"]:
                if not (isinstance(turn, dict) and set(turn) == {"role", "text"}
                        and turn["role"] in ("user", "assistant") and isinstance(turn["text"], str) and turn["text"].strip()):
                    problems.append(f"{where}: bad history turn {turn}")
            roles = [turn.get("role") for turn in q["history"] if isinstance(turn, dict)]
            if any(a == b for a, b in zip(roles, roles[1:])):
                problems.append(f"{where}: history turns do not alternate user and assistant")
            if q["history"] and q["history"][-1]["role"] != "assistant":
                problems.append(f"{where}: history does not end with the assistant's turn")
        kind = q["kind"]
        if kind not in KINDS:
            problems.append(f"{where}: kind {kind!r}")
            continue
        counts[kind] += 1
        if q["history"]:
            followups[kind] += 1
        gold, must = q["gold_docs"], q["must_contain"]
        if kind != "answerable":
            if gold or must:
                problems.append(f"{where}: {kind} with gold_docs or must_contain")
            continue
        if not gold or not must:
            problems.append(f"{where}: answerable without gold_docs or must_contain")
            continue
        for g in gold:
            if g not in docs:
                problems.append(f"{where}: gold doc {g} does not exist")
        for group in must:
            if not isinstance(group, list) or not group or not all(isinstance(a, str) and a.strip() for a in group):
                problems.append(f"{where}: bad must_contain group {group!r}")
                continue
            for alt in group:
                if not any(normalise(alt) in texts.get(g, "") for g in gold):
                    problems.append(f"{where}: {alt!r} is in none of {gold}")
    for i, c in ids.items():
        if c > 1:
            problems.append(f"id {i} is used {c} times")

    md = sum(1 for d in docs if d.endswith(".md"))
    print(f"articles: {len(docs)} ({md} Markdown, {len(docs) - md} HTML)")
    for kind in sorted(KINDS):
        print(f"{kind}: {counts[kind]} (follow-ups {followups[kind]})")
    print(f"total: {sum(counts.values())} (follow-ups {sum(followups.values())})")
    for p in problems:
        print("PROBLEM:", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
