package dev.capstan.chart.archive;

import dev.capstan.chart.source.ChartException;
import dev.capstan.chart.source.ChartFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a chart archive ({@code .tgz}, as {@code helm package} writes it) into memory. The
 * archive holds one top-level folder (the chart's name) which is stripped, as Helm's loader does.
 * Untrusted input: an absolute path, a {@code ..}, a link, a device or FIFO, a second top-level
 * folder, or more than the {@link ArchiveBudget} allows is a {@link ChartException} naming the
 * archive and the entry.
 */
public final class ChartArchiveReader {
  private ChartArchiveReader() {}

  /** Unpacks {@code tgz}; {@code where} names the archive in errors ({@code charts/redis-1.0.0.tgz}). */
  public static ChartFiles read(byte[] tgz, String where, ArchiveBudget budget) {
    return read(new ByteArrayInputStream(tgz), where, budget);
  }

  /** Unpacks a gzip-compressed tar stream; the caller closes {@code in}. */
  public static ChartFiles read(InputStream in, String where, ArchiveBudget budget) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    String top = null;
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName();
        String at = where + ": " + name;
        budget.takeEntry(where);
        checkType(entry, at);
        String path = checkPath(name, at);
        if (entry.isDirectory() || path.isEmpty()) {
          continue;
        }
        int slash = path.indexOf('/');
        if (slash < 0) {
          throw new ChartException(at, "file outside the chart's folder (an archive holds one folder, named after the chart)");
        }
        String folder = path.substring(0, slash);
        if (top == null) {
          top = folder;
        } else if (!top.equals(folder)) {
          throw new ChartException(at, "second top-level folder \"" + folder + "\" (the chart is in \"" + top + "\")");
        }
        files.put(path.substring(slash + 1), readEntry(tar, at, budget));
      }
    } catch (IOException e) {
      throw new ChartException(where, "not a readable chart archive (gzip-compressed tar): " + e.getMessage(), e);
    }
    if (top == null) {
      throw new ChartException(where, "the chart archive holds no files");
    }
    return ChartFiles.of(files);
  }

  private static void checkType(TarArchiveEntry entry, String at) {
    if (entry.isSymbolicLink() || entry.isLink()) {
      throw new ChartException(at, "links are not allowed in a chart archive");
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
      throw new ChartException(at, "devices and FIFOs are not allowed in a chart archive");
    }
    if (!entry.isFile() && !entry.isDirectory() && !entry.isPaxHeader() && !entry.isGlobalPaxHeader()) {
      throw new ChartException(at, "unsupported entry type '" + (char) entry.getLinkFlag() + "' in a chart archive");
    }
  }

  /** The entry's name, '/'-separated and without a leading "./" or trailing '/'; refuses escapes. */
  private static String checkPath(String name, String at) {
    String p = name.replace('\\', '/');
    if (p.startsWith("/") || p.matches("^[A-Za-z]:.*") || p.indexOf('\0') >= 0) {
      throw new ChartException(at, "absolute paths are not allowed in a chart archive");
    }
    while (p.startsWith("./")) {
      p = p.substring(2);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    for (String part : p.split("/")) {
      if (part.equals("..")) {
        throw new ChartException(at, "'..' is not allowed in a chart archive path");
      }
    }
    return p;
  }

  private static byte[] readEntry(InputStream tar, String at, ArchiveBudget budget) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[16 * 1024];
    long size = 0;
    int n;
    while ((n = tar.read(buf)) > 0) {
      size += n;
      budget.takeBytes(at, size, n);
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
