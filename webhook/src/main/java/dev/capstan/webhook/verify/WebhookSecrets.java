package dev.capstan.webhook.verify;

import dev.capstan.core.Secret;
import dev.capstan.webhook.WebhookException;
import dev.capstan.webhook.event.Provider;
import dev.capstan.webhook.event.RepoId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which secret proves deliveries from which sender: one per provider, optionally overridden per
 * repository, plus the providers explicitly opened to unsigned deliveries. A repository secret
 * takes precedence over its provider's, so a team can rotate its own without touching others.
 */
public final class WebhookSecrets {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookSecrets.class);

  private final Map<Provider, Supplier<Secret>> byProvider;
  private final Map<RepoId, Secret> byRepository;
  private final List<Supplier<Map<RepoId, Secret>>> rereadRepositories;
  private final Set<Provider> open;

  private WebhookSecrets(Builder builder) {
    this.byProvider = Map.copyOf(builder.byProvider);
    this.byRepository = Map.copyOf(builder.byRepository);
    this.rereadRepositories = List.copyOf(builder.rereadRepositories);
    this.open = builder.open.isEmpty() ? Set.of() : Set.copyOf(builder.open);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code CAPSTAN_WEBHOOK_<PROVIDER>_SECRET} or {@code CAPSTAN_WEBHOOK_<PROVIDER>_SECRET_FILE}
   * for each provider, e.g. {@code CAPSTAN_WEBHOOK_GITHUB_SECRET_FILE=/etc/capstan/github-secret};
   * a provider without its own takes {@code CAPSTAN_WEBHOOK_SECRET} or {@code CAPSTAN_WEBHOOK_SECRET_FILE},
   * the one secret for every provider. {@code CAPSTAN_WEBHOOK_REPOSITORY_SECRETS_DIR} names a folder of
   * per-repository secrets: each subfolder (a mounted Kubernetes Secret) holds a {@code repository}
   * file with the repository's URL and a {@code secret} file, which alone is then accepted for it.
   * The files and the folder are read now (an error stops the caller) and again on use (see
   * {@link RefreshingValue}), so a rotated mounted Secret applies without a restart.
   */
  public static Builder fromEnvironment(Map<String, String> environment) {
    Builder builder = builder();
    Optional<Supplier<Secret>> shared = null;
    for (Provider provider : Provider.values()) {
      String own = "CAPSTAN_WEBHOOK_" + provider.name().toUpperCase(Locale.ROOT) + "_SECRET";
      Optional<Supplier<Secret>> secret = SecretValues.fromEnvironment(environment, own);
      if (secret.isEmpty()) {
        // Read once and shared by every provider without its own, so one file means one re-read.
        shared = shared != null ? shared : SecretValues.fromEnvironment(environment, "CAPSTAN_WEBHOOK_SECRET");
        secret = shared;
      }
      secret.ifPresent(s -> builder.provider(provider, s));
    }
    String dir = environment.get("CAPSTAN_WEBHOOK_REPOSITORY_SECRETS_DIR");
    if (dir != null && !dir.isBlank()) {
      Path folder = Path.of(dir);
      builder.repositories(RefreshingValue.of(() -> repositorySecrets(folder)));
    }
    return builder;
  }

  private static Map<RepoId, Secret> repositorySecrets(Path dir) {
    List<Path> entries;
    try (Stream<Path> listing = Files.list(dir)) {
      // Mounted Secrets bring ..data and ..timestamp folders along; only named entries count.
      entries = listing.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new WebhookException(dir.toString(), "cannot list repository webhook secrets: " + e.getClass().getSimpleName());
    }
    Map<RepoId, Secret> secrets = new HashMap<>();
    for (Path entry : entries) {
      Path repository = entry.resolve("repository");
      String url;
      try {
        url = Files.readString(repository, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new WebhookException(repository.toString(), "cannot read the repository URL: " + e.getClass().getSimpleName());
      }
      if (url.isEmpty()) {
        throw new WebhookException(repository.toString(), "repository URL is empty");
      }
      secrets.put(RepoId.of(url), SecretValues.fromFile(entry.resolve("secret")));
    }
    return secrets;
  }

  /** The secret that must sign a delivery from {@code provider} about {@code repository} (null if unknown). */
  public Optional<Secret> secretFor(Provider provider, RepoId repository) {
    if (repository != null && byRepository.containsKey(repository)) {
      return Optional.of(byRepository.get(repository));
    }
    if (repository != null) {
      for (Supplier<Map<RepoId, Secret>> source : rereadRepositories) {
        Secret secret = source.get().get(repository);
        if (secret != null) {
          return Optional.of(secret);
        }
      }
    }
    Supplier<Secret> shared = byProvider.get(provider);
    return shared == null ? Optional.empty() : Optional.of(shared.get());
  }

  public boolean isOpen(Provider provider) {
    return open.contains(provider);
  }

  @Override
  public String toString() {
    return "WebhookSecrets[providers=" + byProvider.keySet() + ", repositories=" + byRepository.keySet()
        + ", re-read sources=" + rereadRepositories.size() + ", open=" + open + "]";
  }

  /** Collects secrets; {@link #build()} warns once for each opened provider. */
  public static final class Builder {
    private final Map<Provider, Supplier<Secret>> byProvider = new EnumMap<>(Provider.class);
    private final Map<RepoId, Secret> byRepository = new HashMap<>();
    private final List<Supplier<Map<RepoId, Secret>>> rereadRepositories = new ArrayList<>();
    private final Set<Provider> open = EnumSet.noneOf(Provider.class);

    private Builder() {}

    public Builder provider(Provider provider, Secret secret) {
      return provider(provider, () -> secret);
    }

    /** A secret asked for on every delivery, e.g. {@link SecretValues#fromRotatingFile}: a rotation then needs no restart. */
    public Builder provider(Provider provider, Supplier<Secret> secret) {
      byProvider.put(provider, secret);
      return this;
    }

    /** A secret for one repository, named by any of its URLs. */
    public Builder repository(String repositoryUrl, Secret secret) {
      byRepository.put(RepoId.of(repositoryUrl), secret);
      return this;
    }

    /**
     * Per-repository secrets asked for on every delivery, e.g. a {@link RefreshingValue}: a rotated
     * Secret then applies without a restart. Those given by {@link #repository} come first.
     */
    public Builder repositories(Supplier<Map<RepoId, Secret>> secrets) {
      rereadRepositories.add(secrets);
      return this;
    }

    /** Accepts unsigned deliveries from {@code provider} when it has no secret. Anyone who can reach the endpoint can then trigger syncs. */
    public Builder open(Provider provider) {
      open.add(provider);
      return this;
    }

    public WebhookSecrets build() {
      for (Provider provider : open) {
        if (!byProvider.containsKey(provider)) {
          LOG.warn("webhook provider {} accepts unsigned deliveries: anyone who can reach /hooks/{} can trigger a sync",
              provider.path(), provider.path());
        }
      }
      if (byProvider.isEmpty() && byRepository.isEmpty() && rereadRepositories.isEmpty() && open.isEmpty()) {
        LOG.info("no webhook secrets configured: every delivery will be refused with 403");
      }
      return new WebhookSecrets(this);
    }
  }
}
