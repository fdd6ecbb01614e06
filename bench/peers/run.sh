#!/usr/bin/env bash
# The canonical peer benchmark: installs numpy and numba from Debian (no pip: PyPI is unreachable here),
# runs the numpy and numba references and `alvh bench --json` on the same bars, and prints the numbers
# side by side with the final values compared (single, buy-and-hold and the sweep's best must agree
# to the cent; the Monte Carlo is compared by its mean final value, see canonical_numpy.py; the single run's
# last MACD histogram, the workload-parity indicator no rule reads, must agree too; so must the trade, combination
# and path counts). compare.py judges the outputs and exits 1, saying on what, when the implementations disagree.
#
# numba and alvh run in alternate rounds (ROUNDS, default 2) and each figure is the best of its rounds: this VM's
# speed drifts by up to 2x within minutes, and one round of each compared two different moments. The ratios of
# each round (numba and alvh back to back) are printed too.
#
# Usage: bench/peers/run.sh [--quick]      (BARS, ALVH_DATA and ROUNDS may be set; run from anywhere)
# The Monte Carlo runs 1,000 paths, 100 with --quick: the counts alvh bench runs (it has no option for another).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bars="${BARS:-${ALVH_BENCH_BARS:-$root/../shared/bench/canonical-bars.csv}}"
data="${ALVH_DATA:-$root/../shared/data}"
quick="${1:-}"
paths=1000
rounds="${ROUNDS:-2}"
if [ -n "$quick" ] && [ "$quick" != "--quick" ]; then echo "run.sh: unknown argument '$quick' (usage: run.sh [--quick])" >&2; exit 2; fi
if ! [[ "$rounds" =~ ^[1-9][0-9]*$ ]]; then echo "run.sh: ROUNDS must be a positive integer, got '$rounds'" >&2; exit 2; fi
[ "$quick" = "--quick" ] && paths=100
py=/usr/bin/python3   # Debian's interpreter, where the apt packages install (not a pyenv shim)

if ! "$py" -c "import numpy, numba" 2>/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-numpy python3-numba >/dev/null
fi

# The sweep target is set "on 2 threads": numba's parallel loops run on 2 (1 on a one-core machine), as alvh bench's sweep
# and Monte Carlo do (numba's own default is all cores).
export NUMBA_NUM_THREADS="${NUMBA_NUM_THREADS:-$(( $(nproc) < 2 ? $(nproc) : 2 ))}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
(cd "$here" && "$py" canonical_numpy.py "$bars" --paths "$paths") > "$out/numpy.json"
dotnet build -c Release "$root/src/Alvh.Cli" -v q -nologo >/dev/null
for r in $(seq 1 "$rounds"); do
  (cd "$here" && "$py" canonical_numba.py "$bars" --paths "$paths") > "$out/numba.$r.json"
  # Its stderr is kept for compare.py (the Monte Carlo mean, the last MACD histogram), and shown when it fails: the
  # temporary folder goes with the script, and a bad bars file or data folder left only an exit code.
  if ! dotnet "$root/src/Alvh.Cli/bin/Release/net10.0/alvh.dll" bench --json $quick --bars "$bars" --data "$data" > "$out/alvh.$r.json" 2> "$out/alvh.$r.err"; then
    cat "$out/alvh.$r.err" >&2
    echo "run.sh: alvh bench failed (round $r); its message is above" >&2
    exit 1
  fi
done
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

"$py" "$here/compare.py" "$out"
