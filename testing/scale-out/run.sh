#!/usr/bin/env bash
# Runs the scale-out test (PipelineScaleOutIT, the Maven profile scale-out): three brokers,
# two instances of each service, a thousand articles through kills of an instance of each
# service and of a broker. Says how long it took; the services' logs are kept in
# pipeline-local/target/scale-out-logs. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."

started=$(date +%s)
status=0
./mvnw -q verify -Pscale-out -pl pipeline-local -am -Dtest=NoUnitTestsHere -Dsurefire.failIfNoSpecifiedTests=false \
	"$@" || status=$?
elapsed=$(($(date +%s) - started))
printf 'Scale-out test %s in %d min %d s (build included); service logs in pipeline-local/target/scale-out-logs\n' \
	"$([ "$status" -eq 0 ] && echo passed || echo FAILED)" $((elapsed / 60)) $((elapsed % 60))
exit "$status"
