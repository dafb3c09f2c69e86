package dev.capstan.release;

import dev.capstan.engine.diff.DiffReport;
import dev.capstan.engine.diff.IgnoreRule;
import dev.capstan.engine.diff.ObjectComparison;
import dev.capstan.engine.diff.ObjectDiff;
import dev.capstan.engine.resource.DesiredObject;
import dev.capstan.engine.resource.DesiredState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changes between two renders of a release, with no cluster: objects only in {@code to} are
 * added, only in {@code from} pruned, in both compared by the same normalising, Secret-masking
 * comparison as {@link Diff}. {@code capstan diff --from A --to B} runs it, so a CI job can show what
 * a change renders to without credentials for a cluster.
 */
public final class RevisionDiff {
  private final ObjectComparison comparison;

  public RevisionDiff(List<IgnoreRule> ignoreRules) {
    this.comparison = new ObjectComparison(ignoreRules);
  }

  public DiffReport run(DesiredState from, DesiredState to) {
    Map<String, DesiredObject> before = new LinkedHashMap<>();
    from.objects().forEach(o -> before.put(o.ref().key(), o));
    List<ObjectDiff> diffs = new ArrayList<>();
    for (DesiredObject after : to.objects()) {
      DesiredObject old = before.remove(after.ref().key());
      diffs.add(comparison.compare(after.ref(), old == null ? null : old.object(), after.object()));
    }
    before.values().forEach(gone -> diffs.add(comparison.compare(gone.ref(), gone.object(), null)));
    return new DiffReport(diffs);
  }
}
