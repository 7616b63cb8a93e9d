package cn.shuangkong.rules;

/** A fact that a rule set refuses to evaluate, naming the offending input. */
public class InvalidFactException extends IllegalArgumentException {

    private final String field;

    public InvalidFactException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
