package dev.capstan.git.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capstan.git.cache.RepositoryCache;
import dev.capstan.git.fetch.FetchFailure;
import dev.capstan.git.fetch.FetchOptions;
import dev.capstan.git.fetch.FetchResult;
import dev.capstan.git.fetch.Fetcher;
import dev.capstan.git.fetch.GitRevision;
import dev.capstan.git.source.GitSource;
import dev.capstan.git.testing.Gpg;
import dev.capstan.git.testing.Upstream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed and unsigned commits made by the real git with gpg and ssh-keygen (keys generated on the
 * fly, nothing committed), verified against a configured keyring or allowed_signers file.
 */
class SignatureIT {
  @TempDir static Path keys;
  static Gpg gpg;
  static Path gnupg;
  static String alice;
  static String mallory;
  static Path keyring;
  static Path sshKey;
  static Path allowedSigners;

  @TempDir Path tmp;
  Upstream upstream;
  RepositoryCache cache;
  Fetcher fetcher;

  @BeforeAll
  static void makeKeys() throws Exception {
    gpg = Gpg.in(keys);
    gnupg = gpg.home();
    alice = gpg.newKey("Alice <alice@example.com>");
    mallory = gpg.newKey("Mallory <mallory@example.com>");
    keyring = keys.resolve("trusted.asc");
    Files.writeString(keyring, gpg.exportArmored(alice));
    sshKey = keys.resolve("id_sign");
    run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-C", "alice", "-f", sshKey.toString());
    allowedSigners = keys.resolve("allowed_signers");
    Files.writeString(allowedSigners, "author@example.com " + Files.readString(keys.resolve("id_sign.pub")));
  }

  @AfterAll
  static void stopAgent() throws Exception {
    gpg.close();
  }

  private static String run(String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("GNUPGHOME", gnupg.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", cmd) + ": " + err);
    }
    return out;
  }

  @BeforeEach
  void setUp() throws Exception {
    upstream = Upstream.create(tmp, "signed").withEnv("GNUPGHOME", gnupg.toString());
    cache = RepositoryCache.open(tmp.resolve("cache"));
    fetcher = new Fetcher(cache, FetchOptions.defaults());
  }

  @AfterEach
  void tearDown() {
    cache.close();
  }

  private String pushSignedBy(String fingerprint, String message) {
    String sha = upstream.commit(message, Map.of("f.txt", message + "\n"), "-S" + fingerprint);
    upstream.git("push", "-q", "origin", "HEAD");
    return sha;
  }

  private GitSource pgpSource() {
    return GitSource.of(upstream.fileUrl(), "main").withVerification(VerificationPolicy.openPgp(keyring));
  }

  @Test
  void commitSignedByATrustedKeyIsVerified() {
    pushSignedBy(alice, "signed work");

    GitRevision r = fetcher.fetch(pgpSource()).revisionOrThrow();

    assertThat(r.signature().state()).isEqualTo(SignatureStatus.State.VERIFIED);
    assertThat(r.signature().signer()).isEqualTo("Alice <alice@example.com>");
    assertThat(r.signature().key()).isEqualTo(alice);
  }

  @Test
  void unsignedCommitIsRefusedAndTheLastVerifiedRevisionStays() {
    String signed = pushSignedBy(alice, "signed work");
    fetcher.fetch(pgpSource());
    String unsigned = upstream.push("sneaky unsigned change", Map.of("f.txt", "evil\n"));

    FetchResult.Failure refused = (FetchResult.Failure) fetcher.fetch(pgpSource());
    FetchResult.Failure again = (FetchResult.Failure) fetcher.fetch(pgpSource());

    assertThat(refused.failure()).isInstanceOf(FetchFailure.VerificationRefused.class);
    assertThat(refused.failure().message()).contains(unsigned).contains("not signed");
    assertThat(refused.lastGood()).map(GitRevision::sha).contains(signed);
    assertThat(again.lastGood()).map(GitRevision::sha).contains(signed);
  }

  @Test
  void commitSignedByAKeyOutsideTheKeyringIsRefused() {
    String sha = pushSignedBy(mallory, "looks signed");

    FetchResult.Failure refused = (FetchResult.Failure) fetcher.fetch(pgpSource());

    var status = ((FetchFailure.VerificationRefused) refused.failure()).status();
    assertThat(status.state()).isEqualTo(SignatureStatus.State.UNTRUSTED_KEY);
    assertThat(refused.failure().message()).contains(sha).contains("not in " + keyring);
    assertThat(refused.lastGood()).isEmpty();
  }

  @Test
  void signatureThatDoesNotMatchTheContentIsBad() throws Exception {
    pushSignedBy(alice, "signed work");
    try (Repository bare = new FileRepositoryBuilder().setGitDir(upstream.bare().toFile()).build();
        ObjectInserter ins = bare.newObjectInserter()) {
      ObjectId head = bare.resolve("refs/heads/main");
      String raw = new String(bare.open(head).getBytes(), StandardCharsets.UTF_8);
      ObjectId forged = ins.insert(Constants.OBJ_COMMIT,
          raw.replace("signed work", "forged work").getBytes(StandardCharsets.UTF_8));
      ins.flush();
      RefUpdate u = bare.updateRef("refs/heads/main");
      u.setNewObjectId(forged);
      u.forceUpdate();
    }

    FetchResult.Failure refused = (FetchResult.Failure) fetcher.fetch(pgpSource());

    var status = ((FetchFailure.VerificationRefused) refused.failure()).status();
    assertThat(status.state()).isEqualTo(SignatureStatus.State.BAD_SIGNATURE);
  }

  private GitSource tagSource(String ref, VerificationPolicy.Target target) {
    return GitSource.of(upstream.fileUrl(), ref).withVerification(VerificationPolicy.openPgp(keyring).withTarget(target));
  }

  @Test
  void tagModeAcceptsATagSignedByATrustedKeyOnAnUnsignedCommit() {
    String sha = upstream.push("unsigned work", Map.of("f.txt", "v1\n"));
    upstream.git("tag", "-s", "-u", alice, "-m", "release v1.0.0", "v1.0.0");
    upstream.git("push", "-q", "origin", "v1.0.0");

    GitRevision r = fetcher.fetch(tagSource("v1.0.0", VerificationPolicy.Target.TAG)).revisionOrThrow();
    FetchResult both = fetcher.fetch(tagSource("v1.0.0", VerificationPolicy.Target.TAG_AND_HEAD));

    assertThat(r.sha()).isEqualTo(sha);
    assertThat(r.signature().verified()).as("the revision's signature is the tag's, what mode Tag verified").isTrue();
    assertThat(r.signature().signer()).isEqualTo("Alice <alice@example.com>");
    assertThat(((FetchResult.Failure) both).failure()).isInstanceOf(FetchFailure.VerificationRefused.class);
    assertThat(((FetchResult.Failure) both).failure().message()).contains("commit " + sha + " refused: commit is not signed");
  }

  @Test
  void tagModeRefusesUnsignedUntrustedAndLightweightTagsAndBranches() {
    pushSignedBy(alice, "signed work");
    upstream.git("tag", "-a", "-m", "unsigned", "v1.0.0");
    upstream.git("tag", "-s", "-u", mallory, "-m", "by mallory", "v1.1.0");
    upstream.git("tag", "v1.2.0");
    upstream.git("push", "-q", "origin", "--tags");

    FetchResult.Failure unsigned = (FetchResult.Failure) fetcher.fetch(tagSource("v1.0.0", VerificationPolicy.Target.TAG));
    FetchResult.Failure untrusted = (FetchResult.Failure) fetcher.fetch(tagSource("v1.1.0", VerificationPolicy.Target.TAG));
    FetchResult.Failure lightweight = (FetchResult.Failure) fetcher.fetch(tagSource("v1.2.0", VerificationPolicy.Target.TAG));
    FetchResult.Failure branch = (FetchResult.Failure) fetcher.fetch(tagSource("main", VerificationPolicy.Target.TAG_AND_HEAD));

    assertThat(unsigned.failure().message()).endsWith(": tag v1.0.0 refused: tag v1.0.0 is not signed");
    assertThat(((FetchFailure.TagRefused) untrusted.failure()).status().state()).isEqualTo(SignatureStatus.State.UNTRUSTED_KEY);
    assertThat(lightweight.failure().message()).contains("refs/tags/v1.2.0 is not an annotated tag");
    assertThat(branch.failure().message()).contains("refs/heads/main is not an annotated tag");
  }

  @Test
  void withoutAPolicySignaturesAreReportedNotChecked() {
    pushSignedBy(mallory, "whatever");

    GitRevision r = fetcher.fetch(GitSource.of(upstream.fileUrl(), "main")).revisionOrThrow();

    assertThat(r.signature().state()).isEqualTo(SignatureStatus.State.NOT_CHECKED);
    assertThat(r.signature().format()).isEqualTo("openpgp");
  }

  @Test
  void sshSignatureByAnAllowedSignerIsVerified() {
    upstream.git("config", "gpg.format", "ssh");
    upstream.git("config", "user.signingkey", sshKey.toString());
    upstream.commit("ssh signed", Map.of("s.txt", "s\n"), "-S");
    upstream.git("push", "-q", "origin", "HEAD");

    GitRevision r = fetcher.fetch(GitSource.of(upstream.fileUrl(), "main")
        .withVerification(VerificationPolicy.ssh(allowedSigners))).revisionOrThrow();

    assertThat(r.signature().state()).isEqualTo(SignatureStatus.State.VERIFIED);
    assertThat(r.signature().format()).isEqualTo("ssh");
  }

  @Test
  void sshSignatureByAnUnlistedKeyIsRefused() throws Exception {
    upstream.git("config", "gpg.format", "ssh");
    upstream.git("config", "user.signingkey", sshKey.toString());
    upstream.commit("ssh signed", Map.of("s.txt", "s\n"), "-S");
    upstream.git("push", "-q", "origin", "HEAD");
    Path otherSigners = tmp.resolve("other_signers");
    Path otherKey = tmp.resolve("id_other");
    run("ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", otherKey.toString());
    Files.writeString(otherSigners, "author@example.com " + Files.readString(tmp.resolve("id_other.pub")));

    FetchResult result = fetcher.fetch(GitSource.of(upstream.fileUrl(), "main")
        .withVerification(VerificationPolicy.ssh(otherSigners)));

    assertThat(((FetchResult.Failure) result).failure()).isInstanceOf(FetchFailure.VerificationRefused.class);
  }
}
