# Sourced by .ci/run after the tests; `gate NAME command...` is defined there.
# Quick benchmarks: smaller workloads through the same code paths as `npm run bench`. The
# table goes to the log and the figures to test-results/bench-quick.json. A missed goal
# does not fail CI (quick mode reports goals only); a crash or a broken benchmark does.
bench_quick() {
  mkdir -p test-results
  node --expose-gc out/main/bench.js --quick --json > test-results/bench-quick.json
}
gate "bench --quick" bench_quick
