# syntax=docker/dockerfile:1
#
# newsmonitor container image: one image for every role (run, demo, poll, process, sink, tail, feeds).
#   docker build -t newsmonitor:latest .
#   docker run --rm newsmonitor:latest --help
#   docker run --rm newsmonitor:latest poll --bootstrap-servers kafka:9092 --config /app/config
# docker-compose.yml runs the roles against a single-node Kafka broker.

# ---- build stage -------------------------------------------------------------------------------------------
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src

# POMs first, so that a source-only change leaves this layer cached. (`mvn dependency:go-offline` cannot run
# here: the reactor modules depend on each other and are not yet built; the ~/.m2 cache mount below keeps
# downloaded dependencies and plugins between builds instead.)
# modules/benchmarks' POM is not needed: it is only a module of the opt-in `benchmarks` profile, which this build
# does not activate.
COPY pom.xml ./
COPY modules/contract/pom.xml   modules/contract/
COPY modules/config/pom.xml     modules/config/
COPY modules/runtime/pom.xml    modules/runtime/
COPY modules/streams-runtime/pom.xml modules/streams-runtime/
COPY modules/text/pom.xml       modules/text/
COPY modules/samples/pom.xml    modules/samples/
COPY modules/testkit/pom.xml    modules/testkit/
COPY modules/poller/pom.xml     modules/poller/
COPY modules/processor/pom.xml  modules/processor/
COPY modules/sink/pom.xml       modules/sink/
COPY modules/app/pom.xml        modules/app/

# Sources (target/ directories are excluded by .dockerignore).
COPY modules/ modules/

RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -DskipTests -pl modules/app -am package

# ---- runtime stage -----------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

RUN groupadd --system --gid 10001 newsmonitor \
 && useradd --system --uid 10001 --gid newsmonitor --home-dir /app --no-create-home --shell /usr/sbin/nologin newsmonitor \
 && mkdir -p /app/data \
 && chown newsmonitor:newsmonitor /app /app/data

WORKDIR /app

COPY --from=build /src/modules/app/target/newsmonitor.jar /app/newsmonitor.jar
# Default configuration; docker-compose.yml bind-mounts ./config over it (read-only) so it can be edited
# without rebuilding.
COPY config/ /app/config/

# State stores of the processor and sink (processor.stateDir / sink.stateDir default to data/streams, relative
# to the working directory, i.e. /app/data/streams). Mount a volume on /app/data to keep them across restarts;
# it is not declared as a VOLUME so that stateless roles (poll, tail, feeds) do not leave anonymous volumes.

USER newsmonitor

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/newsmonitor.jar"]
CMD ["--help"]
