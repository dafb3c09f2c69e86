package dev.capstan.chart.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds gzip-compressed tar archives entry by entry, hostile ones included. */
public final class TarFixture {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final GZIPOutputStream gzip;
  private final TarArchiveOutputStream tar;

  public TarFixture() {
    try {
      gzip = new GZIPOutputStream(bytes);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    tar = new TarArchiveOutputStream(gzip);
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  public TarFixture file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  public TarFixture file(String name, byte[] content) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(content.length);
    return put(e, content);
  }

  /** A file of {@code size} zero bytes, written in chunks: compresses to almost nothing. */
  public TarFixture zeros(String name, long size) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setSize(size);
    try {
      tar.putArchiveEntry(e);
      byte[] chunk = new byte[64 * 1024];
      for (long left = size; left > 0; left -= chunk.length) {
        tar.write(chunk, 0, (int) Math.min(left, chunk.length));
      }
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    return this;
  }

  public TarFixture symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  public TarFixture hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  public TarFixture device(String name) {
    return put(new TarArchiveEntry(name, TarConstants.LF_CHR, true), new byte[0]);
  }

  private TarFixture put(TarArchiveEntry e, byte[] content) {
    try {
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException ex) {
      throw new IllegalStateException(ex);
    }
    return this;
  }

  public byte[] bytes() {
    try {
      tar.finish();
      gzip.finish();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return bytes.toByteArray();
  }
}
