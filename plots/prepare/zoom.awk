# The zoom of time-sequence.gp: which seconds of one connection its bottom
# panel shows, and the sequence numbers in them, from the connection's
# segments as prepare/connection.awk split them (the ones it sent, then the
# ones it received; columns of segments.csv).
#
#   awk -f common.awk -f zoom.awk -v rtt=0.04 [-v zoom0=S -v zoom1=S] -v meta=M.gp sent.csv received.csv
#
# Without zoom0 and zoom1: four round trips (`rtt`, s; 100 ms when not
# given), from a round trip and a half before the first segment sent again,
# when the connection sent data and lasted more than twelve round trips;
# else no zoom. Appends to `meta`: zoomed (0 or 1), and when 1 zoom0, zoom1
# (s), zoom_lo and zoom_hi (bytes: the lowest and highest sequence number
# sent or acknowledged in the zoom), zoom_auto (1 when chosen here).

FNR == 1 {
    z_time = need("time"); z_dir = need("direction"); z_len = need("length")
    z_rseq = need("relative_seq"); z_rack = need("relative_ack"); z_retx = need("retransmission")
    next
}

{
    n++
    t[n] = $z_time + 0
    if (fileno == 1) {
        lo_v[n] = $z_rseq + 0
        hi_v[n] = $z_rseq + $z_len
        if ($z_len + 0 > 0) data = 1
        if ($z_retx == "1" && first_again == "") first_again = t[n]
    } else if ($z_rack != "") {
        lo_v[n] = hi_v[n] = $z_rack + 0
    } else {
        n--
        next
    }
    if (n == 1 || t[n] < t0) t0 = t[n]
    if (n == 1 || t[n] > t1) t1 = t[n]
}

END {
    if (failed) exit 3
    auto = 0
    if (zoom0 == "" || zoom1 == "") {
        r = (rtt + 0 > 0) ? rtt + 0 : 0.1
        if (!data || first_again == "" || t1 - t0 <= 12 * r) {
            printf "zoomed = 0\n" >> meta
            exit 0
        }
        zoom0 = first_again - 1.5 * r
        if (zoom0 < t0) zoom0 = t0
        zoom1 = zoom0 + 4 * r
        auto = 1
    }
    zoom0 += 0; zoom1 += 0
    lo = ""; hi = ""
    for (i = 1; i <= n; i++) {
        if (t[i] < zoom0 || t[i] > zoom1) continue
        if (lo == "" || lo_v[i] < lo) lo = lo_v[i]
        if (hi == "" || hi_v[i] > hi) hi = hi_v[i]
    }
    if (lo == "") { lo = 0; hi = 1 }
    if (hi - lo < 10) { lo -= 5; hi += 5 }
    if (lo < 0) lo = 0
    printf "zoomed = 1\nzoom0 = %.9f\nzoom1 = %.9f\nzoom_lo = %.0f\nzoom_hi = %.0f\nzoom_auto = %d\n", \
        zoom0, zoom1, lo, hi, auto >> meta
}
