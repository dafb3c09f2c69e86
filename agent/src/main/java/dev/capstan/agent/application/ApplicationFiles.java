package dev.capstan.agent.application;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads Application documents from a YAML file or a folder of them (the agent's {@code --applications}).
 * Reading is strict, as {@code kubectl apply --validate=strict} is: an unknown field is an error naming
 * the file, line and field, so a typo never silently turns a setting off.
 */
public final class ApplicationFiles {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectMapper LENIENT = new ObjectMapper(new YAMLFactory());

  private ApplicationFiles() {}

  /** One Application and the file it came from. */
  public record Loaded(Application application, Path file) {}

  public static List<Loaded> load(Path fileOrFolder) {
    if (!Files.exists(fileOrFolder)) {
      throw new ApplicationException(fileOrFolder.toString(), "no such file or folder");
    }
    List<Loaded> out = new ArrayList<>();
    for (Path file : yamlFiles(fileOrFolder)) {
      out.addAll(loadFile(file));
    }
    return out;
  }

  private static List<Path> yamlFiles(Path fileOrFolder) {
    if (!Files.isDirectory(fileOrFolder)) {
      return List.of(fileOrFolder);
    }
    try (Stream<Path> files = Files.walk(fileOrFolder)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new ApplicationException(fileOrFolder.toString(), "cannot list folder: " + e.getMessage(), e);
    }
  }

  private static List<Loaded> loadFile(Path file) {
    List<Map<?, ?>> headers = readHeaders(file);
    List<Loaded> out = new ArrayList<>();
    for (Map<?, ?> header : headers) {
      requireKind(file, header);
    }
    try (Reader reader = Files.newBufferedReader(file);
        MappingIterator<Application> docs = YAML.readerFor(Application.class).readValues(reader)) {
      while (docs.hasNextValue()) {
        Application app = docs.nextValue();
        if (app != null) {
          out.add(new Loaded(app, file));
        }
      }
    } catch (UnrecognizedPropertyException e) {
      throw new ApplicationException(place(file, out.size(), e),
          "unknown field \"" + e.getPropertyName() + "\" at " + fieldPath(e) + " (known: " + e.getKnownPropertyIds() + ")", e);
    } catch (JsonMappingException e) {
      throw new ApplicationException(place(file, out.size(), e), "invalid Application at " + fieldPath(e) + ": " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ApplicationException(file.toString(), "cannot read Application: " + firstLine(e.getMessage()), e);
    }
    return out;
  }

  /**
   * The apiVersion and kind of each document, read before binding: fabric8's CustomResource computes
   * both from the class, so a ConfigMap bound to Application would silently claim to be one.
   */
  private static List<Map<?, ?>> readHeaders(Path file) {
    List<Map<?, ?>> headers = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file);
        MappingIterator<Map<?, ?>> docs = LENIENT.readerFor(Map.class).readValues(reader)) {
      while (docs.hasNextValue()) {
        Map<?, ?> doc = docs.nextValue();
        if (doc != null) {
          headers.add(doc);
        }
      }
    } catch (IOException e) {
      JsonLocation where = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe ? jpe.getLocation() : null;
      throw new ApplicationException(place(file, where), "invalid YAML: " + firstLine(e.getMessage()), e);
    }
    return headers;
  }

  private static void requireKind(Path file, Map<?, ?> header) {
    Object apiVersion = header.get("apiVersion");
    Object kind = header.get("kind");
    if (!Application.API_VERSION.equals(apiVersion) || !"Application".equals(kind)) {
      throw new ApplicationException(file.toString(),
          "expected apiVersion " + Application.API_VERSION + " and kind Application, got " + apiVersion + " " + kind);
    }
    Object metadata = header.get("metadata");
    Object name = metadata instanceof Map<?, ?> m ? m.get("name") : null;
    if (!(name instanceof String n) || n.isBlank()) {
      throw new ApplicationException(file.toString(), "metadata.name is required");
    }
  }

  private static String fieldPath(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.length() == 0 ? "the document root" : path.toString();
  }

  private static String place(Path file, int document, JsonMappingException e) {
    JsonPointer pointer = JsonPointer.compile("");
    for (JsonMappingException.Reference ref : e.getPath()) {
      pointer = ref.getFieldName() != null ? pointer.appendProperty(ref.getFieldName()) : pointer.appendIndex(ref.getIndex());
    }
    int line = YamlPositions.lineOf(file, document, pointer);
    return line > 0 ? file + ":" + line : place(file, e.getLocation());
  }

  private static String place(Path file, JsonLocation location) {
    return location == null || location.getLineNr() < 1 ? file.toString() : file + ":" + location.getLineNr();
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
