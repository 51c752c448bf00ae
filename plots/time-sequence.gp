# Time-sequence graph of one connection, in the style of tcptrace and of
# Stevens' TCP/IP Illustrated, from its rows of segments.csv:
#   - each data segment it sent (direction tx, length > 0) as a vertical bar
#     from relative_seq to relative_seq + length at its time: dark blue when
#     sent the first time, red with a cross when it re-sends sequence space
#     (retransmission = 1);
#   - its SYN (or SYN,ACK) and FIN as triangles and squares (red when sent
#     again);
#   - the ACK line: relative_ack of the segments it received, as steps (and
#     a point at each when there are fewer than 30);
#   - the receive-window edge: relative_ack + window of those segments, the
#     highest sequence number the peer allowed it to send, as steps.
# The top panel shows the whole connection, the bottom one zooms on
# [zoom0, zoom1] (marked by a grey band above), chosen by prepare/zoom.awk:
# given, or else four round trips around the first segment sent again.
# Without a zoom the whole connection takes the picture.
# Variables: sent and received (the segments the connection sent and
# received, with the columns of segments.csv: prepare/connection.awk splits
# them so that the steps drawn through each are not broken by the other),
# id, meta (what prepare/connection.awk and prepare/zoom.awk wrote: seq_*
# counts, zoomed, zoom0, zoom1, zoom_lo, zoom_hi, zoom_auto), scenario and
# who (title text).

width = 1200; height = 900
load plots.'/style.gp'
load meta
if (!exists("scenario")) scenario = ''
if (!exists("who")) who = sprintf('connection %d', id)
if (!exists("zoomed")) zoomed = 0
zoomwhy = (zoomed && zoom_auto ? ', four round trips around the first retransmission' : '')

set datafile separator comma
# The sequence axis covers what was sent and acknowledged, and the window
# edge when it is not far above (a window much larger than the transfer
# would flatten everything else: the edge then leaves the top).
ytop = (seq_edge <= 1.5 * seq_top ? seq_edge : seq_top)
ytop = (ytop > 0 ? ytop : 1)
# In bytes, kB or MB (powers of 1000, as the program's sizes).
unit = (ytop >= 2e6 ? 1e6 : (ytop >= 2e3 ? 1e3 : 1))
unit_name = (unit == 1e6 ? 'MB' : (unit == 1e3 ? 'kB' : 'bytes'))

flag(f) = (strstrt(strcol(6), f) > 0)

# Columns: 1 time, 2 connection, 5 direction, 6 flags, 9 length, 10 window,
# 11 relative_seq, 12 relative_ack, 13 retransmission.
clauses = ''
if (seq_acks > 0) {
    clauses = clauses.", received skip 1 using 1:((column(12) + column(10)) / unit) with steps lw 1.5 lc rgb '#b8860b' dt 2 title (seq_edge <= 1.5 * seq_top ? 'receive window edge (ACK + window)' : sprintf('receive window edge (up to %.4g kB: above the top)', seq_edge / 1000.0))"
    clauses = clauses.", received skip 1 using 1:(column(12) / unit) with steps lw 2 lc rgb '#41ab5d' title 'ACK line (acknowledged by the peer)'"
    # A few ACKs: a point at each, so that a single one shows.
    if (seq_acks < 30) {
        clauses = clauses.", received skip 1 using 1:(column(12) / unit) with points pt 7 ps 0.7 lc rgb '#41ab5d' notitle"
    }
}
if (seq_data > 0) {
    clauses = clauses.", sent skip 1 using 1:((column(13) == 0 && column(9) > 0 ? column(11) / unit : NaN)):(0):(column(9) / unit) with vectors nohead lw 2 lc rgb '#08306b' title 'data sent'"
}
if (seq_retx > 0) {
    clauses = clauses.", sent skip 1 using 1:((column(13) == 1 && column(9) > 0 ? column(11) / unit : NaN)):(0):(column(9) / unit) with vectors nohead lw 2.5 lc rgb '#e31a1c' notitle"
    clauses = clauses.", sent skip 1 using 1:((column(13) == 1 && column(9) > 0 ? (column(11) + column(9)) / unit : NaN)) with points pt 2 ps 1.2 lw 2 lc rgb '#e31a1c' title 'data sent again (retransmission)'"
}
if (seq_syn > 0) {
    clauses = clauses.", sent skip 1 using 1:((flag('SYN') && column(13) == 0 ? column(11) / unit : NaN)) with points pt 9 ps 1.6 lc rgb '#08306b' title seq_syn_name"
}
if (seq_syn_again > 0) {
    clauses = clauses.", sent skip 1 using 1:((flag('SYN') && column(13) == 1 ? column(11) / unit : NaN)) with points pt 9 ps 1.6 lc rgb '#e31a1c' title seq_syn_name.' sent again'"
}
if (seq_fin > 0) {
    clauses = clauses.", sent skip 1 using 1:((flag('FIN') && column(13) == 0 ? (column(11) + column(9)) / unit : NaN)) with points pt 5 ps 1.4 lc rgb '#08306b' title 'FIN'"
}
if (seq_fin_again > 0) {
    clauses = clauses.", sent skip 1 using 1:((flag('FIN') && column(13) == 1 ? (column(11) + column(9)) / unit : NaN)) with points pt 5 ps 1.4 lc rgb '#e31a1c' title 'FIN sent again'"
}
if (seq_bogus > 0) {
    set label 2 sprintf('%d ACK%s of sequence numbers never sent: above the top', seq_bogus, seq_bogus > 1 ? 's' : '') \
        at graph 0.02, 0.95 left front
}
if (clauses eq '') {
    set label 1 'the connection sent and received no segment' at graph 0.5, 0.5 center
    clauses = ', NaN notitle'
    zoomed = 0
}
clauses = clauses[3:]

span = seq_t1 - seq_t0
pad = 0.02 * span + 1e-3
set xlabel 'time (s)'
set ylabel sprintf('sequence number relative to the ISS (%s)', unit_name)
# The key above the plot: no corner of a time-sequence graph is always empty.
set key above horizontal Left reverse samplen 2.5 spacing 1.1 maxcols 3 width 2
set lmargin 12
set rmargin 4

# (Macros in { } blocks expand before the block runs: the plots stay outside.)
set multiplot title sprintf("Time-sequence graph -- %s\n%s", scenario, who)
if (zoomed) {
    set size 1, 0.545
    set origin 0, 0.40
    set object 1 rectangle from zoom0, graph 0 to zoom1, graph 1 behind fc rgb '#e0e0e0' fs solid 1.0 noborder
} else {
    set size 1, 0.915
    set origin 0, 0
}
set xrange [seq_t0 - pad:seq_t1 + pad]
set yrange [0:ytop * 1.05 / unit]
if (unit == 1 && ytop < 10) { set ytics 1 }
plot @clauses
set ytics autofreq

if (!zoomed) { unset multiplot; exit }

unset object 1
unset label 2
unset key
set size 1, 0.40
set origin 0, 0
set title sprintf('zoom: %.4g s to %.4g s%s', zoom0, zoom1, zoomwhy) offset 0, -0.5
set xrange [zoom0:zoom1]
# The zoom's own unit: its sequence span is smaller. The window edge, a window
# above the ACKs, may leave the top.
zspan = zoom_hi - zoom_lo
unit = (zoom_hi >= 2e6 && zspan >= 2e5 ? 1e6 : (zoom_hi >= 2e3 ? 1e3 : 1))
set format y '%.7g'
unit_name = (unit == 1e6 ? 'MB' : (unit == 1e3 ? 'kB' : 'bytes'))
set ylabel sprintf('sequence number relative to the ISS (%s)', unit_name)
set yrange [(zoom_lo - 0.08 * zspan) / unit:(zoom_hi + 0.08 * zspan) / unit]
plot @clauses
unset multiplot
