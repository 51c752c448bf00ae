# The two stacks and the colour, dash type and point type each keeps in the
# sweep plots: line types 31 (custom: this model; solid, filled circles) and
# 32 (ns3: ns-3's native TCP; dashed, open squares, so that a circle on the
# same value shows inside); a third stack name gets 33. Loaded by the
# sweep-*.gp scripts.

stack_lt(name) = (name eq 'custom' ? 31 : (name eq 'ns3' ? 32 : 33))
stack_title(name) = (name eq 'custom' ? 'custom (this model)' : (name eq 'ns3' ? "ns3 (ns-3's native TCP)" : name))

set linetype 31 lc rgb '#08306b' dt 1 lw 2.5 pt 7 ps 1.3
set linetype 32 lc rgb '#d94801' dt 2 lw 2.5 pt 4 ps 1.6
set linetype 33 lc rgb '#41ab5d' dt 4 lw 2.5 pt 9 ps 1.3
