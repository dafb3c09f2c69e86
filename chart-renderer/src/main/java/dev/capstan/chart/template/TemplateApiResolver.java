package dev.capstan.chart.template;

import dev.capstan.core.CapstanException;
import io.pebbletemplates.pebble.attributes.AttributeResolver;
import io.pebbletemplates.pebble.attributes.ResolvedAttribute;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;

/**
 * Resolves the calls templates may make on Capstan's own objects ({@code files.get(path)},
 * {@code files.glob(pattern)}, {@code files.lines(path)}, {@code capabilities.apiVersions.has(v)})
 * by name, without reflection, and reports their errors at the template's file and line. It runs
 * before Pebble's reflective resolver, which the sandbox denies everything else.
 */
final class TemplateApiResolver implements AttributeResolver {
  @Override
  public ResolvedAttribute resolve(Object instance, Object attributeNameValue, Object[] argumentValues,
      ArgumentsNode args, EvaluationContextImpl context, String filename, int lineNumber) {
    if (!(instance instanceof FilesApi) && !(instance instanceof ApiVersions)) {
      return null;
    }
    String name = String.valueOf(attributeNameValue);
    String owner = instance instanceof FilesApi ? "files" : "capabilities.apiVersions";
    boolean known = instance instanceof FilesApi ? name.equals("get") || name.equals("glob") || name.equals("lines")
        : name.equals("has");
    if (!known) {
      throw new TemplateException(filename, lineNumber, 0, owner + "." + name + " is not allowed: " + owner
          + (instance instanceof FilesApi ? " offers get, glob and lines" : " offers has"));
    }
    if (argumentValues == null || argumentValues.length != 1) {
      throw new TemplateException(filename, lineNumber, 0, owner + "." + name + " takes one argument, e.g. "
          + owner + "." + name + "(\"...\")");
    }
    String arg = argumentValues[0] == null ? null : argumentValues[0].toString();
    try {
      Object value = switch (owner + "." + name) {
        case "files.get" -> ((FilesApi) instance).get(arg);
        case "files.glob" -> ((FilesApi) instance).glob(arg);
        case "files.lines" -> ((FilesApi) instance).lines(arg);
        case "capabilities.apiVersions.has" -> ((ApiVersions) instance).has(arg);
        default -> throw new IllegalStateException("unreachable: " + name);
      };
      return new ResolvedAttribute(value);
    } catch (TemplateException e) {
      throw e;
    } catch (CapstanException e) {
      throw new TemplateException(filename, lineNumber, 0, e.getMessage(), e);
    }
  }
}
