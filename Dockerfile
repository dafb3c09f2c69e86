# The agent image: build the jar first (./mvnw -B -DskipTests package), then `docker build .`.
FROM eclipse-temurin:17-jre
RUN useradd --uid 65532 --user-group --no-create-home --shell /usr/sbin/nologin capstan \
 && mkdir -p /var/cache/capstan && chown 65532:65532 /var/cache/capstan
COPY cli/target/capstan.jar /opt/capstan/capstan.jar
USER 65532:65532
# Sized for one agent at 1,000 Applications in a 320 MiB container (docs/performance.md, "Agent
# process"): the serial collector and C1 alone (the agent waits on the network; C2's compile work
# cost more CPU than it saved there), heap 30 % of the limit (~50 MiB live at 1,000 apps), one Netty
# buffer arena, two malloc arenas. Raise the container's memory limit for larger fleets: the heap
# follows it.
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=30 -Xss512k -XX:ReservedCodeCacheSize=32m -Dio.netty.allocator.numDirectArenas=1 -Dio.netty.allocator.numHeapArenas=1 -XX:+ExitOnOutOfMemoryError"
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/capstan/capstan.jar"]
CMD ["agent"]
