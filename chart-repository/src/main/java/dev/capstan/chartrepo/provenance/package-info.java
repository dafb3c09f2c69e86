/**
 * Helm's provenance files ({@code NAME-VERSION.tgz.prov}): an OpenPGP clear-signed document whose
 * text is the chart's Chart.yaml, a {@code ...} line and a {@code files:} map from the archive's
 * file name to its {@code sha256:}. {@link dev.capstan.chartrepo.provenance.ProvenanceVerifier}
 * checks a signature against a {@link dev.capstan.chartrepo.provenance.PublicKeyring} and the archive
 * against the signed digest; {@link dev.capstan.chartrepo.provenance.ProvenanceSigner} writes one
 * Helm verifies, with a key from a GnuPG secret keyring ({@link
 * dev.capstan.chartrepo.provenance.SigningKey}). BouncyCastle does the OpenPGP; this package only
 * knows the format around it.
 */
package dev.capstan.chartrepo.provenance;
