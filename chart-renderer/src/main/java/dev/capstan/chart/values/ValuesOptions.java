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

  public ValuesOptions {
    valueFiles = List.copyOf(valueFiles);
    set = List.copyOf(set);
    setString = List.copyOf(setString);
    setFile = List.copyOf(setFile);
    setJson = List.copyOf(setJson);
    setLiteral = List.copyOf(setLiteral);
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
