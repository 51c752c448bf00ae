# Time in state: per state, the distribution across connections of the time
# spent in it, for time-in-state.gp, from connections.csv (opener and, for
# each state, <state>_entries and <state>_time).
#
#   awk -f common.awk -f time-in-state.awk connections.csv | sort -k1,1n -k2,2g |
#       awk -f common.awk -f time-in-state.awk -v stage=2 -v prefix=DIR/time-in-state
#
# Stage 1 prints "state value" for every connection that visited the state:
# connections for SYN_SENT to LAST_ACK, listeners for LISTEN (a fork's
# instant in LISTEN, copied from its listener, is left out). CLOSED is left
# out: a connection is there before it starts and after it ends.
# Stage 2 reads those lines sorted and writes
#   PREFIX.dat      one line per state visited: position (1, 2, ...), state
#                   number, n, how many were 0, min, p25, median, p75, p95,
#                   max, mean (seconds; quantiles nearest-rank, as summary.json)
#   PREFIX-meta.gp  states (how many lines), minpos (the smallest time above
#                   0), max, and the xtics naming each position "STATE n=N" (", Z at 0"
#                   when Z of them spent no time there).

BEGIN { if (stage == 2) FS = " " }

stage != 2 && FNR == 1 {
    c_opener = need("opener")
    for (s = 2; s <= nstates; s++) {
        name = tolower(state_name[s])
        c_entries[s] = need(name "_entries")
        c_time[s] = need(name "_time")
    }
    next
}

stage != 2 {
    listener = ($c_opener == "listener")
    for (s = 2; s <= nstates; s++) {
        if ((s == 2) != listener) continue
        if ($c_entries[s] + 0 > 0 && $c_time[s] != "") print s, $c_time[s]
    }
    next
}

# Stage 2: "state value" lines, sorted.
stage == 2 {
    s = $1 + 0
    if (s != cur) {
        if (cur) summarize()
        cur = s
        n = 0
    }
    v[++n] = $2 + 0
}

END {
    if (failed) exit 3
    if (stage != 2) exit 0
    if (cur) summarize()
    meta = prefix "-meta.gp"
    printf "states = %d\nminpos = %.9g\nmax = %.9g\n", pos, minpos, maxv > meta
    printf "set xtics (%s)\n", tics > meta
    if (pos == 0) printf "" > (prefix ".dat")
}

function summarize(   i, zeros, sum) {
    zeros = 0; sum = 0
    for (i = 1; i <= n; i++) {
        if (v[i] <= 0) zeros++
        else if (minpos == "" || v[i] < minpos) minpos = v[i]
        sum += v[i]
    }
    if (v[n] > maxv) maxv = v[n]
    pos++
    printf "%d %d %d %d %.9f %.9f %.9f %.9f %.9f %.9f %.9f\n", pos, cur, n, zeros, v[1], \
        rank(0.25), rank(0.5), rank(0.75), rank(0.95), v[n], sum / n > (prefix ".dat")
    tics = tics (pos > 1 ? ", " : "") sprintf("\"%s\\nn=%d%s\" %d", state_name[cur], n, \
        zeros > 0 ? sprintf(", %d at 0", zeros) : "", pos)
}

# The nearest-rank quantile q of v[1..n].
function rank(q,   r) {
    r = int(q * n)
    if (r < q * n) r++
    if (r < 1) r = 1
    return v[r]
}
