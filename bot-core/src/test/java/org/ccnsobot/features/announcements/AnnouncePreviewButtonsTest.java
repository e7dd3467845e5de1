package org.ccnsobot.features.announcements;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import org.ccnsobot.port.Actor;
import org.ccnsobot.port.Block;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.Place;
import org.ccnsobot.port.Reply;
import org.ccnsobot.testing.BotFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, points 3 and 11: the preview offers Confirm and Cancel as buttons, beside the words that say the same, and
 * Edit, which opens the announcement form pre-filled from the draft where the platform has forms.
 */
class AnnouncePreviewButtonsTest {
    @TempDir
    Path dir;

    @Test
    void thePreviewCarriesConfirmEditAndCancelForItsDraft() throws Exception {
        try (BotFixture f = BotFixture.announcementsWorld().open(dir)) {
            Reply preview = f.bot().handle(Invocation.text(new Actor("disc", "staffer", "staffer", Set.of()),
                    new Place("disc", "channel-1", false), "announce Registration closes Friday", f.clock().instant()));
            assertThat(preview.personal()).isTrue();
            String text = preview.message().fallbackText();
            assertThat(text).startsWith("Preview of announcement ");
            String id = text.substring("Preview of announcement ".length(), text.indexOf(' ', "Preview of announcement ".length()));
            assertThat(preview.message().blocks()).filteredOn(b -> b instanceof Block.Actions).singleElement()
                    .satisfies(b -> assertThat(((Block.Actions) b).actions())
                            .extracting(a -> a.label() + " " + a.command() + " " + (a.opensForm()
                                    ? "form draft=" + a.options().get("draft") : a.options().get("text")))
                            .containsExactly("Confirm announce confirm " + id, "Edit announce form draft=" + id,
                                    "Cancel announce cancel " + id));
        }
    }
}
