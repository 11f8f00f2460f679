#!/usr/bin/env python3
"""Rewrites the `checks:` list of every control in data/controls/*.yaml from
the check registry (`attest checks --format json`), so the control library
and the checks' own metadata say the same thing.  tests/unit/test_catalog_checks.c
fails when they disagree; run this after adding or moving a check:

    make && scripts/sync-control-checks.py

Only the `checks:` lines change; everything else in the files is kept as is.
"""
import json
import os
import re
import subprocess
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
binary = os.path.join(root, "build", "release", "attest")
checks = json.loads(subprocess.check_output([binary, "checks", "--format", "json"]))
by_control = {}
for c in checks:
    for ctl in c["controls"]:
        by_control.setdefault(ctl, []).append(c["id"])

changed = 0
folder = os.path.join(root, "data", "controls")
for name in sorted(os.listdir(folder)):
    if not name.endswith(".yaml"):
        continue
    path = os.path.join(folder, name)
    lines = open(path).read().split("\n")
    current = None
    for i, line in enumerate(lines):
        m = re.match(r"\s*- id: (\S+)", line)
        if m:
            current = m.group(1)
        m = re.match(r"(\s*)checks: \[.*\]\s*$", line)
        if m and current:
            ids = sorted(by_control.get(current, []))
            new = "%schecks: [%s]" % (m.group(1), ", ".join(ids))
            if new != line:
                lines[i] = new
                changed += 1
    open(path, "w").write("\n".join(lines))
print("updated %d controls" % changed, file=sys.stderr)
