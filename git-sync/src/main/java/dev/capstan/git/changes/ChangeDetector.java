package dev.capstan.git.changes;

import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Compares the trees of two commits; history between them is not needed, so this works on a
 * shallow cache. Unchanged subtrees are skipped by object id, which is what makes "did
 * {@code apps/shop} change" cheap in a monorepo with hundreds of apps.
 */
public final class ChangeDetector {

  /** Every file path that differs between {@code from} and {@code to}, in path order. */
  public List<ChangedPath> changedPaths(Repository repo, ObjectId from, ObjectId to) {
    return walk(repo, from, to, "", false);
  }

  /** Whether anything under {@code path} ("" = the whole repository) differs between the two commits. */
  public boolean pathChanged(Repository repo, ObjectId from, ObjectId to, String path) {
    return !walk(repo, from, to, path, true).isEmpty();
  }

  private static List<ChangedPath> walk(Repository repo, ObjectId from, ObjectId to, String path, boolean firstOnly) {
    List<ChangedPath> changes = new ArrayList<>();
    try (RevWalk rw = new RevWalk(repo); TreeWalk tw = new TreeWalk(repo)) {
      tw.addTree(rw.parseCommit(from).getTree());
      tw.addTree(rw.parseCommit(to).getTree());
      tw.setRecursive(true);
      tw.setFilter(path.isEmpty() ? TreeFilter.ANY_DIFF
          : AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
      while (tw.next()) {
        changes.add(new ChangedPath(tw.getPathString(), kind(tw)));
        if (firstOnly) {
          break;
        }
      }
      return changes;
    } catch (MissingObjectException e) {
      throw new GitSyncException(e.getObjectId().name(), "commit or tree not in the cache; fetch it first", e);
    } catch (IOException e) {
      throw new GitSyncException(repo.getDirectory().toString(), "cannot compare commits: " + e.getMessage(), e);
    }
  }

  private static ChangedPath.Kind kind(TreeWalk tw) {
    if (tw.getFileMode(0) == FileMode.MISSING) {
      return ChangedPath.Kind.ADDED;
    }
    return tw.getFileMode(1) == FileMode.MISSING ? ChangedPath.Kind.DELETED : ChangedPath.Kind.MODIFIED;
  }
}
