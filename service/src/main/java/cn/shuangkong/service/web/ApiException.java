package cn.shuangkong.service.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.shuangkong.service.api.model.FieldError;

/**
 * A refusal the API explains: its status, a detail in Chinese, and the offending fields if any.
 * Features throw the factory methods' results; {@link ProblemResponses} turns them into problem+json.
 */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    private ApiException(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** 400 naming the field. */
    public static ApiException invalidField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "请求参数有误", List.of(new FieldError(field, message)));
    }

    /** 422 naming the field: well-formed, but it cannot be evaluated as it stands. */
    public static ApiException unprocessableField(String field, String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "无法计算：请补充所需信息", List.of(new FieldError(field, message)));
    }

    /** 422 with its reason: a well-formed request that cannot be carried out as it stands. */
    public static ApiException unprocessable(String why) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, why, List.of());
    }

    /** 404: absent, or outside the caller's scope (the two are not told apart). */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, what + " 不存在", List.of());
    }

    /** 403: the caller's role or jurisdiction does not allow this. */
    public static ApiException forbidden(String why) {
        return new ApiException(HttpStatus.FORBIDDEN, why, List.of());
    }

    /** 409: the object exists already, or its state forbids the action. */
    public static ApiException conflict(String why) {
        return new ApiException(HttpStatus.CONFLICT, why, List.of());
    }

    /** 412: If-Match names a version that is no longer current. */
    public static ApiException staleVersion(int current) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "数据已被他人修改，当前版本为 " + current + "，请重新读取后再提交", List.of());
    }

    /** 428: a write that must be conditional came without If-Match. */
    public static ApiException versionRequired() {
        return new ApiException(HttpStatus.PRECONDITION_REQUIRED, "修改须带 If-Match 请求头（先读取得到的 ETag）", List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
