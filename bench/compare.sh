#!/usr/bin/env bash
# bench/compare.sh: the studyguide command side by side with pandoc on the
# same generated notes (the course reader the benchmarks build: 6 sections,
# about the size of a real note of 10 KB, then 1,000 and 5,000 sections),
# plus any notes named as arguments.
#
# For each note, hyperfine times three commands (medians of several runs):
#   pandoc NOTE -o x.epub                            (EPUB only: pandoc needs LaTeX for a PDF)
#   studyguide build --format epub -o DIR NOTE       (our EPUB)
#   studyguide build -o DIR NOTE                     (our EPUB and PDF)
# and /usr/bin/time -v reports the peak memory (maximum resident set size)
# of one run of each. The table gives the medians, the ratio of each of our
# commands to pandoc's EPUB-only time, the processor time (user and
# system), the peak memory and the EPUB's size.
#
# Then the commands whose times the project compares (pandoc and our
# two-format build on the second largest note, ours on the largest: 1,000
# and 5,000 sections by default) run in turn, round after round:
# hyperfine times each command's runs one after another, minutes apart
# from the others', and on a shared machine the speed of the processor
# can change by a third from one minute to the next; runs taken in turn
# see the same machine.
#
# Usage: bench/compare.sh [NOTE.md...]
# Environment: STUDYGUIDE (a binary to measure; default: built from this
# checkout), SIZES (default "6 1000 5000"), RUNS (default "20 10 5", one per
# size; notes named as arguments take the first), SCALE_ROUNDS (rounds of
# the commands taken in turn, default 7; 0 for none), BENCH_DIR
# (where the notes and outputs go; default a temporary folder, removed
# afterwards).
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in hyperfine pandoc /usr/bin/time; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "compare.sh: $tool is not installed (Debian packages: hyperfine pandoc time)" >&2
    exit 1
  fi
done

SIZES=${SIZES:-"6 1000 5000"}
RUNS=${RUNS:-"20 10 5"}
read -r -a sizes <<<"$SIZES"
read -r -a runs <<<"$RUNS"

if [[ -n ${BENCH_DIR:-} ]]; then
  work=$BENCH_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

bin=${STUDYGUIDE:-}
if [[ -z $bin ]]; then
  bin=$work/studyguide
  go build -o "$bin" ./cmd/studyguide
fi

notes=()
noteRuns=()
for i in "${!sizes[@]}"; do
  n=${sizes[$i]}
  go run ./builder/internal/testnotes/gen -sections "$n" >"$work/reader-$n.md"
  notes+=("$work/reader-$n.md")
  noteRuns+=("${runs[$i]:-${runs[-1]}}")
done
for note in "$@"; do
  notes+=("$(realpath "$note")")
  noteRuns+=("${runs[0]}")
done

# peak prints the maximum resident set size of one run of a command, in MB.
peak() {
  /usr/bin/time -v "$@" 2>&1 >/dev/null | awk '/Maximum resident set size/ {printf "%.0f", $NF / 1024}'
}

# median prints the median time in ms of the command named in a hyperfine
# CSV export, whose columns are command,mean,stddev,median,user,system,...
median() {
  awk -F, -v cmd="$2" 'NR > 1 && $1 == cmd {printf "%.0f", $4 * 1000}' "$1"
}

# cpu prints the processor time (user and system, means) in ms of the
# command named in a hyperfine CSV export: on a machine other work shares,
# a steadier figure than the time on the clock.
cpu() {
  awk -F, -v cmd="$2" 'NR > 1 && $1 == cmd {printf "%.0f", ($5 + $6) * 1000}' "$1"
}

echo "studyguide: $bin ($("$bin" version 2>/dev/null | head -n 1))"
echo "pandoc: $(pandoc --version | head -n 1)"
echo "machine: $(nproc) cores, $(uname -sr)"
echo

rows=()
for i in "${!notes[@]}"; do
  note=${notes[$i]}
  r=${noteRuns[$i]}
  name=$(basename "$note" .md)
  out=$work/out-$name
  mkdir -p "$out"
  p="pandoc $note -o $out/pandoc.epub"
  e="$bin build --format epub -o $out $note"
  b="$bin build -o $out $note"
  hyperfine -N -w 2 -r "$r" --style basic --export-csv "$work/$name.csv" \
    -n pandoc "$p" -n epub "$e" -n both "$b"
  tp=$(median "$work/$name.csv" pandoc)
  te=$(median "$work/$name.csv" epub)
  tb=$(median "$work/$name.csv" both)
  mp=$(peak $p)
  me=$(peak $e)
  mb=$(peak $b)
  size=$(($(wc -c <"$out/$name.epub") / 1024))
  psize=$(($(wc -c <"$out/pandoc.epub") / 1024))
  rows+=("$(printf '| %s (%s KB) | %s ms (cpu %s), %s MB, %s KB | %s ms (%s; cpu %s), %s MB, %s KB | %s ms (%s; cpu %s), %s MB |' \
    "$name" $(($(wc -c <"$note") / 1024)) \
    "$tp" "$(cpu "$work/$name.csv" pandoc)" "$mp" "$psize" \
    "$te" "$(awk -v a="$te" -v b="$tp" 'BEGIN {printf "%.2f", a / b}')" "$(cpu "$work/$name.csv" epub)" "$me" "$size" \
    "$tb" "$(awk -v a="$tb" -v b="$tp" 'BEGIN {printf "%.2f", a / b}')" "$(cpu "$work/$name.csv" both)" "$mb")")
done

echo
echo "medians of hyperfine runs; (ratio) = time / pandoc's EPUB-only time; cpu = user + system time (means);"
echo "MB = peak resident memory; KB = EPUB size"
echo
echo "| note | pandoc, EPUB | studyguide, EPUB | studyguide, EPUB and PDF |"
echo "|---|---|---|---|"
printf '%s\n' "${rows[@]}"

# In turn: pandoc and our two-format build on the second largest note,
# then ours on the largest, round after round, with the time of each run
# in milliseconds. Each timed run follows an untimed run of the same
# command, as hyperfine's runs after its warm-up do: a run right after
# another command starts in the memory that one left, which on a virtual
# machine whose host takes back freed memory can cost a fifth of the
# run (our 1,000-section build right after pandoc's: 676 to 935 ms;
# right after our own: 539 to 768 ms, in the same three rounds).
rounds=${SCALE_ROUNDS:-7}
if ((${#sizes[@]} >= 2 && rounds > 0)); then
  small=${sizes[-2]}
  big=${sizes[-1]}
  out=$work/out-scale
  mkdir -p "$out"
  # ms runs a command and prints how long it took in milliseconds.
  ms() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo $(((end - start) / 1000000))
  }
  smallNote=$work/reader-$small.md
  bigNote=$work/reader-$big.md
  # twice runs a command untimed, then timed.
  twice() {
    "$@" >/dev/null 2>&1
    ms "$@"
  }
  p=()
  a=()
  b=()
  for ((i = 0; i < rounds; i++)); do
    p+=("$(twice pandoc "$smallNote" -o "$out/pandoc.epub")")
    a+=("$(twice "$bin" build -o "$out" "$smallNote")")
    b+=("$(twice "$bin" build -o "$out" "$bigNote")")
  done
  mid() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
  mp=$(mid "${p[@]}")
  ma=$(mid "${a[@]}")
  mb=$(mid "${b[@]}")
  echo
  echo "in turn, $rounds rounds (ms, medians):"
  echo "  pandoc, EPUB, $small sections: $mp (runs: ${p[*]})"
  echo "  studyguide, EPUB and PDF, $small sections: $ma (runs: ${a[*]}), $(awk -v a="$ma" -v b="$mp" 'BEGIN {printf "%.3f", a / b}') of pandoc's"
  echo "  studyguide, EPUB and PDF, $big sections: $mb (runs: ${b[*]}), $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b / a}') times the $small-section build"
fi
