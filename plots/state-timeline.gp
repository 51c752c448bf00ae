# State timeline: one row per connection (and listener), time on x, a bar in
# the state's colour and fill (states.gp) for each stay in a state. Reads the files
# prepare/timeline.awk makes from transitions.csv and connections.csv:
#   data.'-bars.dat'  row, drawn start, drawn end, state number (columns 1-4)
#   data.'-ends.dat'  row, time: connections ended by a reset, timeout or abort
#   data.'-meta.gp'   rows, connections, listeners, ended, subset, minw, xmax
#                     and the row names
# Variables: data (the prefix of those files), scenario (title text).

width = 1200; height = 800
load plots.'/style.gp'
load plots.'/states.gp'
load data.'-meta.gp'

if (!exists("scenario")) scenario = ''
if (subset eq '') {
    shown = sprintf('%d connection%s', connections, connections == 1 ? '' : 's')
    if (listeners > 0) {
        shown = shown.sprintf(' and %d listener%s', listeners, listeners == 1 ? '' : 's')
    }
} else {
    shown = subset
}
set title sprintf("State timeline -- %s\n%s; stays shorter than %.3g s drawn %.3g s wide", \
                  scenario, shown, minw, minw)

set xlabel 'time (s)'
set ylabel 'connection (id, node, opener)'
set xrange [0:xmax * 1.01]
set yrange [rows + 0.6:0.4]
set ytics nomirror scale 0 font ',9'
set grid xtics noytics
set rmargin at screen 0.84
set key at screen 0.86, graph 1 left top vertical Left reverse samplen 1.5 spacing 1.2 title 'state' left
set lmargin at screen 0.19

half = (rows > 60 ? 0.45 : 0.35)

end_title = "ended by reset,\ntimeout or abort"
ends = (ended > 0) ? ", data.'-ends.dat' using 2:1 with points pt 2 ps 1.2 lw 2 lc rgb '#000000' title end_title" : ""

# One clause per state, each with its fill (states.gp), then the key: all
# eleven states. (Put together as a string and expanded once, outside any
# { } block, where a macro would be expanded before the block runs.)
bars = ''
do for [s = 1:11] {
    bars = bars.sprintf(", data.'-bars.dat' using (($2 + $3) / 2):($4 == %d ? $1 : NaN):2:3:($1 - half):($1 + half) with boxxyerror lc rgb '%s' lw 1 dt 1 fs %s notitle", s, state_color(s), state_fill(s))
}
do for [s = 1:11] {
    bars = bars.sprintf(", keyentry with boxes lc rgb '%s' lw 1 dt 1 fs %s title '%s'", state_color(s), state_fill(s), state_name(s))
}
bars = bars[3:]
plot @bars @ends
