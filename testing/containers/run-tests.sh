#!/usr/bin/env bash
# Runs the Testcontainers path of the tests (the Maven profile `testcontainers`) on a
# machine without Docker: podman serves the Docker API on a socket of its own, the Kafka
# image is built here (build-kafka-image.sh, since none can be pulled), and Testcontainers
# is pointed at both. Extra arguments go to Maven. Where Docker runs and images can be
# pulled, `./mvnw -Ptestcontainers verify` alone does the same with apache/kafka.
# Installs Debian's podman, runc and debootstrap when missing (needs root).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! command -v podman >/dev/null || ! command -v runc >/dev/null || ! command -v debootstrap >/dev/null; then
	echo "Installing Debian's podman, runc and debootstrap"
	apt-get update -qq && apt-get install -y -qq podman runc debootstrap >/dev/null
fi

# runc and the ulimits the broker needs, without touching /etc/containers.
export CONTAINERS_CONF="$here/containers.conf"

image="${PRESSLINE_TEST_KAFKA_IMAGE:-}"
if [ -z "$image" ]; then
	image="$("$here/build-kafka-image.sh")"
fi

# The Docker API, from podman, on a socket only this run uses; stopped when the run ends.
socket_dir="$(mktemp -d)"
podman system service --time=0 "unix://$socket_dir/podman.sock" >"$socket_dir/service.log" 2>&1 &
service=$!
# Testcontainers' reaper is off, so a test JVM killed mid-run would leave its broker
# running: remove every container Testcontainers made, then stop the service.
stop() {
	podman ps -aq --filter label=org.testcontainers=true | xargs -r podman rm -f >/dev/null 2>&1 || true
	kill "$service" 2>/dev/null || true
	wait "$service" 2>/dev/null || true
	rm -rf "$socket_dir"
}
trap stop EXIT
for _ in $(seq 1 100); do
	[ -S "$socket_dir/podman.sock" ] && break
	sleep 0.1
done
[ -S "$socket_dir/podman.sock" ] || {
	echo "run-tests: podman's API socket did not appear:" >&2
	cat "$socket_dir/service.log" >&2
	exit 1
}

export DOCKER_HOST="unix://$socket_dir/podman.sock"
# No Ryuk (podman runs no privileged reaper here; the tests stop their broker themselves),
# and the tests reach the mapped ports on loopback only.
export TESTCONTAINERS_RYUK_DISABLED=true
export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1

cd "$root"
echo "Testcontainers tests on $image through podman at $DOCKER_HOST"
./mvnw -Ptestcontainers -Dpressline.test.kafka.image="$image" verify "$@"
