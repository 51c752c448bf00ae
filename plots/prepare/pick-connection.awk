# The connection of the time-sequence and cwnd-rtt plots, from connections.csv
# (id, node, the 4-tuple, opener, retx_total, bytes_app_sent, bytes_acked):
# the one given as `want`, or else, among the connections that sent data
# (all of them when none did: a SYN flood's half-open forks send none), the
# one with the most retransmissions (retx_total), ties going to the one that
# sent the most (bytes_app_sent, or
# bytes_acked where that is missing, as on ns-3's native TCP), then to the
# lowest id. Listeners are not connections.
#
#   awk -f common.awk -f pick-connection.awk [-v want=ID] connections.csv
#
# Prints one line, tab-separated: id, node, local address:port, remote
# address:port, opener, retx_total, srtt (s; "-" when missing), and 1 when it
# sent data (else 0). Exit status 4 when `want` is not a
# connection of the file, 5 when the file has no connection.

FNR == 1 {
    c_id = need("id"); c_node = need("node"); c_opener = need("opener")
    c_la = need("local_address"); c_lp = need("local_port")
    c_ra = need("remote_address"); c_rp = need("remote_port")
    c_retx = need("retx_total"); c_sent = need("bytes_app_sent"); c_acked = need("bytes_acked")
    c_srtt = need("srtt")
    next
}

$c_opener == "listener" { next }

{
    sent = ($c_sent != "") ? $c_sent + 0 : $c_acked + 0
    retx = $c_retx + 0
    data = sent > 0
    if (want != "") {
        if ($c_id != want) next
    } else if (found && (data < best_data || (data == best_data && (retx < best_retx || \
               (retx == best_retx && (sent < best_sent || (sent == best_sent && $c_id + 0 > best_id))))))) {
        next
    }
    found = 1
    best_data = data; best_retx = retx; best_sent = sent; best_id = $c_id + 0
    line = sprintf("%s\t%s\t%s:%s\t%s:%s\t%s\t%d\t%s\t%d", $c_id, $c_node, $c_la, $c_lp, $c_ra, $c_rp, $c_opener, retx,
                   $c_srtt == "" ? "-" : $c_srtt, data)
}

END {
    if (failed) exit 3
    if (!found) exit (want != "" ? 4 : 5)
    print line
}
