package dev.capstan.cli.render;

import dev.capstan.chart.values.ValuesOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The values flags of every command that renders a chart ({@code render}, {@code lint},
 * {@code diff}, {@code apply}), named and layered exactly as Helm's. Use with {@code @Mixin}.
 */
public final class ValuesFlags {
  @Option(names = {"-f", "--values"}, paramLabel = "FILE",
      description = "A values file (YAML); repeat for more, later files win.")
  List<Path> valueFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "K=V",
      description = "Set values, e.g. image.tag=1.2,replicas=3 (true/false/null and integers are typed).")
  List<String> set = new ArrayList<>();

  @Option(names = "--set-string", paramLabel = "K=V", description = "Set values as strings, whatever they look like.")
  List<String> setString = new ArrayList<>();

  @Option(names = "--set-file", paramLabel = "K=PATH", description = "Set a value to the content of a file.")
  List<String> setFile = new ArrayList<>();

  @Option(names = "--set-json", paramLabel = "K=JSON", description = "Set a value to a JSON document.")
  List<String> setJson = new ArrayList<>();

  @Option(names = "--set-literal", paramLabel = "K=V",
      description = "Set one value to everything after the first '=', verbatim.")
  List<String> setLiteral = new ArrayList<>();

  /** The first values flag given, for a one-line refusal where values mean nothing; empty when none is. */
  public java.util.Optional<String> firstGiven() {
    if (!valueFiles.isEmpty()) {
      return java.util.Optional.of("--values");
    }
    String[] names = {"--set", "--set-string", "--set-file", "--set-json", "--set-literal"};
    List<List<String>> given = List.of(set, setString, setFile, setJson, setLiteral);
    for (int i = 0; i < names.length; i++) {
      if (!given.get(i).isEmpty()) {
        return java.util.Optional.of(names[i]);
      }
    }
    return java.util.Optional.empty();
  }

  /** The flags as given; Helm's layering by flag type happens when the values are loaded. */
  public ValuesOptions toOptions() {
    return ValuesOptions.none().withValueFiles(valueFiles).withSet(set).withSetString(setString)
        .withSetFile(setFile).withSetJson(setJson).withSetLiteral(setLiteral);
  }
}
