package dev.capstan.engine.health;

import dev.capstan.engine.resource.Maps;
import java.util.Map;

/** A Service is healthy at once, except a LoadBalancer, which needs an ingress address. */
final class ServiceHealth implements HealthCheck {
  @Override
  public Health check(Map<String, Object> live) {
    if (!"LoadBalancer".equals(Maps.string(live, "spec", "type"))) {
      return Health.healthy();
    }
    if (Maps.list(live, "status", "loadBalancer", "ingress").isEmpty()) {
      return Health.progressing(Conditions.name(live) + ": waiting for a load balancer address");
    }
    return Health.healthy();
  }
}
