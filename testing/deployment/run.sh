#!/usr/bin/env bash
# Runs the docker-compose deployment for real, under podman, on a machine where no image can
# be pulled, then removes everything it made. CI runs it after the tests (.ci/run).
#
#   testing/deployment/run.sh [plain] [scaled] [sasl-tls]    # all three by default, in this order
#
# 1. Images, all built here: the Debian root file system with a headless JRE that the
#    Testcontainers tests use (testing/containers/build-kafka-image.sh, debootstrap), the
#    Kafka image on it, a JDK image on it for the Dockerfile's build stage, the three
#    services from the Dockerfile (BUILD_IMAGE and RUNTIME_IMAGE pointed at those; the
#    build stage reads this machine's Maven repository, ~/.m2, mounted, instead of
#    downloading it again) and the reverse proxy's image (Debian's HAProxy).
# 2. plain: docker-compose.yml with one instance of each service, without Prometheus and
#    Grafana (testing/deployment/without-metrics.yml: their public images cannot be pulled
#    here). Waits on the compose health checks, submits a sample article with the editors'
#    key (PRESSLINE_EDITOR_KEY, made up if unset) through the proxy, waits for PUBLISHED,
#    finds its record on articles.published and reads it from publish-service's read API.
# 3. scaled: the same deployment scaled in place to two enrich-service and two
#    publish-service instances; every instance gets ready, each takes part (a Kafka
#    transactional id named after its own container) and every article still publishes.
# 4. sasl-tls: a fresh deployment with deploy/kafka/docker-compose.sasl-tls.yml on top and
#    throw-away secrets (make-secrets.sh): the services get ready and publish with their
#    password, a client without one and a client with a wrong one are refused.
# Each phase ends with `docker-compose down --volumes`; at exit the service images and any
# other image the run made are removed, as are the secrets. The base images (Debian with
# a JRE, with a JDK, Kafka, HAProxy) are kept for the next run, as the Testcontainers run
# keeps its own. Logs and timings: target/deployment/.
#
# Compose is Debian's docker-compose (1.29) talking to podman's Docker API on a socket of
# this run's own: it waits on health checks and completed services (depends_on conditions)
# and scales services, which Debian's podman-compose (1.0.3) does not. Podman runs health
# checks from systemd timers; where there is no systemd (as here) this script runs them.
# Needs root (debootstrap, podman's networks). Installs podman, runc, debootstrap and
# docker-compose with apt-get when missing.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

phases=("$@")
[ ${#phases[@]} -gt 0 ] || phases=(plain scaled sasl-tls)
for phase in "${phases[@]}"; do
	case "$phase" in
	plain | scaled | sasl-tls) ;;
	*)
		echo "run.sh: unknown phase '$phase' (plain, scaled, sasl-tls)" >&2
		exit 2
		;;
	esac
done
# scaled scales up what plain started.
if [[ " ${phases[*]} " == *" scaled "* && " ${phases[*]} " != *" plain "* ]]; then
	phases=(plain "${phases[@]}")
fi

missing=()
for tool in podman:/usr/bin/podman runc:/usr/sbin/runc debootstrap:/usr/sbin/debootstrap \
	docker-compose:/usr/bin/docker-compose curl:/usr/bin/curl; do
	[ -x "${tool#*:}" ] || missing+=("${tool%%:*}")
done
if [ ${#missing[@]} -gt 0 ]; then
	echo "Installing Debian's ${missing[*]}"
	apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

out="$root/target/deployment"
rm -rf "$out"
mkdir -p "$out"
timings="$out/timings.txt"
: >"$timings"
run_started=$SECONDS
phase_started=$SECONDS
step() {
	local now=$SECONDS
	if [ -n "${current_step:-}" ]; then
		printf '%-60s %4d s\n' "$current_step" $((now - phase_started)) | tee -a "$timings"
	fi
	current_step="$1"
	phase_started=$now
	[ -n "$1" ] && echo "== $1"
	return 0
}

# runc and the ulimits the brokers need, without touching /etc/containers.
export CONTAINERS_CONF="$root/testing/containers/containers.conf"
project="pressline-deployment-run"
export COMPOSE_PROJECT_NAME="$project"
export PRESSLINE_EDITOR_KEY="${PRESSLINE_EDITOR_KEY:-run-editor-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')}"
export PRESSLINE_OPERATOR_KEY="${PRESSLINE_OPERATOR_KEY:-run-operator-$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')}"
secrets="$root/deploy/kafka/secrets"
made_secrets=false
socket_dir="$(mktemp -d)"
service=""
ticker=""
images_before="$out/images-before.txt"
podman images -aq --no-trunc | sort -u >"$images_before"
kept_images=()

compose_files=(-f docker-compose.yml -f testing/deployment/without-metrics.yml)
compose() { docker-compose "${compose_files[@]}" "$@"; }

# Podman's health checks, run where systemd would run them: every few seconds for each
# container of the project that is not healthy yet, every half minute for healthy ones.
tick_health() {
	local round=0
	while :; do
		round=$((round + 1))
		for container in $(podman ps -q --filter "label=com.docker.compose.project=$project" 2>/dev/null); do
			status="$(podman inspect -f '{{.State.Health.Status}}' "$container" 2>/dev/null || true)"
			case "$status" in
			starting | unhealthy) ;;
			healthy) [ $((round % 6)) -eq 0 ] || continue ;;
			*) continue ;;
			esac
			timeout 60 podman healthcheck run "$container" >/dev/null 2>&1 &
		done
		wait
		sleep 5
	done
}

collect_logs() {
	local name="$1"
	compose logs --no-color --timestamps >"$out/$name-compose.log" 2>&1 || true
	podman ps -a --filter "label=com.docker.compose.project=$project" \
		--format '{{.Names}} {{.Status}}' >"$out/$name-containers.txt" 2>&1 || true
}

down() {
	compose down --volumes --remove-orphans >>"$out/compose.log" 2>&1 || true
	# What compose could not remove (a container of a file no longer named, say).
	podman ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r podman rm -f >/dev/null 2>&1 || true
	podman volume ls -q --filter "label=com.docker.compose.project=$project" | xargs -r podman volume rm -f >/dev/null 2>&1 || true
	podman network ls -q --filter "label=com.docker.compose.project=$project" | xargs -r podman network rm -f >/dev/null 2>&1 || true
}

cleanup() {
	local status=$?
	set +e
	if [ $status -ne 0 ]; then
		echo "run.sh: failed; the containers' logs are in $out (the end of each below)" >&2
		collect_logs failed
		tail -n 60 "$out/failed-compose.log" >&2
		cat "$out/failed-containers.txt" >&2
	fi
	if [ -S "$socket_dir/podman.sock" ]; then
		down
	fi
	[ -n "$ticker" ] && kill "$ticker" 2>/dev/null && wait "$ticker" 2>/dev/null
	[ -n "$service" ] && kill "$service" 2>/dev/null && wait "$service" 2>/dev/null
	rm -rf "$socket_dir"
	if [ "$made_secrets" = true ]; then
		rm -f "$secrets"/kafka.keystore.p12 "$secrets"/kafka.truststore.p12 "$secrets"/client.properties \
			"$secrets"/passwords.env "$secrets"/plain-text.properties "$secrets"/no-credentials.properties \
			"$secrets"/wrong-password.properties
		rmdir "$secrets" 2>/dev/null
	fi
	# Every image this run made, but the base images kept for the next one.
	local keep=" "
	for image in "${kept_images[@]}"; do
		keep+="$(podman image inspect -f '{{.Id}}' "$image" 2>/dev/null) "
	done
	# Children before parents: an image another depends on is removed after it.
	for _ in 1 2 3; do
		podman images -aq --no-trunc | sort -u | comm -13 "$images_before" - | while read -r id; do
			[[ "$keep" == *" ${id#sha256:} "* || "$keep" == *" $id "* ]] && continue
			podman rmi -f "$id" >/dev/null 2>&1
		done
	done
	echo "Removed the containers, networks, volumes and images of the run (base images kept: ${kept_images[*]:-none})"
	printf '%-60s %4d s\n' "all of run.sh" $((SECONDS - run_started)) | tee -a "$timings"
	exit $status
}
trap cleanup EXIT

step "Base, Kafka and JDK images (cached after the first run)"
suite="${DEBIAN_SUITE:-$(. /etc/os-release && echo "${VERSION_CODENAME:-}")}"
base="localhost/pressline/debian-jre:$suite"
kafka_image="$(testing/containers/build-kafka-image.sh 2>"$out/kafka-image.log")" || {
	cat "$out/kafka-image.log" >&2
	exit 1
}
jdk="localhost/pressline/debian-jdk:$suite"
proxy_image="localhost/pressline/haproxy:$suite"
podman image exists "$jdk" || podman build -q --build-arg "BASE=$base" -t "$jdk" "$here/build-image" >"$out/jdk-image.log" 2>&1 || {
	cat "$out/jdk-image.log" >&2
	exit 1
}
podman image exists "$proxy_image" || podman build -q --build-arg "BASE=$base" -t "$proxy_image" "$here/proxy-image" >"$out/proxy-image.log" 2>&1 || {
	cat "$out/proxy-image.log" >&2
	exit 1
}
kept_images=("$base" "$kafka_image" "$jdk" "$proxy_image")

step "Service images from the Dockerfile (build stage: ./mvnw package)"
export PRESSLINE_IMAGE_PREFIX=localhost/pressline PRESSLINE_IMAGE_TAG=deployment-run
export KAFKA_IMAGE="$kafka_image" PROXY_IMAGE="$proxy_image" BUILD_IMAGE="$jdk" RUNTIME_IMAGE="$base"
maven_repository="${MAVEN_REPOSITORY_DIR:-$HOME/.m2}"
mkdir -p "$maven_repository"
for target in ingest-service enrich-service publish-service; do
	podman build --layers -v "$maven_repository:/root/.m2" --build-arg "BUILD_IMAGE=$jdk" \
		--build-arg "RUNTIME_IMAGE=$base" --target "$target" \
		-t "$PRESSLINE_IMAGE_PREFIX/$target:$PRESSLINE_IMAGE_TAG" . >>"$out/service-images.log" 2>&1 || {
		tail -n 40 "$out/service-images.log" >&2
		exit 1
	}
done

# The Docker API, from podman, on a socket only this run uses.
podman system service --time=0 "unix://$socket_dir/podman.sock" >"$out/podman-service.log" 2>&1 &
service=$!
for _ in $(seq 1 100); do
	[ -S "$socket_dir/podman.sock" ] && break
	sleep 0.1
done
[ -S "$socket_dir/podman.sock" ] || {
	echo "run.sh: podman's API socket did not appear:" >&2
	cat "$out/podman-service.log" >&2
	exit 1
}
export DOCKER_HOST="unix://$socket_dir/podman.sock"
tick_health >/dev/null 2>&1 &
ticker=$!
down

# Waits until every running container of the project that has a health check is healthy.
wait_healthy() {
	local deadline=$((SECONDS + ${1:-420})) pending
	while :; do
		pending=""
		for container in $(podman ps -q --filter "label=com.docker.compose.project=$project"); do
			status="$(podman inspect -f '{{.Name}}={{.State.Health.Status}}' "$container")"
			case "$status" in
			*=healthy | *=) ;;
			*) pending+=" $status" ;;
			esac
		done
		[ -z "$pending" ] && return 0
		if [ $SECONDS -ge $deadline ]; then
			echo "run.sh: not healthy in time:$pending" >&2
			return 1
		fi
		sleep 3
	done
}

container_of() { podman ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1" | head -n 1; }
containers_of() { podman ps -q --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$1"; }

editors=http://127.0.0.1:8081
sites=http://127.0.0.1:8083
client_config=""

# Submits a sample through the proxy and prints the article's id.
submit() {
	local answer
	answer="$(curl -fsS --max-time 30 -H "Authorization: Bearer $PRESSLINE_EDITOR_KEY" \
		-H 'Content-Type: text/plain' --data-binary "@$1" "$editors/api/v1/articles")"
	sed -n 's/.*"id":"\([^"]*\)".*/\1/p' <<<"$answer"
}

# Waits until the article's status reads PUBLISHED.
wait_published() {
	local id="$1" deadline=$((SECONDS + 180)) status=""
	while [ $SECONDS -lt $deadline ]; do
		status="$(curl -fsS --max-time 10 -H "Authorization: Bearer $PRESSLINE_EDITOR_KEY" "$editors/api/v1/articles/$id" || true)"
		[[ "$status" == *'"stage":"PUBLISHED"'* ]] && return 0
		[[ "$status" == *'"stage":"REJECTED"'* ]] && break
		sleep 1
	done
	echo "run.sh: article $id not published: $status" >&2
	return 1
}

# The keys of the committed records on articles.published, read inside a broker's container.
published_keys() {
	podman exec "$(container_of kafka-1)" /opt/kafka/bin/kafka-console-consumer.sh \
		--bootstrap-server localhost:29092 ${client_config:+--consumer.config "$client_config"} \
		--topic articles.published --from-beginning --isolation-level read_committed \
		--property print.key=true --property print.value=false --timeout-ms 15000 2>/dev/null || true
}

# Checks one sample end to end: PUBLISHED, on articles.published, and from the read API.
check_article() {
	local sample="$1" id keys document
	id="$(submit "$sample")"
	[ -n "$id" ] || {
		echo "run.sh: submitting $sample gave no article id" >&2
		return 1
	}
	wait_published "$id"
	keys="$(published_keys)"
	grep -qx "$id" <<<"$keys" || {
		echo "run.sh: article $id is not on articles.published (keys there: $keys)" >&2
		return 1
	}
	# Every publish-service instance rebuilds its store from articles.latest; give the
	# instance the proxy picks a few seconds to have read it.
	for _ in $(seq 1 20); do
		document="$(curl -fsS --max-time 10 "$sites/api/v1/published/$id" 2>/dev/null || true)"
		[[ "$document" == *"\"$id\""* ]] && break
		sleep 1
	done
	[[ "$document" == *"\"$id\""* ]] || {
		echo "run.sh: GET /api/v1/published/$id did not answer with the article: $document" >&2
		return 1
	}
	echo "Published $(basename "$sample") as $id: on articles.published and from the read API"
	last_id="$id"
}

# Transactional ids the cluster knows, as "id" lines.
transactional_ids() {
	podman exec "$(container_of kafka-1)" /opt/kafka/bin/kafka-transactions.sh \
		--bootstrap-server localhost:29092 ${client_config:+--command-config "$client_config"} list 2>/dev/null |
		awk 'NR > 1 {print $1}'
}

samples=(samples/*.txt)

for phase in "${phases[@]}"; do
	case "$phase" in
	plain)
		step "plain: compose up, waiting on the health checks"
		compose up -d --no-build >>"$out/compose.log" 2>&1
		wait_healthy
		step "plain: a sample published, read back"
		check_article "${samples[0]}"
		# The sites' port serves only the public paths.
		code="$(curl -s -o /dev/null -w '%{http_code}' "$sites/actuator/prometheus")"
		[ "$code" = 404 ] || {
			echo "run.sh: the sites' port answered $code for /actuator/prometheus, not 404" >&2
			exit 1
		}
		# The topics as kafka-init made them: three replicas, two in sync for a write.
		podman exec "$(container_of kafka-1)" /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:29092 \
			--describe --topic articles.published >"$out/plain-topic.txt" 2>&1
		grep -q 'ReplicationFactor: 3' "$out/plain-topic.txt" && grep -q 'min.insync.replicas=2' "$out/plain-topic.txt" || {
			echo "run.sh: articles.published is not replicated as docker-compose.yml says:" >&2
			cat "$out/plain-topic.txt" >&2
			exit 1
		}
		collect_logs plain
		if [[ " ${phases[*]} " != *" scaled "* ]]; then
			step "plain: compose down"
			down
		fi
		;;
	scaled)
		step "scaled: up --scale enrich-service=2 --scale publish-service=2"
		compose up -d --no-build --scale enrich-service=2 --scale publish-service=2 >>"$out/compose.log" 2>&1
		wait_healthy
		[ "$(containers_of enrich-service | wc -l)" -eq 2 ] && [ "$(containers_of publish-service | wc -l)" -eq 2 ] || {
			echo "run.sh: not two instances each of enrich-service and publish-service" >&2
			exit 1
		}
		step "scaled: every instance transacts under its own id"
		# Each instance names its transactional ids after its host name, its container's
		# id; articles go on until every instance has handled one (its partitions' share).
		hosts=()
		for name in enrich-service publish-service; do
			for container in $(containers_of "$name"); do
				hosts+=("$name:$(podman inspect -f '{{.Config.Hostname}}' "$container")")
			done
		done
		sample=0
		for round in $(seq 1 24); do
			check_article "${samples[$((sample % ${#samples[@]}))]}" >>"$out/scaled-articles.txt"
			sample=$((sample + 1))
			ids="$(transactional_ids)"
			missing_hosts=()
			for entry in "${hosts[@]}"; do
				grep -q "^${entry#*:}-tx-" <<<"$ids" || missing_hosts+=("$entry")
			done
			[ ${#missing_hosts[@]} -eq 0 ] && break
		done
		echo "$ids" >"$out/scaled-transactional-ids.txt"
		[ ${#missing_hosts[@]} -eq 0 ] || {
			echo "run.sh: after $sample articles no transactional id for ${missing_hosts[*]}; the cluster has: $ids" >&2
			exit 1
		}
		echo "$sample article(s) published by two enrich and two publish instances, transactional ids: $(tr '\n' ' ' <<<"$ids")"
		# The read API answers the same from either publish-service instance.
		for container in $(containers_of publish-service); do
			podman exec "$container" curl -fsS --max-time 10 "http://localhost:8083/api/v1/published/$last_id" |
				grep -q "\"$last_id\"" || {
				echo "run.sh: publish-service instance $container does not serve article $last_id" >&2
				exit 1
			}
		done
		# What each JVM holds after the articles (resident now, and at its peak), for sizing.
		for name in kafka-1 kafka-2 kafka-3 ingest-service enrich-service publish-service; do
			for container in $(containers_of "$name"); do
				printf '%-16s %s %s\n' "$name" "$container" "$(podman exec "$container" \
					sh -c "grep -E '^(VmRSS|VmHWM)' /proc/1/status | tr -s ' \t' ' ' | tr '\n' ' '" 2>/dev/null)"
			done
		done | tee "$out/scaled-memory.txt"
		collect_logs scaled
		step "scaled: compose down"
		down
		;;
	sasl-tls)
		step "sasl-tls: throw-away secrets, compose up with the overlay"
		if [ -e "$secrets/kafka.keystore.p12" ] || [ -e "$secrets/client.properties" ]; then
			echo "run.sh: $secrets holds secrets of its own; leaving it alone and skipping sasl-tls" >&2
			exit 1
		fi
		made_secrets=true
		"$here/make-secrets.sh" "$secrets" 2>>"$out/compose.log"
		set -a
		. "$secrets/passwords.env"
		set +a
		# Clients that must be refused: plain text, TLS without credentials, a wrong password.
		printf 'request.timeout.ms=5000\ndefault.api.timeout.ms=10000\n' >"$secrets/plain-text.properties"
		printf 'security.protocol=SSL\nssl.truststore.location=/etc/kafka/secrets/kafka.truststore.p12\nssl.truststore.type=PKCS12\nssl.truststore.password=%s\nrequest.timeout.ms=5000\ndefault.api.timeout.ms=10000\n' \
			"$KAFKA_STORE_PASSWORD" >"$secrets/no-credentials.properties"
		sed 's/password="[^"]*"/password="not-the-password"/' "$secrets/client.properties" >"$secrets/wrong-password.properties"
		printf 'request.timeout.ms=5000\ndefault.api.timeout.ms=10000\n' >>"$secrets/wrong-password.properties"
		chmod 0644 "$secrets"/*.properties
		compose_files+=(-f deploy/kafka/docker-compose.sasl-tls.yml)
		client_config=/etc/kafka/secrets/client.properties
		compose up -d --no-build >>"$out/compose.log" 2>&1
		wait_healthy
		step "sasl-tls: a sample published; clients without the password refused"
		check_article "${samples[1]}"
		kafka="$(container_of kafka-1)"
		podman exec "$kafka" /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:29092 \
			--command-config "$client_config" --list >"$out/sasl-tls-topics.txt" 2>&1
		grep -qx articles.published "$out/sasl-tls-topics.txt"
		for client in plain-text no-credentials wrong-password; do
			for listener in localhost:29092 localhost:9092; do
				if podman exec "$kafka" /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$listener" \
					--command-config "/etc/kafka/secrets/$client.properties" --list >"$out/sasl-tls-$client.txt" 2>&1; then
					echo "run.sh: a client with $client was let in at $listener:" >&2
					cat "$out/sasl-tls-$client.txt" >&2
					exit 1
				fi
			done
			echo "Refused on both client listeners: a client with $client ($(grep -m1 -oE '[A-Za-z]+(Exception|Error)[^.]*' "$out/sasl-tls-$client.txt" || echo 'no answer'))"
		done
		collect_logs sasl-tls
		step "sasl-tls: compose down"
		down
		compose_files=(-f docker-compose.yml -f testing/deployment/without-metrics.yml)
		client_config=""
		;;
	esac
done
step ""
echo "The deployment ran: ${phases[*]}"
