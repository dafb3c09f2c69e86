package dev.capstan.cli.release;

import dev.capstan.agent.sync.SnapshotChartFiles;
import dev.capstan.chart.Chart;
import dev.capstan.chart.ChartLoader;
import dev.capstan.chart.values.UserValues;
import dev.capstan.chart.values.ValuesDocument;
import dev.capstan.chart.values.ValuesOptions;
import dev.capstan.core.CapstanException;
import dev.capstan.git.read.FolderReader;
import dev.capstan.git.read.FolderSnapshot;
import dev.capstan.git.read.ReadOptions;
import dev.capstan.release.ReleaseInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A chart folder of a Git work tree as committed at a revision, for {@code capstan diff --revision}
 * and {@code --from/--to}. The revision is anything {@code git rev-parse} takes ({@code main},
 * {@code origin/main}, {@code HEAD~2}, a tag, a SHA); the chart is the same folder, relative to the
 * work tree's root, as that commit has it; what is on disk and not committed does not count.
 * {@code -f} files inside the work tree are read at the revision too (a values file belongs to the
 * change), those outside it from disk. Files are read from Git's objects with the agent's limits.
 */
final class GitWorkTree implements AutoCloseable {
  /** A values file larger than this is refused rather than read into memory. */
  private static final int MAX_VALUES_BYTES = 8 * 1024 * 1024;
  private final Repository repository;
  private final Path root;
  private final Path chartDir;
  private final FolderReader reader = new FolderReader(ReadOptions.defaults());

  private GitWorkTree(Repository repository, Path root, Path chartDir) {
    this.repository = repository;
    this.root = root;
    this.chartDir = chartDir;
  }

  /** The work tree around {@code chartDir}; {@code flag} is named in the error when there is none. */
  static GitWorkTree around(Path chartDir, String flag) {
    Path dir;
    try {
      dir = chartDir.toRealPath();
    } catch (IOException e) {
      throw new CapstanException(chartDir.toString(), "no such chart directory");
    }
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      throw new CapstanException(flag, chartDir + " is not inside a Git work tree");
    }
    try {
      Repository repository = builder.build();
      if (repository.isBare()) {
        repository.close();
        throw new CapstanException(flag, chartDir + " is inside a bare repository, not a work tree");
      }
      return new GitWorkTree(repository, repository.getWorkTree().toPath().toRealPath(), dir);
    } catch (IOException e) {
      throw new CapstanException(flag, "cannot open the Git repository around " + chartDir + ": " + e.getMessage());
    }
  }

  /** The full SHA {@code revision} names. */
  ObjectId commit(String revision, String flag) {
    try {
      ObjectId id = repository.resolve(revision + "^{commit}");
      if (id == null) {
        throw new CapstanException(flag, "unknown revision \"" + revision + "\" in " + root);
      }
      return id;
    } catch (RevisionSyntaxException | IOException e) {
      throw new CapstanException(flag, "\"" + revision + "\" is not a revision: " + e.getMessage());
    }
  }

  /** The chart and values at {@code commit}, for {@code release} in {@code namespace}. */
  ReleaseInput input(ObjectId commit, String namespace, String release, ValuesOptions values) {
    String folder = root.relativize(chartDir).toString().replace('\\', '/');
    FolderSnapshot snapshot = reader.read(repository, commit, folder);
    SnapshotChartFiles files = new SnapshotChartFiles(snapshot, repository, reader);
    Chart chart = ChartLoader.load(files, folder.isEmpty() ? root.getFileName().toString() : folder);
    List<ValuesDocument> documents = new ArrayList<>();
    for (Path file : values.valueFiles()) {
      documents.add(valuesFile(commit, file));
    }
    return ReleaseInput.of(namespace, release, chart, UserValues.load(documents, values.withValueFiles(List.of())))
        .withGitCommit(commit.name());
  }

  private ValuesDocument valuesFile(ObjectId commit, Path file) {
    if (file.toString().equals("-")) {
      throw new CapstanException("--values -", "standard input cannot be read at a revision; name a file");
    }
    Path absolute = real(file);
    if (!absolute.startsWith(root)) {
      return new ValuesDocument(file.toString(), readDisk(file));
    }
    String inTree = root.relativize(absolute).toString().replace('\\', '/');
    try (RevWalk walk = new RevWalk(repository);
        TreeWalk tree = TreeWalk.forPath(repository, inTree, walk.parseCommit(commit).getTree())) {
      if (tree == null) {
        throw new CapstanException(file.toString(), "not in the repository at " + commit.abbreviate(12).name());
      }
      byte[] bytes = repository.open(tree.getObjectId(0)).getBytes(MAX_VALUES_BYTES);
      return new ValuesDocument(file.toString(), new String(bytes, StandardCharsets.UTF_8));
    } catch (LargeObjectException e) {
      throw new CapstanException(file.toString(), "larger than " + MAX_VALUES_BYTES + " bytes at " + commit.abbreviate(12).name());
    } catch (IOException e) {
      throw new CapstanException(file.toString(), "cannot read at " + commit.abbreviate(12).name() + ": " + e.getMessage());
    }
  }

  /** The file's real path where it exists (a work tree reached through a symlink still matches), else its absolute one. */
  private static Path real(Path file) {
    try {
      return file.toRealPath();
    } catch (IOException e) {
      Path absolute = file.toAbsolutePath().normalize();
      Path parent = absolute.getParent();
      try {
        return parent == null ? absolute : parent.toRealPath().resolve(absolute.getFileName());
      } catch (IOException noParent) {
        return absolute;
      }
    }
  }

  private static String readDisk(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CapstanException(file.toString(), "no such values file");
    } catch (IOException e) {
      throw new CapstanException(file.toString(), "cannot read: " + e.getMessage());
    }
  }

  @Override
  public void close() {
    repository.close();
  }
}
