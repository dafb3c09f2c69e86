package dev.capstan.engine.cluster;

import dev.capstan.engine.resource.ObjectException;
import dev.capstan.engine.resource.ObjectRef;

/** The API server serves no resource for the object's apiVersion and kind (missing CRD, typo). */
public class UnknownKindException extends ObjectException {
  public UnknownKindException(ObjectRef ref) {
    super(ref, "the API server does not serve kind " + ref.kind() + " in " + ref.apiVersion()
        + " (is its CustomResourceDefinition installed?)");
  }
}
