package dev.capstan.webhook.event;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns one provider's delivery into a {@link ParsedDelivery}; one implementation per provider. */
public interface PayloadParser {
  /**
   * @param headers the delivery's headers (event name, delivery id)
   * @param body the parsed JSON body, an object
   * @throws PayloadException when a push lacks a field it must have
   */
  ParsedDelivery parse(DeliveryHeaders headers, JsonNode body);

  /** The provider's own id for the delivery, used to recognise replays; null if it sends none. */
  String deliveryId(DeliveryHeaders headers);

  static PayloadParser forProvider(Provider provider) {
    return switch (provider) {
      case GITHUB -> new GitHubParser();
      case GITLAB -> new GitLabParser();
      case GITEA -> new GiteaParser();
      case BITBUCKET -> new BitbucketParser();
      case GENERIC -> new GenericParser();
    };
  }
}
