package dev.capstan.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Capstan.class.getPackage().getImplementationVersion();
    return new String[] {"capstan " + (v == null ? "dev" : v)};
  }
}
