package dev.capstan.chart.values;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A schema violation worded as Helm 3.17 words it: Helm validates with gojsonschema and prints
 * {@code - <field>: <description>}, the field a dotted path from the values' root ({@code (root)}
 * for the root itself, list indices as numbers) and the description in gojsonschema's English.
 * Keywords gojsonschema words differently from what is mapped here keep the validator's own text.
 */
final class HelmSchemaMessages {
  private HelmSchemaMessages() {}

  static String line(ValidationMessage m) {
    return "- " + field(m.getInstanceLocation()) + ": " + description(m);
  }

  private static String field(JsonNodePath path) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < path.getNameCount(); i++) {
      parts.add(String.valueOf(path.getElement(i)));
    }
    return parts.isEmpty() ? "(root)" : String.join(".", parts);
  }

  private static String description(ValidationMessage m) {
    String field = field(m.getInstanceLocation());
    return switch (m.getType()) {
      case "required" -> m.getProperty() + " is required";
      case "type" -> "Invalid type. Expected: " + expectedTypes(keyword(m, "type")) + ", given: " + given(m.getInstanceNode());
      case "minimum" -> "Must be greater than or equal to " + number(keyword(m, "minimum"));
      case "exclusiveMinimum" -> "Must be greater than " + number(keyword(m, "exclusiveMinimum"));
      case "maximum" -> "Must be less than or equal to " + number(keyword(m, "maximum"));
      case "exclusiveMaximum" -> "Must be less than " + number(keyword(m, "exclusiveMaximum"));
      case "minLength" -> "String length must be greater than or equal to " + number(keyword(m, "minLength"));
      case "maxLength" -> "String length must be less than or equal to " + number(keyword(m, "maxLength"));
      case "minItems" -> "Array must have at least " + number(keyword(m, "minItems")) + " items";
      case "maxItems" -> "Array must have at most " + number(keyword(m, "maxItems")) + " items";
      case "pattern" -> "Does not match pattern '" + keyword(m, "pattern").asText() + "'";
      case "enum" -> field + " must be one of the following: " + allowed(keyword(m, "enum"));
      case "additionalProperties" -> "Additional property " + m.getProperty() + " is not allowed";
      default -> m.getError();
    };
  }

  /** The keyword's value: the validator reports either it or the schema object that holds it. */
  private static JsonNode keyword(ValidationMessage m, String name) {
    JsonNode node = m.getSchemaNode();
    return node != null && node.isObject() && node.has(name) ? node.get(name) : node;
  }

  private static String expectedTypes(JsonNode type) {
    if (type != null && type.isArray()) {
      List<String> names = new ArrayList<>();
      type.forEach(t -> names.add(t.asText()));
      return "[" + String.join(",", names) + "]";
    }
    return type == null ? "" : type.asText();
  }

  /** gojsonschema's name for a value's type: integral numbers are integers. */
  private static String given(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isNumber()) {
      return v.isIntegralNumber() || v.decimalValue().stripTrailingZeros().scale() <= 0 ? "integer" : "number";
    }
    return v.isTextual() ? "string" : v.isBoolean() ? "boolean" : v.isArray() ? "array" : "object";
  }

  private static String number(JsonNode n) {
    if (n == null) {
      return "";
    }
    BigDecimal d = n.decimalValue().stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
  }

  private static String allowed(JsonNode values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(v -> out.add(v.toString()));
    }
    return String.join(", ", out);
  }
}
