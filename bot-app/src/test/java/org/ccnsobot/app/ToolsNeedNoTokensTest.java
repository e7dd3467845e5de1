package org.ccnsobot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, point 16: the subcommands that never connect (export, audit, import, backup) run without the platform tokens; run still needs them. */
class ToolsNeedNoTokensTest {
    @TempDir
    Path dir;

    @Test
    void exportAuditImportAndBackupRunWithPlatformSectionsWhoseTokensAreUnset() throws Exception {
        Path db = dir.resolve("bot.db");
        Path config = dir.resolve("ccnso-bot.yaml");
        Files.writeString(config, "calendar: " + org.ccnsobot.testing.BotFixture.seedCalendar() + "\n" + """
                discord:
                  token: ${CCNSO_TEST_NEVER_SET_DISCORD_TOKEN}
                  guildId: "123456789012345678"
                  announcementChannel: "123456789012345679"
                slack:
                  botToken: ${CCNSO_TEST_NEVER_SET_SLACK_BOT_TOKEN}
                  appToken: ${CCNSO_TEST_NEVER_SET_SLACK_APP_TOKEN}
                  announcementChannel: C0123ABCD
                """);
        Path ics = dir.resolve("out.ics");

        Consoles.Run export = run("export", "--config", config.toString(), "--db", db.toString(), "--out", ics.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(Files.readString(ics)).startsWith("BEGIN:VCALENDAR");

        Consoles.Run audit = run("audit", "--config", config.toString(), "--db", db.toString());
        assertThat(audit.exit()).as(audit.err()).isZero();

        Consoles.Run imported = run("import", ics.toString(), "--dry-run", "--config", config.toString(), "--db", db.toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(imported.err()).doesNotContain("is not set");

        Path copy = dir.resolve("copy.db");
        Consoles.Run backup = run("backup", copy.toString(), "--config", config.toString(), "--db", db.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(backup.err()).doesNotContain("is not set");
        assertThat(copy).as("backup wrote its copy").isNotEmptyFile();

        Consoles.Run check = run("check-config", "--config", config.toString());
        assertThat(check.exit()).as("a command that connects still needs them").isNotZero();
        assertThat(check.out() + check.err()).contains("CCNSO_TEST_NEVER_SET_DISCORD_TOKEN is not set");
    }

    private static Consoles.Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.io.PrintStream oldErr = System.err;
        java.io.PrintStream oldOut = System.out;
        // the subcommands print to System.out/err themselves
        System.setErr(Consoles.print(err));
        System.setOut(Consoles.print(out));
        try {
            int exit = Main.run(args, Consoles.print(out), Consoles.print(err));
            return new Consoles.Run(exit, Consoles.text(out), Consoles.text(err));
        } finally {
            System.setErr(oldErr);
            System.setOut(oldOut);
        }
    }
}
