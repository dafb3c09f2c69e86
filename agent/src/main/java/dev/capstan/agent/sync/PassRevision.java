package dev.capstan.agent.sync;

import dev.capstan.chartrepo.ResolvedChart;
import dev.capstan.chartrepo.provenance.ProvenanceVerifier.Verification;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.verify.SignatureStatus;

/**
 * What the deployed source of an application resolved to in a pass: a Git commit, or a chart version
 * (and digest) in a Helm repository or OCI registry. {@code id} identifies it (a commit SHA, or
 * {@code VERSION@sha256:…}); a different id means the source moved.
 *
 * @param git the commit, or null for a chart from a repository
 * @param chart the chart version and digest, or null for a Git commit
 * @param signedBy who signed it and with which key ({@code NAME (key FINGERPRINT)}), when the source
 *     verified it (a chart's provenance, a commit's signature); null otherwise
 */
public record PassRevision(String id, String shortId, String subject, GitRevision git, ResolvedChart chart, String signedBy) {
  /** A commit; signed by whoever made its signature when the source verified it. */
  public static PassRevision of(GitRevision commit) {
    SignatureStatus signature = commit.signature();
    String signedBy = signature != null && signature.verified() ? signer(signature.signer(), signature.key()) : null;
    return new PassRevision(commit.sha(), commit.shortSha(), commit.subject(), commit, null, signedBy);
  }

  /** A chart version; its digest, when the repository publishes one, makes a re-pushed version a new revision. */
  public static PassRevision of(ResolvedChart chart) {
    String digest = chart.digest().map(Object::toString).orElse("");
    String id = digest.isEmpty() ? chart.version() : chart.version() + "@" + digest;
    String shortId = digest.isEmpty() ? chart.version() : chart.version() + "@" + digest.substring(0, Math.min(digest.length(), 19));
    return new PassRevision(id, shortId, "chart " + chart.name() + " " + chart.version(), null, chart, null);
  }

  /** A chart version whose provenance held: the subject names who signed it, with the key's fingerprint. */
  public static PassRevision of(ResolvedChart chart, Verification verification) {
    PassRevision r = of(chart);
    String signedBy = signer(verification.signedBy(), verification.keyFingerprint());
    return new PassRevision(r.id(), r.shortId(), r.subject() + ", signed by " + signedBy, null, chart, signedBy);
  }

  private static String signer(String name, String key) {
    return name == null || name.isBlank() ? "(key " + key + ")" : name + " (key " + key + ")";
  }

  public boolean isGitCommit() {
    return git != null;
  }
}
