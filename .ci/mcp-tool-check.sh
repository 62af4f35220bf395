#!/usr/bin/env bash
# Installs ravi-mcp from a local feed exactly as the docs say (dotnet tool install) and has the installed command answer
# tools/list over stdio and over HTTP (Streamable HTTP and legacy SSE, behind an API key). Every wait is bounded.
# Usage: .ci/mcp-tool-check.sh FEED VERSION WORKDIR
set -euo pipefail
feed=$1 version=$2 work=$3
tool_dir="$work/ravi-mcp-tool"
home="$work/ravi-mcp-home" # never the CI user's ~/.ravi
mkdir -p "$home"

dotnet tool install --tool-path "$tool_dir" --add-source "$feed" Ravi.Mcp --version "$version"
ravi_mcp="$tool_dir/ravi-mcp"
"$ravi_mcp" --version

fail() {
    echo "error: $*" >&2
    for log in "$work"/ravi-mcp-*.err; do [ -f "$log" ] && { echo "--- $log" >&2; cat "$log" >&2; }; done
    exit 1
}

initialize='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2024-11-05","capabilities":{},"clientInfo":{"name":"ci","version":"1"}}}'
initialized='{"jsonrpc":"2.0","method":"notifications/initialized"}'
list_tools='{"jsonrpc":"2.0","id":2,"method":"tools/list"}'

# Reads lines from fd $1 until one carries "id":$2 (30 s per line at most); prints it.
read_response() {
    local fd=$1 id=$2 line
    while IFS= read -r -t 30 -u "$fd" line; do
        case $line in *"\"id\":$id"*) printf '%s\n' "$line"; return 0 ;; esac
    done
    return 1
}

echo "-- stdio: initialize at 2024-11-05, then tools/list"
coproc MCP { HOME="$home" timeout 120 "$ravi_mcp" --demo 2>"$work/ravi-mcp-stdio.err"; }
printf '%s\n' "$initialize" >&"${MCP[1]}"
response=$(read_response "${MCP[0]}" 1) || fail "no initialize response over stdio"
case $response in *'"protocolVersion":"2024-11-05"'*) ;; *) fail "unexpected initialize response: $response" ;; esac
printf '%s\n' "$initialized" "$list_tools" >&"${MCP[1]}"
tools=$(read_response "${MCP[0]}" 2) || fail "no tools/list response over stdio"
for name in list_identities create_identity wait_for_code save_password get_password demo_deliver_message; do
    case $tools in *"\"name\":\"$name\""*) ;; *) fail "tools/list over stdio lacks $name" ;; esac
done
eval "exec ${MCP[1]}>&-" # end of input: the server exits
wait "$MCP_PID" || true
echo "stdio: $(grep -o '"name":"[a-z_]*"' <<<"$tools" | wc -l) tools listed"

echo "-- http: Streamable HTTP at /mcp and legacy SSE at /sse"
api_key="ci-$RANDOM-$RANDOM"
HOME="$home" timeout 180 "$ravi_mcp" --demo --http --urls http://127.0.0.1:0 --api-key "$api_key" 2>"$work/ravi-mcp-http.err" &
http_pid=$!
trap 'kill "$http_pid" 2>/dev/null || true' EXIT
base=
for _ in $(seq 1 60); do
    base=$(grep -o 'listening on http://127.0.0.1:[0-9]*' "$work/ravi-mcp-http.err" | head -1 | sed 's/listening on //') || true
    [ -n "$base" ] && break
    kill -0 "$http_pid" 2>/dev/null || fail "ravi-mcp --http exited"
    sleep 1
done
[ -n "$base" ] || fail "ravi-mcp --http did not report its address"

post() { # post PATH BODY [SESSION]
    curl -sS --max-time 30 -D "$work/headers" -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
        -H "Authorization: Bearer $api_key" ${3:+-H "Mcp-Session-Id: $3"} ${3:+-H 'MCP-Protocol-Version: 2024-11-05'} \
        --data "$2" "$base$1"
}
status=$(curl -s -o /dev/null --max-time 30 -w '%{http_code}' -H 'Content-Type: application/json' --data "$initialize" "$base/mcp")
[ "$status" = 401 ] || fail "POST /mcp without the API key answered $status, not 401"
post /mcp "$initialize" | grep -q '"protocolVersion":"2024-11-05"' || fail "no initialize response over Streamable HTTP"
session=$(tr -d '\r' <"$work/headers" | sed -n 's/^[Mm]cp-[Ss]ession-[Ii]d: *//p')
[ -n "$session" ] || fail "no Mcp-Session-Id"
post /mcp "$initialized" "$session" >/dev/null
post /mcp "$list_tools" "$session" | grep -q '"name":"wait_for_code"' || fail "tools/list over Streamable HTTP lacks wait_for_code"
echo "streamable http: tools/list answered"

sse_out="$work/ravi-mcp-sse.out"
curl -sS -N --max-time 60 -H "X-API-Key: $api_key" -H 'Accept: text/event-stream' "$base/sse" >"$sse_out" &
sse_pid=$!
endpoint=
for _ in $(seq 1 30); do
    endpoint=$(sed -n 's/^data: *\(\/.*message.*\)$/\1/p' "$sse_out" | head -1 | tr -d '\r')
    [ -n "$endpoint" ] && break
    sleep 1
done
[ -n "$endpoint" ] || fail "the SSE stream announced no message endpoint"
for message in "$initialize" "$initialized" "$list_tools"; do
    curl -sS -o /dev/null --max-time 30 -H "X-API-Key: $api_key" -H 'Content-Type: application/json' --data "$message" "$base$endpoint"
done
for _ in $(seq 1 30); do
    grep -q '"name":"wait_for_code"' "$sse_out" && break
    sleep 1
done
kill "$sse_pid" 2>/dev/null || true
grep -q '"name":"wait_for_code"' "$sse_out" || fail "tools/list over legacy SSE lacks wait_for_code"
echo "legacy sse: tools/list answered"
kill "$http_pid" 2>/dev/null || true
wait "$http_pid" 2>/dev/null || true
trap - EXIT
echo "ravi-mcp $version installed with dotnet tool install and answered over stdio, Streamable HTTP and legacy SSE"
