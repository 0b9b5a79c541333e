#!/usr/bin/env bash
# The main job: grade lesson 01's reference solution on the embedded default (quick profile,
# synthetic dataset, CPU) through the real compiler and sandbox, and print the verdict.
# Extra arguments go to `grader grade` (e.g. --seed 3, --json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/Grader.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet artifacts/bin/Grader.Cli/release/grader.dll grade \
  content/exercises/mlp-vs-cnn/reference/Solution.cs --exercise mlp-vs-cnn "$@"
