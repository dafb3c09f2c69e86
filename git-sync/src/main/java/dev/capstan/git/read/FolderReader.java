package dev.capstan.git.read;

import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/** Makes {@link FolderSnapshot}s: finds the folder's tree in a commit and lists what is under it. */
public final class FolderReader {
  private final ReadOptions options;

  public FolderReader(ReadOptions options) {
    this.options = options;
  }

  /** The folder {@code path} ("" = repository root) as it is in {@code commit}. */
  public FolderSnapshot read(Repository repo, ObjectId commit, String path) {
    String where = commit.name().substring(0, 12) + ":" + (path.isEmpty() ? "/" : path);
    try (RevWalk rw = new RevWalk(repo)) {
      RevCommit c = rw.parseCommit(commit);
      ObjectId tree = c.getTree();
      if (!path.isEmpty()) {
        try (TreeWalk find = TreeWalk.forPath(repo, path, c.getTree())) {
          if (find == null) {
            throw new GitSyncException(where, "no such folder at this commit");
          }
          if (find.getFileMode(0) != FileMode.TREE) {
            throw new GitSyncException(where, "is a file, not a folder");
          }
          tree = find.getObjectId(0);
        }
      }
      return new FolderSnapshot(repo, commit.name(), path, list(repo, tree), options);
    } catch (IOException e) {
      throw new GitSyncException(where, "cannot read folder: " + e.getMessage(), e);
    }
  }

  private static Map<String, FolderSnapshot.Entry> list(Repository repo, ObjectId tree) throws IOException {
    Map<String, FolderSnapshot.Entry> entries = new LinkedHashMap<>();
    try (TreeWalk walk = new TreeWalk(repo)) {
      walk.addTree(tree);
      walk.setRecursive(true);
      while (walk.next()) {
        FileMode mode = walk.getFileMode(0);
        if (mode == FileMode.GITLINK) {
          continue; // submodules are other repositories; their content is not here
        }
        entries.put(walk.getPathString(), new FolderSnapshot.Entry(walk.getObjectId(0), mode));
      }
    }
    return entries;
  }
}
