# Congestion window, slow-start threshold, SRTT and RTO of one connection
# over time, from its rows of series.csv (time, cwnd, ssthresh, srtt, rto):
#   top:    cwnd and ssthresh in kB, as steps; below them, a mark per
#           retransmission of the connection (retransmissions.csv), by kind
#           (kinds.gp);
#   bottom: SRTT and RTO in ms, as steps, both solid: the RTO is never below
#           the SRTT (the y axis is logarithmic when they are more than
#           20 times apart).
# With fewer than 30 rows, each row is also a point.
# An empty ssthresh (no threshold yet) is not drawn, nor is one of 1 GB or
# more: ns-3's native TCP starts with 4294967295, meaning "none yet".
# Variables: series (a series.csv), retx (a retransmissions.csv), id (only
# its rows are drawn), meta (the file prepare/connection.awk wrote: ser_* and
# retx_*), scenario and who (title text).

width = 1200; height = 800
load plots.'/style.gp'
load plots.'/kinds.gp'
load meta
if (!exists("scenario")) scenario = ''
if (!exists("who")) who = sprintf('connection %d', id)

set datafile separator comma
mine(c) = (strcol(2) eq sprintf('%d', id) ? c : NaN)
span = ser_t1 - ser_t0
pad = 0.02 * span + 1e-3
set xrange [ser_t0 - pad:ser_t1 + pad]
set lmargin 12
set rmargin at screen 0.78
set key outside right top vertical Left reverse samplen 3 spacing 1.2

# Top panel: cwnd, ssthresh and the retransmissions. Clauses are put together
# as strings; macros in { } blocks expand before the block runs, so the plots
# stay outside them.
top = ''
if (ser_cwnd > 0) {
    top = top.", series skip 1 using 1:(mine(column(5)) / 1000) with steps lw 2 lc rgb '#08306b' title 'cwnd'"
}
if (ser_ssthresh > 0) {
    top = top.", series skip 1 using 1:(mine(column(6) < 1e9 ? column(6) / 1000 : NaN)) with steps lw 2 dt 2 lc rgb '#d94801' title 'ssthresh'"
}
if (retx_rows > 0) {
    top = top.", for [k in retx_kinds] retx skip 1 using 1:(mine(strcol(5) eq kind_name(int(k)) ? 0 : NaN)) with points lt kind_lt(int(k)) ps 1.3 title 'retransmission: '.kind_name(int(k))"
}
# Few rows: a point at each, so that a value reported once (at the
# connection's last moment, say) still shows.
if (ser_rows < 30) {
    top = top.", series skip 1 using 1:(mine(column(5)) / 1000) with points pt 7 ps 0.7 lc rgb '#08306b' notitle"
    top = top.", series skip 1 using 1:(mine(column(6) < 1e9 ? column(6) / 1000 : NaN)) with points pt 7 ps 0.7 lc rgb '#d94801' notitle"
}
if (ser_cwnd == 0) {
    set label 1 'no congestion window reported for this connection' at graph 0.5, 0.6 center front
}
if (top eq '') { top = ', NaN notitle'; unset key }
top = top[3:]

bottom = ''
if (ser_srtt > 0) {
    bottom = bottom.", series skip 1 using 1:(mine(column(7)) * 1000) with steps lw 2 lc rgb '#238b45' title 'SRTT'"
}
if (ser_rto > 0) {
    bottom = bottom.", series skip 1 using 1:(mine(column(8)) * 1000) with steps lw 2 lc rgb '#99000d' title 'RTO'"
}
if (ser_rows < 30) {
    bottom = bottom.", series skip 1 using 1:(mine(column(7)) * 1000) with points pt 7 ps 0.7 lc rgb '#238b45' notitle"
    bottom = bottom.", series skip 1 using 1:(mine(column(8)) * 1000) with points pt 7 ps 0.7 lc rgb '#99000d' notitle"
}
if (bottom eq '') { bottom = ', NaN notitle' }
bottom = bottom[3:]

set multiplot title sprintf("Congestion window, slow-start threshold, SRTT and RTO -- %s\n%s", scenario, who)
set size 1, 0.47
set origin 0, 0.47
set format x ''
set xlabel ''
set ylabel 'window (kB)'
set yrange [-0.06 * (ser_win_max > 0 ? ser_win_max : 1000) / 1000:(ser_win_max > 0 ? ser_win_max : 1000) * 1.1 / 1000]
plot @top
unset label 1

set size 1, 0.47
set origin 0, 0.0
if (ser_srtt == 0) {
    set label 2 'no RTT sample: no SRTT' at graph 0.5, 0.85 center front
}
set key outside right top vertical Left reverse samplen 3 spacing 1.2
set format x '%g'
set xlabel 'time (s)'
set ylabel 'time (ms)'
set autoscale y
if (ser_rtt_min > 0 && ser_rtt_max / ser_rtt_min > 20) {
    set logscale y
    set format y '%g'
    set ytics (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000)
    set mytics 1
    set ylabel 'time (ms, logarithmic)'
    set yrange [ser_rtt_min * 1000 / 1.5:ser_rtt_max * 1000 * 1.5]
} else {
    set yrange [0:(ser_rtt_max > 0 ? ser_rtt_max * 1000 * 1.1 : 1)]
}
plot @bottom
unset multiplot
