package dev.capstan.cli.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code capstan app list} and {@code capstan cluster list} as printed for the agent's API answers in
 * {@code src/test/resources/app}, pinned by golden files (regenerate with {@code -Dgolden.update=true}).
 */
class ListTablesTest {
  private static JsonNode api(String file) throws Exception {
    return new ObjectMapper().readTree(Path.of("src/test/resources/app", file).toFile());
  }

  private static void assertGolden(String printed, String name) throws Exception {
    Path golden = Path.of("src/test/resources/golden/app", name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, printed, StandardCharsets.UTF_8);
    }
    assertThat(printed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  @Test
  void appListNamesEveryApplicationsCluster() throws Exception {
    assertGolden(AppCommand.ListApps.table(api("applications.json")), "app-list.txt");
  }

  @Test
  void clusterListSaysWhyAClusterCannotBeUsed() throws Exception {
    assertGolden(ClusterCommand.ListClusters.table(api("clusters.json")), "cluster-list.txt");
  }
}
