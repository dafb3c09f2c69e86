package dev.capstan.webhook.event;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RepoIdPropertiesTest {
  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars('-', '_', '.').ofMinLength(1).ofMaxLength(30)
        .filter(s -> !s.startsWith(".") && !s.endsWith(".") && !s.endsWith(".git") && !s.contains(".."));
  }

  @Provide
  Arbitrary<String> hosts() {
    return Arbitraries.of("github.com", "gitlab.com", "git.example.com", "Gitea.Corp.Example", "bitbucket.org");
  }

  @Property(tries = 300)
  void everyCloneUrlOfARepositoryNormalisesAlike(@ForAll("hosts") String host, @ForAll("names") String owner, @ForAll("names") String repo) {
    RepoId expected = RepoId.of("https://" + host + "/" + owner + "/" + repo);
    assertThat(RepoId.of("https://" + host + "/" + owner + "/" + repo + ".git")).isEqualTo(expected);
    assertThat(RepoId.of("git@" + host + ":" + owner + "/" + repo + ".git")).isEqualTo(expected);
    assertThat(RepoId.of("ssh://git@" + host + "/" + owner + "/" + repo)).isEqualTo(expected);
    assertThat(RepoId.of("ssh://git@" + host + ":2222/" + owner + "/" + repo + ".git")).isEqualTo(expected);
    assertThat(expected.path()).isEqualToIgnoringCase(owner + "/" + repo);
  }
}
