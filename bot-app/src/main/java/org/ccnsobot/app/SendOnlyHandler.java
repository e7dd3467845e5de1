package org.ccnsobot.app;

import java.util.List;
import org.ccnsobot.port.CommandInfo;
import org.ccnsobot.port.InboundHandler;
import org.ccnsobot.port.Invocation;
import org.ccnsobot.port.OutgoingMessage;
import org.ccnsobot.port.Reply;

/** The fan-out benches only send: they start a platform with no commands, and nothing asks them anything. */
final class SendOnlyHandler implements InboundHandler {
    @Override
    public Reply handle(Invocation invocation) {
        return Reply.personally(OutgoingMessage.text("benchmark"));
    }

    @Override
    public List<CommandInfo> commands() {
        return List.of();
    }

    @Override
    public List<InboundHandler.Choice> complete(String command, String option, String prefix, int limit) {
        return List.of();
    }
}
