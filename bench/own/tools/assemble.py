#!/usr/bin/env python3
"""Turns an authored package (reference fix + tests + bug.json) into a bench package.

An author writes, inside bench/own/{java,python}/<name>/:
  .fixed/<File>   the correct program
  the test file   (java: src/test/java/..., python: test_<name>.py)
  bug.json        {"bug_class", "description", "source", "fixed_line", "buggy_line"}
                  source: where the program lives in the package (e.g. "stock_ledger.py");
                  fixed_line: the stripped text of exactly one line of the fix;
                  buggy_line: its replacement (indentation kept), or null to leave the line out;
                  occurrence (optional): which of several equal lines, counting from 1.
This script writes the buggy program, the build files (pom.xml or conftest.py + pytest.ini), runs the
tests on the buggy program to list the failing ones, writes bench.json and removes bug.json.
Running it again on a finished package only refreshes bench.json from the files present.

usage: assemble.py PACKAGE_DIR...
"""
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))


def buggy_text(fixed, fixed_line, buggy_line, occurrence=None):
    lines = fixed.splitlines(keepends=True)
    hits = [i for i, l in enumerate(lines) if l.strip() == fixed_line.strip()]
    if occurrence is not None and 1 <= occurrence <= len(hits):
        hits = [hits[occurrence - 1]]
    if len(hits) != 1:
        sys.exit("fixed_line %r matches %d lines" % (fixed_line, len(hits)))
    i = hits[0]
    if buggy_line is None:
        del lines[i]
    else:
        indent = lines[i][: len(lines[i]) - len(lines[i].lstrip())]
        lines[i] = indent + buggy_line.strip() + "\n"
    return "".join(lines)


def diff_counts(buggy, fixed):
    removed = added = 0
    for l in difflib.unified_diff(buggy.splitlines(), fixed.splitlines(), lineterm="", n=0):
        if l.startswith("---") or l.startswith("+++"):
            continue
        if l.startswith("-"):
            removed += 1
        elif l.startswith("+"):
            added += 1
    return removed, added


def run_tests(pkg, lang):
    """Runs the buggy package's tests in a copy; returns (total, failing ids)."""
    work = tempfile.mkdtemp(prefix="own-assemble.")
    try:
        shutil.copytree(pkg, work, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("target", "__pycache__", ".pytest_cache"))
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        if lang == "java":
            subprocess.run(["mvn", "-q", "-o", "test"], cwd=work, env=env, capture_output=True, timeout=300)
            reports = os.path.join(work, "target", "surefire-reports")
            files = [os.path.join(reports, f) for f in sorted(os.listdir(reports))
                     if f.startswith("TEST-") and f.endswith(".xml")] if os.path.isdir(reports) else []
        else:
            xml = os.path.join(work, "report.xml")
            subprocess.run(["python3", "-m", "pytest", "-q", "--junitxml=" + xml], cwd=work, env=env,
                           capture_output=True, timeout=300)
            files = [xml] if os.path.exists(xml) else []
        total, failing = 0, []
        for f in files:
            for case in ET.parse(f).getroot().iter("testcase"):
                total += 1
                if case.find("failure") is None and case.find("error") is None:
                    continue
                cls, name = case.get("classname"), case.get("name")
                if lang == "java":
                    failing.append("%s#%s" % (cls, name.split("(")[0]))
                else:
                    failing.append("%s.py::%s" % (cls.replace(".", "/"), name))
        return total, failing
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_file(pkg, lang):
    root = os.path.join(pkg, "src", "test", "java") if lang == "java" else pkg
    for d, _, fs in os.walk(root):
        for f in fs:
            if (lang == "java" and f.endswith("Test.java")) or (lang == "python" and f.startswith("test_")
                                                                 and f.endswith(".py")):
                return os.path.relpath(os.path.join(d, f), pkg)
    sys.exit("no test file in " + pkg)


def assemble(pkg):
    pkg = os.path.abspath(pkg)
    lang = os.path.basename(os.path.dirname(pkg))
    name = os.path.basename(pkg)
    spec_path = os.path.join(pkg, "bug.json")
    meta_path = os.path.join(pkg, "bench.json")
    if os.path.exists(spec_path):
        spec = json.load(open(spec_path))
        source = spec["source"]
        fixed_file = ".fixed/" + os.path.basename(source)
        fixed = open(os.path.join(pkg, fixed_file)).read()
        os.makedirs(os.path.dirname(os.path.join(pkg, source)), exist_ok=True)
        with open(os.path.join(pkg, source), "w") as f:
            f.write(buggy_text(fixed, spec["fixed_line"], spec["buggy_line"], spec.get("occurrence")))
    else:
        old = json.load(open(meta_path))
        spec = {"bug_class": old["bug_class"], "description": old["description"]}
        source, fixed_file = old["buggy_file"], old["fixed_file"]
    if lang == "java":
        with open(os.path.join(HERE, "pom.template.xml")) as t, open(os.path.join(pkg, "pom.xml"), "w") as f:
            f.write(t.read().replace("@NAME@", name))
        helpers = []
    else:
        for h in ("conftest.py", "pytest.ini"):
            shutil.copy(os.path.join(HERE, "python-" + h), os.path.join(pkg, h))
        helpers = ["conftest.py", "pytest.ini"]
    buggy = open(os.path.join(pkg, source)).read()
    fixed = open(os.path.join(pkg, fixed_file)).read()
    removed, added = diff_counts(buggy, fixed)
    total, failing = run_tests(pkg, lang)
    meta = {
        "name": name,
        "language": lang,
        "buggy_file": source,
        "fixed_file": fixed_file,
        "test_command": "mvn -q -o test" if lang == "java" else "python3 -m pytest -q",
        "expected_changed_lines": max(removed, added),
        "removed_lines": removed,
        "added_lines": added,
        "test_file": test_file(pkg, lang),
        "helper_files": helpers,
        "tests_total": total,
        "failing_tests": failing,
        "timeout_s": 300,
        "bug_class": spec["bug_class"],
        "description": spec["description"],
    }
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    if os.path.exists(spec_path):
        os.remove(spec_path)
    print("%-8s %-28s %-22s tests=%d failing=%d changed=%d" % (lang, name, spec["bug_class"], total,
                                                                len(failing), max(removed, added)))
    if not failing or max(removed, added) != 1:
        print("  WARNING: no failing test or not a one-line change", file=sys.stderr)


if __name__ == "__main__":
    for p in sys.argv[1:]:
        assemble(p)
