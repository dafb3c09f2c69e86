# The agent image: build the jar first (./mvnw -B -DskipTests package), then `docker build .`.
#
# Stage 1 links a Java runtime with only the modules capstan uses (tools/jlink-runtime.sh, the same
# script JlinkRuntimeIT runs in the test suite); stage 2 is a small Debian with that runtime and the
# jar, run as a numeric non-root user, with nothing written outside the volumes the chart mounts.
# Both bases are pinned to exact versions; pin their digests too when you publish
# (`docker buildx imagetools inspect IMAGE:TAG`), as this build cannot look them up.
FROM eclipse-temurin:17.0.15_6-jdk-jammy AS runtime
COPY tools/jlink-runtime.sh /build/jlink-runtime.sh
COPY cli/target/capstan.jar /build/capstan.jar
RUN /build/jlink-runtime.sh /build/capstan.jar /opt/java

FROM debian:12.12-slim
COPY --from=runtime /opt/java /opt/java
COPY cli/target/capstan.jar /opt/capstan/capstan.jar
# No user database entry is needed for a numeric user. Without one Java's user.home would be "?",
# so it and HOME point at the chart's writable /tmp volume, where JGit looks for user-level config.
USER 65532:65532
ENV PATH="/opt/java/bin:${PATH}" HOME=/tmp
# Sized for one agent at 1,000 Applications in a 320 MiB container (docs/performance.md, "Agent
# process"): the serial collector and C1 alone (the agent waits on the network; C2's compile work
# cost more CPU than it saved there), heap 30 % of the limit (~50 MiB live at 1,000 apps), one Netty
# buffer arena, two malloc arenas. Raise the container's memory limit for larger fleets: the heap
# follows it.
ENV JAVA_TOOL_OPTIONS="-Duser.home=/tmp -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=30 -Xss512k -XX:ReservedCodeCacheSize=32m -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1 -XX:+ExitOnOutOfMemoryError"
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/capstan/capstan.jar"]
CMD ["agent"]
