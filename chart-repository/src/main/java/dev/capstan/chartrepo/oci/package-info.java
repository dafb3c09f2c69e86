/**
 * Helm charts in OCI registries (the distribution spec): {@link dev.capstan.chartrepo.oci.OciReference}
 * ({@code oci://host/path/chart[:tag][@sha256:...]}), {@link dev.capstan.chartrepo.oci.OciRegistryClient}
 * (tags, manifests, blobs, push), {@link dev.capstan.chartrepo.oci.OciManifest} and
 * {@link dev.capstan.chartrepo.oci.HelmMediaTypes}. Authentication answers the registry's challenge:
 * anonymous, basic, or a bearer token from the registry's token service.
 */
package dev.capstan.chartrepo.oci;
