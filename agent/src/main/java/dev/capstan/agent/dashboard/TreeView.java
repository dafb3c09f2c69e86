package dev.capstan.agent.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.capstan.agent.application.HealthState;
import dev.capstan.engine.release.ObjectNode;
import java.util.List;

/**
 * One node of a release's object tree as the API shows it: the object's id, its health in the
 * Application's words ({@code Healthy}, {@code Progressing}, …) and why, whether the release applied
 * it or the cluster made it, and its children.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record TreeView(String apiVersion, String kind, String namespace, String name, HealthState health, String message,
    boolean managed, List<TreeView> children) {

  public static List<TreeView> of(List<ObjectNode> nodes) {
    return nodes.stream().map(TreeView::of).toList();
  }

  static TreeView of(ObjectNode node) {
    return new TreeView(node.ref().apiVersion(), node.ref().kind(), node.ref().namespace(), node.ref().name(),
        HealthState.of(node.health().status().label()), node.health().message(), node.managed(), of(node.children()));
  }
}
