package dev.capstan.chart.values;

import java.nio.file.Path;
import java.util.List;

/**
 * The user's values flags. Each list element is one flag occurrence ({@code a=b,c=d} for
 * {@code --set}); order within a list matters, order between lists does not (Helm applies them by
 * flag type, see {@link UserValues}).
 */
public record ValuesOptions(
    List<Path> valueFiles,
    List<String> set,
    List<String> setString,
    List<String> setFile,
    List<String> setJson,
    List<String> setLiteral) {

  /** A {@code null} list (a flag never given, as picocli leaves it) is an empty one. */
  public ValuesOptions {
    valueFiles = copy(valueFiles);
    set = copy(set);
    setString = copy(setString);
    setFile = copy(setFile);
    setJson = copy(setJson);
    setLiteral = copy(setLiteral);
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  public static ValuesOptions none() {
    return new ValuesOptions(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
  }

  public ValuesOptions withValueFiles(List<Path> valueFiles) {
    return new ValuesOptions(valueFiles, set, setString, setFile, setJson, setLiteral);
  }

  public ValuesOptions withSet(List<String> set) {
    return new ValuesOptions(valueFiles, set, setString, setFile, setJson, setLiteral);
  }

  public ValuesOptions withSetString(List<String> setString) {
    return new ValuesOptions(valueFiles, set, setString, setFile, setJson, setLiteral);
  }

  public ValuesOptions withSetFile(List<String> setFile) {
    return new ValuesOptions(valueFiles, set, setString, setFile, setJson, setLiteral);
  }

  public ValuesOptions withSetJson(List<String> setJson) {
    return new ValuesOptions(valueFiles, set, setString, setFile, setJson, setLiteral);
  }

  public ValuesOptions withSetLiteral(List<String> setLiteral) {
    return new ValuesOptions(valueFiles, set, setString, setFile, setJson, setLiteral);
  }

  /** The expressions given for one flag type. */
  public List<String> expressions(SetFlag flag) {
    return switch (flag) {
      case SET_JSON -> setJson;
      case SET -> set;
      case SET_STRING -> setString;
      case SET_FILE -> setFile;
      case SET_LITERAL -> setLiteral;
    };
  }
}
