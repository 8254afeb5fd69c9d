# Extra CI gates, sourced by .ci/run after the tests; each `gate NAME command...` counts as
# one pass or fail. Sections are owned by different people: append yours, keep the others.

# --- security (reliability/security) ---
# Electronegativity over main, preload, renderer and contract with the Electron version
# passed explicitly; fails on any high or medium finding not reviewed in the script.
gate "electronegativity" node scripts/electronegativity.mjs
