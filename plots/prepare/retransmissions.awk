# Retransmissions over time by kind: the running count of each kind, for
# retransmissions.gp, from retransmissions.csv (time, kind).
#
#   awk -f common.awk -f retransmissions.awk -v end=245.8 -v prefix=DIR/retransmissions \
#       retransmissions.csv
#
# Writes
#   PREFIX.dat      6 blocks (gnuplot's `index` 0 to 5, kinds 1 to 6 of
#                   kinds.gp), each lines "time count" from (0, 0) to
#                   (end, total): the count of that kind so far, a line at each
#                   retransmission. A kind with more than `limit` (default
#                   2000) is thinned to its first and last count in each of
#                   `bins` (default 1000) time bins -- the same steps, to a
#                   pixel.
#   PREFIX-meta.gp  present (the kind numbers seen), total (all kinds), most
#                   (the largest total of a kind), the totals of each kind (totals) and xmax (5 % after the last
#                   retransmission, or the end of the run).

BEGIN {
    nkinds = split("SYN SYN_ACK FIN DATA_RTO DATA_FAST WINDOW_PROBE", kind_name, " ")
    for (i = 1; i <= nkinds; i++) kind_number[kind_name[i]] = i
}

FNR == 1 {
    r_time = need("time"); r_kind = need("kind")
    next
}

{
    t = $r_time + 0
    k = kind_number[$r_kind]
    if (k == "") next
    n[k]++
    total++
    if (t > last_time) last_time = t
    m = np[k]
    if (m > 0 && pt_t[k, m] == t) {
        pt_v[k, m] = n[k]
    } else {
        np[k] = ++m
        pt_t[k, m] = t
        pt_v[k, m] = n[k]
    }
}

END {
    if (failed) exit 3
    if (end == "" || end + 0 <= 0) end = last_time
    if (end <= 0) end = 1
    if (limit == "") limit = 2000
    if (bins == "") bins = 1000
    out = prefix ".dat"
    present = ""; totals = ""
    for (k = 1; k <= nkinds; k++) {
        printf "# %s: time (s), retransmissions so far\n0 0\n", kind_name[k] > out
        cb = -1
        for (i = 1; i <= np[k]; i++) {
            if (np[k] <= limit) {
                printf "%.9f %d\n", pt_t[k, i], pt_v[k, i] > out
                continue
            }
            b = int(pt_t[k, i] / end * bins)
            if (b != cb) {
                if (cb >= 0 && t_last != t_first) printf "%.9f %d\n", t_last, v_last > out
                printf "%.9f %d\n", pt_t[k, i], pt_v[k, i] > out
                cb = b; t_first = pt_t[k, i]
            }
            t_last = pt_t[k, i]; v_last = pt_v[k, i]
        }
        if (cb >= 0 && t_last != t_first) printf "%.9f %d\n", t_last, v_last > out
        printf "%.9f %d\n\n\n", end, n[k] + 0 > out
        totals = totals (k > 1 ? " " : "") (n[k] + 0)
        if (n[k] > 0) present = present (present == "" ? "" : " ") k
        if (n[k] > most) most = n[k]
    }
    # The x axis ends a little after the last retransmission: a run's quiet
    # end (TIME_WAIT, mostly) would squeeze the rest into its first part.
    xmax = (total > 0 && last_time * 1.05 < end) ? last_time * 1.05 : end
    printf "present = \"%s\"\ntotal = %d\nmost = %d\ntotals = \"%s\"\nxmax = %.9f\n", present, total, most, totals, xmax > (prefix "-meta.gp")
}
