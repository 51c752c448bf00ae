# The x axis shared by the sweep-*.gp scripts: the swept option, its unit,
# and categories when its values are not numbers; and `subject`, the end of
# every title (scenario names and stacks); sweep_style, how the points are
# drawn. Loaded after data.'-meta.gp' (prepare/sweep.awk).

xlabel_short = param.(unit ne '' ? ' ('.unit.')' : ' (value in scenario.ini)')
xlabel_text = xlabel_short.(also ne '' ? ', with '.also : '')
set xlabel xlabel_text
nstacks = words(stacks)
subject = sprintf('%s, %s stack%s', names, \
                  (nstacks == 2 ? word(stacks, 1).' and '.word(stacks, 2) : stacks), nstacks > 1 ? 's' : '')
# Lines join the points of a numeric option; categories get points only.
if (categorical) {
    set xrange [0.5:ncat + 0.5]
    sweep_style = 'points'
} else {
    set xrange [xmin:xmax]
    sweep_style = 'linespoints'
}
set datafile missing '?'
set key inside top left vertical Left reverse samplen 3 spacing 1.2 box lc rgb '#bdbdbd' opaque
