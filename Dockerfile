# The agent image: build the jar first (./mvnw -B -DskipTests package), then `docker build .`.
FROM eclipse-temurin:17-jre
RUN useradd --uid 65532 --user-group --no-create-home --shell /usr/sbin/nologin capstan \
 && mkdir -p /var/cache/capstan && chown 65532:65532 /var/cache/capstan
COPY cli/target/capstan.jar /opt/capstan/capstan.jar
USER 65532:65532
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/capstan/capstan.jar"]
CMD ["agent"]
