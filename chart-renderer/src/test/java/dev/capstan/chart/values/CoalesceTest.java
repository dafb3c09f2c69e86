package dev.capstan.chart.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The layering rules in small; {@link HelmParityTest} checks them against Helm itself. */
class CoalesceTest {
  private static final TestChart SUB = new TestChart("db",
      Map.of("port", 5432L, "tags", List.of("a", "b"), "auth", Map.of("user", "app", "ssl", true),
          "global", Map.of("env", "sub-default", "onlySub", 1L)),
      List.of());
  private static final TestChart TOP = new TestChart("web",
      Map.of("replicas", 1L, "global", Map.of("env", "dev")), List.of(SUB));

  @Test
  void userValuesWinMapsMergeListsAreReplaced() {
    Map<String, Object> user = Map.of("replicas", 3L,
        "db", Map.of("tags", List.of("z"), "auth", Map.of("user", "admin")));

    Map<?, ?> db = (Map<?, ?>) Coalesce.coalesce(TOP, user).get("db");

    assertThat(db.get("tags")).isEqualTo(List.of("z"));
    assertThat(db.get("auth")).isEqualTo(Map.of("user", "admin", "ssl", true));
    assertThat(db.get("port")).isEqualTo(5432L);
  }

  @Test
  void nullDeletesASubchartDefaultWithoutItComingBack() {
    Map<String, Object> auth = new HashMap<>();
    auth.put("ssl", null);
    Map<?, ?> db = (Map<?, ?>) Coalesce.coalesce(TOP, Map.of("db", Map.of("auth", auth))).get("db");

    assertThat(db.get("auth")).isEqualTo(Map.of("user", "app"));
  }

  @Test
  void globalsFlowDownWithTheParentWinning() {
    Map<String, Object> values = Coalesce.coalesce(TOP, Map.of());

    assertThat(((Map<?, ?>) values.get("db")).get("global"))
        .isEqualTo(Map.of("env", "dev", "onlySub", 1L));
    assertThat(values.get("global")).isEqualTo(Map.of("env", "dev"));
  }

  @Test
  void aChartTreeCanBeCoalescedAgainAndAgainWithoutChangingIt() {
    TestChart parent = TestChart.load(java.nio.file.Path.of("src/test/resources/values/charts/parent"));
    Map<String, Object> before = ValueMaps.deepCopy(parent.defaults());
    Map<String, Object> user = Map.of("global", Map.of("tags", Map.of("deep", Map.of("z", 1L))),
        "sub", Map.of("global", Map.of("tags", Map.of("deep", Map.of("y", 2L)))));

    Map<String, Object> first = Coalesce.coalesce(parent, user);
    Map<String, Object> second = Coalesce.coalesce(parent, user);

    assertThat(second).isEqualTo(first);
    assertThat(parent.defaults()).isEqualTo(before);
  }

  @Test
  void aSubchartScopeThatIsNotAMapIsAnError() {
    assertThatThrownBy(() -> Coalesce.coalesce(TOP, Map.of("db", "off")))
        .isInstanceOf(ValuesException.class)
        .hasMessage("db: type mismatch: the values of subchart db must be a map, not a string");
  }
}
