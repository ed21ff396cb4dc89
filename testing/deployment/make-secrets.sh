#!/usr/bin/env bash
# Makes throw-away secrets for deploy/kafka/docker-compose.sasl-tls.yml in DIR (by default
# deploy/kafka/secrets): a certificate authority that lives only while this script runs, the
# brokers' key store (one key and certificate for kafka-1, kafka-2, kafka-3 and localhost,
# signed by it), the clients' trust store, client.properties for the Kafka tools (the
# brokers' own user, admin), and passwords.env with the three passwords the overlay reads.
# For tests and trials only: the passwords are random and lost with the files, and the
# certificates expire after two days. Needs keytool (any JDK).
set -euo pipefail
dir="${1:-$(cd "$(dirname "$0")/../.." && pwd)/deploy/kafka/secrets}"
command -v keytool >/dev/null || {
	echo "make-secrets: keytool (from a JDK) is needed" >&2
	exit 1
}
mkdir -p "$dir"
cd "$dir"
if [ -e kafka.keystore.p12 ] || [ -e kafka.truststore.p12 ] || [ -e client.properties ]; then
	echo "make-secrets: $dir already holds secrets; remove them first" >&2
	exit 1
fi

password() { od -An -tx1 -N16 /dev/urandom | tr -d ' \n'; }
store_password="$(password)"
admin_password="$(password)"
pipeline_password="$(password)"
ca_password="$(password)"
names="dns:kafka-1,dns:kafka-2,dns:kafka-3,dns:localhost"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

kt() { keytool -noprompt "$@" >/dev/null 2>&1 || { keytool -noprompt "$@"; exit 1; }; }
# The authority, kept only in the scratch directory: nothing can be signed with it later.
kt -genkeypair -alias ca -dname CN=pressline-throw-away-ca -ext bc:c -keyalg EC -groupname secp256r1 \
	-validity 2 -storetype PKCS12 -keystore "$scratch/ca.p12" -storepass "$ca_password"
kt -exportcert -rfc -alias ca -keystore "$scratch/ca.p12" -storepass "$ca_password" -file "$scratch/ca.pem"
# The brokers' key, and its certificate signed by the authority.
kt -genkeypair -alias kafka -dname CN=kafka -ext "SAN=$names" -keyalg EC -groupname secp256r1 \
	-validity 2 -storetype PKCS12 -keystore kafka.keystore.p12 -storepass "$store_password"
kt -certreq -alias kafka -keystore kafka.keystore.p12 -storepass "$store_password" -file "$scratch/kafka.csr"
kt -gencert -rfc -alias ca -keystore "$scratch/ca.p12" -storepass "$ca_password" -infile "$scratch/kafka.csr" \
	-outfile "$scratch/kafka.pem" -validity 2 -ext "SAN=$names" -ext KU=digitalSignature \
	-ext EKU=serverAuth,clientAuth
kt -importcert -alias ca -file "$scratch/ca.pem" -keystore kafka.keystore.p12 -storepass "$store_password"
kt -importcert -alias kafka -file "$scratch/kafka.pem" -keystore kafka.keystore.p12 -storepass "$store_password"
# What the clients trust: the authority alone.
kt -importcert -alias ca -file "$scratch/ca.pem" -storetype PKCS12 -keystore kafka.truststore.p12 \
	-storepass "$store_password"

cat >client.properties <<PROPERTIES
# The Kafka tools' settings for the SASL/TLS cluster (made by testing/deployment/make-secrets.sh).
security.protocol=SASL_SSL
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin_password";
ssl.truststore.location=/etc/kafka/secrets/kafka.truststore.p12
ssl.truststore.type=PKCS12
ssl.truststore.password=$store_password
PROPERTIES
cat >passwords.env <<ENV
KAFKA_STORE_PASSWORD=$store_password
KAFKA_ADMIN_PASSWORD=$admin_password
PRESSLINE_KAFKA_PASSWORD=$pipeline_password
ENV
# The brokers and services read these as users of their own (apache/kafka's appuser,
# the services' pressline), not as the owner.
chmod 0644 kafka.keystore.p12 kafka.truststore.p12 client.properties
chmod 0600 passwords.env
echo "make-secrets: throw-away key store, trust store, client.properties and passwords.env in $dir" >&2
