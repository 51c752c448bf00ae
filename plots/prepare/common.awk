# Shared by the data preparation scripts (awk -f common.awk -f X.awk): the
# header of each CSV file read by column name, the state numbers of
# states.gp, and the error exit that plot-run turns into its message.
# Written for POSIX awk (Debian's mawk): no gawk extensions.

BEGIN {
    FS = ","
    nstates = split("CLOSED LISTEN SYN_SENT SYN_RCVD ESTABLISHED FIN_WAIT_1 FIN_WAIT_2 CLOSING TIME_WAIT CLOSE_WAIT LAST_ACK", state_name, " ")
    for (i = 1; i <= nstates; i++) state_number[state_name[i]] = i
    fileno = 0
}

# Read the header line of a new file: col[fileno, name] is the field number.
FNR == 1 {
    fileno++
    fname[fileno] = FILENAME
    for (i = 1; i <= NF; i++) col[fileno, $i] = i
}

# need(name): the field number of column `name` in the current file; stops
# with a message (exit status 3) when the file has no such column.
function need(name) {
    if (!((fileno, name) in col)) {
        printf "%s has no column %s: not a tcp-lifecycle metrics file\n", FILENAME, name > "/dev/stderr"
        failed = 1
        exit 3
    }
    return col[fileno, name]
}

# The state number of a state name (0 when unknown).
function state_of(name) {
    return (name in state_number) ? state_number[name] : 0
}
