/**
 * Proof that a delivery came from the Git host: HMAC-SHA256 signatures over the raw body (GitHub
 * {@code X-Hub-Signature-256}, Gitea/Forgejo/Gogs {@code X-Gitea-Signature}, Bitbucket Cloud
 * {@code X-Hub-Signature}, Capstan {@code X-Capstan-Signature}) and GitLab's shared
 * {@code X-Gitlab-Token}, all compared with {@link java.security.MessageDigest#isEqual}. Secrets come
 * from files or environment variables, one per provider or per repository, and never print.
 */
package dev.capstan.webhook.verify;
