#!/usr/bin/env bash
# Checks every manifest under deploy/kubernetes without a cluster (CI runs this): the Maven
# project in validation/ (not a module of the build) generates Strimzi's CRD schemas with
# Strimzi's own generator and checks the manifests against them, against fabric8's
# Kubernetes model and against the services' configuration. Extra arguments go to Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
exec "$root/mvnw" -B -f "$root/deploy/kubernetes/validation/pom.xml" verify "$@"
