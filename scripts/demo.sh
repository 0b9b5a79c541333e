#!/usr/bin/env bash
# The main job: `grader demo`. Starts the grading service embedded on a free loopback port (SQLite in a
# temporary data folder), creates a course and a learner key, submits lesson 01's reference solution over
# gRPC, watches it compile, train in the sandbox and be judged, then prints the verdict, the XP gained and
# the achievements unlocked, and stops. Extra arguments go to `grader demo` (e.g. --solution file.cs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/Grader.Cli -c Release -nologo -v quiet -clp:ErrorsOnly
exec dotnet artifacts/bin/Grader.Cli/release/grader.dll demo "$@"
