package dev.capstan.agent.cluster;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ValuesFrom;
import dev.capstan.agent.sync.ValuesFromReader;
import dev.capstan.chart.values.ValuesDocument;
import dev.capstan.core.CapstanException;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code valuesFrom} read from the Application's own namespace, as Flux reads a HelmRelease's: a
 * ConfigMap's {@code data} or a Secret's {@code data} at {@code valuesKey}. Errors name the object and
 * key, never a value.
 */
public final class ClusterValuesFrom implements ValuesFromReader {
  private final KubernetesClient client;

  public ClusterValuesFrom(KubernetesClient client) {
    this.client = client;
  }

  @Override
  public List<ValuesDocument> read(Application app) {
    String namespace = app.getMetadata().getNamespace();
    List<ValuesDocument> out = new ArrayList<>();
    for (ValuesFrom from : app.getSpec().deployedSource().valuesFromOrEmpty()) {
      String where = from.kind() + "/" + namespace + "/" + from.name();
      String text;
      try {
        text = "Secret".equals(from.kind()) ? secretKey(namespace, from) : configMapKey(namespace, from);
      } catch (KubernetesClientException e) {
        throw new CapstanException(where, "cannot be read for valuesFrom: " + e.getStatus().getReason() + " (HTTP " + e.getCode() + ")");
      }
      if (text == null) {
        if (from.isOptional()) {
          continue;
        }
        throw new CapstanException(where, "valuesFrom names key " + from.valuesKeyOrDefault()
            + ", which it does not hold (or it does not exist); set optional: true to skip it");
      }
      out.add(new ValuesDocument(where + " " + from.valuesKeyOrDefault(), text));
    }
    return out;
  }

  private String configMapKey(String namespace, ValuesFrom from) {
    ConfigMap cm = client.configMaps().inNamespace(namespace).withName(from.name()).get();
    Map<String, String> data = cm == null ? null : cm.getData();
    return data == null ? null : data.get(from.valuesKeyOrDefault());
  }

  private String secretKey(String namespace, ValuesFrom from) {
    Secret secret = client.secrets().inNamespace(namespace).withName(from.name()).get();
    Map<String, String> data = secret == null ? null : secret.getData();
    String encoded = data == null ? null : data.get(from.valuesKeyOrDefault());
    return encoded == null ? null : new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
  }
}
