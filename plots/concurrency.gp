# Concurrent connections per state: for each state a connection lives in
# (SYN_SENT to LAST_ACK; not CLOSED, not LISTEN), how many connections were in
# it at each moment, as steps in the state's colour and dash type
# (states.gp). Reads the files prepare/concurrency.awk makes from
# transitions.csv:
#   data.'.dat'     block s-1 (gnuplot's index) for state s: time (s), count
#   data.'-meta.gp' present (states ever above 0), order (the same, by falling
#                   peak), peak, lowpeak, xmax
# Variables: data (the prefix of those files), scenario (title text).
# When the busiest state peaks more than 30 times higher than the quietest,
# the y axis is logarithmic in 1 + count (so that 0 still shows), and the
# highest count reached gets a tic of its own.

width = 1200; height = 600
load plots.'/style.gp'
load plots.'/states.gp'
load data.'-meta.gp'
if (!exists("scenario")) scenario = ''

set title sprintf("Concurrent connections per state -- %s", scenario)
set xlabel 'time (s)'
set xrange [0:xmax * 1.01]
set key outside right top vertical Left reverse samplen 3 spacing 1.2 title 'state' left
set rmargin at screen 0.85

if (present eq '') {
    set yrange [0:1]
    set ylabel 'connections (count)'
    set label 1 'no connection was in SYN_SENT ... LAST_ACK' at graph 0.5, 0.5 center
    unset key
    plot NaN notitle
} else {
    if (peak > 30 * lowpeak && peak >= 30) {
        set nonlinear y via log10(1 + y) inverse 10**y - 1
        set yrange [0:peak * 1.3]
        # 1-2-5 tics, and the highest count reached as a tic of its own
        # (those close to it left out, so that the labels stay apart).
        set ytics ()
        do for [v in "0 1 2 5 10 20 50 100 200 500 1000 2000 5000 10000 20000 50000 100000 200000 500000"] {
            if (v + 0 == 0 || abs(v - peak) > 0.2 * peak) { set ytics add (sprintf('%d', v + 0) v + 0) }
        }
        set ytics add (sprintf('%d', peak) peak)
        set ylabel 'connections (count, logarithmic in 1 + count)'
    } else {
        set yrange [0:(peak < 5 ? peak + 1 : peak * 1.1)]
        if (peak < 10) { set ytics 1 }
        set ylabel 'connections (count)'
    }
    # The state with the lowest peak last, on top of the others; the key in
    # the order of a connection's life.
    plot for [s in order] data.'.dat' index (int(s) - 1) using 1:2 with steps lt int(s) lw 2.5 notitle, \
         for [s in present] keyentry with lines lt int(s) lw 2.5 title state_name(int(s))
}
