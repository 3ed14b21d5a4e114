#!/usr/bin/env python3
"""Import circles between the top-level modules of app/src (features and shared code).

A module is a file `app/src/x.rs` or a folder `app/src/x/`. An edge a -> b means a file of a
names `crate::b` (in a `use` or a path). A circle (a strongly connected group of more than one
module) means neither side can be read, tested or moved without the other. Prints each circle
with its edges.

The circles that exist today are listed, edge by edge, in `kringen-bekend.txt` next to this
script (a ratchet: the list may only shrink). Exits 1 when a circle holds an edge that is not
on that list, so no new circle and no new edge inside the old one can come in; an edge on the
list that no longer closes a circle is reported, to be removed from the list.
`--toon` prints without failing; `--bekend` prints the list as it should be now.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "app" / "src"
NAAM = re.compile(r"\bcrate::([a-z_][a-z0-9_]*)")
USE_GROEP = re.compile(r"use\s+crate::\{([^;]*)\};", re.S)


def modules():
    for p in sorted(ROOT.iterdir()):
        if p.is_dir():
            yield p.name, sorted(p.rglob("*.rs"))
        elif p.suffix == ".rs" and p.stem not in ("lib", "main"):
            yield p.stem, [p]


def randen(bekend):
    kanten = {}
    for naam, bestanden in modules():
        for f in bestanden:
            tekst = f.read_text(encoding="utf-8")
            doelen = set(NAAM.findall(tekst))
            for groep in USE_GROEP.findall(tekst):
                for deel in re.split(r",(?![^{]*\})", groep):
                    eerste = deel.strip().split("::")[0].strip()
                    if eerste:
                        doelen.add(eerste)
            for d in doelen:
                if d in bekend and d != naam:
                    kanten.setdefault(naam, {}).setdefault(d, f.relative_to(ROOT.parent.parent))
    return kanten


def sterk_samenhangend(knopen, kanten):
    index, laag, stapel, op_stapel, uit, teller = {}, {}, [], set(), [], [0]

    def bezoek(v):
        index[v] = laag[v] = teller[0]
        teller[0] += 1
        stapel.append(v)
        op_stapel.add(v)
        for w in kanten.get(v, {}):
            if w not in index:
                bezoek(w)
                laag[v] = min(laag[v], laag[w])
            elif w in op_stapel:
                laag[v] = min(laag[v], index[w])
        if laag[v] == index[v]:
            groep = []
            while True:
                w = stapel.pop()
                op_stapel.discard(w)
                groep.append(w)
                if w == v:
                    break
            uit.append(sorted(groep))

    sys.setrecursionlimit(10000)
    for v in knopen:
        if v not in index:
            bezoek(v)
    return [g for g in uit if len(g) > 1]


LIJST = Path(__file__).resolve().parent / "kringen-bekend.txt"


def main():
    bekend = {n for n, _ in modules()}
    kanten = randen(bekend)
    kringen = sterk_samenhangend(sorted(bekend), kanten)
    in_kring = set()
    for g in kringen:
        print("kring: " + " <-> ".join(g))
        for a in g:
            for b, f in sorted(kanten.get(a, {}).items()):
                if b in g:
                    in_kring.add(f"{a} -> {b}")
                    print(f"  {a} -> {b}  ({f})")
    print(f"{len(kringen)} import circle(s) between {len(bekend)} modules of app/src, {len(in_kring)} edges in them")
    if "--bekend" in sys.argv:
        print("\n".join(sorted(in_kring)))
        return 0
    toegelaten = set()
    if LIJST.exists():
        toegelaten = {r.strip() for r in LIJST.read_text(encoding="utf-8").splitlines() if r.strip() and not r.startswith("#")}
    nieuw = sorted(in_kring - toegelaten)
    for r in nieuw:
        print(f"NEW edge in a circle: {r}")
    for r in sorted(toegelaten - in_kring):
        print(f"no longer in a circle (remove it from {LIJST.name}): {r}")
    return 1 if nieuw and "--toon" not in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
