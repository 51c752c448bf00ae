# State timeline: one row per connection (and listener), time on x, a bar in
# the state's colour (states.gp) for each stay in a state. Reads the files
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

plot data.'-bars.dat' using (($2 + $3) / 2):1:2:3:($1 - half):($1 + half):4 \
         with boxxyerror lc variable fs solid 1.0 noborder, \
     for [s = 1:11] keyentry with boxes lt s fs solid 1.0 noborder title state_name(s) \
     @ends
