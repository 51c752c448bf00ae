# The eleven TCP states (RFC 9293 section 3.3.2) and the one colour and dash
# type each keeps in every plot. Loaded by the scripts that draw states.
#
# State numbers are the order of a connection's life, used by the prepared
# data files: 1 CLOSED, 2 LISTEN, 3 SYN_SENT, 4 SYN_RCVD, 5 ESTABLISHED,
# 6 FIN_WAIT_1, 7 FIN_WAIT_2, 8 CLOSING, 9 TIME_WAIT, 10 CLOSE_WAIT,
# 11 LAST_ACK.
#
# Colours come in families -- greys for CLOSED and LISTEN, blues for the
# handshake, green for ESTABLISHED, oranges to purple to dark red for the
# active close, yellow and brown for the passive close -- and within a family
# they differ in lightness, so that neighbours stay apart in greyscale print.
# Lines add a dash type per state, bars a hatch for three states, for the
# same reason.

state_names = "CLOSED LISTEN SYN_SENT SYN_RCVD ESTABLISHED FIN_WAIT_1 FIN_WAIT_2 CLOSING TIME_WAIT CLOSE_WAIT LAST_ACK"
state_colors = "#969696 #cccccc #08306b #4292c6 #238b45 #fd8d3c #d94801 #807dba #99000d #e7b400 #7f5a16"
state_dashes = "1 1 5 2 1 4 2 5 1 3 4"
# Bars (the state timeline): solid, but hatched in the state's colour for the
# three whose lightness is near another's that can fill a long bar --
# SYN_SENT (TIME_WAIT's), FIN_WAIT_2 and LAST_ACK (ESTABLISHED's). gnuplot
# fill patterns: 4 "/", 5 "\", 1 crosshatch; 0 here means solid.
state_patterns = "0 0 4 0 0 0 5 0 0 0 1"

state_name(i) = word(state_names, i)
state_color(i) = word(state_colors, i)
state_dash(i) = int(word(state_dashes, i))
state_pattern(i) = int(word(state_patterns, i))
state_fill(i) = (state_pattern(i) == 0 ? 'solid 1.0 noborder' : sprintf('pattern %d border lc rgb "%s"', state_pattern(i), state_color(i)))

# Line types 1 to 11 are the states: "lt 5" draws in ESTABLISHED's colour and
# dash type, and "lc variable" with a state number column picks the state's.
do for [i = 1:11] {
    set linetype i lc rgb state_color(i) dt state_dash(i) lw 2 pt 7
}
