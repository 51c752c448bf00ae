# Sweep: completion time against the swept option, one line per stack
# (stacks.gp). Per results folder: the mean, over the active openers that
# ended closed (connections.csv opener = active, end = closed), of lifetime -
# close_time: from Connect to the first FIN, the time the connection took to
# do its work; folders of the same stack and value averaged. Reads what
# prepare/sweep.awk makes:
#   data.'.dat'     block per stack: x, folders, retx, completion time (s), ...
#   data.'-meta.gp' param, also, unit, categorical, stacks, names, max_completion,
#                   have_2 (the stacks with a point), xmin, xmax
# Variables: data (the prefix of those files).

width = 900; height = 600
load plots.'/style.gp'
load plots.'/stacks.gp'
load data.'-meta.gp'
load plots.'/sweep-axis.gp'

tu = time_unit(max_completion)
set title sprintf("Completion time vs %s (mean of lifetime - close_time, active openers that ended closed)\n%s", param, subject)
set ylabel sprintf('completion time (%s)', time_unit_name(max_completion))
set yrange [0:(max_completion > 0 ? max_completion / tu * 1.15 : 1)]
if (have_2 eq '') {
    set label 1 'no active opener ended closed' at graph 0.5, 0.5 center
    unset key
    plot NaN notitle
} else {
    plot for [w in have_2] data.'.dat' index (int(w) - 1) using 1:($4 / tu) with @sweep_style \
        lt stack_lt(word(stacks, int(w))) title stack_title(word(stacks, int(w)))
}
