package dev.capstan.git.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.command.CommandFactory;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.UploadPack;

/**
 * An SSH Git server: Apache MINA SSHD on 127.0.0.1 with public-key auth, running JGit's UploadPack
 * for {@code git-upload-pack '<repo>'}. Its host key is generated per server, so a test can present a
 * key the client has never seen, or a different key for a known host.
 */
public final class SshGitServer implements AutoCloseable {
  private final SshServer sshd;
  private final KeyPair hostKey;

  private SshGitServer(Path base, PublicKey authorizedKey) {
    hostKey = newKey();
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPasswordAuthenticator(null);
    sshd.setKeyboardInteractiveAuthenticator(null);
    sshd.setPublickeyAuthenticator((user, key, session) -> KeyUtils.compareKeys(key, authorizedKey));
    sshd.setCommandFactory(uploadPack(base));
  }

  public static SshGitServer start(Path base, PublicKey authorizedKey) {
    SshGitServer s = new SshGitServer(base, authorizedKey);
    try {
      s.sshd.start();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return s;
  }

  public static KeyPair newKey() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(256);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return sshd.getPort();
  }

  public String url(String repo) {
    return "ssh://git@127.0.0.1:" + port() + "/" + repo;
  }

  /** The line a known_hosts file needs to trust this server. */
  public String knownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
  }

  /** A known_hosts line claiming this server has some other key, as after a server swap. */
  public String wrongKnownHostsLine() {
    return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(newKey().getPublic());
  }

  private static CommandFactory uploadPack(Path base) {
    return (channel, command) -> new UploadPackCommand(base, command);
  }

  private static final class UploadPackCommand implements Command {
    private final Path base;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Path base, String command) {
      this.base = base;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
      this.exit = callback;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread t = new Thread(this::serve, "ssh-upload-pack");
      t.setDaemon(true);
      t.start();
    }

    private void serve() {
      List<String> args = CommandFactory.split(command);
      if (args.size() != 2 || !args.get(0).equals("git-upload-pack")) {
        exit.onExit(127, "unsupported command " + command);
        return;
      }
      String repoPath = args.get(1).replaceAll("^'|'$", "").replaceFirst("^/", "");
      try (Repository repo = new FileRepositoryBuilder().setGitDir(base.resolve(repoPath).toFile())
          .setMustExist(true).build()) {
        new UploadPack(repo).upload(in, out, err);
        out.flush();
        exit.onExit(0);
      } catch (IOException e) {
        exit.onExit(1, String.valueOf(e.getMessage()));
      }
    }

    @Override
    public void destroy(ChannelSession channel) {
    }
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }
}
