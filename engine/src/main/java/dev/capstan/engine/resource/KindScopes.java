package dev.capstan.engine.resource;

/** Tells whether a kind is namespaced; the cluster answers from discovery. */
public interface KindScopes {
  /** True for namespaced kinds; throws an {@link ObjectException} for kinds the server does not serve. */
  boolean namespaced(ObjectRef ref);
}
