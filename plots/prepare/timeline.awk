# State timeline: the bars of state-timeline.gp, from connections.csv
# (id, node, opener, end) and transitions.csv (time, connection, from, to).
#
#   awk -f common.awk -f timeline.awk -v maxrows=40 -v end=245.8 -v prefix=DIR/timeline \
#       connections.csv transitions.csv
#
# Rows are the connections and listeners in the order they first changed
# state (transitions.csv is in time order). With more than `maxrows`, the
# listeners stay (when they are at most a quarter of the rows) and the
# connections are taken evenly spaced in that order.
#
# Writes
#   PREFIX-bars.dat   row, drawn start, drawn end, state number, start, end (s):
#                     one line per stay in a state. The state a connection is
#                     born in (CLOSED, or LISTEN for a fork) and the final
#                     CLOSED are not drawn; a state it is still in when the run
#                     ends lasts until `end`. A stay shorter than `minw` seconds
#                     is drawn `minw` wide and pushes the next one right (only
#                     until that one ends), so that every handshake and close
#                     shows.
#   PREFIX-ends.dat   row, drawn time: connections that ended by a reset, a
#                     timeout or an abort (connections.csv `end`).
#   PREFIX-meta.gp    rows, connections, listeners, ended (rows in -ends.dat),
#                     subset (text), minw, xmax, and the ytics
#                     naming each row "#id node N opener".

FNR == 1 && fileno == 1 {
    c_id = need("id"); c_node = need("node"); c_opener = need("opener"); c_end = need("end")
    next
}
FNR == 1 && fileno == 2 {
    t_time = need("time"); t_conn = need("connection"); t_node = need("node")
    t_from = need("from"); t_to = need("to")
    next
}

fileno == 1 {
    opener[$c_id] = $c_opener
    node[$c_id] = $c_node
    ending[$c_id] = $c_end
    next
}

fileno == 2 {
    c = $t_conn
    if (!(c in steps)) {
        n++
        order[n] = c
        steps[c] = ""
        if (!(c in node)) node[c] = $t_node
        # A listener, when connections.csv does not say: born by Listen.
        if (!(c in opener) && $t_from == "CLOSED" && $t_to == "LISTEN") opener[c] = "listener"
    }
    steps[c] = steps[c] " " $t_time " " state_of($t_to)
    if ($t_time + 0 > last_time) last_time = $t_time + 0
    next
}

END {
    if (failed) exit 3
    if (end == "" || end + 0 <= 0) end = last_time
    if (end <= 0) end = 1
    minw = end / 150

    # Which rows: all, or the listeners and evenly spaced connections.
    nlisten = 0
    for (i = 1; i <= n; i++) if (opener[order[i]] == "listener") nlisten++
    nconn = n - nlisten
    keep_listeners = (nlisten <= maxrows / 4)
    if (n <= maxrows) {
        for (i = 1; i <= n; i++) chosen[order[i]] = 1
        subset = ""
    } else {
        if (keep_listeners) {
            m = maxrows - nlisten
            pool = nconn
            for (i = 1; i <= n; i++) if (opener[order[i]] == "listener") chosen[order[i]] = 1
        } else {
            m = maxrows
            pool = n
        }
        k = 0
        next_pick = 0
        for (i = 1; i <= n; i++) {
            c = order[i]
            if (keep_listeners && opener[c] == "listener") continue
            if (k == int(next_pick * pool / m)) {
                chosen[c] = 1
                next_pick++
            }
            k++
        }
        step = pool / m
        if (step == int(step)) what = sprintf("every %s", ordinal(step))
        else what = sprintf("evenly spaced, about every %s", ordinal(int(step + 0.5)))
        subset = sprintf("%d of %d connections (%s by opening order)", m, pool, what)
        if (keep_listeners && nlisten > 0) subset = subset sprintf(" and %d listener%s", nlisten, nlisten > 1 ? "s" : "")
    }

    bars = prefix "-bars.dat"; ends = prefix "-ends.dat"; meta = prefix "-meta.gp"
    printf "# row drawn_start drawn_end state start end\n" > bars
    printf "# row drawn_time\n" > ends
    rows = 0
    tics = ""
    for (i = 1; i <= n; i++) {
        c = order[i]
        if (!(c in chosen)) continue
        rows++
        k = split(steps[c], s, " ")
        drawn = -1
        for (j = 1; j < k; j += 2) {
            t0 = s[j] + 0
            st = s[j + 1]
            last = (j + 2 > k)
            if (last && st == 1) break          # ended: the final CLOSED is not a stay
            t1 = last ? end : s[j + 2] + 0
            d0 = (t0 > drawn) ? t0 : drawn
            d1 = (t1 > d0 + minw) ? t1 : d0 + minw
            printf "%d %.9f %.9f %d %.9f %.9f\n", rows, d0, d1, st, t0, t1 > bars
            drawn = d1
        }
        e = ending[c]
        if (e == "reset_by_peer" || e == "reset_by_us" || e == "timed_out" || e == "aborted" || e == "refused")
        {
            printf "%d %.9f\n", rows, (drawn >= 0 ? drawn : s[k - 1]) > ends
            ended++
        }
        label = sprintf("#%s node %s %s", c, node[c], (c in opener) ? opener[c] : "")
        tics = tics (rows > 1 ? ", " : "") sprintf("\"%s\" %d", label, rows)
    }
    printf "rows = %d\nconnections = %d\nlisteners = %d\nended = %d\nsubset = \"%s\"\nminw = %.9f\nxmax = %.9f\n", \
        rows, nconn, nlisten, ended, subset, minw, end > meta
    printf "set ytics (%s)\n", tics > meta
}

function ordinal(k,   suffix) {
    suffix = "th"
    if (k % 100 < 11 || k % 100 > 13) {
        if (k % 10 == 1) suffix = "st"
        else if (k % 10 == 2) suffix = "nd"
        else if (k % 10 == 3) suffix = "rd"
    }
    return k suffix
}
