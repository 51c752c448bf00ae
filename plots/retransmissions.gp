# Retransmissions over time by kind: for each kind (retransmissions.csv
# `kind`: SYN, SYN_ACK, FIN, DATA_RTO, DATA_FAST, WINDOW_PROBE) the number of
# retransmissions so far, over all connections, as steps in the kind's
# colour and dash type (kinds.gp); the key gives each kind's total. Reads the
# files prepare/retransmissions.awk makes from retransmissions.csv:
#   data.'.dat'     block k-1 (gnuplot's index) for kind k: time (s), count so far
#   data.'-meta.gp' present (kinds seen), total, most, totals (per kind), xmax
# Variables: data (the prefix of those files), scenario (title text).

width = 1000; height = 600
load plots.'/style.gp'
load plots.'/kinds.gp'
load data.'-meta.gp'
if (!exists("scenario")) scenario = ''

set title sprintf("Retransmissions over time by kind (all connections) -- %s\n%d in all", \
                  scenario, total)
set xlabel 'time (s)'
set ylabel 'retransmissions so far (count)'
set xrange [0:xmax * 1.01]
set key inside left top vertical Left reverse samplen 3 spacing 1.2 box lc rgb '#bdbdbd' opaque

if (total == 0) {
    set yrange [0:1]
    set ytics 1
    set label 1 'no retransmissions in this run' at graph 0.5, 0.5 center
    unset key
    plot NaN notitle
} else {
    if (most < 10) {
        set yrange [0:most + 1]
        set ytics 1
    } else {
        set yrange [0:most * 1.05]
    }
    plot for [k in present] data.'.dat' index (int(k) - 1) using 1:2 with steps lt kind_lt(int(k)) lw 2.5 \
        title sprintf('%s (%d)', kind_name(int(k)), int(word(totals, int(k))))
}
