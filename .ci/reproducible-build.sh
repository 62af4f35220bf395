#!/usr/bin/env bash
# Reproducible-build check, for the lead to run by hand (not part of .ci/run: two clean builds take several minutes on
# 2 cores). Builds every shipped project from two fresh clones of the committed HEAD at different paths, as CI does
# (ContinuousIntegrationBuild: source paths mapped to /_/), packs them, and compares each shipped assembly and package
# byte for byte. When an assembly differs, it names the compiler-generated files that differ.
# Usage: bash .ci/reproducible-build.sh     (exit 1 when an assembly or package differs; docs/packaging.md)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
projects=(Ravi.Sdk Ravi.Sdk.Testing Ravi.Sdk.Agents Ravi.Sdk.HealthChecks Ravi.Mcp)
for side in a b; do
    git clone -q --no-hardlinks "$repo" "$work/$side"
    echo "== build and pack $side ($work/$side)"
    (
        cd "$work/$side"
        for project in "${projects[@]}"; do
            if ! { dotnet build "src/$project/$project.csproj" -c Release -warnaserror -nologo -v:q \
                       -p:ContinuousIntegrationBuild=true -p:EmitCompilerGeneratedFiles=true &&
                   dotnet pack "src/$project/$project.csproj" -c Release --no-build -nologo -v:q -o "$work/$side-feed" \
                       -p:ContinuousIntegrationBuild=true; } >"$work/$side-$project.log" 2>&1; then
                tail -n 30 "$work/$side-$project.log" >&2
                exit 1
            fi
        done
    )
done

status=0
for project in "${projects[@]}"; do
    a="$work/a/src/$project/bin/Release/net10.0/$project.dll"
    b="$work/b/src/$project/bin/Release/net10.0/$project.dll"
    if cmp -s "$a" "$b"; then
        echo "identical: $project.dll (sha256 $(sha256sum "$a" | cut -c1-16))"
    else
        status=1
        echo "DIFFERENT: $project.dll"
        diff -rq "$work/a/src/$project/obj/Release/net10.0/generated" "$work/b/src/$project/obj/Release/net10.0/generated" | sed 's/^/  /' || true
    fi
done
for package in "$work/a-feed"/*; do
    name=$(basename "$package")
    if cmp -s "$package" "$work/b-feed/$name"; then
        echo "identical: $name"
    else
        status=1
        echo "DIFFERENT: $name"
    fi
done
exit $status
