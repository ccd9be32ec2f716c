#!/usr/bin/env python3
"""Writes the typed lines of a whole interview that gives the answers of an answers file.

Drives the real `maturity interview` through pipes, reading each screen to know which question
is asked, and records every line it types. With --extras it also exercises help, an invalid
answer, back, a note, a skip answered at the review. The output is the fixture the end-to-end
tests pipe into the binary (Tests/maturityTests/Fixtures/interview-*.txt).

usage: make-interview-script.py BINARY ANSWERS.json LANG OUT.txt [--extras]
"""
import json, os, select, subprocess, sys, tempfile, time
import yaml

binary, answers_path, lang, out_path = sys.argv[1:5]
extras = "--extras" in sys.argv
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
q = yaml.safe_load(open(os.path.join(root, "questionnaires/ia-generative-pme.yaml")))
answers = json.load(open(answers_path))["answers"]
questions = list(q.get("profile", []))
for dimension in q["dimensions"]:
    questions += dimension["questions"]
by_text = {question["text"][lang]: question for question in questions}
yes = {"fr": "oui", "en": "yes"}[lang]
no = {"fr": "non", "en": "no"}[lang]


def number(value):
    text = ("%g" % value) if isinstance(value, (int, float)) else str(value)
    return text.replace(".", ",") if lang == "fr" else text


def point(question, value):
    scale = question["scale"]
    if isinstance(value, (int, float)):
        return number(value)
    codes = [option["code"] for option in question.get("options", [])]
    return str(scale["max"] + 1 + codes.index(value))


def lines_for(question, value):
    kind = question["type"]
    codes = [option["code"] for option in question.get("options", [])]
    if value is None:
        return [""] if question.get("required", True) is False else [">"]
    if kind == "single":
        return [str(codes.index(value) + 1)]
    if kind == "multiple":
        return [",".join(str(codes.index(code) + 1) for code in value)]
    if kind == "yesno":
        return [{"yes": yes, "no": no, "partly": "p"}.get(value) or str(codes.index(value) + 1)]
    if kind == "scale":
        return [point(question, value)]
    if kind == "number":
        return [number(value) if isinstance(value, (int, float)) else value]
    if kind == "text":
        return [value]
    if kind == "matrix":
        return [point(question, value[row["code"]]) if row["code"] in value else "" for row in question["rows"]]
    if kind == "usecases":
        risks = ["minimal", "limited", "high", "prohibited"]
        typed = []
        for item in value:
            typed += ["a", item["name"], item.get("department", ""), number(item["frequencyPerWeek"]), number(item["minutes"]),
                      number(item["people"]), str(item["impact"]), str(item["effort"]),
                      yes if item["personalData"] else no, str(risks.index(item["aiActRisk"]) + 1)]
        return typed + [""]
    raise SystemExit("unknown type " + kind)


with tempfile.TemporaryDirectory() as folder:
    process = subprocess.Popen([binary, "interview", "--lang", lang, "--db", os.path.join(folder, "m.sqlite")],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    typed, screen, done_extras = [], "", set()

    def send(lines):
        typed.extend(lines)
        process.stdin.write(("\n".join(lines) + "\n").encode())
        process.stdin.flush()

    def read_screen():
        data = b""
        while True:
            ready, _, _ = select.select([process.stdout], [], [], 0.4)
            if not ready:
                return data.decode()
            chunk = os.read(process.stdout.fileno(), 65536)
            if not chunk:
                return None if not data else data.decode()
            data += chunk

    previous = None
    while True:
        screen = read_screen()
        if screen is None or process.poll() is not None:
            break
        if "Relecture avant de terminer" in screen or "Review before finishing" in screen:
            pending = [line for line in screen.splitlines() if "[passée]" in line or "[skipped]" in line]
            send([pending[0].split(".")[0].strip()] if pending else [""])
            continue
        lines = screen.splitlines()
        heads = [i for i, line in enumerate(lines) if line.startswith("Question ")]
        if not heads:
            continue
        question = by_text[lines[heads[-1] + 1]]
        qid = question["id"]
        if extras and len(done_extras) < 5:
            plan = {"company.sector": "?", "strategy.priority": "99", "strategy.budget": "<",
                    "usage.owner_frequency": "!" + ("Le dirigeant hésite encore" if lang == "fr" else "The owner still hesitates"),
                    "strategy.leadership": ">"}
            if qid in plan and qid not in done_extras:
                done_extras.add(qid)
                send([plan[qid]])
                continue
        send(lines_for(question, answers.get(qid)))
        previous = qid
    process.wait()
    with open(out_path, "w") as out:
        out.write("\n".join(typed) + "\n")
    print(f"{out_path}: {len(typed)} lines; exit {process.returncode}")
