# One build for the three services; `docker compose up --build` picks a target per service.
# The build stage needs nothing but this repository: Maven comes with the wrapper.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -q -B -DskipTests -pl ingest-service,enrich-service,publish-service -am package

FROM eclipse-temurin:17-jre AS runtime
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
