package dev.aap.agent.loop;

import dev.aap.core.secrets.Redactor;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * The last stop before text leaves for a model: every secret the scanner finds in any message (the issue, file
 * views, test output, retrieved code, the model's own earlier tool arguments) becomes a typed placeholder such as
 * {@code [REDACTED:aws-access-key]}. The trajectory and the response cache see the redacted messages only.
 */
final class MessageRedactor {

    private static final Redactor REDACTOR = Redactor.standard();

    private MessageRedactor() {
    }

    /** The messages with their secrets hidden; the same list when there was nothing to hide. */
    static List<ChatMessage> redact(List<ChatMessage> messages) {
        List<ChatMessage> out = null;
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage m = messages.get(i);
            ChatMessage r = redact(m);
            if (r != m && out == null) {
                out = new ArrayList<>(messages.subList(0, i));
            }
            if (out != null) {
                out.add(r);
            }
        }
        return out == null ? messages : out;
    }

    private static ChatMessage redact(ChatMessage m) {
        return switch (m) {
            case SystemMessage s -> hidden(s.text()) == null ? s : SystemMessage.from(hidden(s.text()));
            case UserMessage u -> user(u);
            case ToolExecutionResultMessage t -> {
                String r = hidden(t.text());
                yield r == null ? t : ToolExecutionResultMessage.from(t.id(), t.toolName(), r);
            }
            case AiMessage a -> ai(a);
            default -> m;
        };
    }

    private static ChatMessage user(UserMessage u) {
        List<Content> contents = new ArrayList<>();
        boolean any = false;
        for (Content c : u.contents()) {
            String r = c instanceof TextContent t ? hidden(t.text()) : null;
            any |= r != null;
            contents.add(r == null ? c : TextContent.from(r));
        }
        if (!any) {
            return u;
        }
        return u.name() == null ? UserMessage.from(contents) : UserMessage.from(u.name(), contents);
    }

    private static ChatMessage ai(AiMessage a) {
        String text = hidden(a.text());
        boolean any = text != null;
        List<ToolExecutionRequest> requests = new ArrayList<>();
        if (a.hasToolExecutionRequests()) {
            for (ToolExecutionRequest r : a.toolExecutionRequests()) {
                String args = hidden(r.arguments());
                any |= args != null;
                requests.add(args == null ? r : ToolExecutionRequest.builder().id(r.id()).name(r.name())
                        .arguments(args).build());
            }
        }
        if (!any) {
            return a;
        }
        String t = text != null ? text : a.text();
        return requests.isEmpty() ? AiMessage.from(t) : AiMessage.from(t, requests);
    }

    /** The text with its secrets replaced, or null when it holds none. */
    private static String hidden(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String r = REDACTOR.redact(text);
        return r.equals(text) ? null : r;
    }
}
