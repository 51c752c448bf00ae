# A sweep over several results folders, for plot-sweep's scripts: per folder
# its stack, the value of the swept option, and the figures drawn against it,
# from each folder's scenario.ini and connections.csv.
#
#   awk -f common.awk -f sweep.awk [-v param=NAME] -v prefix=OUT/sweep \
#       DIR1/scenario.ini DIR1/connections.csv DIR2/scenario.ini DIR2/connections.csv ...
#
# The swept option: `param`, or else the option whose values differ between
# the folders' scenario.ini (leaving out name, stack, seed, run, pcap,
# progress: replications differ in seed and run). Options that change along
# with it (the loss of both directions, say) are named with it; options that
# vary independently of each other are an error (exit status 4, message on
# stderr: pick one with --param), as is no option differing (5) or `param`
# missing from a folder (6).
#
# Values: a number with a unit -- times (ns, us, ms, s, min), rates (bps,
# kbps, Mbps, Gbps), sizes (kB, MB, GB) -- is converted to the unit most
# folders use; a probability (link.loss-*, link.reorder, link.duplicate) is
# shown in %; anything else that is not a number makes the axis categorical,
# in the order the folders came.
#
# Per folder:
#   retx        sum of retx_total over the connections (not the listeners),
#               divided by the client connections (opener active or
#               simultaneous)
#   completion  mean of lifetime - close_time over the active openers that
#               ended closed: the time from Connect to the first FIN
#   <state>     for FIN_WAIT_1, FIN_WAIT_2, CLOSING, TIME_WAIT, CLOSE_WAIT,
#               LAST_ACK: mean <state>_time over the connections that visited
#               it (<state>_entries > 0)
# Folders of the same stack and value (replications) are averaged.
#
# Writes
#   PREFIX.dat      a block per stack (gnuplot's index, in the order of
#                   `stacks`), lines: x, folders averaged, retx, completion,
#                   and the six states in the order above, "?" where missing;
#                   sorted by x
#   PREFIX-meta.gp  param, also (the options that changed with it), unit,
#                   categorical (0 or 1, with xtics for 1), stacks, names
#                   (the scenario names; the first two and a count when more
#                   than three), folders, for each figure its largest
#                   value (max_retx, max_completion, max_state1 ... max_state6),
#                   for each state the points that have a value (rows_state1
#                   ... rows_state6), have_1 ... have_8 (for each figure --
#                   retx, completion, the six states -- the stack numbers that
#                   have a point in it), and xmin, xmax (the x range, with room)

BEGIN {
    nclosing = split("FIN_WAIT_1 FIN_WAIT_2 CLOSING TIME_WAIT CLOSE_WAIT LAST_ACK", closing, " ")
    ignore["name"] = ignore["stack"] = ignore["seed"] = ignore["run"] = 1
    ignore["pcap"] = ignore["progress"] = 1
    probability["link.loss-forward"] = probability["link.loss-reverse"] = 1
    probability["link.reorder"] = probability["link.duplicate"] = 1
    # Unit families: factor to the family's base unit.
    unit_factor["ns"] = 1e-9; unit_factor["us"] = 1e-6; unit_factor["ms"] = 1e-3
    unit_factor["s"] = 1; unit_factor["min"] = 60
    unit_factor["bps"] = 1; unit_factor["kbps"] = 1e3; unit_factor["Mbps"] = 1e6; unit_factor["Gbps"] = 1e9
    unit_factor["B"] = 1; unit_factor["kB"] = 1e3; unit_factor["MB"] = 1e6; unit_factor["GB"] = 1e9
    unit_family["ns"] = unit_family["us"] = unit_family["ms"] = unit_family["s"] = unit_family["min"] = "time"
    unit_family["bps"] = unit_family["kbps"] = unit_family["Mbps"] = unit_family["Gbps"] = "rate"
    unit_family["B"] = unit_family["kB"] = unit_family["MB"] = unit_family["GB"] = "size"
}

# A new folder starts with its scenario.ini (odd files), then its
# connections.csv (even files).
FNR == 1 {
    if (fileno % 2 == 1) {
        folder = (fileno + 1) / 2
        folders = folder
        dirname[folder] = FILENAME
        sub(/\/scenario\.ini$/, "", dirname[folder])
    } else {
        c_opener = need("opener"); c_end = need("end"); c_retx = need("retx_total")
        c_life = need("lifetime"); c_close = need("close_time")
        for (i = 1; i <= nclosing; i++) {
            c_entries[i] = need(tolower(closing[i]) "_entries")
            c_time[i] = need(tolower(closing[i]) "_time")
        }
        next
    }
}

# scenario.ini: "key = value" lines.
fileno % 2 == 1 {
    if ($0 ~ /^[ \t]*[#;]/) next
    eq = index($0, "=")
    if (eq == 0) next
    k = substr($0, 1, eq - 1); v = substr($0, eq + 1)
    gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
    if (v ~ /^".*"$/) v = substr(v, 2, length(v) - 2)
    option[folder, k] = v
    if (!(k in known)) { known[k] = 1; keys[++nkeys] = k }
    next
}

# connections.csv
$c_opener == "listener" { next }
{
    retx_sum[folder] += $c_retx
    if ($c_opener == "active" || $c_opener == "simultaneous") clients[folder]++
    if ($c_opener == "active" && $c_end == "closed" && $c_life != "" && $c_close != "") {
        done_sum[folder] += $c_life - $c_close
        done_n[folder]++
    }
    for (i = 1; i <= nclosing; i++) {
        if ($c_entries[i] + 0 > 0 && $c_time[i] != "") {
            state_sum[folder, i] += $c_time[i]
            state_n[folder, i]++
        }
    }
}

END {
    if (failed) exit 3
    # The swept option.
    if (param != "") {
        for (f = 1; f <= folders; f++) {
            if (!((f, param) in option)) {
                printf "%s/scenario.ini has no option %s\n", dirname[f], param > "/dev/stderr"
                exit 6
            }
        }
    } else {
        ncand = 0
        for (i = 1; i <= nkeys; i++) {
            k = keys[i]
            if (k in ignore) continue
            for (f = 2; f <= folders; f++) {
                if (option[f, k] != option[1, k]) { cand[++ncand] = k; break }
            }
        }
        if (ncand == 0) {
            print "the folders' scenario.ini differ in no option but name, stack, seed or run: nothing to sweep (give --param NAME to plot against one anyway)" > "/dev/stderr"
            exit 5
        }
        param = cand[1]
        also = ""
        for (j = 2; j <= ncand; j++) {
            # Another option must take one value for each value of param.
            for (f = 1; f <= folders; f++) {
                pv = option[f, param]
                if ((pv, cand[j]) in seen_with && seen_with[pv, cand[j]] != option[f, cand[j]]) {
                    list = cand[1]
                    for (m = 2; m <= ncand; m++) list = list ", " cand[m]
                    printf "the folders differ in several options that vary independently (%s): choose the one to plot against with --param\n", list > "/dev/stderr"
                    exit 4
                }
                seen_with[pv, cand[j]] = option[f, cand[j]]
            }
            also = also (also == "" ? "" : ", ") cand[j]
        }
    }

    # Its values: numbers (with a unit), or categories.
    categorical = 0
    for (f = 1; f <= folders; f++) {
        v = option[f, param]
        if (match(v, /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/)) {
            num[f] = substr(v, 1, RLENGTH) + 0
            u = substr(v, RLENGTH + 1)
            if (u != "" && !(u in unit_factor)) categorical = 1
            unit_of[f] = u
            if (u != "") { family = unit_family[u]; uses[u]++ }
        } else {
            categorical = 1
        }
    }
    # One unit family, else categories.
    fam = ""
    for (f = 1; f <= folders && !categorical; f++) {
        u = unit_of[f]
        if (u == "") continue
        if (fam == "") fam = unit_family[u]
        else if (unit_family[u] != fam) categorical = 1
    }
    # A bare number in a family with units: the family's base unit.
    for (f = 1; f <= folders && !categorical; f++)
        if (fam != "" && unit_of[f] == "") unit_of[f] = (fam == "size" ? "B" : (fam == "time" ? "s" : "bps"))
    unit = ""
    if (!categorical && fam != "") {
        best = 0
        for (u in uses) if (uses[u] > best || (uses[u] == best && u < unit)) { best = uses[u]; unit = u }
        for (f = 1; f <= folders; f++) if (unit_of[f] != "") x[f] = num[f] * unit_factor[unit_of[f]] / unit_factor[unit]
    } else if (!categorical) {
        for (f = 1; f <= folders; f++) x[f] = num[f]
        if (param in probability) {
            unit = "%"
            for (f = 1; f <= folders; f++) x[f] = num[f] * 100
        }
    }
    if (categorical) {
        ncat = 0
        for (f = 1; f <= folders; f++) {
            v = option[f, param]
            if (!(v in cat_of)) { cat_of[v] = ++ncat; cat_name[ncat] = v }
            x[f] = cat_of[v]
        }
    }

    # Stacks in a fixed order (custom, ns3, then others as they come); names.
    nst = 0
    for (pass = 1; pass <= 3; pass++) {
        for (f = 1; f <= folders; f++) {
            s = option[f, "stack"]
            if (s == "") s = "unknown"
            if (s in stack_index) continue
            if ((pass == 1 && s == "custom") || (pass == 2 && s == "ns3") || pass == 3) {
                stack_index[s] = ++nst; stack_name[nst] = s
            }
        }
    }
    # The scenario names, for titles: up to three, else the first two and
    # how many.
    names = ""; nnames = 0
    for (f = 1; f <= folders; f++) {
        n = option[f, "name"]
        if (n == "" || (n in name_seen)) continue
        name_seen[n] = 1
        nnames++
        if (nnames <= 2) first_names = first_names (nnames > 1 ? ", " : "") n
        names = names (names == "" ? "" : ", ") n
    }
    if (nnames > 3) names = sprintf("%s, ... (%d scenarios)", first_names, nnames)

    # Per folder figures, averaged per (stack, x).
    for (f = 1; f <= folders; f++) {
        s = option[f, "stack"]; if (s == "") s = "unknown"
        key = stack_index[s] SUBSEP x[f]
        if (!(key in group_n)) { order[++ngroups] = key; gstack[ngroups] = stack_index[s]; gx[ngroups] = x[f] }
        group_n[key]++
        add(key, 1, clients[f] > 0 ? retx_sum[f] / clients[f] : "")
        add(key, 2, done_n[f] > 0 ? done_sum[f] / done_n[f] : "")
        for (i = 1; i <= nclosing; i++) add(key, 2 + i, state_n[f, i] > 0 ? state_sum[f, i] / state_n[f, i] : "")
    }

    out = prefix ".dat"
    for (st = 1; st <= nst; st++) {
        printf "# %s: x, folders, retransmissions per client connection, completion time (s), mean time in %s ... %s (s)\n", \
            stack_name[st], closing[1], closing[nclosing] > out
        # This stack's groups by x (insertion sort: a handful of folders).
        m = 0
        for (g = 1; g <= ngroups; g++) {
            if (gstack[g] != st) continue
            m++
            j = m
            while (j > 1 && gx[sorted[j - 1]] > gx[g]) { sorted[j] = sorted[j - 1]; j-- }
            sorted[j] = g
        }
        for (j = 1; j <= m; j++) {
            g = sorted[j]; key = order[g]
            line = sprintf("%.9g %d", gx[g], group_n[key])
            for (i = 1; i <= 2 + nclosing; i++) {
                if ((key, i) in fig_n) {
                    v = fig_sum[key, i] / fig_n[key, i]
                    line = line sprintf(" %.9g", v)
                    if (v > fig_max[i]) fig_max[i] = v
                    fig_rows[i]++
                    stack_rows[i, st]++
                } else {
                    line = line " ?"
                }
            }
            print line > out
        }
        printf "\n\n" > out
    }

    meta = prefix "-meta.gp"
    stacks = ""
    for (st = 1; st <= nst; st++) stacks = stacks (st > 1 ? " " : "") stack_name[st]
    printf "param = \"%s\"\nalso = \"%s\"\nunit = \"%s\"\ncategorical = %d\nstacks = \"%s\"\nnames = \"%s\"\nfolders = %d\n", \
        param, also, unit, categorical, stacks, names, folders > meta
    printf "max_retx = %.9g\nmax_completion = %.9g\n", fig_max[1] + 0, fig_max[2] + 0 > meta
    for (i = 1; i <= nclosing; i++)
        printf "max_state%d = %.9g\nrows_state%d = %d\n", i, fig_max[2 + i] + 0, i, fig_rows[2 + i] + 0 > meta
    # Per figure, the stacks that have a point in it (gnuplot's `for [w in
    # have_<figure>]`: a block with no point draws nothing but a warning).
    for (i = 1; i <= 2 + nclosing; i++) {
        have = ""
        for (st = 1; st <= nst; st++) if (stack_rows[i, st] > 0) have = have (have == "" ? "" : " ") st
        printf "have_%d = \"%s\"\n", i, have > meta
    }
    # The x range, shared by every plot, with some room on either side.
    for (g = 1; g <= ngroups; g++) {
        if (g == 1 || gx[g] < xmin) xmin = gx[g]
        if (g == 1 || gx[g] > xmax) xmax = gx[g]
    }
    room = (xmax > xmin) ? 0.05 * (xmax - xmin) : 0.5
    printf "xmin = %.9g\nxmax = %.9g\n", xmin - room, xmax + room > meta
    if (categorical) {
        tics = ""
        for (c = 1; c <= ncat; c++) tics = tics (c > 1 ? ", " : "") sprintf("\"%s\" %d", cat_name[c], c)
        printf "ncat = %d\nset xtics (%s)\n", ncat, tics > meta
    }
}

# add(key, i, v): one folder's figure i, when it has one.
function add(key, i, v) {
    if (v == "") return
    fig_sum[key, i] += v
    fig_n[key, i]++
}
