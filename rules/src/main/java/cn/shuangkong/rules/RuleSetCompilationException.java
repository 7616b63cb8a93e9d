package cn.shuangkong.rules;

import java.util.List;

/** A rule set's files do not compile; the messages are Drools' own. */
public class RuleSetCompilationException extends RuntimeException {

    private final List<String> messages;

    public RuleSetCompilationException(List<String> messages) {
        super("The rule set does not compile: " + String.join("; ", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
