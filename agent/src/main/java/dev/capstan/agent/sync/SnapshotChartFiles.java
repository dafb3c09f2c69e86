package dev.capstan.agent.sync;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.FolderSnapshot;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * A chart read straight from Git's object database at one commit. Files are read when the renderer
 * asks for them; {@code file://../x} dependencies resolve to sibling folders of the same commit, and
 * never outside the repository.
 */
public final class SnapshotChartFiles implements ChartFiles {
  private final FolderSnapshot snapshot;
  private final Repository repo;
  private final FolderReader reader;

  public SnapshotChartFiles(FolderSnapshot snapshot, Repository repo, FolderReader reader) {
    this.snapshot = snapshot;
    this.repo = repo;
    this.reader = reader;
  }

  @Override
  public List<String> list() {
    return snapshot.paths().stream().sorted().toList();
  }

  @Override
  public byte[] read(String path) {
    if (!snapshot.contains(path)) {
      throw new ChartException(path, "no such file in " + where());
    }
    return snapshot.read(path);
  }

  @Override
  public boolean exists(String path) {
    return snapshot.contains(path);
  }

  @Override
  public ChartFiles sibling(String relativePath) {
    Path base = Path.of(snapshot.folder().isEmpty() ? "." : snapshot.folder());
    Path target = base.resolve(relativePath).normalize();
    if (target.isAbsolute() || target.startsWith("..")) {
      throw new ChartException("file://" + relativePath, "points outside the repository");
    }
    String folder = target.toString().equals(".") ? "" : target.toString().replace('\\', '/');
    FolderSnapshot other = reader.read(repo, ObjectId.fromString(snapshot.commit()), folder);
    return new SnapshotChartFiles(other, repo, reader);
  }

  private String where() {
    return (snapshot.folder().isEmpty() ? "the repository root" : snapshot.folder()) + " at " + snapshot.commit().substring(0, 12);
  }
}
