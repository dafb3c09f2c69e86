package dev.capstan.chart.archive;

import dev.capstan.chart.source.ChartFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes a chart's files as a chart archive Helm reads: a gzip-compressed tar with every file under
 * one folder named after the chart. The output is reproducible (sorted entries, fixed times, owner
 * and modes), so packaging the same files twice gives the same bytes and the same sha256 digest.
 */
public final class ChartArchiveWriter {
  /** A fixed modification time: 1980-01-01, past the epoch so no tar tool warns. */
  private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("1980-01-01T00:00:00Z"));

  private ChartArchiveWriter() {}

  /** Writes every file of {@code files} under {@code folder/}; the caller closes {@code out}. */
  public static void write(ChartFiles files, String folder, OutputStream out) {
    try {
      GZIPOutputStream gzip = new GZIPOutputStream(out);
      TarArchiveOutputStream tar = new TarArchiveOutputStream(gzip);
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (String path : files.list()) {
        byte[] bytes = files.read(path);
        TarArchiveEntry entry = new TarArchiveEntry(folder + "/" + path);
        entry.setSize(bytes.length);
        entry.setMode(0100644);
        entry.setLastModifiedTime(FIXED_TIME);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
      }
      tar.finish();
      gzip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
