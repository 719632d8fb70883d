#!/usr/bin/env python3
"""Rebases micropython/patches/*.patch onto each other.

Patches are written against upstream plus the patches before them. When
two topics are developed in parallel, a later patch may no longer apply
exactly (the build applies patches strictly). This applies every patch in
order to a copy of upstream with GNU patch (which tolerates moved
context), and where a patch needed that, rewrites it as the exact diff
against its predecessors, keeping its header comment (the "why").

Usage: micropython/rebase_patches.py [UPSTREAM_MICROPYTHON_DIR]
(default: the drone-micropython-raw crate in cargo's registry).
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def upstream_dir():
    if len(sys.argv) > 1:
        return sys.argv[1]
    home = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    found = glob.glob(os.path.join(home, "registry/src/*/drone-micropython-raw-0.1.1/micropython"))
    if not found:
        sys.exit("drone-micropython-raw 0.1.1 is not in cargo's registry: run a cargo build first")
    return found[0]


def files_of(patch_text):
    out = []
    for line in patch_text.splitlines():
        if line.startswith("diff --git "):
            out.append(line.split()[2][2:])
    return out


def main():
    up = upstream_dir()
    work = tempfile.mkdtemp()
    tree = os.path.join(work, "tree")
    for sub in ["py", "extmod", "lib/utils", "mpy-cross", "docs"]:
        shutil.copytree(os.path.join(up, sub), os.path.join(tree, sub))
    for path in sorted(glob.glob(os.path.join(HERE, "patches", "*.patch"))):
        text = open(path).read()
        files = files_of(text)
        before = {f: open(os.path.join(tree, f)).read() if os.path.exists(os.path.join(tree, f)) else None for f in files}
        r = subprocess.run(["patch", "-p1", "--no-backup-if-mismatch", "-F3"], input=text, text=True,
                           cwd=tree, capture_output=True)
        if r.returncode != 0:
            sys.exit("%s does not apply even with fuzz:\n%s%s" % (os.path.basename(path), r.stdout, r.stderr))
        if "fuzz" not in r.stdout and "offset" not in r.stdout:
            continue
        header = text[: text.index("diff --git ")]
        parts = []
        for f in files:
            a = os.path.join(work, "a", f)
            b = os.path.join(work, "b", f)
            os.makedirs(os.path.dirname(a), exist_ok=True)
            os.makedirs(os.path.dirname(b), exist_ok=True)
            open(a, "w").write(before[f] or "")
            shutil.copy(os.path.join(tree, f), b)
            d = subprocess.run(["git", "diff", "--no-index", "--no-prefix", "-U3", "a/" + f, "b/" + f],
                               cwd=work, capture_output=True, text=True).stdout
            d = "\n".join(l for l in d.splitlines() if not l.startswith("index ")) + "\n"
            parts.append(d)
            shutil.rmtree(os.path.join(work, "a"))
            shutil.rmtree(os.path.join(work, "b"))
        new = header + "".join(parts)
        if new != text:
            open(path, "w").write(new)
            print("rewrote", os.path.basename(path))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
