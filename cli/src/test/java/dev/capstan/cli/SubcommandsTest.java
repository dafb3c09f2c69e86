package dev.capstan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SubcommandsTest {
  @Test
  void everyEntryIsNamedAsItsCommand() {
    Subcommands.ALL.forEach((name, command) ->
        assertThat(new CommandLine(command.get()).getCommandName()).as(name).isEqualTo(name));
  }

  @Test
  void onlyTheNamedCommandIsBuilt() {
    CommandLine cli = new CommandLine(new Capstan());
    Subcommands.register(cli, new String[] {"--debug", "render", "chart", "--set", "a=b"});
    assertThat(cli.getSubcommands()).containsOnlyKeys("help", "render");
  }

  @Test
  void helpAndUnknownNamesGetEveryCommand() {
    for (String[] args : new String[][] {{}, {"--help"}, {"help", "render"}, {"rendr"}}) {
      CommandLine cli = new CommandLine(new Capstan());
      Subcommands.register(cli, args);
      assertThat(cli.getSubcommands().keySet()).as(String.join(" ", args)).containsAll(Subcommands.ALL.keySet());
    }
  }
}
