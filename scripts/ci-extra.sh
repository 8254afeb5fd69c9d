# Extra CI gates, sourced by .ci/run after the tests; each `gate NAME command...` counts as
# one pass or fail. Sections are owned by different people: append yours, keep the others.

# --- security (reliability/security) ---
# Electronegativity over main, renderer and contract with the Electron version passed
# explicitly; fails on any high or medium finding (no allow-list).
gate "electronegativity" node scripts/electronegativity.mjs

# --- bench (performance) ---
# Quick benchmarks: smaller workloads through the same code paths as `npm run bench`. The
# table goes to the log and the figures to test-results/bench-quick.json. A missed goal
# does not fail CI (quick mode reports goals only); a crash or a broken benchmark does.
bench_quick() {
  mkdir -p test-results
  node --expose-gc out/main/bench.js --quick --json > test-results/bench-quick.json
}
gate "bench --quick" bench_quick
