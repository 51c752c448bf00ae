# Sweep: retransmissions per client connection against the swept option, one
# line per stack (stacks.gp). Per results folder: sum of retx_total over the
# connections of connections.csv, divided by the client connections (opener
# active or simultaneous); folders of the same stack and value averaged.
# Reads what prepare/sweep.awk makes:
#   data.'.dat'     block per stack: x, folders, retransmissions per client, ...
#   data.'-meta.gp' param, also, unit, categorical, stacks, names, max_retx,
#                   have_1 (the stacks with a point), xmin, xmax
# Variables: data (the prefix of those files).

width = 900; height = 600
load plots.'/style.gp'
load plots.'/stacks.gp'
load data.'-meta.gp'
load plots.'/sweep-axis.gp'

set title sprintf("Retransmissions per client connection vs %s\n%s", param, subject)
set ylabel 'retransmissions per client connection (count)'
set yrange [0:(max_retx > 0 ? max_retx * 1.15 : 1)]
if (have_1 eq '') {
    set label 1 'no folder has a client connection' at graph 0.5, 0.5 center
    unset key
    plot NaN notitle
} else {
    plot for [w in have_1] data.'.dat' index (int(w) - 1) using 1:3 with @sweep_style \
        lt stack_lt(word(stacks, int(w))) title stack_title(word(stacks, int(w)))
}
