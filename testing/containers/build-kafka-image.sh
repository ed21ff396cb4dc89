#!/usr/bin/env bash
# Builds the Kafka broker image the Testcontainers tests use where no image can be pulled,
# with podman, from what this machine's package sources and Maven give:
#   1. a Debian root file system with a headless JRE (debootstrap, from the Debian mirror
#      apt is configured with), imported as localhost/pressline/debian-jre:<suite>;
#   2. the broker's jars, the Kafka version the project pins (kafka-image/pom.xml);
#   3. kafka-image/Containerfile on top: the jars, a start script that reads the same
#      KAFKA_* variables as the apache/kafka image, so Testcontainers' KafkaContainer drives it.
# Prints the image's name on standard output, what it does on standard error. A base
# image already built is reused;
# --base-only stops after it (.ci/run makes the base while the main tests run).
# Needs root (debootstrap), podman, debootstrap. Settings: DEBIAN_MIRROR, DEBIAN_SUITE.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$here/target"

for tool in podman debootstrap tar; do
	command -v "$tool" >/dev/null || {
		echo "build-kafka-image: $tool is not installed (apt-get install podman runc debootstrap)" >&2
		exit 1
	}
done

# The mirror and suite this machine's apt uses, unless told otherwise.
suite="${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-}")}"
mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
	# Debian's own sources first, not a third party's that happens to sort before them.
	for sources in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
		[ -f "$sources" ] || continue
		mirror="$(awk '$1 == "URIs:" {print $2; exit}' "$sources")"
		[ -n "$mirror" ] && break
	done
fi
if [ -z "$mirror" ] && [ -f /etc/apt/sources.list ]; then
	mirror="$(awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' /etc/apt/sources.list)"
fi
if [ -z "$suite" ] || [ -z "$mirror" ]; then
	echo "build-kafka-image: cannot tell the Debian suite or mirror from apt's configuration; set DEBIAN_SUITE and DEBIAN_MIRROR" >&2
	exit 1
fi

base="localhost/pressline/debian-jre:$suite"
if podman image exists "$base"; then
	echo "Base image $base is there already" >&2
else
	rootfs="$work/rootfs-$suite"
	rm -rf "$rootfs"
	mkdir -p "$work"
	echo "Making a Debian $suite root file system with a headless JRE (debootstrap, a minute or two)" >&2
	started=$SECONDS
	# The suite's default JRE: 17 in bookworm, newer in later suites; Kafka 4 runs on either.
	debootstrap --variant=minbase --include=default-jre-headless "$suite" "$rootfs" "$mirror" \
		>"$work/debootstrap.log" 2>&1 || {
		echo "build-kafka-image: debootstrap failed; the end of $work/debootstrap.log:" >&2
		tail -n 20 "$work/debootstrap.log" >&2
		exit 1
	}
	# What a broker never reads: downloaded packages, documentation, translations.
	rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* \
		"$rootfs"/usr/share/doc "$rootfs"/usr/share/man "$rootfs"/usr/share/locale
	echo "Root file system ready in $((SECONDS - started)) s ($(du -sh "$rootfs" | cut -f1)); importing it as $base" >&2
	tar -C "$rootfs" -c . | podman import -q - "$base" >/dev/null
	rm -rf "$rootfs"
fi

case "${1:-}" in
--base-only) exit 0 ;;
"") ;;
*)
	echo "build-kafka-image: unknown argument '$1' (the only one is --base-only)" >&2
	exit 2
	;;
esac

echo "Gathering the broker's jars with Maven" >&2
"$root/mvnw" -q -f "$here/kafka-image/pom.xml" clean package >&2
clients="$(ls "$here"/kafka-image/target/libs/kafka-clients-*.jar)"
version="$(basename "$clients" .jar)"
version="${version#kafka-clients-}"

image="localhost/pressline/kafka:$version"
echo "Building $image" >&2
podman build -q --build-arg "BASE=$base" -t "$image" "$here/kafka-image" >/dev/null
echo "$image"
