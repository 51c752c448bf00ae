# The six kinds of retransmission (retransmissions.csv `kind`) and the colour,
# dash type and point type each keeps in every plot: line types 21 to 26.
# Loaded by the scripts that draw retransmissions.
#
# Kind numbers, as in the prepared data files: 1 SYN, 2 SYN_ACK, 3 FIN,
# 4 DATA_RTO, 5 DATA_FAST, 6 WINDOW_PROBE. Handshake kinds in blues like the
# handshake states, FIN in orange like FIN_WAIT, data in dark red (timeout)
# and green (fast retransmit); lightness and dash types keep them apart in
# greyscale print.

kind_names = "SYN SYN_ACK FIN DATA_RTO DATA_FAST WINDOW_PROBE"
kind_colors = "#08306b #4292c6 #d94801 #99000d #41ab5d #807dba"
kind_dashes = "1 2 4 1 2 5"
kind_points = "5 7 9 2 8 12"

kind_name(i) = word(kind_names, i)
kind_color(i) = word(kind_colors, i)
kind_lt(i) = 20 + i

do for [i = 1:6] {
    set linetype 20 + i lc rgb kind_color(i) dt int(word(kind_dashes, i)) lw 2 pt int(word(kind_points, i))
}
