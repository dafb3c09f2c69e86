package dev.capstan.git.fetch;

/** Which Git wire protocol the fetcher speaks; it decides the cost of a no-change check. */
public enum WireProtocol {
  /**
   * Protocol v0/v1: the server lists its refs in its first answer, so a no-change check is one round
   * trip (one HTTP request). The list holds every ref, which is fine for ordinary repositories.
   */
  V0,
  /**
   * Protocol v2: the client asks only for the ref prefixes it needs ({@code ls-refs}), which keeps the
   * answer small for repositories with tens of thousands of refs, at the cost of a second round trip.
   */
  V2;

  int configValue() {
    return this == V0 ? 0 : 2;
  }
}
