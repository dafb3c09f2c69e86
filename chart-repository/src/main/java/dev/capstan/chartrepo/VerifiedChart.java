package dev.capstan.chartrepo;

import dev.capstan.chartrepo.provenance.ProvenanceVerifier.Verification;

/** A fetched chart whose provenance held: the chart, its {@code .prov} as served, and what the verification found. */
public record VerifiedChart(FetchedChart chart, byte[] provenance, Verification verification) {}
