package dev.capstan.git.read;

/**
 * Limits for reading files out of a commit.
 *
 * @param maxFileBytes files larger than this many bytes are refused (a chart is text; a 10 MB file in
 *     it is a mistake or an attack on memory)
 * @param allowBinary whether files that look binary (NUL bytes in the first 8000 bytes, as git
 *     decides) may be read
 */
public record ReadOptions(long maxFileBytes, boolean allowBinary) {

  public static ReadOptions defaults() {
    return new ReadOptions(1024 * 1024, false);
  }

  public ReadOptions withMaxFileSize(long bytes) {
    return new ReadOptions(bytes, allowBinary);
  }

  public ReadOptions withAllowBinary(boolean allow) {
    return new ReadOptions(maxFileBytes, allow);
  }
}
