package dev.capstan.git.read;

import dev.capstan.git.GitSyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;

/**
 * The files of one folder at one commit, read from the object database without a working tree. The
 * listing is taken when the snapshot is made; file contents are loaded only when asked for, so a
 * renderer that needs three files of a large folder reads three blobs. Paths are relative to the
 * folder and use {@code /}. A snapshot stays valid as long as the cache that made it is open.
 */
public final class FolderSnapshot {
  private final Repository repo;
  private final String commit;
  private final String folder;
  private final Map<String, Entry> entries;
  private final ReadOptions options;

  record Entry(ObjectId blob, FileMode mode) {
  }

  FolderSnapshot(Repository repo, String commit, String folder, Map<String, Entry> entries, ReadOptions options) {
    this.repo = repo;
    this.commit = commit;
    this.folder = folder;
    this.entries = entries;
    this.options = options;
  }

  public String commit() {
    return commit;
  }

  /** The folder inside the repository, "" for the root. */
  public String folder() {
    return folder;
  }

  /** Relative paths of the files, in Git's tree order. */
  public List<String> paths() {
    return List.copyOf(entries.keySet());
  }

  public boolean contains(String path) {
    return entries.containsKey(path);
  }

  /** The bytes of one file; refused with {@link FileRefusedException} if too large or binary. */
  public byte[] read(String path) {
    Entry e = entries.get(path);
    String full = folder.isEmpty() ? path : folder + "/" + path;
    if (e == null) {
      throw new GitSyncException(commit.substring(0, 12) + ":" + full, "no such file");
    }
    if (e.mode() == FileMode.SYMLINK) {
      throw new FileRefusedException(commit, full, "is a symbolic link; links are not followed");
    }
    try (ObjectReader reader = repo.newObjectReader()) {
      ObjectLoader loader = reader.open(e.blob(), Constants.OBJ_BLOB);
      if (loader.getSize() > options.maxFileBytes()) {
        throw new FileRefusedException(commit, full, "is " + loader.getSize() + " bytes, over the limit of "
            + options.maxFileBytes() + " bytes");
      }
      byte[] bytes = loader.getCachedBytes(Math.toIntExact(options.maxFileBytes()));
      if (!options.allowBinary() && RawText.isBinary(bytes)) {
        throw new FileRefusedException(commit, full, "is a binary file; only text files are read");
      }
      return bytes;
    } catch (IOException ex) {
      throw new GitSyncException(commit.substring(0, 12) + ":" + full, "cannot read: " + ex.getMessage(), ex);
    }
  }

  /** One file as UTF-8 text. */
  public String readString(String path) {
    return new String(read(path), StandardCharsets.UTF_8);
  }

  /** Every file, loaded now; the first refused file stops the read. */
  public Map<String, byte[]> readAll() {
    Map<String, byte[]> all = new LinkedHashMap<>();
    for (String path : entries.keySet()) {
      all.put(path, read(path));
    }
    return all;
  }
}
