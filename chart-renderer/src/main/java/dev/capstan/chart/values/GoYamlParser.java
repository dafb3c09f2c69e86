package dev.capstan.chart.values;

import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.Reader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;

/**
 * Jackson's YAML parser with the YAML event behind the current token in view: whether a scalar was
 * quoted, its tag, and aliases, which Jackson's tree model would otherwise turn into plain strings.
 */
final class GoYamlParser extends YAMLParser {
  private GoYamlParser(IOContext ctxt, int features, int yamlFeatures, LoaderOptions options,
      ObjectCodec codec, Reader reader) {
    super(ctxt, features, yamlFeatures, options, codec, reader);
  }

  /** The event that produced the current token. */
  Event event() {
    return _lastEvent;
  }

  /** Creates {@link GoYamlParser}s for readers. */
  static final class Factory extends YAMLFactory {
    private static final long serialVersionUID = 1L;

    @Override
    protected YAMLParser _createParser(Reader r, IOContext ctxt) {
      return new GoYamlParser(ctxt, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          _objectCodec, r);
    }
  }
}
