# Time in state: for each state, the distribution across connections of the
# time spent in it (connections.csv <state>_time, over the connections whose
# <state>_entries > 0; LISTEN over the listeners). Per state a box from the
# 25th to the 75th percentile with a black line at the median, whiskers from
# the minimum to the 95th percentile, and a cross at the maximum, in the
# state's colour (states.gp), with a square of that colour at the median so
# that a box of no height (every connection spent the same time) still
# shows. Reads the files prepare/time-in-state.awk makes:
#   data.'.dat'     position, state, n, zeros, min, p25, median, p75, p95, max, mean
#   data.'-meta.gp' states, minpos, max, and the xtics
# Variables: data (the prefix of those files), scenario (title text).
# When the times spread over more than two decades the y axis is
# logarithmic, and times of 0 are drawn on a tic labelled 0 a decade below
# the shortest time.

width = 1000; height = 600
load plots.'/style.gp'
load plots.'/states.gp'
load data.'-meta.gp'
if (!exists("scenario")) scenario = ''

set title sprintf("Time in state per connection -- %s\nbox: 25th to 75th percentile, line: median, whiskers: min to 95th percentile, x: max", scenario)
set xrange [0.4:states + 0.6]
set xtics nomirror scale 0 font ',9'
set xlabel 'state (n: the connections that visited it)' offset 0, -0.8
set grid noxtics ytics
set boxwidth 0.5
set mytics 1
set bmargin 6
set bars 2

if (states == 0) {
    set yrange [0:1]
    set ylabel 'time in state (s)'
    set label 1 'no connection visited a state' at graph 0.5, 0.5 center
    plot NaN notitle
} else {
    if (minpos > 0 && max / minpos > 100) {
        floor = 10**(floor(log10(minpos)) - 1)
        set logscale y
        set yrange [floor / 1.6:10**ceil(log10(max * 1.5))]
        set format y '%g'
        set ytics add ('0' floor)
        set ylabel 'time in state (s, logarithmic)'
        y(v) = (v > floor ? v : floor)
        unit = 1
    } else {
        unit = time_unit(max)
        set yrange [0:(max > 0 ? max / unit * 1.1 : 1)]
        set ylabel sprintf('time in state (%s)', time_unit_name(max))
        y(v) = v / unit
    }
    plot data.'.dat' using 1:(y($6)):(y($5)):(y($9)):(y($8)):2 with candlesticks lc variable \
             fs solid 0.9 border lc rgb '#404040' whiskerbars, \
         '' using 1:(y($7)):2 with points pt 5 ps 2.2 lc variable, \
         '' using 1:(y($7)):(y($7)):(y($7)):(y($7)) with candlesticks lc rgb '#000000' lw 2.5, \
         '' using 1:(y($10)) with points pt 2 ps 1.3 lw 2 lc rgb '#000000'
}
