# Concurrent connections per state: how many connections are in each state at
# each moment, for concurrency.gp, from transitions.csv (time, connection,
# from, to).
#
#   awk -f common.awk -f concurrency.awk -v end=245.8 -v prefix=DIR/concurrency transitions.csv
#
# A connection counts in a state from the transition into it to the
# transition out of it. The state it is born in (CLOSED, or LISTEN for a fork
# of a listener) does not count, nor does CLOSED at all: it is where a
# connection is before it starts and after it ends.
#
# Writes
#   PREFIX.dat      11 blocks (gnuplot's `index` 0 to 10, states 1 to 11 of
#                   states.gp), each lines "time count" from (0, 0) to
#                   (end, final count), a line at each change; counts after
#                   all the changes of one instant. A state with more than
#                   `limit` changes (default 2000) is thinned to `bins`
#                   (default 1000) time bins: per bin its lowest and highest
#                   count at the bin's first change and its last count at the
#                   bin's last change -- the same steps, to a pixel.
#   PREFIX-meta.gp  present (the state numbers ever above 0), order (the same
#                   by falling peak), peak (the largest count), lowpeak (the
#                   smallest peak of a present state), peaks (the peak of every
#                   state) and xmax (the end of the run).

FNR == 1 {
    t_time = need("time"); t_conn = need("connection"); t_from = need("from"); t_to = need("to")
    next
}

{
    t = $t_time + 0
    c = $t_conn
    to = state_of($t_to)
    if (c in cur) change(cur[c], -1, t)
    cur[c] = to
    change(to, +1, t)
    if (t > last_time) last_time = t
}

# change(s, d, t): the count of state s changes by d at time t.
function change(s, d, t,   k) {
    if (s <= 2) return                      # CLOSED and LISTEN are not drawn
    count[s] += d
    if (count[s] > peak_of[s]) peak_of[s] = count[s]
    k = np[s]
    if (k > 0 && pt_t[s, k] == t) {
        pt_v[s, k] = count[s]               # same instant: keep the count after all changes
    } else {
        np[s] = ++k
        pt_t[s, k] = t
        pt_v[s, k] = count[s]
    }
}

END {
    if (failed) exit 3
    if (end == "" || end + 0 <= 0) end = last_time
    if (limit == "") limit = 2000
    if (bins == "") bins = 1000
    out = prefix ".dat"
    for (s = 1; s <= nstates; s++) {
        printf "# %s: time (s), connections\n", state_name[s] > out
        printf "0 0\n" > out
        if (np[s] <= limit) {
            for (i = 1; i <= np[s]; i++) printf "%.9f %d\n", pt_t[s, i], pt_v[s, i] > out
        } else {
            thin(s)
        }
        printf "%.9f %d\n\n\n", end, count[s] + 0 > out
    }
    present = ""; peak = 0; lowpeak = 0; peaks = ""
    for (s = 1; s <= nstates; s++) {
        p = peak_of[s] + 0
        peaks = peaks (s > 1 ? " " : "") p
        if (p <= 0) continue
        present = present (present == "" ? "" : " ") s
        if (p > peak) peak = p
        if (lowpeak == 0 || p < lowpeak) lowpeak = p
    }
    # The present states by falling peak (ties: in state order), for drawing
    # the busiest first and the quietest on top.
    order = ""
    n = split(present, ps, " ")
    for (i = 1; i <= n; i++) {
        best = 0
        for (j = 1; j <= n; j++) {
            if (ps[j] == "") continue
            if (best == 0 || peak_of[ps[j]] > peak_of[ps[best]]) best = j
        }
        order = order (i > 1 ? " " : "") ps[best]
        ps[best] = ""
    }
    meta = prefix "-meta.gp"
    printf "present = \"%s\"\norder = \"%s\"\npeak = %d\nlowpeak = %d\npeaks = \"%s\"\nxmax = %.9f\n", \
        present, order, peak, lowpeak, peaks, end > meta
}

# thin(s): write state s's steps with at most three points per time bin.
function thin(s,   i, b, cb, lo, hi, t_first, t_last, v_last) {
    cb = -1
    for (i = 1; i <= np[s]; i++) {
        b = int(pt_t[s, i] / end * bins)
        if (b != cb) {
            if (cb >= 0) flush_bin(t_first, lo, hi, t_last, v_last)
            cb = b; lo = hi = pt_v[s, i]; t_first = pt_t[s, i]
        }
        if (pt_v[s, i] < lo) lo = pt_v[s, i]
        if (pt_v[s, i] > hi) hi = pt_v[s, i]
        t_last = pt_t[s, i]; v_last = pt_v[s, i]
    }
    if (cb >= 0) flush_bin(t_first, lo, hi, t_last, v_last)
}

function flush_bin(t_first, lo, hi, t_last, v_last) {
    printf "%.9f %d\n%.9f %d\n%.9f %d\n", t_first, lo, t_first, hi, t_last, v_last > out
}
