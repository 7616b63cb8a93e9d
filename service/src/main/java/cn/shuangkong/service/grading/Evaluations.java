package cn.shuangkong.service.grading;

import java.util.function.Supplier;

import cn.shuangkong.rules.InvalidFactException;
import cn.shuangkong.rules.UnprocessableFactException;
import cn.shuangkong.service.web.ApiException;

/** Runs a rule set and turns its refusals into API errors naming the field as the request spells it. */
public final class Evaluations {

    private Evaluations() {
    }

    /**
     * @param fieldPrefix where the rule set's input sits in the request body ({@code ""} at the top,
     *                    {@code "assessment."} inside a risk point)
     */
    public static <T> T evaluate(String fieldPrefix, Supplier<T> evaluation) {
        try {
            return evaluation.get();
        } catch (UnprocessableFactException e) {
            throw ApiException.unprocessableField(fieldPrefix + e.field(), e.getMessage());
        } catch (InvalidFactException e) {
            throw ApiException.invalidField(fieldPrefix + e.field(), e.getMessage());
        }
    }
}
