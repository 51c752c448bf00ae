# Sweep: mean time in each closing state against the swept option, one small
# plot per state (FIN_WAIT_1, FIN_WAIT_2, CLOSING, TIME_WAIT on the active
# closer's side; CLOSE_WAIT, LAST_ACK on the passive one's), one line per
# stack (stacks.gp). Per results folder: mean <state>_time of connections.csv
# over the connections that visited the state (<state>_entries > 0); folders
# of the same stack and value averaged. Reads what prepare/sweep.awk makes:
#   data.'.dat'     block per stack: x, folders, retx, completion, then the six
#                   states' mean times (s), "?" where no connection visited
#   data.'-meta.gp' param, also, unit, categorical, stacks, names, max_state1..6,
#                   rows_state1..6, have_3..8 (the stacks with a point), xmin,
#                   xmax
# Variables: data (the prefix of those files).

width = 1200; height = 800
load plots.'/style.gp'
load plots.'/stacks.gp'
load data.'-meta.gp'
load plots.'/sweep-axis.gp'

closing = "FIN_WAIT_1 FIN_WAIT_2 CLOSING TIME_WAIT CLOSE_WAIT LAST_ACK"
# Room at the top for the title and one key for all six plots (the stacks'
# bare names: the key is as wide as one plot).
# The x labels are short; what changed along with the option goes in the title.
# Categories are slanted: six plots share the width.
set xlabel xlabel_short
if (categorical) { set xtics rotate by 30 right font ',9' }
set multiplot layout 2, 3 title sprintf("Mean time in each closing state vs %s%s\n%s", param, \
        (also ne '' ? ' (with '.also.')' : ''), subject) \
    margins 0.07, 0.98, (categorical ? 0.18 : 0.09), 0.84 spacing 0.07, (categorical ? 0.15 : 0.12)
keyed = 0
do for [k = 1:6] {
    top = value(sprintf('max_state%d', k))
    tu = time_unit(top)
    set title word(closing, k)
    # The x label under the bottom row only.
    if (k <= 3) { set xlabel '' } else { set xlabel xlabel_short }
    set ylabel sprintf('mean time in %s (%s)', word(closing, k), time_unit_name(top))
    set yrange [0:(top > 0 ? top / tu * 1.15 : 1)]
    # The key in the first plot with lines.
    if (value(sprintf('rows_state%d', k)) > 0 && !keyed) {
        set key at screen 0.5, screen 0.915 center top horizontal maxcols 2 Left reverse samplen 3 width 3 nobox
        keyed = 1
    } else {
        unset key
    }
    if (value(sprintf('rows_state%d', k)) > 0) {
        unset label 1
        have = value(sprintf('have_%d', 2 + k))
        plot for [w in have] data.'.dat' index (int(w) - 1) using 1:(column(4 + k) / tu) with @sweep_style \
            lt stack_lt(word(stacks, int(w))) title word(stacks, int(w))
    } else {
        set label 1 'no connection visited it' at graph 0.5, 0.5 center
        plot NaN notitle
    }
}
unset multiplot
