#!/usr/bin/env bash
# Records the public API changes the build reports (RS0016: a public symbol not in PublicAPI.*.txt) in each project's
# PublicAPI.Unshipped.txt, sorted, and lists removals (RS0017) for you to delete by hand. Review the diff before committing:
# every line is a public promise. (The same as `dotnet format analyzers <project> --diagnostics RS0016`, but in one build.)
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
dotnet build Ravi.Sdk.sln -c Release -p:TreatWarningsAsErrors=false -p:MSBuildTreatWarningsAsErrors=false "$@" >"$log" 2>&1 || true
python3 - "$log" <<'PY'
import re, sys, os, collections
added = collections.defaultdict(set)
removed = collections.defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    m = re.search(r"(?:warning|error) (RS0016|RS0017): Symbol '(.*)' is (?:not part of the declared public API|part of the declared API, but is either not public or could not be found).*\[(.*\.csproj)\]", line)
    if not m:
        continue
    kind, symbol, project = m.groups()
    (added if kind == "RS0016" else removed)[os.path.dirname(project)].add(symbol)
for folder, symbols in sorted(added.items()):
    path = os.path.join(folder, "PublicAPI.Unshipped.txt")
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8")] if os.path.exists(path) else ["#nullable enable"]
    header, body = lines[0], set(l for l in lines[1:] if l)
    body |= symbols
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n" + "".join(s + "\n" for s in sorted(body, key=str.lower)))
    print(f"{path}: +{len(symbols)}")
for folder, symbols in sorted(removed.items()):
    print(f"{folder}: remove from PublicAPI.*.txt (no longer public):")
    for s in sorted(symbols):
        print("  " + s)
if not added and not removed:
    print("The recorded public API matches the build.")
PY
rm -f "$log"
