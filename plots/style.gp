# The look shared by every plot, loaded by each script after it has set
# `width` and `height` (pixels). plot-run and plot-sweep set `fmt` ('png' or
# 'svg') and `out` (the file to write) on gnuplot's command line; run by hand,
# a script draws a PNG into `out` (default: the script's name in the current
# folder).
#
# Text is not "enhanced": state names such as SYN_SENT keep their underscores.

if (!exists("fmt")) fmt = 'png'
if (fmt eq 'svg') {
    set terminal svg size width, height dynamic noenhanced font 'Sans,12' linewidth 1.2 background '#ffffff'
} else {
    set terminal pngcairo size width, height noenhanced font 'Sans,11' linewidth 1.2 background '#ffffff'
}
if (exists("out")) set output out

set encoding utf8
set border 3 lw 1 lc rgb '#404040'
set tics nomirror out scale 0.6
set grid xtics ytics lw 0.5 lc rgb '#d9d9d9' dt solid
set key noautotitle
set datafile separator whitespace
set style fill solid 1.0 noborder

# Units of a time axis: the divisor of seconds and its name, for a largest
# value of `max` seconds (seconds when it is 0).
time_unit(max) = (max <= 0 ? 1 : (max < 1e-3 ? 1e-6 : (max < 1 ? 1e-3 : 1)))
time_unit_name(max) = (max <= 0 ? 's' : (max < 1e-3 ? 'us' : (max < 1 ? 'ms' : 's')))
