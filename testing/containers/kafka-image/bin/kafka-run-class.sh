#!/bin/bash
# Runs one of Kafka's command-line tools, as apache/kafka's bin/kafka-run-class.sh does for
# them: the image's jars, warnings only, to standard error. A tool lives for seconds, so it
# starts with the quick compiler and a small serial heap (KAFKA_HEAP_OPTS and
# KAFKA_JVM_PERFORMANCE_OPTS override these, as there).
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
	-Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties -cp '/opt/kafka/libs/*' "$@"
