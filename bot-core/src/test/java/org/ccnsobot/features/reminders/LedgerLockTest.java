package org.ccnsobot.features.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import org.ccnsobot.testing.BotFixture;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.ccnsobot.outbox.LedgerBusyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-sender rule across processes: an OS file lock, refused while held, free again once its holder is killed. */
class LedgerLockTest {
    @TempDir
    Path dir;

    @Test
    void aBotRefusesWhileAnotherProcessHoldsTheLedgerAndStartsOnceThatProcessIsKilled() throws Exception {
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            Path db = dir.resolve("bot.db");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                    LockHolder.class.getName(), db.toString())).redirectErrorStream(true).start();
            try {
                String first = CompletableFuture.supplyAsync(() -> {
                    try {
                        return new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                                .readLine();
                    } catch (java.io.IOException e) {
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
                assertThat(first).startsWith("LOCKED");
                assertThatThrownBy(() -> f.start(true)).isInstanceOf(LedgerBusyException.class)
                        .hasMessageContaining("another ccnso-bot process (pid " + holder.pid() + " since ")
                        .hasMessageContaining("only one may");
            } finally {
                holder.destroyForcibly();
                assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        // SIGKILL released the lock: no lease to wait out
        try (BotFixture f = BotFixture.remindersWorld().open(dir)) {
            f.start(true);
            assertThat(f.outbox().running()).isTrue();
        }
    }
}
