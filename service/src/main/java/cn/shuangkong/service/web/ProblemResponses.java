package cn.shuangkong.service.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import cn.shuangkong.service.api.model.FieldError;
import cn.shuangkong.service.excel.SpreadsheetRejected;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * The one place that turns failures into RFC 9457 problem details. Validation failures carry
 * {@code errors[]} of {@code {field, message}}; messages are in Chinese.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);
    private static final String INVALID_REQUEST = "请求参数有误";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Object> api(ApiException e) {
        return problem(e.status(), e.getMessage(), e.errors(), new HttpHeaders());
    }

    /** A refused spreadsheet: every problem at its sheet, row and column; the recorded import and its error report. */
    @ExceptionHandler(SpreadsheetRejected.class)
    ResponseEntity<Object> spreadsheet(SpreadsheetRejected e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("表格有误，未导入");
        problem.setProperty("errors", e.errors());
        if (e.importId() != null) {
            problem.setProperty("importId", e.importId());
            if (e.errors().stream().anyMatch(error -> error.getRow() != null)) {
                problem.setProperty("report", "/api/v1/imports/" + e.importId() + "/report.xlsx");
            }
        }
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e, HttpHeaders headers,
                                                                          HttpStatusCode status, WebRequest request) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "上传文件不能超过 20 MB", List.of(), headers);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> unauthenticated(AuthenticationException e) {
        // The security configuration has set the WWW-Authenticate challenge of its mode.
        return problem(HttpStatus.UNAUTHORIZED, "需要登录：请提供有效的用户名和密码或访问令牌", List.of(), new HttpHeaders());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "当前角色无权执行此操作", List.of(), new HttpHeaders());
    }

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class})
    ResponseEntity<Object> databaseUnavailable(RuntimeException e) {
        log.warn("Database unavailable: {}", e.getMessage());
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "数据库暂时不可用，请稍后重试", List.of(), headers);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, List.of(new FieldError(e.getName(), "取值无效：" + e.getValue())), new HttpHeaders());
    }

    /** Parameter constraints of the generated {@code @Validated} interfaces (page, size, …). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> {
                    String field = null;
                    for (Path.Node node : v.getPropertyPath()) {
                        field = node.getName();
                    }
                    return new FieldError(field, v.getMessage());
                })
                .sorted(Comparator.comparing(FieldError::getField))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, errors, new HttpHeaders());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, errors, headers);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b)
                    .orElse("body");
            String message = databind instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
                    ? "取值无效：" + invalid.getValue() + "，允许值：" + String.join("、", enumNames(invalid.getTargetType()))
                    : "格式或类型不正确";
            return problem(HttpStatus.BAD_REQUEST, INVALID_REQUEST, List.of(new FieldError(field, message)), headers);
        }
        return problem(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON", List.of(), headers);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Object> unexpected(RuntimeException e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", List.of(), new HttpHeaders());
    }

    private static List<String> enumNames(Class<?> type) {
        List<String> names = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            names.add(constant.toString());
        }
        return names;
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String detail, List<FieldError> errors, HttpHeaders headers) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).headers(headers).body(problem);
    }
}
