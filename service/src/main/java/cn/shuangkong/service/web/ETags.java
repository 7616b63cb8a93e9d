package cn.shuangkong.service.web;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Versions as entity tags: the ETag of version 3 is {@code "3"}. */
public final class ETags {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"(\\d{1,9})\"$");

    private ETags() {
    }

    public static String of(int version) {
        return "\"" + version + "\"";
    }

    /**
     * The version an If-Match header expects, for the {@code WHERE version = ?} of the write: 428 when the
     * header is absent; empty for {@code *}, which matches any current version (RFC 9110 §13.1.1); a tag
     * that is no version of ours expects a version that never exists, so the write answers 412.
     */
    public static OptionalInt expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.versionRequired();
        }
        String tag = ifMatch.trim();
        if (tag.equals("*")) {
            return OptionalInt.empty();
        }
        Matcher m = TAG.matcher(tag);
        return OptionalInt.of(m.matches() ? Integer.parseInt(m.group(1)) : -1);
    }

    /**
     * The If-Match precondition against the version just read, before anything else is checked (RFC 9110 §13.2.2):
     * a stale tag is 412 whatever else is wrong with the request. Returns the expected version for the write.
     */
    public static OptionalInt requireCurrent(String ifMatch, int currentVersion) {
        OptionalInt expected = expectedVersion(ifMatch);
        if (expected.isPresent() && expected.getAsInt() != currentVersion) {
            throw ApiException.staleVersion(currentVersion);
        }
        return expected;
    }
}
