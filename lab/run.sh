#!/usr/bin/env bash
# Regenerate lab scenarios with real SIP/STUN/TURN software in network
# namespaces, then prove with tshark that the captures show the scenario's
# outcome.
#
#   lab/run.sh SCENARIO [--out DIR]   regenerate one scenario (captures, expected.yaml,
#                                     the proof part of README.md); DIR defaults to
#                                     the scenario's folder
#   lab/run.sh all                    regenerate every scenario
#   lab/run.sh check SCENARIO|all [--out DIR]
#                                     only run the tshark checks on existing captures
#   lab/run.sh list                   list the scenarios
#
# Needs root (namespaces, nftables). Installs missing Debian packages.
set -euo pipefail
LAB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Hard limit of one scenario, in seconds (the 32 s and NAT-timeout cases need ~60).
SCENARIO_LIMIT=${SCENARIO_LIMIT:-180}

scenarios() {
  local f
  for f in "$LAB_DIR"/*/scenario.sh; do basename "$(dirname "$f")"; done
}

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

one() {
  # Runs inside its own bash under `timeout`; everything it starts is
  # stopped by PID and its namespaces deleted on exit.
  local mode=$1 name=$2 out=${3:-}
  LAB_SCENARIO_DIR="$LAB_DIR/$name"
  [ -f "$LAB_SCENARIO_DIR/scenario.sh" ] || { echo "no scenario $name" >&2; exit 2; }
  LAB_OUT=${out:-$LAB_SCENARIO_DIR}
  mkdir -p "$LAB_OUT"
  LAB_OUT=$(cd "$LAB_OUT" && pwd)
  LAB_RUN=$(mktemp -d /tmp/vdl-run.XXXXXX)
  # shellcheck source=lib.sh
  source "$LAB_DIR/lib.sh"
  # shellcheck disable=SC1090
  source "$LAB_SCENARIO_DIR/scenario.sh"
  trap 'rc=$?; lab_cleanup; if [ $rc = 0 ]; then rm -rf "$LAB_RUN"; else echo "logs kept in $LAB_RUN" >&2; fi' EXIT
  trap 'exit 130' INT TERM
  if [ "$mode" = run ]; then
    lab_require_packages
    lab_log "scenario $name: building topology"
    lab_topology
    scenario_run
    lab_captures_finish
    lab_cleanup
  else
    local f
    for f in "$LAB_OUT"/*.pcapng; do LAB_CAPTURES+=("$(basename "$f" .pcapng)"); done
  fi
  mapfile -t LAB_CAPTURES < <(printf '%s\n' "${LAB_CAPTURES[@]}" | sort)
  scenario_check
  lab_write_results
  lab_log "scenario $name: reproduced"
}

guarded() {
  local mode=$1 name=$2 out=${3:-}
  # One scenario at a time: the namespaces have fixed names.
  exec 9>/tmp/vdl-lab.lock
  flock -w "$SCENARIO_LIMIT" 9 || { echo "lab busy" >&2; return 1; }
  timeout --kill-after=10 "$SCENARIO_LIMIT" bash "$0" __one "$mode" "$name" "$out"
}

main() {
  [ $# -ge 1 ] || usage
  local mode=run
  case $1 in
    __one) shift; one "$@"; return ;;
    list) scenarios; return ;;
    check) mode=check; shift ;;
    -h|--help) usage ;;
  esac
  [ $# -ge 1 ] || usage
  local target=$1 out=""
  shift
  if [ "${1:-}" = --out ]; then out=${2:?--out needs a folder}; fi
  [ "$mode" = check ] || [ "$(id -u)" = 0 ] || { echo "lab/run.sh needs root" >&2; exit 2; }
  if [ "$target" = all ]; then
    local name failed=()
    for name in $(scenarios); do
      guarded "$mode" "$name" "${out:+$out/$name}" || failed+=("$name")
    done
    if [ ${#failed[@]} -gt 0 ]; then echo "failed: ${failed[*]}" >&2; exit 1; fi
    echo "all scenarios reproduced: $(scenarios | wc -l)"
  else
    guarded "$mode" "$target" "$out"
  fi
}

main "$@"
