# One connection's rows of segments.csv, series.csv or retransmissions.csv,
# for time-sequence.gp and cwnd-rtt.gp: the rows of connection `id`, header
# and columns unchanged, on stdout -- for segments.csv, the rows it sent
# (direction tx) on stdout and those it received (rx) into the file
# `received`, so that the lines drawn through them are not broken by the
# others; and what the plots need to know of them appended to the file
# `meta` as gnuplot assignments.
#
#   awk -f common.awk -f connection.awk -v what=segments -v id=2 -v meta=M.gp \
#       -v received=R.csv segments.csv > S.csv
#
# what=segments: seq_data, seq_retx (tx segments with payload: sent once,
#   sent again), seq_syn, seq_syn_again, seq_fin, seq_fin_again (tx SYN and
#   FIN segments: sent once, sent again), seq_syn_name (SYN, or SYN,ACK
#   for a passive opener), seq_acks (rx
#   segments with ACK), seq_top (the highest relative sequence number sent or
#   acknowledged, bytes), seq_edge (the highest window edge, relative_ack +
#   window, bytes; both leave out ACKs of more than was sent, which
#   seq_bogus counts), seq_t0, seq_t1 (the first and last time, s).
# what=series: ser_rows, ser_cwnd (rows with a cwnd), ser_win_max (the
#   largest cwnd or drawn ssthresh, bytes),
#   ser_ssthresh (rows with a threshold
#   below 1 GB -- ns-3's native TCP starts with 4294967295, "none yet"),
#   ser_srtt, ser_rto (rows with an SRTT, an RTO), ser_rtt_min, ser_rtt_max (of SRTT and RTO
#   above 0, s), ser_t0, ser_t1. With `tend` (s) later than its last row, the
#   last row is repeated at that time, so that the steps reach the end of the
#   connection (its last segment): a row is written only on a change.
# what=retransmissions: retx_rows, and retx_kinds, the kind numbers seen
#   (kinds.gp).

FNR == 1 {
    print
    if (what == "segments") print > received
    k_time = need("time"); k_conn = need("connection")
    if (what == "segments") {
        k_dir = need("direction"); k_flags = need("flags"); k_len = need("length")
        k_win = need("window"); k_rseq = need("relative_seq"); k_rack = need("relative_ack")
        k_retx = need("retransmission")
    } else if (what == "series") {
        k_cwnd = need("cwnd"); k_ssth = need("ssthresh"); k_srtt = need("srtt"); k_rto = need("rto")
    } else {
        k_kind = need("kind")
        nk = split("SYN SYN_ACK FIN DATA_RTO DATA_FAST WINDOW_PROBE", kinds, " ")
        for (i = 1; i <= nk; i++) kind_number[kinds[i]] = i
    }
    next
}

$k_conn != id { next }

{
    if (what == "segments" && $k_dir == "rx") print > received
    else print
    n++
    t = $k_time + 0
    if (n == 1) t0 = t
    t1 = t
}

what == "segments" {
    if ($k_dir == "tx") {
        if ($k_len + 0 > 0) {
            if ($k_retx == "1") retx++
            else data++
            top = max(top, $k_rseq + $k_len)
        }
        if ($k_flags ~ /SYN/) top = max(top, $k_rseq + 1)
        sent_top = max(sent_top, top)
        again = ($k_retx == "1")
        if ($k_flags ~ /SYN/) {
            if (again) syn_again++; else syn++
            if (syn_name == "") syn_name = ($k_flags ~ /ACK/) ? "SYN,ACK" : "SYN"
        }
        if ($k_flags ~ /FIN/) {
            if (again) fin_again++; else fin++
            top = max(top, $k_rseq + $k_len + 1)
        }
    } else if ($k_rack != "") {
        acks++
        # An ACK of something never sent (an old duplicate's SYN,ACK: far
        # above, modulo 2^32) is drawn but does not set the scale.
        if ($k_rack + 0 <= sent_top + 1) {
            top = max(top, $k_rack + 0)
            edge = max(edge, $k_rack + $k_win)
        } else {
            bogus++
        }
    }
    next
}

what == "series" {
    last_row = $0
    if ($k_cwnd != "") { cwnd++; cwnd_max = max(cwnd_max, $k_cwnd + 0) }
    if ($k_ssth != "" && $k_ssth + 0 < 1e9) { ssth++; win_max = max(win_max, $k_ssth + 0) }
    win_max = max(win_max, cwnd_max)
    if ($k_srtt != "") { srtt++; rtt(($k_srtt) + 0) }
    if ($k_rto != "") { rto++; rtt($k_rto + 0) }
    next
}

{
    k = kind_number[$k_kind]
    if (k != "" && !(k in seen)) { seen[k] = 1; kinds_seen = kinds_seen (kinds_seen == "" ? "" : " ") k }
}

function max(a, b) { return a > b ? a : b }
function rtt(v) {
    if (v <= 0) return
    if (rtt_min == "" || v < rtt_min) rtt_min = v
    if (v > rtt_max) rtt_max = v
}

END {
    if (failed) exit 3
    if (what == "segments") {
        printf "seq_data = %d\nseq_retx = %d\nseq_syn = %d\nseq_syn_again = %d\nseq_fin = %d\nseq_fin_again = %d\n", \
            data, retx, syn, syn_again, fin, fin_again >> meta
        printf "seq_syn_name = \"%s\"\n", syn_name == "" ? "SYN" : syn_name >> meta
        printf "seq_acks = %d\nseq_bogus = %d\nseq_top = %.0f\nseq_edge = %.0f\nseq_t0 = %.9f\nseq_t1 = %.9f\n", \
            acks, bogus, top, edge, t0, t1 >> meta
    } else if (what == "series") {
        if (n > 0 && tend != "" && tend + 0 > t1) {
            $0 = last_row
            $k_time = sprintf("%.9f", tend)
            row = $1
            for (i = 2; i <= NF; i++) row = row "," $i
            print row
            t1 = tend + 0
        }
        printf "ser_rows = %d\nser_cwnd = %d\nser_win_max = %.0f\nser_ssthresh = %d\nser_srtt = %d\nser_rto = %d\n", \
            n, cwnd, win_max, ssth, srtt, rto >> meta
        printf "ser_rtt_min = %.9g\nser_rtt_max = %.9g\nser_t0 = %.9f\nser_t1 = %.9f\n", \
            rtt_min + 0, rtt_max + 0, t0, t1 >> meta
    } else {
        printf "retx_rows = %d\nretx_kinds = \"%s\"\n", n, kinds_seen >> meta
    }
}
