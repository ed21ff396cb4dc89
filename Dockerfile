# One build for the three services; `docker compose up --build` picks a target per service.
# The build stage needs nothing but this repository: Maven comes with the wrapper.
# The base images are build arguments: the public Temurin images by default; any Debian or
# Ubuntu image with a JDK 17 (build) or a JRE 17 (runtime) and apt will do, as where no image
# can be pulled (testing/deployment/run.sh builds on a Debian root file system of its own).
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl ingest-service,enrich-service,publish-service -am package

FROM ${RUNTIME_IMAGE} AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 pressline
USER pressline
WORKDIR /app

FROM runtime AS ingest-service
COPY --from=build /src/ingest-service/target/ingest-service-*-exec.jar /app/service.jar
EXPOSE 8081
ENTRYPOINT ["java", "-jar", "/app/service.jar"]

FROM runtime AS enrich-service
COPY --from=build /src/enrich-service/target/enrich-service-*-exec.jar /app/service.jar
EXPOSE 8082
ENTRYPOINT ["java", "-jar", "/app/service.jar"]

FROM runtime AS publish-service
COPY --from=build /src/publish-service/target/publish-service-*-exec.jar /app/service.jar
EXPOSE 8083
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
