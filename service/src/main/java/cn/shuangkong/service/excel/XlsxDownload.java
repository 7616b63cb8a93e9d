package cn.shuangkong.service.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** An .xlsx answered as a download with a Chinese file name (RFC 5987 encoded). */
public final class XlsxDownload {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private static final Logger log = LoggerFactory.getLogger(XlsxDownload.class);

    private XlsxDownload() {
    }

    public static ResponseEntity<Resource> of(byte[] workbook, String fileName) {
        return download(new ByteArrayResource(workbook), fileName);
    }

    /**
     * A workbook in a temporary file ({@link WorkbookWriter#toTemporaryFile()}), sent from disk with its length and deleted
     * when the request that answers it is over, whether or not it was sent.
     */
    public static ResponseEntity<Resource> of(Path temporaryWorkbook, String fileName) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            // Not answering a request: nothing would delete the file after sending it, so it is read and deleted now.
            try {
                return of(Files.readAllBytes(temporaryWorkbook), fileName);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                delete(temporaryWorkbook);
            }
        }
        request.registerDestructionCallback(XlsxDownload.class.getName() + ":" + temporaryWorkbook, () -> delete(temporaryWorkbook),
                RequestAttributes.SCOPE_REQUEST);
        return download(new FileSystemResource(temporaryWorkbook), fileName);
    }

    private static ResponseEntity<Resource> download(Resource workbook, String fileName) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
                .body(workbook);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary workbook {}: {}", file, e.getMessage());
        }
    }
}
