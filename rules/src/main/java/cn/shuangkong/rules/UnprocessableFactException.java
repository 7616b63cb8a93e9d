package cn.shuangkong.rules;

/**
 * A fact that is well-formed but cannot be evaluated without more information (a chemical that needs a
 * hazard symbol and has none, a chemical the catalogue does not know): 422 rather than 400.
 */
public class UnprocessableFactException extends InvalidFactException {

    public UnprocessableFactException(String field, String message) {
        super(field, message);
    }
}
