package cn.shuangkong.rules;

import java.util.List;

/** An uploaded decision table was refused: every problem with its sheet, row (as Excel numbers it) and column letter. */
public class RuleTableRejected extends RuntimeException {

    /** @param row 1-based, as Excel shows it; 0 when the problem is the whole sheet or file */
    public record Problem(String sheet, int row, String column, String message) {
    }

    private final List<Problem> problems;

    public RuleTableRejected(List<Problem> problems) {
        super("The decision table was refused: " + problems.size() + " problem(s), first: " + problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
