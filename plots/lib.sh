# shellcheck shell=bash
# Shared by plot-run and plot-sweep (sourced, not run): error messages, the
# check for gnuplot, reading a results folder's scenario.ini, and running one
# gnuplot script for each output format.
#
# The caller sets PROG (its name, the prefix of every message) and PLOTS (the
# folder of the scripts).

# Bad input: one line on stderr, exit status 2.
die_input() {
  echo "$PROG: $*" >&2
  exit 2
}

# Anything else that failed: one line on stderr, exit status 1.
die() {
  echo "$PROG: $*" >&2
  exit 1
}

# gnuplot must be installed (Debian: gnuplot-nox, which scripts/setup installs).
need_gnuplot() {
  command -v gnuplot >/dev/null 2>&1 ||
    die "gnuplot not found: install gnuplot-nox (./scripts/setup)"
}

# ini_value FILE KEY: the value of "KEY = value" in a scenario.ini, without
# its quotes; empty when the file or the key is absent.
ini_value() {
  [ -f "$1" ] || return 0
  awk -v key="$2" '
    /^[ \t]*[#;]/ { next }
    {
      eq = index($0, "=")
      if (eq == 0) next
      k = substr($0, 1, eq - 1); v = substr($0, eq + 1)
      gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v)
      if (k != key) next
      if (v ~ /^".*"$/) v = substr(v, 2, length(v) - 2)
      print v
      exit
    }' "$1"
}

# gp_string TEXT: TEXT as a gnuplot string literal (single quotes doubled).
gp_string() {
  local s=${1//\'/\'\'}
  printf "'%s'" "$s"
}

# render SCRIPT BASENAME VARIABLES...: run plots/SCRIPT once per format in
# FORMATS (png, svg), writing OUTDIR/BASENAME.png and .svg. Each VARIABLES
# argument is a gnuplot assignment ("name=value"), set before the script runs.
# Records the files written in WRITTEN; gnuplot's messages go to stderr.
render() {
  local script=$1 base=$2
  shift 2
  local setup="" a fmt out
  for a in "$@"; do setup+="$a; "; done
  for fmt in $FORMATS; do
    out="$OUTDIR/$base.$fmt"
    rm -f "$out"
    if ! gnuplot -e "${setup}fmt='$fmt'; out=$(gp_string "$out"); plots=$(gp_string "$PLOTS")" \
      "$PLOTS/$script" 2> >(sed "s|^|$PROG: gnuplot ($script): |" >&2); then
      die "gnuplot failed on $script (messages above)"
    fi
    [ -s "$out" ] || die "gnuplot wrote no $out"
    WRITTEN+=("$base.$fmt")
  done
}
