package dev.capstan.agent.sync;

import static dev.capstan.git.verify.TrustedKeys.ALLOWED_SIGNERS;

import dev.capstan.agent.application.Application;
import dev.capstan.agent.application.ApplicationException;
import dev.capstan.agent.application.ApplicationValidator;
import dev.capstan.agent.application.Source;
import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.VerifiedChart;
import dev.capstan.chartrepo.cache.Digest;
import dev.capstan.chartrepo.provenance.ProvenanceException;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier.Verification;
import dev.capstan.chartrepo.provenance.PublicKeyring;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The provenance check of chart sources with {@code verify} ({@code helm install --verify}, Flux's
 * {@code HelmChart.spec.verify}). The trusted keys come from the Secret {@code verify.secretRef} names,
 * read through {@link SourceSecrets} on every check (a rotated Secret counts at the next poll), as for
 * Git sources: every key but {@code allowed_signers} holds OpenPGP public keys, armored or binary.
 *
 * <p>What a keyring verified is remembered by source, chart version, digest and the keyring's own
 * digest, so the polls of an unchanged chart cost no {@code .prov} download. Only verifications that
 * held are remembered, never a chart fetched without one, and a revision without a digest (a Helm
 * repository that publishes none) is verified on every check. The render always verifies the bytes
 * it loads again ({@link RepositoryChartSources#load}); this memory only spares the polls.
 */
final class ChartProvenance {
  /** The most verifications remembered; past it, the memory starts over (each costs one check again). */
  static final int REMEMBERED = 4096;

  /** The trusted keys of a source, and their digest, which names them in the memory. */
  record Trusted(ProvenanceVerifier verifier, Digest digest) {}

  private final SourceSecrets secrets;
  private final Map<String, Verification> verified = new ConcurrentHashMap<>();

  ChartProvenance(SourceSecrets secrets) {
    this.secrets = secrets;
  }

  /**
   * The verification of the chart {@code resolved} names, remembered or made by {@code fetch} with the
   * source's keys.
   *
   * @throws ApplicationException naming {@code verify.secretRef} when its keys cannot be used
   * @throws ProvenanceException naming the chart when its provenance does not hold
   */
  Verification verify(Application app, Source source, ResolvedChart resolved, Function<ProvenanceVerifier, VerifiedChart> fetch) {
    Trusted trusted = trusted(app, source);
    String key = resolved.digest().map(d -> source.repoURL().strip() + "|" + source.chart() + "|" + resolved.name() + "|"
        + resolved.version() + "|" + d + "|" + trusted.digest()).orElse(null);
    Verification known = key == null ? null : verified.get(key);
    if (known != null) {
      return known;
    }
    Verification v = fetch.apply(trusted.verifier()).verification();
    if (key != null) {
      if (verified.size() >= REMEMBERED) {
        verified.clear();
      }
      verified.put(key, v);
    }
    return v;
  }

  /**
   * The keys of {@code source}'s {@code verify.secretRef}.
   *
   * @throws ApplicationException naming the field when the Secret cannot be read or holds no usable key
   */
  Trusted trusted(Application app, Source source) {
    String name = source.verify().secretRef();
    String field = SourceOf.field(app, source) + ".verify.secretRef";
    if (name == null || !ApplicationValidator.isObjectName(name)) {
      // The validator refuses such names first; this is the last line before a name is looked up.
      throw new ApplicationException(field, "must name a Secret, got \"" + name + "\"");
    }
    String where = secrets.describe(app, name);
    Map<String, byte[]> keys = new TreeMap<>(secrets.read(app, name));
    keys.remove(ALLOWED_SIGNERS); // an OpenSSH file, which only Git commits are signed against
    List<PublicKeyring> rings = new ArrayList<>();
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    try {
      for (Map.Entry<String, byte[]> e : keys.entrySet()) {
        rings.add(PublicKeyring.read(e.getValue(), where + ": key \"" + e.getKey() + "\""));
        all.writeBytes(e.getKey().getBytes(StandardCharsets.UTF_8));
        all.write(0);
        all.writeBytes(e.getValue());
        all.write(0);
      }
      if (rings.isEmpty()) {
        throw new ApplicationException(field, where + " holds no OpenPGP public key (any key name but " + ALLOWED_SIGNERS + ")");
      }
      return new Trusted(new ProvenanceVerifier(PublicKeyring.of(where, rings)), Digest.of(all.toByteArray()));
    } catch (ProvenanceException e) {
      throw new ApplicationException(field, e.getMessage(), e);
    }
  }
}
