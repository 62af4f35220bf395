# Prints every relative link target of a Markdown file (outside fenced code and code spans), one per line.
function check(t) {
    gsub(/^<|>$/, "", t)
    if (t !~ /^([A-Za-z][A-Za-z0-9+.-]*:|#|\/\/)/) print t
}
/^[[:space:]]*(```|~~~)/ { fenced = !fenced; next }
fenced { next }
{
    line = $0
    gsub(/`[^`]*`/, "", line)
    if (match(line, /^[[:space:]]*\[[^]]+\]:[[:space:]]*[^[:space:]]+/)) {
        t = substr(line, RSTART, RLENGTH); sub(/^[[:space:]]*\[[^]]+\]:[[:space:]]*/, "", t); check(t)
    }
    rest = line
    while (match(rest, /\]\([^)[:space:]]+/)) { check(substr(rest, RSTART + 2, RLENGTH - 2)); rest = substr(rest, RSTART + RLENGTH) }
    rest = line
    while (match(rest, /(src|href)="[^"]*"/)) { t = substr(rest, RSTART, RLENGTH); sub(/^(src|href)="/, "", t); sub(/"$/, "", t); check(t); rest = substr(rest, RSTART + RLENGTH) }
}
