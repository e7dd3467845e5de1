package org.ccnsobot.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.ccnsobot.i18n.Messages;
import org.ccnsobot.kernel.CommandSpec;
import org.ccnsobot.kernel.OptionSpec;
import org.ccnsobot.testing.BotFixture;
import org.ccnsobot.time.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command and option has its words in the bundles (cmd.<name>, cmd.<name>.<option>), and the English entry
 * is the spec's own text: a command added or reworded without its bundle entry fails here.
 */
class CommandTextsTest {

    @Test
    void everyCommandAndOptionIsInTheBundlesAndEnglishMatchesTheSpec(@TempDir Path dir) throws Exception {
        try (Bot bot = BotFixture.seedBot(dir, new ManualClock(BotFixture.START))) {
            Messages m = Messages.get();
            for (CommandSpec s : bot.engine().specs()) {
                assertThat(m.has("cmd." + s.name())).as("cmd.%s", s.name()).isTrue();
                assertThat(m.text(Locale.ENGLISH, "cmd." + s.name())).isEqualTo(s.summary());
                for (OptionSpec o : s.options()) {
                    String key = "cmd." + s.name() + "." + o.name();
                    assertThat(m.has(key)).as(key).isTrue();
                    assertThat(m.text(Locale.ENGLISH, key)).as(key).isEqualTo(o.description());
                }
            }
        }
    }

    @Test
    void helpIsInTheMembersLanguage(@TempDir Path dir) throws Exception {
        try (BotFixture f = BotFixture.builder().at(BotFixture.START).platform("chat").open(dir)) {
            String english = f.say("ana", "help");
            assertThat(english).startsWith("Commands:\n").contains("next [filter…] — The next event");
            f.say("ana", "language fr");
            assertThat(f.say("ana", "help")).startsWith("Commandes :\n")
                    .contains(" — Le prochain événement, ou le prochain d'un comité ou sur un sujet")
                    .contains("Vous pouvez aussi poser votre question en toutes lettres");
            assertThat(f.say("ana", "help next")).contains("Exemples : ").contains("filter: Un comité, une réunion");
            assertThat(f.say("ana", "nxt")).isEqualTo("Commande inconnue : « nxt » ; vouliez-vous dire next ?");
            f.say("ana", "language es");
            assertThat(f.say("ana", "help timezone")).contains("Ver o cambiar la zona horaria");
        }
    }
}
